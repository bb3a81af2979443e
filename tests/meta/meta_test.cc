// The metadata stage: bylines, datelines and headings that repeat the title
// leave the body text and go into Metadata; ordinary sentences that merely
// contain "by" or a date stay.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "../filter/doc_builder.h"
#include "filter/filter.h"
#include "meta/meta.h"

using webclean::Metadata;
using webclean::block::Document;
using webclean::block::Kind;
using webclean::block::Stage;
using webclean::meta::HeaderLines;
using webclean::testing::DocBuilder;
using webclean::testing::prose;

namespace {

const HeaderLines& header_lines() {
  static const HeaderLines lines;
  return lines;
}

struct Extracted {
  Document doc;
  Metadata meta;
};

// An HTML page titled `title` whose body is the article prose with `line`
// (a paragraph, or a heading) in front of it.
Extracted extract_line(const std::string& line, Kind kind = Kind::kParagraph,
                       const std::string& title = "A bridge opens at last") {
  DocBuilder b;
  b.block(-1, line, kind);
  for (int i = 0; i < 3; ++i) b.block(-1, prose(i));
  Extracted e{b.build(), {}};
  e.doc.hints.title = title;
  webclean::filter::drop_metadata_blocks(e.doc, header_lines().extract(e.doc, e.meta));
  return e;
}

}  // namespace

TEST_CASE("bylines are dropped as metadata and their names recorded", "[meta]") {
  const std::pair<std::string, std::string> cases[] = {
      {"By Staff writer / July 19, 2011", "Staff writer"},
      {"Von Max Mustermann", "Max Mustermann"},
      {"By Jane Doe", "Jane Doe"},
      {"Posted by John Smith", "John Smith"},
      {"Written by: Ann Lee", "Ann Lee"},
      {"Par Jean Dupont", "Jean Dupont"}};
  for (const auto& [line, names] : cases) {
    INFO(line);
    const Extracted e = extract_line(line);
    const auto& d = e.doc.blocks[0].decision;
    CHECK_FALSE(d.keep);
    CHECK(d.stage == Stage::kMetadata);
    CHECK(d.reason.find("BodyRole::kByline;") != std::string::npos);
    CHECK(e.meta.byline == names);
    for (size_t i = 1; i < e.doc.blocks.size(); ++i) CHECK(e.doc.blocks[i].decision.keep);
  }
}

TEST_CASE("datelines are dropped as metadata and their dates recorded in ISO 8601", "[meta]") {
  const std::pair<std::string, std::string> cases[] = {
      {"July 19, 2011", "2011-07-19"},
      {"Posted July 4th, 2011 at 9:00 pm (UTC-5)", "2011-07-04"},
      {"VOA News July 04, 2011", "2011-07-04"},
      {"4. Juli 2011", "2011-07-04"},
      {"2011-07-04", "2011-07-04"},
      {"Updated: 12 March 2020", "2020-03-12"},
      {"04.07.2011 14:30", "2011-07-04"}};
  for (const auto& [line, date] : cases) {
    INFO(line);
    const Extracted e = extract_line(line);
    const auto& d = e.doc.blocks[0].decision;
    CHECK_FALSE(d.keep);
    CHECK(d.stage == Stage::kMetadata);
    CHECK(d.reason.find("BodyRole::kDateline;") != std::string::npos);
    CHECK(e.meta.date == date);
    CHECK(e.meta.byline.empty());
  }
}

TEST_CASE("ordinary sentences containing by or a date are kept", "[meta]") {
  for (const std::string line :
       {"The law was passed by Congress on July 4, 2011, after a long debate that lasted for "
        "many months.",
        "By the way, we met on July 4, 2011.",
        "The report was published on July 4, 2011 by the agency in its annual review.",
        "Stand by me.", "Written by hand, the letter was found in 2011.",
        "bye for now, see you on July 4, 2011 at the lake house with the whole family."}) {
    INFO(line);
    const Extracted e = extract_line(line);
    CHECK(e.doc.blocks[0].decision.keep);
    CHECK(e.doc.blocks[0].decision.stage == Stage::kNone);
    CHECK(e.meta.byline.empty());
    CHECK(e.meta.date.empty());
  }
}

TEST_CASE("only the first byline and dateline are recorded and all are dropped", "[meta]") {
  DocBuilder b;
  b.block(-1, "By Jane Doe");
  b.block(-1, "July 19, 2011");
  b.block(-1, prose(0));
  b.block(-1, "By John Roe");
  b.block(-1, "July 20, 2011");
  Extracted e{b.build(), {}};
  webclean::filter::drop_metadata_blocks(e.doc, header_lines().extract(e.doc, e.meta));
  CHECK(e.meta.byline == "Jane Doe");
  CHECK(e.meta.date == "2011-07-19");
  CHECK_FALSE(e.doc.blocks[3].decision.keep);
  CHECK_FALSE(e.doc.blocks[4].decision.keep);
  CHECK(e.doc.blocks[2].decision.keep);
}

TEST_CASE("a block already dropped is not taken for a byline", "[meta]") {
  DocBuilder b;
  b.block(-1, "By Jane Doe");
  b.block(-1, prose(0));
  Extracted e{b.build(), {}};
  e.doc.blocks[0].decision = {false, Stage::kRules, "t.rules:1 class author"};
  webclean::filter::drop_metadata_blocks(e.doc, header_lines().extract(e.doc, e.meta));
  CHECK(e.doc.blocks[0].decision.stage == Stage::kRules);
  CHECK(e.meta.byline.empty());
}

TEST_CASE("a heading equal to the title is dropped as the title", "[meta]") {
  const Extracted e = extract_line("A Bridge Opens At Last", Kind::kHeading);
  CHECK_FALSE(e.doc.blocks[0].decision.keep);
  CHECK(e.doc.blocks[0].decision.stage == Stage::kMetadata);
  CHECK(e.doc.blocks[0].decision.reason.find("BodyRole::kTitle;") != std::string::npos);
  CHECK(e.meta.title == "A bridge opens at last");
}

TEST_CASE("a heading equal to the title before a site name is dropped", "[meta]") {
  for (const std::string title :
       {"A bridge opens at last - Example News", "A bridge opens at last | Example News",
        "A bridge opens at last \xE2\x80\x93 Example News"}) {
    INFO(title);
    const Extracted e = extract_line("A bridge opens at last", Kind::kHeading, title);
    CHECK_FALSE(e.doc.blocks[0].decision.keep);
    CHECK(e.doc.blocks[0].decision.reason.find("BodyRole::kTitle;") != std::string::npos);
    CHECK(e.meta.title == title);
  }
}

TEST_CASE("a heading that only starts like the title is kept", "[meta]") {
  const std::string title = "A bridge opens at last - Example News";
  CHECK(extract_line("A bridge", Kind::kHeading, title).doc.blocks[0].decision.keep);
  CHECK(extract_line("A bridge opens at last, and more", Kind::kHeading, title)
            .doc.blocks[0]
            .decision.keep);
  CHECK(extract_line("Example News", Kind::kHeading, title).doc.blocks[0].decision.keep);
}

TEST_CASE("a paragraph equal to the title is not dropped as the title", "[meta]") {
  const Extracted e = extract_line("A bridge opens at last", Kind::kParagraph);
  CHECK(e.doc.blocks[0].decision.keep);
}

TEST_CASE("a page without a title drops no heading as the title", "[meta]") {
  const Extracted e = extract_line("A bridge opens at last", Kind::kHeading, "");
  CHECK(e.doc.blocks[0].decision.keep);
  CHECK(e.meta.title.empty());
}

TEST_CASE("the title of a text dump is its first line", "[meta]") {
  DocBuilder b(false);
  b.block(-1, "A bridge opens at last");
  b.block(-1, prose(0));
  Extracted e{b.build(), {}};
  webclean::filter::drop_metadata_blocks(e.doc, header_lines().extract(e.doc, e.meta));
  CHECK(e.meta.title == "A bridge opens at last");
}

TEST_CASE("a short sentence starting with By or Von and a capitalised word is kept", "[meta]") {
  for (const std::string line : {"By Tuesday evening, the river had risen by two metres.",
                                 "Von Anfang an war klar, dass die Br\xC3\xBC"
                                 "cke zu teuer wird."}) {
    INFO(line);
    const Extracted e = extract_line(line);
    CHECK(e.doc.blocks[0].decision.keep);
    CHECK(e.meta.byline.empty());
  }
}

TEST_CASE("a short sentence that mentions a date is kept", "[meta]") {
  for (const std::string line :
       {"The bridge opened on July 4, 2011.", "Er starb am 4. Juli 2011 in Berlin."}) {
    INFO(line);
    const Extracted e = extract_line(line);
    CHECK(e.doc.blocks[0].decision.keep);
    CHECK(e.meta.date.empty());
  }
}

TEST_CASE("a text dump's byline names are its author too", "[meta]") {
  DocBuilder b;
  b.block(-1, "A bridge opens at last");
  b.block(-1, "By Jane Doe / July 19, 2011");
  for (int i = 0; i < 3; ++i) b.block(-1, prose(i));
  Document doc = b.build();
  doc.is_html = false;
  Metadata meta;
  webclean::filter::drop_metadata_blocks(doc, header_lines().extract(doc, meta));
  CHECK(meta.byline == "Jane Doe");
  CHECK(meta.author == "Jane Doe");
  CHECK(meta.date == "2011-07-19");
}

TEST_CASE("dates in a table of dates are its cells, kept, and no dateline of the page", "[meta]") {
  DocBuilder b(false);
  b.block(-1, "Bridge tolls over the years");
  b.block(-1, "March 3, 2024");
  b.block(-1, prose(0));
  std::vector<size_t> cells;
  for (const char* cell : {"1/1/2013", "+13.1%", "2/1/2013", "+12.9%", "3/1/2013", "+11.9%"}) {
    cells.push_back(b.block(-1, cell));
  }
  Extracted e{b.build(), {}};
  webclean::filter::drop_metadata_blocks(e.doc, header_lines().extract(e.doc, e.meta));
  CHECK(e.meta.date == "2024-03-03");
  CHECK_FALSE(e.doc.blocks[1].decision.keep);
  for (size_t i : cells) CHECK(e.doc.blocks[i].decision.keep);
}
