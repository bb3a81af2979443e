// Link targets for Markdown: relative references resolved against the
// page (RFC 3986), and targets that lead nowhere left out.
#include <catch2/catch.hpp>

#include "html/markup.h"

using webclean::html::link_target;

TEST_CASE("relative link targets resolve against an absolute page URL", "[markup]") {
  const std::string base = "https://example.org/a/b/page.html?x=1#frag";
  CHECK(link_target(base, "other.html") == "https://example.org/a/b/other.html");
  CHECK(link_target(base, "../up.html") == "https://example.org/a/up.html");
  CHECK(link_target(base, "../../../../top") == "https://example.org/top");
  CHECK(link_target(base, "./here/") == "https://example.org/a/b/here/");
  CHECK(link_target(base, "/root?q=2") == "https://example.org/root?q=2");
  CHECK(link_target(base, "?q=3") == "https://example.org/a/b/page.html?q=3");
  CHECK(link_target(base, "//cdn.example.net/x") == "https://cdn.example.net/x");
  CHECK(link_target("http://example.org", "x") == "http://example.org/x");
  CHECK(link_target(base, "..") == "https://example.org/a/");
}

TEST_CASE("absolute targets stay, and whitespace around a target is dropped", "[markup]") {
  CHECK(link_target("https://example.org/", "  http://other.org/x \n") == "http://other.org/x");
  CHECK(link_target("https://example.org/", "mailto:someone@example.org") ==
        "mailto:someone@example.org");
}

TEST_CASE("without an absolute page URL a relative target stays as written", "[markup]") {
  CHECK(link_target("", "../a.html") == "../a.html");
  CHECK(link_target("page.html", "b.html") == "b.html");
  CHECK(link_target("ftp://example.org/", "b.html") == "b.html");
}

TEST_CASE("scripts and fragments of the page itself are no link targets", "[markup]") {
  CHECK(link_target("https://example.org/", "javascript:void(0)").empty());
  CHECK(link_target("https://example.org/", "JavaScript:alert(1)").empty());
  CHECK(link_target("https://example.org/", "#section").empty());
  CHECK(link_target("https://example.org/", "   ").empty());
}
