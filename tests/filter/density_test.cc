// The density filter on hand-built documents: jusText's classes and their
// revision by neighbours, the article-region mode, the lead before the
// region, the fallback when nothing passes, and the article's extent in a
// dump.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "doc_builder.h"
#include "filter/filter.h"

using webclean::block::Block;
using webclean::block::Document;
using webclean::block::Kind;
using webclean::block::Stage;
using webclean::filter::classify_density;
using webclean::testing::DocBuilder;
using webclean::testing::kept;
using webclean::testing::prose;

namespace {

// 93 characters, two thirds stop words: too short to be good on its own.
constexpr const char* kNearGood =
    "The council said that it would decide on the plan for the bridge at a meeting in the "
    "spring.";
// Long, no stop words, no sentence: a tag list.
constexpr const char* kWordList =
    "Tags: Politics Economy World Business Markets Technology Science Health Sports Weather";
constexpr const char* kWordList2 =
    "Topics: Bridges Rivers Councils Budgets Engineers Mayors Buses Schools Traffic Bicycles";

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.rfind(prefix, 0) == 0;
}

// Marks block i as dropped by structure, outside the region.
void put_outside(Document& doc, size_t i) {
  doc.blocks[i].outside_region = true;
  doc.blocks[i].decision = {false, Stage::kStructure, "outside the main content (div.story)"};
}

// A navigation line, a lead of `lead_text` and the article, the first two
// outside the region: the lead is recovered as such, the navigation not.
void check_lead_recovered(const std::string& lead_text) {
  DocBuilder b;
  const size_t nav = b.block(-1, "Home, World, Sport, Business", Kind::kParagraph, true);
  const size_t lead = b.block(-1, lead_text);
  for (int i = 0; i < 3; ++i) b.block(-1, prose(i));
  Document doc = b.build();
  put_outside(doc, nav);
  put_outside(doc, lead);
  classify_density(doc, true);
  CHECK(kept(doc, lead));
  CHECK(doc.blocks[lead].decision.stage == Stage::kContext);
  CHECK(doc.blocks[lead].decision.reason.find("lead") != std::string::npos);
  CHECK_FALSE(kept(doc, nav));
}

}  // namespace

TEST_CASE("the document's stop-word list is in use for these tests", "[filter][density]") {
  DocBuilder b;
  b.block(-1, prose(0));
  const Document doc = b.build();
  CHECK(doc.language == "en");
  CHECK(doc.blocks[0].features.stopword_density() > 0.4f);
  CHECK(doc.blocks[0].features.chars > 200);
}

TEST_CASE("a long block rich in stop words is good and kept", "[filter][density]") {
  DocBuilder b;
  b.block(-1, prose(0));
  Document doc = b.build();
  classify_density(doc, false);
  CHECK(kept(doc, 0));
  CHECK(doc.blocks[0].decision.stage == Stage::kDensity);
  CHECK(starts_with(doc.blocks[0].decision.reason, "good"));
}

TEST_CASE("a link-heavy block is bad and dropped", "[filter][density]") {
  DocBuilder b;
  b.block(-1, prose(0));
  const size_t links = b.block(-1, prose(1), Kind::kParagraph, true);
  Document doc = b.build();
  classify_density(doc, false);
  CHECK(kept(doc, 0));
  CHECK_FALSE(kept(doc, links));
  CHECK(doc.blocks[links].decision.stage == Stage::kDensity);
  // The reason names the constant the block crossed, with both values.
  CHECK(starts_with(doc.blocks[links].decision.reason, "bad: link 1.00 > kMaxLinkDensity 0.20"));
}

TEST_CASE("a long block with few stop words is bad", "[filter][density]") {
  DocBuilder b;
  b.block(-1, prose(0));
  const size_t tags = b.block(-1, kWordList);
  Document doc = b.build();
  classify_density(doc, false);
  CHECK_FALSE(kept(doc, tags));
  CHECK(starts_with(doc.blocks[tags].decision.reason, "bad: stop 0.00 < kStopwordsLow 0.30"));
}

TEST_CASE("a short block between two good ones is kept", "[filter][density]") {
  DocBuilder b;
  b.block(-1, prose(0));
  const size_t caption = b.block(-1, "Photo: the bridge");
  b.block(-1, prose(1));
  Document doc = b.build();
  classify_density(doc, false);
  CHECK(kept(doc, caption));
  CHECK(doc.blocks[caption].decision.stage == Stage::kContext);
  CHECK(starts_with(doc.blocks[caption].decision.reason,
                    "short -> good: good on both sides (revise_short); 17 chars < kLengthLow 70"));
}

TEST_CASE("a short block between two bad ones is dropped", "[filter][density]") {
  DocBuilder b;
  b.block(-1, prose(0));
  b.block(-1, kWordList);
  const size_t label = b.block(-1, "Advertisement");
  b.block(-1, kWordList2);
  Document doc = b.build();
  classify_density(doc, false);
  CHECK_FALSE(kept(doc, label));
  CHECK(starts_with(doc.blocks[label].decision.reason,
                    "short -> bad: bad on both sides (revise_short)"));
}

TEST_CASE("a near-good block next to a good one is kept", "[filter][density]") {
  DocBuilder b;
  b.block(-1, prose(0));
  const size_t near_good = b.block(-1, kNearGood);
  b.block(-1, kWordList);
  Document doc = b.build();
  classify_density(doc, false);
  CHECK(kept(doc, near_good));
  CHECK(starts_with(doc.blocks[near_good].decision.reason, "near-good -> good"));
}

TEST_CASE("a near-good block between two bad ones is dropped", "[filter][density]") {
  DocBuilder b;
  b.block(-1, prose(0));
  b.block(-1, kWordList);
  const size_t near_good = b.block(-1, kNearGood);
  b.block(-1, kWordList2);
  Document doc = b.build();
  classify_density(doc, false);
  CHECK_FALSE(kept(doc, near_good));
  const std::string& reason = doc.blocks[near_good].decision.reason;
  CHECK(starts_with(reason, "near-good -> bad: bad on both sides (revise_near_good); stop "));
  CHECK(reason.find(">= kStopwordsHigh 0.32, 92 chars <= kLengthHigh 200") != std::string::npos);
}

TEST_CASE("a heading just before good text is kept", "[filter][density]") {
  DocBuilder b;
  b.block(-1, kWordList);
  const size_t heading = b.block(-1, "The new plan", Kind::kHeading);
  b.block(-1, prose(0));
  Document doc = b.build();
  classify_density(doc, false);
  CHECK(kept(doc, heading));
  CHECK(doc.blocks[heading].decision.reason.find("kMaxHeadingDistance") != std::string::npos);
}

TEST_CASE(
    "a heading that is a link is kept before good text on a manual or an article, not a "
    "listing",
    "[filter][density]") {
  for (const webclean::PageType type :
       {webclean::PageType::kDocumentation, webclean::PageType::kArticle,
        webclean::PageType::kListing}) {
    DocBuilder b;
    b.block(-1, kWordList);
    // <h2><a href="#options">Options</a></h2>: a link to itself; in a
    // ranked list, the item's title links to the place it ranks
    const size_t heading = b.block(-1, "Options", Kind::kHeading, true);
    b.block(-1, prose(0));
    Document doc = b.build();
    doc.page_type = type;
    classify_density(doc, false);
    CHECK(kept(doc, heading) == (type != webclean::PageType::kListing));
  }
}

TEST_CASE("blocks dropped before density keep their decision", "[filter][density]") {
  DocBuilder b;
  const size_t dropped = b.block(-1, prose(0));
  b.block(-1, prose(1));
  Document doc = b.build();
  doc.blocks[dropped].decision = {false, Stage::kRules, "t.rules:3 class share"};
  classify_density(doc, false);
  CHECK_FALSE(kept(doc, dropped));
  CHECK(doc.blocks[dropped].decision.stage == Stage::kRules);
}

TEST_CASE("inside a region the region's edges are good neighbours", "[filter][density]") {
  auto short_edges_kept = [](bool in_region) {
    DocBuilder b;
    b.block(-1, "By the river");
    b.block(-1, prose(0));
    b.block(-1, prose(1));
    b.block(-1, "Photo: the bridge");
    Document doc = b.build();
    classify_density(doc, in_region);
    return std::vector<bool>{kept(doc, 0), kept(doc, 3)};
  };
  CHECK(short_edges_kept(true) == std::vector<bool>{true, true});
  // Outside region mode the document's edges are bad, as in jusText.
  CHECK(short_edges_kept(false) == std::vector<bool>{false, false});
}

TEST_CASE("inside a region blocks outside it are absent, not bad neighbours", "[filter][density]") {
  DocBuilder b;
  const size_t nav1 = b.block(-1, "Home, World, Sport, Business", Kind::kParagraph, true);
  b.block(-1, prose(0));
  const size_t nav2 = b.block(-1, "Most read: the ten best bridges", Kind::kParagraph, true);
  const size_t subheading = b.block(-1, "What comes next");
  const size_t nav3 = b.block(-1, "Sign up for our newsletter", Kind::kParagraph, true);
  b.block(-1, prose(1));
  Document doc = b.build();
  for (size_t i : {nav1, nav2, nav3}) put_outside(doc, i);
  classify_density(doc, true);
  CHECK(kept(doc, subheading));
  for (size_t i : {nav1, nav2, nav3}) {
    CHECK_FALSE(kept(doc, i));
    CHECK(doc.blocks[i].decision.stage == Stage::kStructure);
  }
}

TEST_CASE("inside a region a long block is good whatever its stop words", "[filter][density]") {
  DocBuilder b;
  const size_t names = b.block(-1, kWordList);
  b.block(-1, prose(0));
  Document doc = b.build();
  classify_density(doc, true);
  CHECK(kept(doc, names));
  // Links still make it bad.
  DocBuilder linked;
  const size_t links = linked.block(-1, kWordList, Kind::kParagraph, true);
  linked.block(-1, prose(0));
  Document doc2 = linked.build();
  classify_density(doc2, true);
  CHECK_FALSE(kept(doc2, links));
}

TEST_CASE("the lead just before the region is recovered", "[filter][density]") {
  check_lead_recovered(kNearGood);
}

TEST_CASE("a lead that is good prose on its own is recovered too", "[filter][density]") {
  check_lead_recovered(prose(5));
}

TEST_CASE("good prose outside the region beside the article is recovered", "[filter][density]") {
  DocBuilder b;
  for (int i = 0; i < 3; ++i) b.block(-1, prose(i));
  const size_t aside = b.block(-1, prose(4));
  const size_t nav = b.block(-1, "Home, World, Sport, Business", Kind::kParagraph, true);
  const size_t lonely = b.block(-1, prose(5));
  const size_t nav2 = b.block(-1, "About us, Contact, Jobs", Kind::kParagraph, true);
  Document doc = b.build();
  for (size_t i : {aside, nav, lonely, nav2}) put_outside(doc, i);
  classify_density(doc, true);
  CHECK(kept(doc, aside));
  CHECK(doc.blocks[aside].decision.reason.find("beside other prose") != std::string::npos);
  // Amid boilerplate, prose outside the region stays out.
  CHECK_FALSE(kept(doc, lonely));
  CHECK_FALSE(kept(doc, nav));
}

TEST_CASE("the lead is not looked for past a run of boilerplate", "[filter][density]") {
  DocBuilder b;
  const size_t lead = b.block(-1, kNearGood);
  std::vector<size_t> outside{lead};
  for (int i = 0; i < 3; ++i) {
    outside.push_back(b.block(-1, "Home, World, Sport, Business", Kind::kParagraph, true));
  }
  for (int i = 0; i < 3; ++i) b.block(-1, prose(i));
  Document doc = b.build();
  for (size_t i : outside) put_outside(doc, i);
  classify_density(doc, true);
  CHECK_FALSE(kept(doc, lead));
}

TEST_CASE("when nothing passes in a text dump, what the rules let through is kept",
          "[filter][density]") {
  DocBuilder b(false);
  const size_t title = b.block(-1, "Notes");
  const size_t line1 = b.block(-1, "Call me back.");
  const size_t line2 = b.block(-1, "Milk, eggs, bread");
  const size_t ruled = b.block(-1, "Share this");
  Document doc = b.build();
  doc.blocks[ruled].decision = {false, Stage::kRules, "t.rules:9 share this"};
  classify_density(doc, false);
  CHECK(kept(doc, line1));
  CHECK(kept(doc, line2));
  CHECK(doc.blocks[line1].decision.reason.find("nothing else") != std::string::npos);
  CHECK_FALSE(kept(doc, title));  // a dump's first line is its title
  CHECK_FALSE(kept(doc, ruled));
  CHECK(doc.blocks[ruled].decision.stage == Stage::kRules);
}

TEST_CASE("when nothing is good on a page, density keeps what the structure kept and says so",
          "[filter][density]") {
  DocBuilder b;
  b.block(-1, "Welcome");
  b.block(-1, "Contact us");
  Document doc = b.build();
  classify_density(doc, false);
  for (const Block& block : doc.blocks) {
    CHECK(block.decision.keep);
    CHECK(block.decision.stage == Stage::kDensity);
    CHECK(block.decision.reason.ends_with("the structure's choice stands (classify_density)"));
  }
}

TEST_CASE("a text dump drops a small run of prose far from the main run", "[filter][density]") {
  DocBuilder b(false);
  b.block(-1, "Bridge to open in the spring");
  const size_t teaser = b.block(-1, kNearGood);
  for (int i = 0; i < 3; ++i) {
    b.block(-1, kWordList);
    b.block(-1, kWordList2);
  }
  std::vector<size_t> main_run;
  for (int i = 0; i < 5; ++i) main_run.push_back(b.block(-1, prose(i)));
  Document doc = b.build();
  classify_density(doc, false);
  CHECK_FALSE(kept(doc, teaser));
  CHECK(doc.blocks[teaser].decision.stage == Stage::kContext);
  CHECK(doc.blocks[teaser].decision.reason.find("outside the article's extent") !=
        std::string::npos);
  for (size_t i : main_run) CHECK(kept(doc, i));
}

TEST_CASE("a line that rules drop inside a dump's article goes alone, not the paragraphs after it",
          "[filter][density]") {
  DocBuilder b(false);
  b.block(-1, "Bridge to open in the spring");
  for (int i = 0; i < 3; ++i) b.block(-1, prose(i));
  const size_t read_more = b.block(-1, "READ MORE: Council votes on the budget for the buses");
  std::vector<size_t> after;
  for (int i = 0; i < 3; ++i) after.push_back(b.block(-1, kNearGood));
  Document doc = b.build();
  doc.blocks[read_more].decision = {false, Stage::kRules, "related.rules:33 read more"};
  classify_density(doc, false);
  CHECK_FALSE(kept(doc, read_more));
  CHECK(doc.blocks[read_more].decision.stage == Stage::kRules);
  for (size_t i : after) CHECK(kept(doc, i));
}

TEST_CASE("a dump's article of short paragraphs only is kept whole", "[filter][density]") {
  DocBuilder b(false);
  b.block(-1, "Bridge to open in the spring");
  std::vector<size_t> paragraphs;
  for (int i = 0; i < 8; ++i) paragraphs.push_back(b.block(-1, kNearGood));
  const size_t subscribe = b.block(-1, "Subscribe now");
  Document doc = b.build();
  doc.blocks[subscribe].decision = {false, Stage::kRules, "newsletter.rules:21 subscribe"};
  classify_density(doc, false);
  for (size_t i : paragraphs) CHECK(kept(doc, i));
}

TEST_CASE("a list that a dump's article introduces belongs to the article", "[filter][density]") {
  DocBuilder b(false);
  b.block(-1, "Bridge to open in the spring");
  b.block(-1, prose(0));
  b.block(-1, "The council listed the works that are left before the opening:");
  std::vector<size_t> items;
  for (const char* item : {"Rivets", "Paint: Ral 7016", "Lamps and cables", "Tarmac"}) {
    items.push_back(b.block(-1, item));
  }
  b.block(-1, prose(1));
  for (int i = 1; i <= 4; ++i) {
    items.push_back(b.block(-1, std::to_string(i) + ". Tags: Budgets Engineers Mayors Buses " +
                                    "Schools Traffic Bicycles Rivers Councils"));
  }
  Document doc = b.build();
  classify_density(doc, false);
  for (size_t i : items) CHECK(kept(doc, i));
}

TEST_CASE("a text dump keeps a second run of comparable size", "[filter][density]") {
  DocBuilder b(false);
  const size_t first = b.block(-1, prose(4));
  const size_t second = b.block(-1, prose(5));
  b.block(-1, kWordList);
  b.block(-1, kWordList2);
  for (int i = 0; i < 5; ++i) b.block(-1, prose(i));
  Document doc = b.build();
  classify_density(doc, false);
  CHECK(kept(doc, first));
  CHECK(kept(doc, second));
}

TEST_CASE("without a fitting stop-word list, sentences and length decide", "[filter][density]") {
  DocBuilder b(false);
  const size_t latin =
      b.block(-1,
              "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor "
              "incididunt ut labore et dolore magna aliqua.");
  const size_t label = b.block(-1, "Lorem ipsum");
  Document doc = b.build();
  classify_density(doc, false);
  CHECK(kept(doc, latin));
  CHECK_FALSE(kept(doc, label));
}

TEST_CASE("a table dumped one cell per line belongs to the dump's article", "[filter][density]") {
  DocBuilder b(false);
  b.block(-1, "Bridge to open in the spring");
  b.block(-1, prose(0));
  b.block(-1, prose(1));
  // The article ends with it: without the table's figures these short
  // lines would lie past the extent's end.
  std::vector<size_t> cells;
  for (const char* cell : {"Span", "Length", "Cost", "East", "310 m", "$12 m", "West", "290 m",
                           "$11 m", "Centre", "120 m", "$4 m"}) {
    cells.push_back(b.block(-1, cell));
  }
  Document doc = b.build();
  classify_density(doc, false);
  for (size_t i : cells) CHECK(kept(doc, i));
}

TEST_CASE("a listing of code inside a dump's article does not cut the article in two",
          "[filter][density]") {
  DocBuilder b(false);
  b.block(-1, "Faster queries with indexes");
  b.block(-1, prose(0));
  // Few stop words and long: bad by its words, but no boilerplate.
  const size_t code = b.block(
      -1,
      "-- Only index active users CREATE INDEX idx_active_users ON users(email) WHERE status = "
      "'active'; SELECT id, email FROM users WHERE status = 'active' ORDER BY created_at DESC "
      "LIMIT 20; SELECT count(*) FROM orders o JOIN users u ON (u.id = o.user_id) WHERE "
      "u.status = 'active' AND o.total > 100 GROUP BY u.id HAVING count(*) > 2;");
  std::vector<size_t> after;
  for (int i = 0; i < 3; ++i) after.push_back(b.block(-1, kNearGood));
  after.push_back(b.block(-1, prose(1)));
  Document doc = b.build();
  classify_density(doc, false);
  CHECK(kept(doc, code));
  for (size_t i : after) CHECK(kept(doc, i));
}

TEST_CASE("a dump's comment section after its article goes from its heading on",
          "[filter][density]") {
  DocBuilder b(false);
  b.block(-1, "Bridge to open in the spring");
  for (int i = 0; i < 3; ++i) b.block(-1, prose(i));
  const size_t heading = b.block(-1, "There are 13 comments");
  std::vector<size_t> comments;
  comments.push_back(b.block(-1, "Jane Roe · March 10, 2017 at 12:20 AM"));
  comments.push_back(b.block(-1, prose(3)));
  comments.push_back(b.block(-1, "John Doe · March 11, 2017 at 8:41 PM"));
  comments.push_back(b.block(-1, prose(4)));
  Document doc = b.build();
  doc.blocks[heading].decision = {false, Stage::kRules, "comments.rules:23 there are"};
  doc.blocks[heading].ends_article = true;
  classify_density(doc, false);
  for (size_t i = 1; i < heading; ++i) CHECK(kept(doc, i));
  for (size_t i : comments) {
    CHECK_FALSE(kept(doc, i));
    CHECK(starts_with(doc.blocks[i].decision.reason, "after the article's end at block 5"));
  }
}

TEST_CASE("a comment count above a dump's article does not end it", "[filter][density]") {
  DocBuilder b(false);
  b.block(-1, "Bridge to open in the spring");
  const size_t count = b.block(-1, "12 Comments");
  std::vector<size_t> article;
  for (int i = 0; i < 4; ++i) article.push_back(b.block(-1, prose(i)));
  Document doc = b.build();
  doc.blocks[count].decision = {false, Stage::kRules, "comments.rules:23 comments"};
  doc.blocks[count].ends_article = true;
  classify_density(doc, false);
  for (size_t i : article) CHECK(kept(doc, i));
}

TEST_CASE("a listing of records dumped field by field belongs to the dump's article",
          "[filter][density]") {
  DocBuilder b(false);
  b.block(-1, "Trails near Houston");
  b.block(-1, prose(0));
  std::vector<size_t> records;
  for (const char* name : {"Anthills", "Burroughs Park", "Cypresswood", "Double Lake"}) {
    records.push_back(b.block(-1, name));
    records.push_back(b.block(-1, "Difficulty: Beginner"));
    records.push_back(b.block(-1, std::string("Length: ") + name + " loop, 5 miles"));
    records.push_back(b.block(-1, "View the map"));
  }
  Document doc = b.build();
  classify_density(doc, false);
  for (size_t i : records) CHECK(kept(doc, i));
}

TEST_CASE("an ordered list dumped with its numbers on lines of their own belongs to the article",
          "[filter][density]") {
  DocBuilder b(false);
  b.block(-1, "Jobs at startups");
  b.block(-1, prose(0));
  std::vector<size_t> items;
  for (const char* n : {"1.", "2.", "3.", "4.", "5."}) {
    items.push_back(b.block(-1, n));
    items.push_back(b.block(-1, std::string("Startup ") + n + " is hiring engineers"));
    items.push_back(b.block(-1, "2 days ago"));
  }
  Document doc = b.build();
  classify_density(doc, false);
  for (size_t i : items) CHECK(kept(doc, i));
}

TEST_CASE("a thread dumped as text keeps its short posts between their chrome lines",
          "[filter][density]") {
  const auto thread = [](webclean::PageType type) {
    DocBuilder b(false);
    b.block(-1, "Which bridge design is best?");
    for (int i = 0; i < 4; ++i) b.block(-1, prose(i));
    const size_t reply = b.block(-1, "Reply");
    b.block(-1, "Quote");
    const size_t post = b.block(-1, kNearGood);
    Document doc = b.build();
    doc.page_type = type;
    doc.blocks[reply].decision = {false, Stage::kRules, "forums.rules:1 reply"};
    doc.blocks[reply + 1].decision = {false, Stage::kRules, "forums.rules:2 quote"};
    classify_density(doc, false);
    return kept(doc, post);
  };
  CHECK(thread(webclean::PageType::kForum));
  CHECK_FALSE(thread(webclean::PageType::kArticle));
}
