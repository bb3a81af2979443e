// The host of a URL, as site rules, page-type votes and the repetition
// filter key a document by.
#include <catch2/catch.hpp>

#include "base/url.h"

using webclean::base::host_of;

TEST_CASE("the host of a URL is in lower case, without user info, port, path or query",
          "[source][url]") {
  CHECK(host_of("https://News.Example/a/b?c=d#e") == "news.example");
  CHECK(host_of("http://me:secret@news.example:8080/") == "news.example");
  CHECK(host_of("https://news.example?x=1") == "news.example");
  CHECK(host_of("https://news.example#top") == "news.example");
}

TEST_CASE("a URL without a scheme has no host", "[source][url]") {
  CHECK(host_of("news.example/a").empty());
  CHECK(host_of("").empty());
}
