// Tests of the prescan: what it drops, what it must keep, and where the
// HTML tokenizer says raw text ends.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "html/prescan.h"

namespace {

using webclean::html::expand_text_runs;
using webclean::html::prescan;
using webclean::html::Prescanned;
using webclean::html::PrescanOptions;
using webclean::html::resolve_attribute;
using webclean::html::TextPiece;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("a script closed by </script without > still ends at the newline", "[html][prescan]") {
  std::string out = prescan("<p>a</p><script>run()</script\n<div>b</div>").html;
  CHECK_FALSE(contains(out, "run()"));
  // The end tag swallows "<div" up to the next '>', as the tokenizer does.
  CHECK(contains(out, "b</div>"));
}

TEST_CASE("a script tag inside a comment is not a script", "[html][prescan]") {
  std::string out = prescan("<!-- <script> --><p>kept</p>").html;
  CHECK(contains(out, "<p>kept</p>"));
  CHECK_FALSE(contains(out, "script"));
}

TEST_CASE("upper-case script tags and an end tag with a space are recognised", "[html][prescan]") {
  std::string out = prescan("<SCRIPT>bad()</SCRIPT ><p>ok</p><ScRiPt>worse()</sCrIpT>").html;
  CHECK_FALSE(contains(out, "bad()"));
  CHECK_FALSE(contains(out, "worse()"));
  CHECK(contains(out, "<p>ok</p>"));
}

TEST_CASE("an end tag written inside script text does not end anything", "[html][prescan]") {
  std::string out = prescan("<div><script>document.write(\"</div>\")</script>inside</div>").html;
  CHECK_FALSE(contains(out, "document.write"));
  CHECK(out == "<div>inside</div>");
}

TEST_CASE("a double-escaped script section hides its </script>", "[html][prescan]") {
  std::string out = prescan("<script><!-- <script src=x></script> --></script><p>ok</p>").html;
  CHECK(out == "<p>ok</p>");
}

TEST_CASE("JSON-LD script bodies are kept aside and dropped from the page", "[html][prescan]") {
  auto result = prescan(
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>"
      "<script TYPE='Application/LD+JSON'>[1]</script>"
      "<script type=\"text/javascript\">var a = 1;</script><p>x</p>");
  REQUIRE(result.json_ld.size() == 2);
  CHECK(result.json_ld[0] == "{\"@type\":\"NewsArticle\"}");
  CHECK(result.json_ld[1] == "[1]");
  CHECK(result.html == "<p>x</p>");
}

TEST_CASE("nested svg is dropped up to its balancing end tag", "[html][prescan]") {
  std::string out = prescan("<svg><g><svg><text>x</text></svg><text>y</text></svg><p>z</p>").html;
  CHECK(out == "<p>z</p>");
}

TEST_CASE("a self-closed svg drops only itself", "[html][prescan]") {
  CHECK(prescan("<svg/><p>z</p>").html == "<p>z</p>");
}

TEST_CASE("an HTML paragraph inside an unclosed svg ends the svg as in a browser",
          "[html][prescan]") {
  std::string out = prescan("<svg><path d='M0'><p>shown</p>").html;
  CHECK(contains(out, "<p>shown</p>"));
  CHECK_FALSE(contains(out, "path"));
}

TEST_CASE("nested templates are dropped whole", "[html][prescan]") {
  std::string out = prescan("<template><p>a</p><template>b</template>c</template><p>d</p>").html;
  CHECK(out == "<p>d</p>");
}

TEST_CASE("a template's script text cannot close the template", "[html][prescan]") {
  std::string out = prescan("<template><script>\"</template>\"</script>a</template><p>d</p>").html;
  CHECK(out == "<p>d</p>");
}

TEST_CASE("style and noscript content is dropped", "[html][prescan]") {
  std::string out = prescan(
                        "<style>p > a { color: red }</style><noscript><p>no js</p></noscript>"
                        "<p>ok</p>")
                        .html;
  CHECK(out == "<p>ok</p>");
}

TEST_CASE("an unclosed comment runs to the end of the page", "[html][prescan]") {
  std::string out = prescan("<p>a</p><!-- never closed <p>b</p>").html;
  CHECK(out == "<p>a</p>");
}

TEST_CASE("comments end at -->, --!> and the abrupt <!--> and <!--->", "[html][prescan]") {
  CHECK(prescan("<!-- a -->1<!-- b --!>2<!-->3<!--->4<!---->5").html == "12345");
  CHECK(prescan("<!-- a -- b --->x").html == "x");
}

TEST_CASE("a script written inside a title is text", "[html][prescan]") {
  std::string out = prescan("<title>a <script> b</title><p>c</p>").html;
  CHECK(contains(out, "<title>a <script> b</title>"));
  CHECK(contains(out, "<p>c</p>"));
}

TEST_CASE("a script written inside a textarea is text", "[html][prescan]") {
  std::string out = prescan("<textarea><script>x</script></textarea><p>c</p>").html;
  CHECK(contains(out, "<textarea><script>x</script></textarea>"));
}

TEST_CASE("a quoted attribute value may hold > and <script>", "[html][prescan]") {
  std::string out = prescan("<a title=\"x > <script>\" href=\"/\">link</a><p>after</p>").html;
  CHECK(contains(out, ">link</a>"));
  CHECK(contains(out, "<p>after</p>"));
}

TEST_CASE("scripts-like tag names are not scripts", "[html][prescan]") {
  std::string out = prescan("<scripts>one</scripts><scriptfoo>two</scriptfoo>").html;
  CHECK(contains(out, "one"));
  CHECK(contains(out, "two"));
}

TEST_CASE("empty input and a lone < survive", "[html][prescan]") {
  CHECK(prescan("").html.empty());
  CHECK(prescan("").json_ld.empty());
  CHECK(prescan("<").html == "<");
  CHECK(prescan("a < b").html == "a < b");
}

TEST_CASE("truncated markup at the end of the input does not crash", "[html][prescan]") {
  for (const char* input : {"<p", "<p class=\"x", "</", "</p", "<!", "<!--", "<script>",
                            "<script>x</script", "<svg>", "<template><p>", "<title>x", "<a b='>"}) {
    INFO(input);
    CHECK_NOTHROW(prescan(input));
  }
  CHECK(prescan("<p>ok</p><p class=\"x").html == "<p>ok</p>");
}

TEST_CASE("attributes no stage reads are dropped, the others kept", "[html][prescan]") {
  std::string out = prescan(
                        "<div class=\"c\" onclick=\"f()\" data-src=\"x\" data-component=\"nav\" "
                        "style=\"color:red\" id=i>t</div><span style=\"display: none\">h</span>")
                        .html;
  CHECK(out ==
        "<div class=\"\xEE\x80\x80"
        "0\" data-component=\"nav\" id=\"\xEE\x80\x80"
        "1\">t</div>"
        "<span style=\"display: none\">h</span>");
}

TEST_CASE("class and id values reach the parser as indexes into a side table", "[html][prescan]") {
  const Prescanned scanned = prescan("<div class=\"a b\" id='x'><p class=\"q&amp;r\">t</p></div>");
  REQUIRE(scanned.attribute_values.size() == 2);
  CHECK(scanned.attribute_values[0] == "a b");
  CHECK(scanned.attribute_values[1] == "x");
  CHECK(resolve_attribute("\xEE\x80\x80"
                          "1",
                          scanned) == "x");
  CHECK(resolve_attribute("plain", scanned) == "plain");
  // A value with a character reference is left for Gumbo to decode.
  CHECK(scanned.html.find("class=\"q&amp;r\"") != std::string::npos);
}

TEST_CASE("subtrees of the elements named for dropping are skipped whole", "[html][prescan]") {
  PrescanOptions options;
  options.drop_subtrees = {"nav", "aside"};
  const std::string body(400, 'x');
  const std::string page = "<body><nav><ul><li>a<nav>b</nav></li></ul></nav><p>" + body +
                           "</p><aside>SIDETEXT</aside><NAV>unclosed";
  const Prescanned scanned = prescan(page, options);
  const std::string& out = scanned.html;
  CHECK(out.find("<li>") == std::string::npos);
  CHECK(out.find("<nav>\xEE\x80\x81</nav>") != std::string::npos);  // the stand-in
  CHECK(out.find("SIDETEXT") == std::string::npos);
  CHECK(scanned.text_store.find(body) != std::string::npos);
  // Without its end tag the subtree is left to the parser.
  CHECK(out.find("unclosed") != std::string::npos);
}

TEST_CASE("a subtree named for dropping that holds most of the page is kept", "[html][prescan]") {
  PrescanOptions options;
  options.drop_subtrees = {"aside"};
  const std::string body(1000, 'y');
  const Prescanned scanned = prescan("<aside><p>" + body + "</p></aside><p>z</p>", options);
  CHECK(scanned.text_store.find(body) != std::string::npos);
}

TEST_CASE("long text runs reach the parser as indexes into a text table", "[html][prescan]") {
  const std::string words = "Some words of a paragraph,   long enough to be indexed.";
  const Prescanned scanned =
      prescan("<p>" + words + "</p><p>short</p><p>" + words + " &amp; more</p>");
  REQUIRE(scanned.text_runs.size() == 1);
  CHECK(scanned.text_run(0) == "Some words of a paragraph, long enough to be indexed.");
  CHECK(scanned.html.find("<p>\xEE\x80\x82"
                          "0\xEE\x80\x83</p>") == 0);
  CHECK(scanned.html.find("<p>short</p>") != std::string::npos);  // too short to index
  CHECK(scanned.html.find("&amp; more") != std::string::npos);    // Gumbo decodes references
}

namespace {

// The pieces expand_text_runs hands over, the indexed ones in brackets.
std::string expanded(std::string_view text, const Prescanned& scanned) {
  std::string out;
  expand_text_runs(text, scanned, [&out](std::string_view piece, TextPiece kind) {
    out += kind == TextPiece::kIndexed ? "[" + std::string(piece) + "]" : std::string(piece);
  });
  return out;
}

}  // namespace

TEST_CASE("indexed text runs expand back into the text between what was written as is",
          "[html][prescan]") {
  const std::string words = "Some words of a paragraph, long enough to be indexed.";
  const Prescanned scanned = prescan("<p>" + words + "</p><p>" + words + " again</p>");
  REQUIRE(scanned.text_runs.size() == 2);
  const std::string open(webclean::html::kTextIndexOpen);
  const std::string close(webclean::html::kTextIndexClose);
  CHECK(expanded("before " + open + "1" + close + " between " + open + "0" + close + " after",
                 scanned) == "before [" + words + " again] between [" + words + "] after");
  CHECK(expanded("no runs at all", scanned) == "no runs at all");
  CHECK(expanded("", scanned).empty());
  // An index past the table stands for nothing; one not closed runs to the end.
  CHECK(expanded("a" + open + "7" + close + "b", scanned) == "a[]b");
  CHECK(expanded("a" + open + "1", scanned) == "a[" + words + " again]");
}

TEST_CASE("links keep only that they have an href; the canonical link keeps its value",
          "[html][prescan]") {
  std::string out = prescan(
                        "<link rel=stylesheet href=a.css><link rel=\"canonical\" "
                        "href=\"https://x.org/a\"><a href=\"/very/long\">l</a>")
                        .html;
  CHECK(out == "<link rel=\"canonical\" href=\"https://x.org/a\"><a href>l</a>");
}

TEST_CASE("a self-closing slash never joins an unquoted value", "[html][prescan]") {
  CHECK(prescan("<meta property=og:type content=article />").html ==
        "<meta property=og:type content=article />");
}

TEST_CASE("whitespace runs shrink to one character except inside pre", "[html][prescan]") {
  CHECK(prescan("<p>a  \n\n  b</p>").html == "<p>a b</p>");
  CHECK(prescan("<pre>a  \n\n  b</pre><p>c   d</p>").html == "<pre>a  \n\n  b</pre><p>c d</p>");
}

TEST_CASE("HTML inside an svg foreignObject stays inside the dropped svg", "[html][prescan]") {
  std::string out = prescan(
                        "<svg><foreignObject><div>in svg</div><style>x</style></foreignObject>"
                        "<text>label</text></svg><p>after</p>")
                        .html;
  CHECK(out == "<p>after</p>");
}

TEST_CASE("a dropped subtree's text is kept for reports without its markup and scripts",
          "[html][prescan]") {
  PrescanOptions options;
  options.drop_subtrees = {"nav"};
  options.keep_dropped_texts = true;
  const std::string long_menu(1000, 'x');
  const std::string body = "<p>" + std::string(5000, 'b') + "</p>";  // the subtrees are no wrappers
  const Prescanned scanned = prescan(
      "<body><nav class=\"menu\"><a href=\"/\">Home</a>\n <!-- note --><script>var s = "
      "\"<a>\";</script>"
      "<STYLE>a{}</STYLE><a>News</a></nav>" +
          body + "<nav>" + long_menu + "</nav><p>end</p>",
      options);
  REQUIRE(scanned.dropped_texts.size() == 2);
  CHECK(scanned.dropped_texts[0] == "Home News");
  CHECK(scanned.dropped_texts[1].size() ==
        webclean::html::params::kMaxDroppedPreviewBytes + std::string("...").size());
  // Without the option nothing is kept.
  options.keep_dropped_texts = false;
  CHECK(prescan("<body><nav>Home</nav>" + body, options).dropped_texts.empty());
}

TEST_CASE("raw text elements written in upper case end at their upper-case end tags",
          "[html][prescan]") {
  for (const std::string element : {"STYLE", "TEXTAREA", "Title", "XMP"}) {
    INFO(element);
    const std::string out =
        prescan("<body><" + element + ">a{}</" + element + "><p>after it</p></body>").html;
    CHECK(contains(out, "after it"));
  }
  PrescanOptions options;
  options.drop_subtrees = {"nav"};
  const std::string body = "<p>" + std::string(500, 'b') + "</p>";
  CHECK_FALSE(
      contains(prescan("<body><NAV><STYLE>a{}</STYLE>menu</NAV>" + body, options).html, "menu"));
}

TEST_CASE("a discourse crawler view in a big noscript data-path is parsed as the page",
          "[html][prescan]") {
  // Discourse serves the thread without JavaScript inside <noscript
  // data-path="/t/...">; a browser with scripts sees only the splash.
  std::string posts;
  for (int i = 0; i < 200; ++i) posts += "<div class='post' itemprop='text'><p>reply</p></div>";
  const std::string page =
      "<body><section id='d-splash'>Loading</section><noscript data-path='/t/x/1'>" + posts +
      "</noscript><p>after</p></body>";
  std::string out = prescan(page).html;
  CHECK(contains(out, "<p>reply</p>"));
  CHECK_FALSE(contains(out, "noscript"));
  CHECK(contains(out, "<p>after</p>"));
}

TEST_CASE("a flarum crawler view in a big noscript id=flarum-content is parsed as the page",
          "[html][prescan]") {
  std::string posts;
  for (int i = 0; i < 200; ++i)
    posts += "<article><div class='Post-body'><p>reply</p></div></article>";
  const std::string page = "<body><div id='app'></div><noscript id='flarum-content'>" + posts +
                           "</noscript><p>after</p></body>";
  std::string out = prescan(page).html;
  CHECK(contains(out, "<p>reply</p>"));
  CHECK(contains(out, "<p>after</p>"));
}

TEST_CASE("a big noscript without data-path and a small one with it are still dropped",
          "[html][prescan]") {
  std::string posts;
  for (int i = 0; i < 200; ++i) posts += "<p>copy</p>";
  CHECK_FALSE(contains(prescan("<noscript>" + posts + "</noscript>").html, "copy"));
  CHECK_FALSE(contains(prescan("<noscript data-path='/t/x'><p>copy</p></noscript>").html, "copy"));
}
