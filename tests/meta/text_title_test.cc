// The title of a text dump: the <title> line without its site name, the
// headline found again inside it, or the heading just above a byline or
// dateline; the lines it was read from leave the body.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../filter/doc_builder.h"
#include "filter/filter.h"
#include "meta/meta.h"

using webclean::Metadata;
using webclean::block::Document;
using webclean::block::Stage;
using webclean::meta::HeaderLines;
using webclean::testing::DocBuilder;
using webclean::testing::prose;

namespace {

struct Extracted {
  Document doc;
  Metadata meta;
};

// A text dump of `lines`, through the metadata stage; the blocks of
// `ruled_out` were dropped by the rules before it.
Extracted extract(const std::vector<std::string>& lines,
                  const std::vector<size_t>& ruled_out = {}) {
  static const HeaderLines header_lines;
  DocBuilder b(false);
  for (const std::string& line : lines) b.block(-1, line);
  Extracted e{b.build(), {}};
  for (size_t i : ruled_out) e.doc.blocks[i].decision = {false, Stage::kRules, "structure.rules"};
  webclean::filter::drop_metadata_blocks(e.doc, header_lines.extract(e.doc, e.meta));
  return e;
}

// Whether the metadata step dropped the block in the role named `role`
// ("kTitle"), which its reason names.
bool dropped_as(const Extracted& e, size_t block, const std::string& role) {
  const auto& d = e.doc.blocks[block].decision;
  return !d.keep && d.stage == Stage::kMetadata &&
         d.reason.find("BodyRole::" + role + ";") != std::string::npos;
}

}  // namespace

TEST_CASE("the first line of a dump is its title without the site name", "[meta]") {
  const Extracted e = extract({"A bridge opens at last | Example News", prose(0), prose(1)});
  CHECK(e.meta.title == "A bridge opens at last");
  CHECK(dropped_as(e, 0, "kTitle"));
  CHECK(e.doc.blocks[1].decision.keep);
}

TEST_CASE("a headline found again inside the first line is the title", "[meta]") {
  const Extracted e = extract({"Example Blog: A bridge opens at last", "Home", "About",
                               "Example Blog", "A bridge opens at last", prose(0), prose(1)});
  CHECK(e.meta.title == "A bridge opens at last");
  CHECK(dropped_as(e, 0, "kTitle"));
  CHECK(dropped_as(e, 4, "kTitle"));
  CHECK(e.doc.blocks[3].decision.keep);
}

TEST_CASE("the heading just above a dateline is the title when the dump opens with boilerplate",
          "[meta]") {
  const Extracted e = extract({"The largest network for engineering jobs - JOIN NOW", "Bridges",
                               "Council Says The New Bridge Will Open In Spring",
                               "Example News July 04, 2011", prose(0), prose(1)});
  CHECK(e.meta.title == "Council Says The New Bridge Will Open In Spring");
  CHECK(e.meta.date == "2011-07-04");
  CHECK(e.meta.site_name == "Example News");
  CHECK(dropped_as(e, 2, "kTitle"));
  CHECK(dropped_as(e, 3, "kDateline"));
  CHECK(e.doc.blocks[0].decision.keep);
}

TEST_CASE("a standfirst may stand between the title and the byline", "[meta]") {
  // The rules drop "Skip to content", as the shipped ones do.
  const Extracted e = extract({"Skip to content", "Council meets builders. More talks to come?",
                               "The council is under pressure to open the bridge, but the builders "
                               "want more time to finish the work on the east bank.",
                               "By Staff writer / July 19, 2011", prose(0), prose(1)},
                              {0});
  CHECK(e.meta.title == "Council meets builders. More talks to come?");
  CHECK(e.meta.byline == "Staff writer");
  CHECK(e.meta.date == "2011-07-19");
  CHECK(dropped_as(e, 1, "kTitle"));
  CHECK(dropped_as(e, 3, "kByline"));
  CHECK(e.doc.blocks[2].decision.keep);
}

TEST_CASE("a person's name on its own line above a dateline is the byline", "[meta]") {
  const Extracted e = extract({"A bridge opens at last - Example News", "Jane Doe", "Follow",
                               "Oct 18, 2019 \xC2\xB7 8 min read", prose(0), prose(1)});
  CHECK(e.meta.title == "A bridge opens at last");
  CHECK(e.meta.byline == "Jane Doe");
  CHECK(e.meta.date == "2019-10-18");
  CHECK(dropped_as(e, 1, "kByline"));
}

TEST_CASE("the byline nearest below the title is the article's", "[meta]") {
  const Extracted e = extract({"A bridge opens at last | Example News", "By Sidebar Author", "Home",
                               "A bridge opens at last", "Photo: the new bridge", "Share this",
                               "Comments", "By Jane Doe", prose(0), prose(1)});
  CHECK(e.meta.title == "A bridge opens at last");
  CHECK(e.meta.byline == "Jane Doe");
  CHECK(dropped_as(e, 1, "kByline"));
  CHECK(dropped_as(e, 7, "kByline"));
}

TEST_CASE("a dump of one line is not its own title", "[meta]") {
  const Extracted e = extract({"A bridge opens at last, after two years of delays"});
  CHECK(e.meta.title.empty());
  CHECK(e.doc.blocks[0].decision.keep);
}

TEST_CASE("a dump that opens with prose has no title", "[meta]") {
  const Extracted e = extract({prose(0), prose(1), prose(2)});
  CHECK(e.meta.title.empty());
  for (const auto& b : e.doc.blocks) CHECK(b.decision.keep);
}

TEST_CASE("a short headline just above a dateline is the title and not a byline", "[meta]") {
  const Extracted e =
      extract({"Skip to content", "Mayor Opens Bridge", "July 4, 2011", prose(0), prose(1)});
  CHECK(e.meta.title == "Mayor Opens Bridge");
  CHECK(e.meta.byline.empty());
  CHECK(e.meta.date == "2011-07-04");
  CHECK(dropped_as(e, 1, "kTitle"));
}
