// Telling HTML from text: markup near the start decides, a Content-Type
// decides before it.
#include <catch2/catch.hpp>

#include <string>

#include "decode/kind.h"

using webclean::decode::Kind;
using webclean::decode::sniff_kind;

TEST_CASE("a doctype or an html tag makes a page HTML", "[core][sniff]") {
  CHECK(sniff_kind("<!DOCTYPE html>\n<html><body>Hi</body></html>", "") == Kind::kHtml);
  CHECK(sniff_kind("<!doctype HTML><title>x</title>", "") == Kind::kHtml);
  CHECK(sniff_kind("<HTML lang=\"en\"><HEAD>", "") == Kind::kHtml);
}

TEST_CASE("common tags anywhere near the start make a page HTML", "[core][sniff]") {
  CHECK(sniff_kind("Some words first, then <div class=\"story\">text</div>", "") == Kind::kHtml);
  CHECK(sniff_kind("Intro line\n<p>A paragraph</p>", "") == Kind::kHtml);
  CHECK(sniff_kind("line one<br>line two", "") == Kind::kHtml);
}

TEST_CASE("a fragment starting with a tag after whitespace or a BOM is HTML", "[core][sniff]") {
  CHECK(sniff_kind("  \n\t<section><h2>Title</h2></section>", "") == Kind::kHtml);
  CHECK(sniff_kind("\xEF\xBB\xBF<article>Story</article>", "") == Kind::kHtml);
  CHECK(sniff_kind("\xEF\xBB\xBF \r\n<span>x</span>", "") == Kind::kHtml);
}

TEST_CASE("plain prose is text", "[core][sniff]") {
  CHECK(sniff_kind("A bridge opens at last\n\nThe council said on Tuesday...", "") == Kind::kText);
  CHECK(sniff_kind("", "") == Kind::kText);
  CHECK(sniff_kind("x < y and y > z", "") == Kind::kText);
}

TEST_CASE("a text starting with <3 love is text", "[core][sniff]") {
  CHECK(sniff_kind("<3 love this recipe\n\nMix the flour and the eggs.", "") == Kind::kText);
}

TEST_CASE("a text starting with <3 love is text even with a > further on", "[core][sniff]") {
  CHECK(sniff_kind("<3 love this recipe\n\nFlour -> bowl, then eggs.", "") == Kind::kText);
}

TEST_CASE("a Content-Type decides before the content", "[core][sniff]") {
  CHECK(sniff_kind("just some words", "text/html; charset=utf-8") == Kind::kHtml);
  CHECK(sniff_kind("just some words", "application/xhtml+xml") == Kind::kHtml);
  CHECK(sniff_kind("just some words", "TEXT/HTML") == Kind::kHtml);
  CHECK(sniff_kind("<html><body><p>x</p></body></html>", "text/plain") == Kind::kText);
  CHECK(sniff_kind("<html><body><p>x</p></body></html>", "text/plain; charset=\"html\"") ==
        Kind::kText);
}

TEST_CASE("a Content-Type that names neither kind leaves it to the content", "[core][sniff]") {
  CHECK(sniff_kind("<html><body>x</body></html>", "application/octet-stream") == Kind::kHtml);
  CHECK(sniff_kind("plain words", "application/octet-stream") == Kind::kText);
}

TEST_CASE("markup past the sniffed head does not count", "[core][sniff]") {
  std::string text(5000, 'a');
  text += "<div>late</div>";
  CHECK(sniff_kind(text, "") == Kind::kText);
}

TEST_CASE("a NUL byte in the head leaves the kind undecided", "[core][sniff]") {
  // "Hi" in UTF-16LE.
  CHECK(sniff_kind(std::string("H\0i\0", 4), "") == Kind::kUnknown);
}

TEST_CASE("a Markdown dump with raw div lines among its links is text", "[core][sniff]") {
  const std::string markdown =
      "<div class=\"header\">\n\n- [Home](/)\n- [News](/news)\n- [Sport](/sport)\n\n</div>\n\n"
      "# Bridge opens\n\nThe council said on Tuesday that the bridge will open.\n";
  CHECK(sniff_kind(markdown, "") == Kind::kText);
  // A page is HTML whatever links its text shows.
  CHECK(sniff_kind("<html><body>[a](b) [c](d) [e](f)</body></html>", "") == Kind::kHtml);
}

TEST_CASE("a w3m dump opening with a noscript image tag printed as text is text", "[core][sniff]") {
  // w3m -dump prints a <noscript>'s markup as text, as its first line here.
  CHECK(
      sniff_kind("<img height=\"1\" width=\"1\" src=\"https://px.example/t.gif\" />\n\n"
                 "Why Neon Is the Ultimate Symbol of the 20th Century\n\nIn the summer of 1898...",
                 "") == Kind::kText);
  // A line of one tag followed by more markup is a page.
  CHECK(sniff_kind("<section>\n<h2>Title</h2></section>", "") == Kind::kHtml);
  // A page that opens with its style sheet, kilobytes before any other tag.
  CHECK(sniff_kind("<style>\n  .box { opacity: 1; }\n", "") == Kind::kHtml);
}
