// Dates in short lines: each written form gives its ISO 8601 date and the
// span it covers; impossible dates and bare numbers give none.
#include <catch2/catch.hpp>

#include <string>

#include "meta/dates.h"

using webclean::meta::DateFinder;
using webclean::meta::DateMatch;
using webclean::meta::is_month_name;

namespace {

const DateFinder& finder() {
  static const DateFinder f;
  return f;
}

}  // namespace

TEST_CASE("a date is found with its span and written in ISO 8601", "[meta]") {
  const std::string line = "Posted July 4th, 2011 at 9:00 pm";
  const DateMatch m = finder().find(line, true);
  CHECK(m.iso == "2011-07-04");
  CHECK(line.substr(m.begin, m.end - m.begin) == "July 4th, 2011");
}

TEST_CASE("month names of several languages give their month", "[meta]") {
  CHECK(finder().find("12 f\xC3\xA9vrier 2019", true).iso == "2019-02-12");
  CHECK(finder().find("12. Dezember 2019", true).iso == "2019-12-12");
  CHECK(finder().find("3 de marzo de 2019", true).iso == "2019-03-03");
  CHECK(finder().find("3 maggio 2019", true).iso == "2019-05-03");
  CHECK(finder().find("3 oktober 2019", true).iso == "2019-10-03");
  CHECK(finder().find("JAN. 13, 2017", true).iso == "2017-01-13");
  CHECK(is_month_name("Sept."));
  CHECK(is_month_name("ao\xC3\xBBt"));
  CHECK_FALSE(is_month_name("Monday"));
}

TEST_CASE("year first dates are found inside a line with any separator", "[meta]") {
  CHECK(finder().find("Posted 2011/7/4 by Jane", true).iso == "2011-07-04");
  CHECK(finder().find("Stand: 2011.07.04", true).iso == "2011-07-04");
  const std::string date_time = "updated 2022-1-26T14:32:06+02:00";
  const DateMatch m = finder().find(date_time, true);
  CHECK(m.iso == "2022-01-26");
  CHECK(date_time.substr(m.begin, m.end - m.begin) == "2022-1-26");
}

TEST_CASE("a day before its month may be followed by of or glued to its dot", "[meta]") {
  CHECK(finder().find("the 4th of July, 2011", true).iso == "2011-07-04");
  CHECK(finder().find("Samstag, 5.Oktober 2013", true).iso == "2013-10-05");
  CHECK(finder().find("5 de octubre de 2013", true).iso == "2013-10-05");
}

TEST_CASE("a year before the web is no publication date", "[meta]") {
  CHECK(finder().find("founded 7 May 1856", true).iso.empty());
  CHECK(finder().find("founded 7 May 1856 and renewed 8 May 2019", true).iso == "2019-05-08");
  CHECK(finder().find("07/04/2150", true).iso.empty());
}

TEST_CASE("an impossible date is skipped for the next one", "[meta]") {
  CHECK(finder().find("31 February 2011", true).iso.empty());
  CHECK(finder().find("30 February 2011 or 1 March 2011", true).iso == "2011-03-01");
  CHECK(finder().find("2011-13-01", true).iso.empty());
}

TEST_CASE("numbers and words that only look like dates are not dates", "[meta]") {
  for (const std::string text : {"version 2.4.1", "May the force be with you 2011", "mayor 4, 2011",
                                 "call 555-1234", "20112-07-04"}) {
    INFO(text);
    CHECK_FALSE(finder().find(text, true).found());
  }
}

TEST_CASE("a URL's path dates the page in the dated forms blogs use", "[meta]") {
  using webclean::meta::url_date;
  CHECK(url_date("https://blog.example.org/2019/08/02/json-parsing/") == "2019-08-02");
  CHECK(url_date("https://example.org/news/2019-08-02-bridge-opens") == "2019-08-02");
  CHECK(url_date("https://example.org/20190802/") == "2019-08-02");
  CHECK(url_date("/2019/08/02/relative") == "2019-08-02");
  // Only the path: not the query, and no impossible date.
  CHECK(url_date("https://example.org/page?from=/2019/08/02/").empty());
  CHECK(url_date("https://example.org/2019/13/02/").empty());
  CHECK(url_date("https://example.org/archive/").empty());
}

TEST_CASE("in a byline a date starts at a weekday, a written date, a time or an age", "[meta]") {
  using webclean::meta::date_start;
  CHECK(date_start("Jane Doe Montag, 5. Oktober") == 9);
  CHECK(date_start("Jane Doe, March 3, 2020") == 10);
  CHECK(date_start("Jane Doe 04.07.2011") == 9);
  CHECK(date_start("Jane Doe 9:30") == 9);
  CHECK(date_start("James Akinaka 8h") == 14);
  CHECK(date_start("Jane Doe 3 days ago") == 9);
  CHECK(date_start("Jane Doe") == std::string_view::npos);
  CHECK(date_start("Agent 007") == std::string_view::npos);
}
