// Bylines and datelines read one line at a time: the forms news pages use
// give their names, ISO date and source; sentences that mention "by" or a
// date, labels of other dates and rows of figures give nothing.
#include <catch2/catch.hpp>

#include <string>

#include "meta/header_line.h"

using webclean::meta::HeaderLine;
using webclean::meta::HeaderLineReader;
using webclean::meta::is_person_name;

namespace {

const HeaderLineReader& reader() {
  static const HeaderLineReader r;
  return r;
}

HeaderLine read(const std::string& line, bool month_first = true) {
  return reader().read(line, month_first);
}

struct Expected {
  std::string line;
  std::string byline;
  std::string date;
  std::string site;
};

void check(const Expected& e) {
  INFO(e.line);
  const HeaderLine h = read(e.line);
  CHECK(h.found());
  CHECK(h.byline == e.byline);
  CHECK(h.date == e.date);
  CHECK(h.site == e.site);
}

}  // namespace

TEST_CASE("a By line gives the names without By and without what follows them", "[meta]") {
  for (const Expected& e : {
           Expected{"By Staff writer / July 19, 2011", "Staff writer", "2011-07-19", ""},
           Expected{"By Lucy Akins", "Lucy Akins", "", ""},
           Expected{"by Laura June Topolsky July 10, 2015", "Laura June Topolsky", "2015-07-10",
                    ""},
           Expected{"// By Arun Sai Krishnan \xE2\x80\xA2 Nov 11, 2020", "Arun Sai Krishnan",
                    "2020-11-11", ""},
           Expected{"By Erin Cunningham March 18 at 3:57 PM Follow @erinmcunningham",
                    "Erin Cunningham", "", ""},
           Expected{"by Ahiza Garcia @ahiza_garcia February 1, 2016: 12:41 PM ET", "Ahiza Garcia",
                    "2016-02-01", ""},
           Expected{"By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU",
                    "Daniel Kahn Gillmor", "", ""},
           Expected{"By Stella Kim, Jennifer Jett", "Stella Kim, Jennifer Jett", "", ""},
           Expected{"Posted by Nikhil Marathe on March 10, 2015 at 08:05", "Nikhil Marathe",
                    "2015-03-10", ""},
           Expected{"Written by Patrick Allan", "Patrick Allan", "", ""},
           Expected{"Par Alexandre Hervaud et J\xC3\xA9r\xC3\xA9my Piette \xE2\x80\x94 24 novembre "
                    "2017 \xC3\xA0 18:42",
                    "Alexandre Hervaud et J\xC3\xA9r\xC3\xA9my Piette", "2017-11-24", ""},
           Expected{"By Nelson D. Schwartz", "Nelson D. Schwartz", "", ""},
           Expected{"Author: Jane Doe", "Jane Doe", "", ""},
       }) {
    check(e);
  }
}

TEST_CASE("a dateline gives its date in ISO 8601 in each common form", "[meta]") {
  for (const Expected& e : {
           Expected{"July 19, 2011", "", "2011-07-19", ""},
           Expected{"Posted July 4th, 2011 at 9:00 pm (UTC-5)", "", "2011-07-04", ""},
           Expected{"19 July 2011", "", "2011-07-19", ""},
           Expected{"2011-07-19", "", "2011-07-19", ""},
           Expected{"2011-07-19T10:00:00Z", "", "2011-07-19", ""},
           Expected{"4. Juli 2011", "", "2011-07-04", ""},
           Expected{"Ver\xC3\xB6"
                    "ffentlicht am 4. M\xC3\xA4rz 2011",
                    "", "2011-03-04", ""},
           Expected{"Publi\xC3\xA9 le 30 avril 2015", "", "2015-04-30", ""},
           Expected{"4 de julio de 2011", "", "2011-07-04", ""},
           Expected{"Published on: June 25, 2024", "", "2024-06-25", ""},
           Expected{"Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC", "",
                    "2024-12-06", ""},
           Expected{"Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019 06.16 EST", "",
                    "2019-01-03", ""},
           Expected{"Oct 18, 2019 \xC2\xB7 8 min read", "", "2019-10-18", ""},
           Expected{"04.07.2011 14:30", "", "2011-07-04", ""},
           Expected{"Publiziert: 03.04.2020, 12:35", "", "2020-04-03", ""},
       }) {
    check(e);
  }
}

TEST_CASE("a name before a date is the site when it names an organisation and else the author",
          "[meta]") {
  for (const Expected& e : {
           Expected{"VOA News July 04, 2011", "", "2011-07-04", "VOA News"},
           Expected{"AFP 30 avril 2015 \xC3\xA0 07:19", "", "2015-04-30", "AFP"},
           Expected{"Associated Press \xE2\x80\x94 March 3, 2012", "", "2012-03-03",
                    "Associated Press"},
           Expected{"Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Dan Goodin", "2015-04-16", ""},
           Expected{"Henry Gilbert \xE2\x80\xA2 February 15, 2017", "Henry Gilbert", "2017-02-15",
                    ""},
           Expected{"on March 10, 2015 by Nikhil Marathe", "Nikhil Marathe", "2015-03-10", ""},
           Expected{"Reuters July 4, 2011", "", "2011-07-04", "Reuters"},
           Expected{"News date : 04/21/2022 Category : Press Releases", "", "2022-04-21", ""},
           Expected{"2/26/2015 7:11 AM PST BY TMZ STAFF", "TMZ STAFF", "2015-02-26", ""},
       }) {
    check(e);
  }
}

TEST_CASE("an ambiguous numeric date follows the page's convention and a day over 12 decides",
          "[meta]") {
  CHECK(read("04/07/2011", true).date == "2011-04-07");
  CHECK(read("04/07/2011", false).date == "2011-07-04");
  CHECK(read("13/07/2011", true).date == "2011-07-13");
  CHECK(read("7/13/2011", false).date == "2011-07-13");
  CHECK(read("04.07.2011", true).date == "2011-07-04");
  CHECK(read("2011/07/04", true).date == "2011-07-04");
}

TEST_CASE("sentences that mention a date or start with By are not header lines", "[meta]") {
  for (const std::string line : {
           "The bridge opened on July 4, 2011.",
           "Obama signed the bill on July 4, 2011",
           "July 19, 2011 was the day the bridge finally opened",
           "By Tuesday evening, the river had risen by two metres.",
           "By Tuesday evening the river had risen",
           "By the way, we met on July 4, 2011.",
           "By clicking Accept you agree to our terms",
           "Par ailleurs, le pont est ferm\xC3\xA9",
           "Von Anfang an war klar",
           "Stand by me",
       }) {
    INFO(line);
    CHECK_FALSE(read(line).found());
  }
}

TEST_CASE("labels of other dates and rows of figures are not datelines", "[meta]") {
  for (const std::string line : {
           "Expires: April 7, 2015",
           "404 \xE2\x94\x82 2020-08-01 17:57:00+00 \xE2\x94\x82 12 \xE2\x94\x82 0.385",
           "\xE2\x80\x94 West Ham United (@WestHam) October 31, 2021",
           "31 February 2011",
           "Version 2.4.1 released",
           "Hartl, John (September 3, 1998). \"Disney Will Distribute Animated Japanese Movie\"",
       }) {
    INFO(line);
    CHECK_FALSE(read(line).found());
  }
}

TEST_CASE("a line is a person's name when it has two capitalised words or an initial between",
          "[meta]") {
  CHECK(is_person_name("John C. Welch"));
  CHECK(is_person_name("Mark Byrnes"));
  CHECK_FALSE(is_person_name("VOA News"));
  CHECK_FALSE(is_person_name("Madonna"));
  CHECK_FALSE(is_person_name("Obama Visits Berlin"));
  CHECK_FALSE(is_person_name("The bridge opens at last"));
  CHECK_FALSE(is_person_name("Weapons of Mass Destruction (WMD)"));
  CHECK_FALSE(is_person_name("Posted July 4"));
}

TEST_CASE("a date with a place or label around it is a labelled date and a sentence is not",
          "[meta]") {
  CHECK(reader().labelled_date("Hamburg, 2. November 2021", false) == "2021-11-02");
  CHECK(reader().labelled_date("Pressemitteilung vom 20.01.2022", false) == "2022-01-20");
  CHECK(reader().labelled_date("Handball Schweiz \xE2\x80\xA2 02.02.2022", false) == "2022-02-02");
  CHECK(reader().labelled_date("dpa am 25.01.2022", false) == "2022-01-25");
  CHECK(reader()
            .labelled_date("The council met on July 4, 2011 and agreed to build it", true)
            .empty());
  CHECK(reader().labelled_date("Copyright 2011 Example News", true).empty());
}
