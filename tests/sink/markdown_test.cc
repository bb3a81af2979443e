// Markdown output: the walk's inline markup (emphasis, code, links,
// escapes) and the sink's layout of blocks (headings, lists, quotes,
// tables, code blocks). Pages are parsed with markup on and every block
// kept, unless a test drops some.
#include <catch2/catch.hpp>

#include <string>

#include "block/block.h"
#include "html/parse.h"
#include "sink/assemble.h"
#include "text/parse.h"

namespace {

using webclean::block::Document;

Document parsed(const std::string& html, bool links = false, const std::string& url = "") {
  webclean::html::ParseOptions options;
  options.inline_markup = true;
  options.link_targets = links;
  return webclean::html::parse(html, options, nullptr, url);
}

std::string markdown_of(const std::string& html, bool links = false, const std::string& url = "") {
  return webclean::sink::assemble_markdown(parsed(html, links, url));
}

}  // namespace

TEST_CASE("headings become # to ###### by their level", "[sink][markdown]") {
  CHECK(
      markdown_of("<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>") ==
      "# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six");
}

TEST_CASE("paragraphs are separated by a blank line and a br is a hard break", "[sink][markdown]") {
  CHECK(markdown_of("<p>First paragraph.</p><p>Second line one<br>line two</p>") ==
        "First paragraph.\n\nSecond line one\\\nline two");
}

TEST_CASE("list items get - and ordered ones their number; nested lists are indented",
          "[sink][markdown]") {
  const std::string html =
      "<p>Intro.</p><ul><li>apples</li><li>pears<ul><li>green</li><li>red</li></ul></li>"
      "<li>plums</li></ul><ol><li>first</li><li>second<ol><li>inner</li></ol></li></ol>";
  CHECK(markdown_of(html) ==
        "Intro.\n\n"
        "- apples\n- pears\n  - green\n  - red\n- plums\n\n"
        "1. first\n2. second\n   1. inner");
}

TEST_CASE("paragraphs inside a list item continue the item, indented under its text",
          "[sink][markdown]") {
  CHECK(markdown_of("<ol><li><p>Step one.</p><p>More on it.</p></li><li>Step two.</li></ol>") ==
        "1. Step one.\n\n   More on it.\n\n2. Step two.");
}

TEST_CASE("a dropped list item leaves no marker and the next kept one keeps its number",
          "[sink][markdown]") {
  Document doc = parsed("<ol><li>kept one</li><li>dropped</li><li>kept three</li></ol>");
  REQUIRE(doc.blocks.size() == 3);
  doc.blocks[1].decision.keep = false;
  CHECK(webclean::sink::assemble_markdown(doc) == "1. kept one\n3. kept three");
}

TEST_CASE("quotes are prefixed with > on every line, blank lines inside included",
          "[sink][markdown]") {
  CHECK(markdown_of("<blockquote><p>Said one.</p><p>Said two.</p></blockquote><p>After.</p>") ==
        "> Said one.\n>\n> Said two.\n\nAfter.");
  CHECK(markdown_of("<blockquote>Outer<blockquote>inner</blockquote></blockquote>") ==
        "> Outer\n>\n> > inner");
  CHECK(markdown_of("<ul><li><blockquote>quoted in an item</blockquote></li></ul>") ==
        "- > quoted in an item");
}

TEST_CASE("a table of data is a pipe table with its first row as header and pipes escaped",
          "[sink][markdown]") {
  const std::string html =
      "<table><tr><th>Name</th><th>Value</th></tr>"
      "<tr><td>a | b</td><td><b>bold</b></td></tr>"
      "<tr><td>only one cell</td></tr></table>";
  CHECK(markdown_of(html) ==
        "| Name | Value |\n| --- | --- |\n| a \\| b | **bold** |\n| only one cell |  |");
  // Without th cells the first row is the header all the same.
  CHECK(markdown_of("<table><tr><td>x</td><td>y</td></tr><tr><td>1</td><td>2</td></tr></table>") ==
        "| x | y |\n| --- | --- |\n| 1 | 2 |");
}

TEST_CASE("a table cell with a line break stays on one line", "[sink][markdown]") {
  CHECK(markdown_of("<table><tr><td>a<br>b</td><td>c</td></tr></table>") ==
        "| a b | c |\n| --- | --- |");
}

TEST_CASE("rows whose cells were all dropped are left out of a table", "[sink][markdown]") {
  Document doc = parsed(
      "<table><tr><th>H1</th><th>H2</th></tr><tr><td>ad</td><td>ad</td></tr>"
      "<tr><td>v1</td><td>v2</td></tr></table>");
  REQUIRE(doc.blocks.size() == 6);
  doc.blocks[2].decision.keep = false;
  doc.blocks[3].decision.keep = false;
  doc.blocks[5].decision.keep = false;
  CHECK(webclean::sink::assemble_markdown(doc) == "| H1 | H2 |\n| --- | --- |\n| v1 |  |");
}

TEST_CASE("a layout table (paragraphs in its cells, or one column) keeps its blocks as blocks",
          "[sink][markdown]") {
  CHECK(markdown_of("<table><tr><td><p>Story text.</p></td><td><h2>Side</h2></td></tr></table>") ==
        "Story text.\n\n## Side");
  CHECK(markdown_of("<table><tr><td>one</td></tr><tr><td>two</td></tr></table>") == "one\n\ntwo");
}

TEST_CASE("pre is a fenced code block, with a longer fence when it holds backticks",
          "[sink][markdown]") {
  CHECK(markdown_of("<pre class=\"language-python\">def f():\n    return *x*</pre>") ==
        "```python\ndef f():\n    return *x*\n```");
  CHECK(markdown_of("<pre>a ``` fence\n````</pre>") == "`````\na ``` fence\n````\n`````");
  CHECK(markdown_of("<ul><li>item<pre>code\n  indented</pre></li></ul>") ==
        "- item\n\n  ```\n  code\n    indented\n  ```");
}

TEST_CASE("strong, emphasis and code are kept, nested too", "[sink][markdown]") {
  CHECK(markdown_of("<p>a <b>bold</b> and <strong>strong</strong> word</p>") ==
        "a **bold** and **strong** word");
  CHECK(markdown_of("<p><i>it</i> <em>em</em></p>") == "*it* *em*");
  CHECK(markdown_of("<p><b>bold <i>both</i></b> end</p>") == "**bold *both*** end");
  CHECK(markdown_of("<p><strong><strong>twice</strong> </strong>after</p>") == "**twice** after");
  CHECK(markdown_of("<p>call <code>f(*x*)</code> now</p>") == "call `f(*x*)` now");
  CHECK(markdown_of("<p><code>a`b</code> and <code>`x</code></p>") == "``a`b`` and `` `x ``");
}

TEST_CASE("emphasis hugs its words: spaces and empty elements stay outside", "[sink][markdown]") {
  CHECK(markdown_of("<p>one<b> two </b>three</p>") == "one **two** three");
  CHECK(markdown_of("<p>one <b> </b>two<i></i></p>") == "one two");
}

TEST_CASE("emphasis around blocks is closed in each block and opened again", "[sink][markdown]") {
  CHECK(markdown_of("<b><p>first</p><p>second</p></b>") == "**first**\n\n**second**");
}

TEST_CASE("with links on, links keep their targets, resolved against the page",
          "[sink][markdown]") {
  const std::string html =
      "<p>See <a href=\"/docs/a.html\">the <em>docs</em></a>, <a href=\"b c(1).html\">this</a>, "
      "<a href=\"https://other.org/x?q=1&amp;r=2\">that</a>, <a href=\"#top\">top</a> and "
      "<a href=\"javascript:void(0)\">nothing</a>.</p>";
  CHECK(markdown_of(html, true, "https://example.org/news/story.html") ==
        "See [the *docs*](https://example.org/docs/a.html), "
        "[this](https://example.org/news/b%20c%281%29.html), "
        "[that](https://other.org/x?q=1&r=2), top and nothing.");
}

TEST_CASE("without links, or without a page URL, link targets are plain text or relative",
          "[sink][markdown]") {
  const std::string html = "<p>See <a href=\"../a.html\">this</a>.</p>";
  CHECK(markdown_of(html) == "See this.");
  CHECK(markdown_of(html, true) == "See [this](../a.html).");
}

TEST_CASE("a base element changes what links resolve against", "[sink][markdown]") {
  const std::string html =
      "<html><head><base href=\"https://cdn.example.org/root/\"></head>"
      "<body><p><a href=\"page.html\">page</a></p></body></html>";
  CHECK(markdown_of(html, true, "https://example.org/") ==
        "[page](https://cdn.example.org/root/page.html)");
}

TEST_CASE("characters Markdown would read as markup are escaped", "[sink][markdown]") {
  CHECK(markdown_of("<p>*stars* [link] &lt;tag&gt; a\\b &amp;amp; snake_case _edge_</p>") ==
        "\\*stars\\* \\[link\\] \\<tag> a\\\\b \\&amp; snake_case \\_edge\\_");
  CHECK(markdown_of("<p>1. not a list</p><p># not a heading</p><p>- no item</p>"
                    "<p>&gt; no quote</p><p>2024) a year</p>") ==
        "1\\. not a list\n\n\\# not a heading\n\n\\- no item\n\n\\> no quote\n\n2024\\) a year");
  CHECK(markdown_of("<h2>C#</h2><h2>Issue ##</h2>") == "## C#\n\n## Issue \\##");
}

TEST_CASE("a line after a br is escaped like a first line", "[sink][markdown]") {
  CHECK(markdown_of("<p>Intro<br>- not an item<br>===</p>") == "Intro\\\n\\- not an item\\\n\\===");
}

TEST_CASE("text documents keep their paragraphs and lines, escaped at line starts",
          "[sink][markdown]") {
  Document doc = webclean::text::parse("A title line\n\n1. first\nsecond *line*\n\nLast.\n");
  CHECK(webclean::sink::assemble_markdown(doc) ==
        "A title line\n\n1\\. first\nsecond \\*line\\*\n\nLast.");
}

TEST_CASE("only kept blocks are rendered", "[sink][markdown]") {
  Document doc = parsed("<h1>Title</h1><p>Menu</p><p>Body.</p>");
  REQUIRE(doc.blocks.size() == 3);
  doc.blocks[1].decision.keep = false;
  CHECK(webclean::sink::assemble_markdown(doc) == "# Title\n\nBody.");
}

TEST_CASE("the plain text of blocks is the same with markup on or off", "[sink][markdown]") {
  const std::string html =
      "<p>a <b>b</b> <a href=\"/x\">c <i>d</i></a><br><code>e</code></p><pre> f\n g</pre>"
      "<ul><li>h <em>i</em></li></ul>";
  const Document plain = webclean::html::parse(html);
  const Document marked = parsed(html, true, "https://example.org/");
  REQUIRE(plain.blocks.size() == marked.blocks.size());
  for (size_t i = 0; i < plain.blocks.size(); ++i) {
    CHECK(plain.blocks[i].text == marked.blocks[i].text);
    CHECK(plain.blocks[i].link_chars == marked.blocks[i].link_chars);
    CHECK(plain.blocks[i].markup.empty());
  }
}
