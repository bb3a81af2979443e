// Tests of the HTML parse: blocks laid out like a browser's paragraphs,
// the nodes around them, their flags, and the page hints.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "block/block.h"
#include "html/parse.h"
#include "html/prescan.h"

namespace {

using webclean::block::Block;
using webclean::block::Document;
using webclean::block::Kind;
using webclean::block::Node;
using webclean::html::parse;

std::vector<std::string> texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& block : doc.blocks) out.push_back(block.text);
  return out;
}

const Node& node_of(const Document& doc, const Block& block) {
  REQUIRE(block.node >= 0);
  REQUIRE(size_t(block.node) < doc.nodes.size());
  return doc.nodes[size_t(block.node)];
}

// The first node with this tag; fails the test when there is none.
int32_t find_node(const Document& doc, const std::string& tag) {
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    if (doc.nodes[i].tag == tag) return int32_t(i);
  }
  FAIL("no node <" << tag << ">");
  return -1;
}

}  // namespace

TEST_CASE("text around a paragraph inside a div makes three blocks", "[html][parse]") {
  Document doc = parse("<div>a<p>b</p>c</div>");
  REQUIRE(texts(doc) == std::vector<std::string>{"a", "b", "c"});
  int32_t div = find_node(doc, "div");
  int32_t p = find_node(doc, "p");
  CHECK(doc.blocks[0].node == div);
  CHECK(doc.blocks[1].node == p);
  CHECK(doc.blocks[2].node == div);
  CHECK(doc.nodes[size_t(p)].parent == div);
  CHECK(doc.nodes[size_t(p)].depth == doc.nodes[size_t(div)].depth + 1);
  CHECK(doc.is_html);
}

TEST_CASE("nodes come parents first and html and body are nodes", "[html][parse]") {
  Document doc = parse(
      "<body>top<section><div><ul><li>x<p>y</p></li></ul></div><span class=s><div>z</div>"
      "</span></section></body>");
  REQUIRE(doc.nodes.size() >= 2);
  CHECK(doc.nodes[0].tag == "html");
  CHECK(doc.nodes[0].parent == -1);
  CHECK(doc.nodes[1].tag == "body");
  for (size_t i = 1; i < doc.nodes.size(); ++i) {
    INFO("node " << i << " <" << doc.nodes[i].tag << ">");
    CHECK(doc.nodes[i].parent >= 0);
    CHECK(size_t(doc.nodes[i].parent) < i);
    CHECK(doc.nodes[i].depth == doc.nodes[size_t(doc.nodes[i].parent)].depth + 1);
  }
  CHECK(node_of(doc, doc.blocks[0]).tag == "body");
}

TEST_CASE("an identified inline element around blocks becomes a node", "[html][parse]") {
  Document doc = parse("<div><span class=\"wrap\" id=w><div>x</div></span></div>");
  int32_t span = find_node(doc, "span");
  CHECK(doc.nodes[size_t(span)].classes == "wrap");
  CHECK(doc.nodes[size_t(span)].id == "w");
  REQUIRE(doc.blocks.size() == 1);
  const Node& inner = node_of(doc, doc.blocks[0]);
  CHECK(inner.tag == "div");
  CHECK(inner.parent == span);
}

TEST_CASE("an identified inline element without blocks inside is no node", "[html][parse]") {
  Document doc = parse("<p>a <span class=\"c\" role=note>b</span> c</p>");
  for (const Node& node : doc.nodes) CHECK(node.tag != "span");
  REQUIRE(texts(doc) == std::vector<std::string>{"a b c"});
}

TEST_CASE("br gives one line break inside the block, trimmed at the ends", "[html][parse]") {
  Document doc = parse("<p><br>one <br> two<br><br>three<br></p>");
  REQUIRE(texts(doc) == std::vector<std::string>{"one\ntwo\nthree"});
}

TEST_CASE("pre keeps its line breaks and spaces", "[html][parse]") {
  Document doc = parse("<pre>line 1\n  line  2\n<b>bold</b>   end</pre><p>a   b</p>");
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[0].text == "line 1\n  line  2\nbold   end");
  CHECK(doc.blocks[0].kind == Kind::kPre);
  CHECK(doc.blocks[1].text == "a b");
}

TEST_CASE("headings carry their kind and level", "[html][parse]") {
  Document doc = parse("<h1>One</h1><h3>Three</h3><h6>Six</h6>");
  REQUIRE(doc.blocks.size() == 3);
  CHECK(doc.blocks[0].kind == Kind::kHeading);
  CHECK(doc.blocks[0].heading_level == 1);
  CHECK(doc.blocks[1].heading_level == 3);
  CHECK(doc.blocks[2].heading_level == 6);
  CHECK(doc.blocks[2].text == "Six");
}

TEST_CASE("list items, table cells, quotes and captions get their kinds", "[html][parse]") {
  Document doc = parse(
      "<ul><li>one</li><li>two</li></ul><dl><dt>t</dt><dd>d</dd></dl>"
      "<table><caption>cap</caption><tr><td>a</td><th>b</th></tr></table>"
      "<blockquote>said<p>para</p></blockquote><figure><figcaption>fig</figcaption></figure>");
  REQUIRE(texts(doc) ==
          std::vector<std::string>{"one", "two", "t", "d", "cap", "a", "b", "said", "para", "fig"});
  CHECK(doc.blocks[0].kind == Kind::kListItem);
  CHECK(doc.blocks[1].kind == Kind::kListItem);
  CHECK(doc.blocks[2].kind == Kind::kListItem);
  CHECK(doc.blocks[3].kind == Kind::kListItem);
  CHECK(doc.blocks[4].kind == Kind::kCaption);
  CHECK(doc.blocks[5].kind == Kind::kTableCell);
  CHECK(doc.blocks[6].kind == Kind::kTableCell);
  CHECK(doc.blocks[7].kind == Kind::kQuote);
  CHECK(doc.blocks[8].kind == Kind::kParagraph);
  CHECK(doc.blocks[9].kind == Kind::kCaption);
}

TEST_CASE("inline elements do not break a block", "[html][parse]") {
  Document doc = parse(
      "<p>a <a href=x>b</a> <em>c</em><strong>d</strong> <span>e</span> <img src=i.png> "
      "<code>f</code><sup>1</sup></p>");
  REQUIRE(texts(doc) == std::vector<std::string>{"a b cd e f1"});
}

TEST_CASE("whitespace runs collapse and the block is trimmed", "[html][parse]") {
  Document doc = parse("<p>  a \n\t b  &nbsp; </p><p> \n </p><p>&nbsp;</p>");
  REQUIRE(texts(doc) == std::vector<std::string>{"a b"});
}

TEST_CASE("link_chars counts the code points inside <a href>", "[html][parse]") {
  Document doc = parse(
      "<p>abcde <a href=\"/x\">fghij</a></p><p><a>anchor</a> text</p>"
      "<p><a href=/>\xC3\xA9t\xC3\xA9</a></p>");
  REQUIRE(doc.blocks.size() == 3);
  CHECK(doc.blocks[0].text == "abcde fghij");
  CHECK(doc.blocks[0].link_chars == 5);
  CHECK(doc.blocks[1].link_chars == 0);
  CHECK(doc.blocks[2].link_chars == 3);
}

TEST_CASE("hidden inline text is skipped", "[html][parse]") {
  Document doc = parse(
      "<p>shown <span style=\"display:none\">secret1</span><span hidden>secret2</span>"
      "<em aria-hidden=\"true\">secret3</em><i style=\"visibility: hidden\">secret4</i>text</p>");
  REQUIRE(texts(doc) == std::vector<std::string>{"shown text"});
}

TEST_CASE("a link hidden from screen readers only is shown text, other aria-hidden text is not",
          "[html][parse]") {
  Document doc = parse(
      "<p><a href=\"/a\" aria-hidden=\"true\" tabindex=\"-1\">A teaser</a> "
      "<i aria-hidden=\"true\">arrow_forward</i>"
      "<a href=\"/b\" aria-hidden=\"true\" style=\"display:none\">secret</a></p>");
  REQUIRE(texts(doc) == std::vector<std::string>{"A teaser"});
}

TEST_CASE("a hidden block is flagged and its text still emitted", "[html][parse]") {
  Document doc = parse("<div hidden><p>x</p></div><div style=\"DISPLAY : NONE\">y</div>");
  REQUIRE(texts(doc) == std::vector<std::string>{"x", "y"});
  int32_t div = find_node(doc, "div");
  CHECK((doc.nodes[size_t(div)].flags & webclean::block::kHidden) != 0);
  CHECK(webclean::block::is_within(doc, doc.blocks[0].node, div));
  CHECK((node_of(doc, doc.blocks[1]).flags & webclean::block::kHidden) != 0);
}

TEST_CASE("form controls, media and ruby annotations give no text", "[html][parse]") {
  Document doc = parse(
      "<p>a<button>Click</button><select><option>Opt</option></select><textarea>ta</textarea>"
      "<input value=v><video>vid</video><audio>aud</audio><canvas>cv</canvas>"
      "<object>obj</object><iframe>ifr</iframe><map>m</map>b</p>"
      "<p><ruby>\xE6\xBC\xA2<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>\xE5\xAD\x97</p>");
  REQUIRE(texts(doc) == std::vector<std::string>{"ab", "\xE6\xBC\xA2\xE5\xAD\x97"});
}

TEST_CASE("MathML annotations give no text", "[html][parse]") {
  Document doc = parse(
      "<p>x <math><semantics><mi>y</mi><annotation>TeX</annotation>"
      "<annotation-xml>xml</annotation-xml></semantics></math></p>");
  REQUIRE(texts(doc) == std::vector<std::string>{"x y"});
}

TEST_CASE("article, articleBody and main are flagged", "[html][parse]") {
  Document doc = parse(
      "<article><p>a</p></article>"
      "<div itemscope itemtype=\"https://schema.org/NewsArticle\"><p>b</p></div>"
      "<div itemprop=\"text articleBody\"><p>c</p></div>"
      "<main><p>d</p></main><div role=\"main\"><p>e</p></div><div class=plain><p>f</p></div>");
  REQUIRE(doc.blocks.size() == 6);
  auto parent_flags = [&](size_t i) {
    return doc.nodes[size_t(node_of(doc, doc.blocks[i]).parent)].flags;
  };
  CHECK((parent_flags(0) & webclean::block::kArticle) != 0);
  CHECK((parent_flags(1) & webclean::block::kArticle) != 0);
  CHECK((parent_flags(2) & webclean::block::kArticleBody) != 0);
  CHECK((parent_flags(3) & webclean::block::kMain) != 0);
  CHECK((parent_flags(4) & webclean::block::kMain) != 0);
  CHECK(parent_flags(5) == 0);
  const Node& schema = doc.nodes[size_t(node_of(doc, doc.blocks[1]).parent)];
  CHECK(schema.itemtype == "https://schema.org/NewsArticle");
  CHECK(doc.nodes[size_t(node_of(doc, doc.blocks[2]).parent)].itemprop == "text articleBody");
}

TEST_CASE("a block inside a link is flagged as inside a link", "[html][parse]") {
  Document doc = parse("<a href=/story><div>Headline</div></a><div>plain</div>");
  REQUIRE(doc.blocks.size() == 2);
  CHECK((node_of(doc, doc.blocks[0]).flags & webclean::block::kInsideLink) != 0);
  CHECK(doc.blocks[0].link_chars == 8);
  CHECK((node_of(doc, doc.blocks[1]).flags & webclean::block::kInsideLink) == 0);
}

TEST_CASE("nodes keep aria-label and short data type/component attributes", "[html][parse]") {
  Document doc = parse(
      "<div role=navigation aria-label=\"Main menu\" data-component=\"nav\" data-type=\"x\" "
      "data-foo=\"y\"><p>t</p></div>");
  const Node& div = doc.nodes[size_t(find_node(doc, "div"))];
  CHECK(div.role == "navigation");
  using Attr = std::pair<std::string, std::string>;
  CHECK(div.attrs == std::vector<Attr>{{"aria-label", "Main menu"},
                                       {"data-component", "nav"},
                                       {"data-type", "x"}});
}

TEST_CASE("page hints: title, lang, meta, JSON-LD and canonical", "[html][parse]") {
  Document doc = parse(
      "<!DOCTYPE html><html lang=\"de-CH\"><head><title>  The   Title </title>"
      "<meta name=\"Description\" content=\"About it\">"
      "<meta property=\"og:title\" content=\"OG &amp; title\">"
      "<meta charset=\"utf-8\"><link rel=\"canonical\" href=\"https://example.org/a\">"
      "<script type=\"application/ld+json\">{\"@type\":\"Article\"}</script></head>"
      "<body><span itemprop=\"datePublished\"><meta itemprop=\"datePublished\" "
      "content=\"2020-01-02\"></span><p>text</p></body></html>");
  CHECK(doc.hints.title == "The Title");
  CHECK(doc.hints.lang == "de-CH");
  CHECK(doc.hints.canonical_url == "https://example.org/a");
  REQUIRE(doc.hints.json_ld.size() == 1);
  CHECK(doc.hints.json_ld[0] == "{\"@type\":\"Article\"}");
  using Meta = std::pair<std::string, std::string>;
  CHECK(doc.hints.meta == std::vector<Meta>{{"description", "About it"},
                                            {"og:title", "OG & title"},
                                            {"datepublished", "2020-01-02"}});
  REQUIRE(texts(doc) == std::vector<std::string>{"text"});
}

TEST_CASE("body lang stands in for a missing html lang", "[html][parse]") {
  CHECK(parse("<body lang=fr><p>x</p></body>").hints.lang == "fr");
}

TEST_CASE("a title containing <script> is the title's text", "[html][parse]") {
  Document doc = parse("<title>a <script> b</title><p>c</p>");
  CHECK(doc.hints.title == "a <script> b");
  REQUIRE(texts(doc) == std::vector<std::string>{"c"});
}

TEST_CASE("character references are decoded", "[html][parse]") {
  Document doc = parse("<p>Tom &amp; Jerry &lt;3 &eacute;t&#233; &#x263A;</p>");
  REQUIRE(texts(doc) == std::vector<std::string>{"Tom & Jerry <3 \xC3\xA9t\xC3\xA9 \xE2\x98\xBA"});
}

TEST_CASE("soft hyphens inside words are kept", "[html][parse]") {
  Document doc = parse("<p>Silben&shy;trennung</p>");
  REQUIRE(texts(doc) == std::vector<std::string>{"Silben\xC2\xADtrennung"});
}

TEST_CASE("a script ended by </script and a newline leaves the rest of the page", "[html][parse]") {
  Document doc = parse("<p>a</p><script>run()</script\n<div>b</div><p>c</p>");
  REQUIRE(texts(doc) == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("head content and scripts give no blocks", "[html][parse]") {
  Document doc = parse(
      "<html><head><title>T</title><style>p{}</style></head><body><script>x()</script>"
      "<noscript>enable js</noscript><template><p>tpl</p></template><p>body</p></body></html>");
  REQUIRE(texts(doc) == std::vector<std::string>{"body"});
}

TEST_CASE("a page nested 100000 elements deep keeps its text and no more nodes than the cap",
          "[html][parse]") {
  constexpr int kDepth = 100000;
  std::string html;
  html.reserve(kDepth * 20);
  for (int i = 0; i < kDepth; ++i) html += "<span class=s>";
  html += "<div>deep</div>";
  Document doc = parse(html);
  REQUIRE(texts(doc) == std::vector<std::string>{"deep"});
  CHECK(doc.nodes.size() <= webclean::html::params::kMaxDepth + 8);
}

TEST_CASE("a million nested divs are parsed in bounded time with their text kept",
          "[html][parse]") {
  constexpr int kDepth = 1000000;
  std::string html;
  html.reserve(kDepth * 11 + 16);
  for (int i = 0; i < kDepth; ++i) html += "<div>";
  html += "bottom";
  for (int i = 0; i < kDepth; ++i) html += "</div>";
  html += "<p>after</p>";
  Document doc = parse(html);
  CHECK(texts(doc) == std::vector<std::string>{"bottom", "after"});
}

TEST_CASE("nesting up to the cap keeps every level", "[html][parse]") {
  constexpr int kDepth = 1500;
  std::string html;
  for (int i = 0; i < kDepth; ++i) html += "<div>";
  html += "x";
  Document doc = parse(html);
  REQUIRE(texts(doc) == std::vector<std::string>{"x"});
  CHECK(node_of(doc, doc.blocks[0]).depth == uint32_t(kDepth + 1));  // under html and body
}

TEST_CASE("thousands of unclosed paragraphs do not count as nesting", "[html][parse]") {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<p>para " + std::to_string(i);
  Document doc = parse(html);
  CHECK(texts(doc).size() == 5000);
}

TEST_CASE("start tags past the element budget are left out and their text kept", "[html][parse]") {
  const size_t count = webclean::html::params::kMaxElements + 1000;
  std::string html;
  html.reserve(count * 12);
  for (size_t i = 0; i < count; ++i) html += "<p>w" + std::to_string(i % 10);
  Document doc = parse(html);
  const std::vector<std::string> got = texts(doc);
  // Each written <p> is one block; the rest of the text runs on in the last.
  CHECK(got.size() <= webclean::html::params::kMaxElements);
  CHECK(got.size() > webclean::html::params::kMaxElements - 10);
  CHECK(got.back().size() > 1000 * 2);
  CHECK(doc.nodes.size() <= webclean::html::params::kMaxElements + 8);
}

TEST_CASE("a lone < is text", "[html][parse]") {
  REQUIRE(texts(parse("<")) == std::vector<std::string>{"<"});
  REQUIRE(texts(parse("<p>1 < 2</p>")) == std::vector<std::string>{"1 < 2"});
}

TEST_CASE("empty and markup-only input give an empty document", "[html][parse]") {
  for (const char* input :
       {"", "<html>", "<!-- x", "<script>", "\xEF\xBB\xBF", "<p>\xEF\xBB\xBF</p>"}) {
    INFO(input);
    Document doc = parse(input);
    CHECK(doc.is_html);
    CHECK(doc.blocks.empty());
  }
}

TEST_CASE("text laid out inside pre is a pre block whatever element holds it", "[html][parse]") {
  Document doc = parse("<pre>  top\n<div>  inner  line</div></pre>");
  REQUIRE(texts(doc) == std::vector<std::string>{"  top", "  inner  line"});
  CHECK(doc.blocks[0].kind == Kind::kPre);
  CHECK(doc.blocks[1].kind == Kind::kPre);
  CHECK(node_of(doc, doc.blocks[1]).tag == "div");
}

TEST_CASE("a wrapper around a link is not itself inside the link", "[html][parse]") {
  Document doc = parse("<span class=card><a href=/x><div>Story</div></a></span>");
  const Node& span = doc.nodes[size_t(find_node(doc, "span"))];
  CHECK((span.flags & webclean::block::kInsideLink) == 0);
  REQUIRE(doc.blocks.size() == 1);
  CHECK((node_of(doc, doc.blocks[0]).flags & webclean::block::kInsideLink) != 0);
}

TEST_CASE("a page saved with CRLF or CR line ends parses as the same page with LF",
          "[html][parse]") {
  const std::string long_line = "a line long enough to reach the parser as an indexed text run";
  const std::string lf = "<body><pre>" + long_line + "\nsecond line\n</pre><p>one\ntwo</p></body>";
  std::string crlf, cr;
  for (char c : lf) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    cr += c == '\n' ? '\r' : c;
  }
  const std::vector<std::string> expected = texts(parse(lf));
  CHECK(expected.front().find('\r') == std::string::npos);
  CHECK(texts(parse(crlf)) == expected);
  CHECK(texts(parse(cr)) == expected);
}

TEST_CASE("the body element is found by its tag, and a text dump has none", "[html][parse]") {
  Document doc = parse("<html><body class=\"archive tag\"><p>x</p></body></html>");
  const int32_t body = webclean::block::body_node(doc);
  REQUIRE(body >= 0);
  CHECK(doc.nodes[size_t(body)].tag == "body");
  CHECK(doc.nodes[size_t(body)].classes == "archive tag");
  CHECK(webclean::block::body_node(Document{}) == -1);
}
