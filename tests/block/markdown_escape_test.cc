// Markdown's text rules: inline escapes, line starts, code spans and
// fences, and headings.
#include <catch2/catch.hpp>

#include <string>

#include "block/markdown.h"

namespace md = webclean::block::markdown;

TEST_CASE("inline escapes cover the characters that start markup and no others", "[markdown]") {
  CHECK(md::escaped("plain text, with (parens) and 50% off!") ==
        "plain text, with (parens) and 50% off!");
  CHECK(md::escaped("a*b `c` [d] <e> \\f") == "a\\*b \\`c\\` \\[d\\] \\<e> \\\\f");
  CHECK(md::escaped("snake_case and _edges_ and __init__") ==
        "snake_case and \\_edges\\_ and \\_\\_init\\_\\_");
  CHECK(md::escaped("AT&T &amp; &#38; &x") == "AT&T \\&amp; \\&#38; &x");
}

TEST_CASE("line starts that Markdown reads as blocks are escaped", "[markdown]") {
  CHECK(md::line_start_escaped("# heading") == "\\# heading");
  CHECK(md::line_start_escaped("###### six") == "\\###### six");
  CHECK(md::line_start_escaped("#hashtag") == "#hashtag");
  CHECK(md::line_start_escaped("> quote") == "\\> quote");
  CHECK(md::line_start_escaped("- item") == "\\- item");
  CHECK(md::line_start_escaped("+ item") == "\\+ item");
  CHECK(md::line_start_escaped("-") == "\\-");
  CHECK(md::line_start_escaped("--") == "\\--");
  CHECK(md::line_start_escaped("- - -") == "\\- - -");
  CHECK(md::line_start_escaped("-1 degrees") == "-1 degrees");
  CHECK(md::line_start_escaped("+1 for this") == "+1 for this");
  CHECK(md::line_start_escaped("===") == "\\===");
  CHECK(md::line_start_escaped("~~~ fence") == "\\~~~ fence");
  CHECK(md::line_start_escaped("1. one") == "1\\. one");
  CHECK(md::line_start_escaped("12) twelve") == "12\\) twelve");
  CHECK(md::line_start_escaped("1.5 million") == "1.5 million");
  CHECK(md::line_start_escaped("1234567890. ten digits") == "1234567890. ten digits");
  CHECK(md::line_start_escaped("    indented") == "indented");
  CHECK(md::line_start_escaped("plain") == "plain");
  CHECK(md::line_start_escaped("").empty());
}

TEST_CASE("code spans and fences are longer than the backtick runs they hold", "[markdown]") {
  CHECK(md::code_span("x") == "`x`");
  CHECK(md::code_span("a``b") == "```a``b```");
  CHECK(md::code_span("`x") == "`` `x ``");
  CHECK(md::code_span("").empty());
  CHECK(md::code_fence("no ticks") == "```");
  CHECK(md::code_fence("````") == "`````");
}

TEST_CASE("headings are one line with a trailing run of # escaped", "[markdown]") {
  CHECK(md::heading("Title", 2) == "## Title");
  CHECK(md::heading("two\nlines", 1) == "# two lines");
  CHECK(md::heading("Issue #", 3) == "### Issue \\#");
  CHECK(md::heading("C#", 3) == "### C#");
  CHECK(md::heading("x", 9) == "###### x");
  CHECK(md::heading("x", 0) == "# x");
}
