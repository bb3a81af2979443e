// The structure filter on hand-built pages: the container of the article's
// prose is found, what lies outside it is dropped, related siblings join
// it, and link-heavy boxes inside it are cleaned.
#include <catch2/catch.hpp>

#include <string>

#include "doc_builder.h"
#include "filter/filter.h"

using webclean::block::Document;
using webclean::block::Stage;
using webclean::filter::select_main_content;
using webclean::testing::DocBuilder;
using webclean::testing::kept;
using webclean::testing::prose;

namespace {

// A link list dressed up as prose: long, full of commas, all links.
std::string link_paragraph() {
  return "Politics, Business, Markets, World, Europe, Asia, Africa, Sport, Football, Tennis, "
         "Culture, Books, Music, Film, Science, Health, Travel, Food, Opinion, Video, Podcasts";
}

struct Page {
  Document doc;
  size_t first_nav = 0, last_nav = 0;      // the link list
  size_t first_story = 0, last_story = 0;  // the article
  size_t footer = 0;
};

// body > div#nav (link paragraphs and a list), div.story (prose), div.footer.
Page news_page(int paragraphs = 4) {
  Page page;
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t nav = b.node("div", body, "", "nav");
  page.first_nav = b.element_with_text("p", nav, link_paragraph(), true);
  b.element_with_text("p", nav, link_paragraph(), true);
  const int32_t list = b.node("ul", nav);
  b.element_with_text("li", list, "Home", true);
  page.last_nav = b.element_with_text("li", list, "Contact", true);
  const int32_t story = b.node("div", body, "story");
  page.first_story = b.element_with_text("p", story, prose(0));
  for (int i = 1; i < paragraphs; ++i) page.last_story = b.element_with_text("p", story, prose(i));
  const int32_t footer = b.node("div", body, "site-footer");
  page.footer = b.element_with_text("p", footer, "Copyright 2011 The Example Company Limited");
  page.doc = b.build();
  return page;
}

}  // namespace

TEST_CASE("the container of long comma-rich paragraphs wins over a link list",
          "[filter][structure]") {
  Page page = news_page();
  REQUIRE(select_main_content(page.doc));
  for (size_t i = page.first_story; i <= page.last_story; ++i) {
    CHECK(kept(page.doc, i));
    CHECK_FALSE(page.doc.blocks[i].outside_region);
  }
  for (size_t i = page.first_nav; i <= page.last_nav; ++i) CHECK_FALSE(kept(page.doc, i));
  CHECK_FALSE(kept(page.doc, page.footer));
}

TEST_CASE("blocks outside the region are dropped by structure and marked outside",
          "[filter][structure]") {
  Page page = news_page();
  REQUIRE(select_main_content(page.doc));
  for (size_t i : {page.first_nav, page.last_nav, page.footer}) {
    const auto& b = page.doc.blocks[i];
    CHECK(b.outside_region);
    CHECK(b.decision.stage == Stage::kStructure);
    // The reason names the region that was chosen.
    CHECK(b.decision.reason.find("div.story") != std::string::npos);
  }
}

TEST_CASE("a block dropped before structure is neither marked outside nor re-decided",
          "[filter][structure]") {
  Page page = news_page();
  page.doc.blocks[page.footer].decision = {false, Stage::kRules, "t.rules:1 class footer"};
  REQUIRE(select_main_content(page.doc));
  CHECK(page.doc.blocks[page.footer].decision.stage == Stage::kRules);
  CHECK_FALSE(page.doc.blocks[page.footer].outside_region);
}

TEST_CASE("a long sibling paragraph of the top candidate joins the region", "[filter][structure]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t nav = b.node("div", body, "", "nav");
  const size_t nav_text = b.element_with_text("p", nav, link_paragraph(), true);
  // The lead, outside the story box but beside it.
  const size_t lead = b.element_with_text(
      "p", body, "The new bridge over the river will open in the spring, the council said.");
  const int32_t story = b.node("div", body, "story");
  for (int i = 0; i < 4; ++i) b.element_with_text("p", story, prose(i));
  const size_t coda = b.element_with_text(
      "p", body,
      "Work on a second crossing further down the river is due to start next year, if the "
      "money can be found for it.");
  Document doc = b.build();
  REQUIRE(select_main_content(doc));
  CHECK(kept(doc, lead));
  CHECK_FALSE(doc.blocks[lead].outside_region);
  CHECK(kept(doc, coda));
  CHECK_FALSE(kept(doc, nav_text));
}

TEST_CASE("a short sibling paragraph with links does not join the region", "[filter][structure]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t story = b.node("div", body, "story");
  for (int i = 0; i < 4; ++i) b.element_with_text("p", story, prose(i));
  const size_t teaser = b.element_with_text("p", body, "Read next: the bridge in pictures.", true);
  Document doc = b.build();
  REQUIRE(select_main_content(doc));
  CHECK_FALSE(kept(doc, teaser));
  CHECK(doc.blocks[teaser].outside_region);
}

TEST_CASE("a link-heavy box inside the region is cleaned", "[filter][structure]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t story = b.node("div", body, "story");
  for (int i = 0; i < 2; ++i) b.element_with_text("p", story, prose(i));
  const int32_t box = b.node("div", story);
  const size_t more1 = b.element_with_text("p", box, "More on this story: the old bridge", true);
  const size_t more2 = b.element_with_text("p", box, "The council's plans in full", true);
  for (int i = 2; i < 5; ++i) b.element_with_text("p", story, prose(i));
  Document doc = b.build();
  REQUIRE(select_main_content(doc));
  for (size_t i : {more1, more2}) {
    CHECK_FALSE(kept(doc, i));
    CHECK(doc.blocks[i].decision.stage == Stage::kStructure);
    CHECK_FALSE(doc.blocks[i].outside_region);
    CHECK(doc.blocks[i].decision.reason.find("link-heavy") != std::string::npos);
  }
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    if (i != more1 && i != more2) CHECK(kept(doc, i));
  }
}

TEST_CASE("a link-heavy list inside the region is cleaned", "[filter][structure]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t story = b.node("div", body, "story");
  for (int i = 0; i < 4; ++i) b.element_with_text("p", story, prose(i));
  const int32_t list = b.node("ul", story);
  const size_t item1 = b.element_with_text("li", list, "Bridge opens", true);
  const size_t item2 = b.element_with_text("li", list, "Council votes", true);
  Document doc = b.build();
  REQUIRE(select_main_content(doc));
  CHECK_FALSE(kept(doc, item1));
  CHECK_FALSE(kept(doc, item2));
  CHECK(doc.blocks[item1].decision.reason.find("link-heavy list") != std::string::npos);
}

TEST_CASE("a box with a negative class hint inside the region is cleaned", "[filter][structure]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t story = b.node("div", body, "story");
  for (int i = 0; i < 4; ++i) b.element_with_text("p", story, prose(i));
  const int32_t share = b.node("div", story, "share-buttons");
  const size_t share_text = b.element_with_text("p", share, "Share on Facebook or by email");
  Document doc = b.build();
  REQUIRE(select_main_content(doc));
  CHECK_FALSE(kept(doc, share_text));
  CHECK(doc.blocks[share_text].decision.reason.find("negative class") != std::string::npos);
}

TEST_CASE("a page whose only text is tiny has no region", "[filter][structure]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const size_t hello = b.element_with_text("p", b.node("div", body), "Hello there.");
  Document doc = b.build();
  CHECK_FALSE(select_main_content(doc));
  CHECK(kept(doc, hello));
  CHECK(doc.blocks[hello].decision.stage == Stage::kNone);
  CHECK_FALSE(doc.blocks[hello].outside_region);
}

TEST_CASE("a text document (no nodes) has no region", "[filter][structure]") {
  DocBuilder b(false);
  b.block(-1, prose(0));
  Document doc = b.build();
  CHECK_FALSE(select_main_content(doc));
  CHECK(kept(doc, 0));
}

TEST_CASE("a small region beside much more text elsewhere is not trusted", "[filter][structure]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  // One scored paragraph in a box of its own ...
  const int32_t box = b.node("div", body, "story");
  b.element_with_text("p", box, prose(0));
  // ... and much unscored text elsewhere: list items are never scored.
  const int32_t list = b.node("ul", body);
  for (int i = 1; i < 6; ++i) b.element_with_text("li", list, prose(i));
  Document doc = b.build();
  CHECK_FALSE(select_main_content(doc));
  for (size_t i = 0; i < doc.blocks.size(); ++i) CHECK(kept(doc, i));
}
