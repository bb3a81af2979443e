// Listing and collection pages on hand-built documents: the list of items
// (same-shaped boxes, each with a link) is kept whole, short lines and
// links included; a menu of one-word links is not a list of items; a
// collection page with a written description is read as an article.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "doc_builder.h"
#include "filter/filter.h"
#include "rules/rules.h"

using webclean::PageType;
using webclean::block::Document;
using webclean::filter::classify_density;
using webclean::filter::select_main_content;
using webclean::testing::DocBuilder;
using webclean::testing::drop_as_metadata;
using webclean::testing::kept;
using webclean::testing::prose;

namespace {

struct ListingPage {
  Document doc;
  size_t heading = 0, intro = 0;
  std::vector<size_t> item_blocks;
  std::vector<size_t> menu_blocks;
  std::vector<size_t> description;
};

// body > ul.menu (one-word links), h1, p.intro, div.grid > article x6 (a
// linked title, a date, a price), and `description_paragraphs` of prose
// after the grid. `card_class(i)` names each card.
ListingPage listing_page(PageType type, const std::string& (*card_class)(int),
                         int description_paragraphs = 0) {
  ListingPage p;
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t menu = b.node("ul", body, "links");
  for (const char* entry : {"Home", "Shop", "About", "Help", "Cart"}) {
    p.menu_blocks.push_back(b.element_with_text("li", menu, entry, true));
  }
  p.heading = b.element_with_text("h1", body, "Camping stoves");
  p.intro = b.element_with_text("p", body, "Stoves for every trip, from one night to a month.");
  const int32_t grid = b.node("div", body, "grid");
  for (int i = 0; i < 6; ++i) {
    const int32_t card = b.node("article", grid, card_class(i));
    p.item_blocks.push_back(
        b.element_with_text("h3", card, "Trail stove model " + std::to_string(i), true));
    p.item_blocks.push_back(b.element_with_text("p", card, "Posted 3 days ago"));
    p.item_blocks.push_back(b.element_with_text("p", card, "$" + std::to_string(20 + i) + ".99"));
  }
  for (int i = 0; i < description_paragraphs; ++i) {
    p.description.push_back(b.element_with_text("p", body, prose(i)));
  }
  Document doc = b.build();
  doc.page_type = type;
  p.doc = std::move(doc);
  return p;
}

const std::string& plain_card(int) {
  static const std::string name = "card";
  return name;
}

// WordPress names each post box by its id first: "post-101 post type-post".
const std::string& numbered_card(int i) {
  static std::string names[6];
  names[i] = "post-" + std::to_string(100 + i) + " post type-post";
  return names[i];
}

void clean(Document& doc) {
  const bool in_region = select_main_content(doc);
  classify_density(doc, in_region);
}

}  // namespace

TEST_CASE("a listing page keeps every item of its list, dates, prices and links included",
          "[filter][items]") {
  ListingPage p = listing_page(PageType::kListing, plain_card);
  clean(p.doc);
  for (size_t i : p.item_blocks) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK(kept(p.doc, i));
    CHECK(p.doc.blocks[i].decision.reason.find("item of the page's list") != std::string::npos);
  }
  CHECK(p.doc.blocks[p.item_blocks[0]].decision.reason.find("article.card") != std::string::npos);
}

TEST_CASE("a menu of one-word links is not a list of items", "[filter][items]") {
  ListingPage p = listing_page(PageType::kListing, plain_card);
  clean(p.doc);
  for (size_t i : p.menu_blocks) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK_FALSE(kept(p.doc, i));
  }
}

TEST_CASE("cards whose first class is a number-bearing id still make one list", "[filter][items]") {
  ListingPage p = listing_page(PageType::kListing, numbered_card);
  clean(p.doc);
  for (size_t i : p.item_blocks) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK(kept(p.doc, i));
  }
  CHECK(p.doc.blocks[p.item_blocks[0]].decision.reason.find("article.post ") != std::string::npos);
}

TEST_CASE("a collection page without a description keeps its product grid", "[filter][items]") {
  ListingPage p = listing_page(PageType::kCollection, plain_card, 1);
  clean(p.doc);
  for (size_t i : p.item_blocks) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK(kept(p.doc, i));
  }
}

TEST_CASE("a collection page with a written description keeps the description, not the grid",
          "[filter][items]") {
  ListingPage p = listing_page(PageType::kCollection, plain_card, 6);
  clean(p.doc);
  for (size_t i : p.description) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK(kept(p.doc, i));
  }
  for (size_t i : p.item_blocks) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK(p.doc.blocks[i].decision.reason.find("item of") == std::string::npos);
  }
  CHECK_FALSE(kept(p.doc, p.item_blocks[0]));
}

TEST_CASE("an article with the same markup is not read as a list", "[filter][items]") {
  ListingPage p = listing_page(PageType::kArticle, plain_card, 6);
  clean(p.doc);
  for (const auto& b : p.doc.blocks) {
    CHECK(b.decision.reason.find("item of") == std::string::npos);
  }
}

namespace {

// An article page laid out as a listing page: h1, a paragraph of prose,
// and a carousel of six linked teasers under the heading "More from the
// show", which related.rules drops (set here as the rules filter would).
struct StoryWithTeasers {
  Document doc;
  size_t story = 0;
  std::vector<size_t> teasers;
};

StoryWithTeasers story_with_teasers() {
  StoryWithTeasers p;
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  b.element_with_text("h1", body, "The dubious trade in hope");
  p.story = b.element_with_text("p", body, prose(0));
  const int32_t section = b.node("div", body, "gridlist");
  const size_t heading = b.element_with_text("h2", section, "More from the show");
  const int32_t row = b.node("div", b.node("div", section, "grid"), "row");
  for (int i = 0; i < 6; ++i) {
    const int32_t card = b.node("div", row, "col swiper-slide");
    p.teasers.push_back(b.element_with_text(
        "h3", card, "Another episode of the show, number " + std::to_string(i), true));
    p.teasers.push_back(b.element_with_text("p", card, "45 min."));
  }
  p.doc = b.build();
  p.doc.page_type = PageType::kListing;
  p.doc.blocks[heading].decision = {false, webclean::block::Stage::kRules,
                                    "rules/related.rules:37 more from [^.!?,;]+"};
  return p;
}

}  // namespace

TEST_CASE("a list titled by a related-pages heading is not the page's list", "[filter][items]") {
  StoryWithTeasers p = story_with_teasers();
  clean(p.doc);
  CHECK(kept(p.doc, p.story));
  for (size_t i : p.teasers) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK(p.doc.blocks[i].decision.reason.find("of the page's list") == std::string::npos);
  }
}

TEST_CASE("a column of sections, each a row of cards, keeps every section, whatever its shape",
          "[filter][items]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t column = b.node("article", b.node("main", body));
  std::vector<size_t> cards;
  // Styled-components names: the component id first, then a style hash
  // that differs from card to card.
  const char* const hashes[] = {"cKhECM", "kIJWJi", "OpcHF", "fQkOKX"};
  for (int s = 0; s < 4; ++s) {
    const int32_t section = b.node("section", column, "sc-8fbea2e5-0 exUQHT");
    b.element_with_text("h2", section, "Section " + std::to_string(s));
    for (int c = 0; c < 4; ++c) {
      const int32_t card = b.node("div", section, std::string("sc-82b3c53b-0 ") + hashes[c]);
      cards.push_back(b.element_with_text(
          "h3", card, "A headline of some length, story " + std::to_string(s * 4 + c), true));
    }
  }
  // A "Most read" box between the sections, of another shape: numbered links.
  const int32_t most_read = b.node("section", column, "sc-137e23a3-1 kBGGOJ");
  const int32_t ranked = b.node("ol", most_read);
  for (int i = 0; i < 5; ++i) {
    cards.push_back(b.element_with_text(
        "li", ranked, "The most read story of the day, number " + std::to_string(i), true));
  }
  Document doc = b.build();
  doc.page_type = PageType::kListing;
  clean(doc);
  for (size_t i : cards) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK(kept(doc, i));
  }
  CHECK(doc.blocks[cards[0]].decision.reason.find("section of the page's list") !=
        std::string::npos);
}

TEST_CASE("cards written as one link around a heading and lines make a list of items",
          "[filter][items]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  b.element_with_text("h1", body, "Exercises");
  const int32_t row = b.node("div", body, "flex overflow-x-auto");
  std::vector<size_t> cards;
  for (int i = 0; i < 5; ++i) {
    const int32_t card = b.node("a", row, "group relative flex");
    const int32_t inner = b.node("div", card, "grow px-4");
    cards.push_back(
        b.element_with_text("h3", inner, "Warming up, part " + std::to_string(i), true));
    cards.push_back(b.element_with_text("p", inner, "Duration: 8 Min", true));
  }
  Document doc = b.build();
  doc.page_type = PageType::kCollection;
  clean(doc);
  for (size_t i : cards) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK(kept(doc, i));
    CHECK(doc.blocks[i].decision.reason.find("x a.group") != std::string::npos);
  }
}

TEST_CASE("an item's byline and date, which the metadata step took for the page's, are kept",
          "[filter][items]") {
  ListingPage p = listing_page(PageType::kListing, plain_card);
  const size_t dateline = p.item_blocks[1];  // "Posted 3 days ago"
  const size_t title = p.item_blocks[0];
  drop_as_metadata(p.doc, dateline, webclean::meta::BodyRole::kDateline);
  drop_as_metadata(p.doc, title, webclean::meta::BodyRole::kTitle);
  clean(p.doc);
  CHECK(kept(p.doc, dateline));
  CHECK_FALSE(kept(p.doc, title));  // a heading repeating the page's title still goes
}

TEST_CASE("a button every card repeats goes, the cards' own lines stay", "[filter][items]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t grid = b.node("ul", body, "products");
  std::vector<size_t> titles, prices, buttons;
  for (int i = 0; i < 5; ++i) {
    const int32_t card = b.node("li", grid, "product");
    titles.push_back(
        b.element_with_text("h3", card, "Trail stove model " + std::to_string(i), true));
    prices.push_back(b.element_with_text("p", card, "Ships in " + std::to_string(i + 2) + " days"));
    buttons.push_back(b.element_with_text("p", card, "Add to cart", true));
  }
  Document doc = b.build();
  doc.page_type = PageType::kCollection;
  clean(doc);
  for (size_t i = 0; i < titles.size(); ++i) {
    CHECK(kept(doc, titles[i]));
    CHECK(kept(doc, prices[i]));  // the card's own line
    INFO(doc.blocks[buttons[i]].decision.reason);
    CHECK_FALSE(kept(doc, buttons[i]));
    CHECK(doc.blocks[buttons[i]].decision.reason.find("a button of every item") !=
          std::string::npos);
  }
}

TEST_CASE("a title a card writes twice is kept once, the same title in the next card stays",
          "[filter][items]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t grid = b.node("ul", body, "products");
  std::vector<size_t> first, repeat, price;
  for (int i = 0; i < 5; ++i) {
    const int32_t card = b.node("li", grid, "product");
    // The picture's link, then the heading: the same words.
    const std::string title =
        i == 4 ? "Trail stove model 3" : "Trail stove model " + std::to_string(i);
    first.push_back(b.element_with_text("p", card, title, true));
    repeat.push_back(b.element_with_text("h3", card, title, true));
    price.push_back(b.element_with_text("p", card, "$" + std::to_string(20 + i) + ".99"));
  }
  Document doc = b.build();
  doc.page_type = PageType::kCollection;
  clean(doc);
  for (size_t i = 0; i < first.size(); ++i) {
    CHECK(kept(doc, first[i]));  // the fifth card's title repeats the fourth's: another item
    CHECK(kept(doc, price[i]));
    INFO(doc.blocks[repeat[i]].decision.reason);
    CHECK_FALSE(kept(doc, repeat[i]));
    CHECK(doc.blocks[repeat[i]].decision.reason.starts_with("a repeat of a line of the same item"));
  }
}

TEST_CASE("a badge every card of a section repeats stays, however often", "[filter][items]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t column = b.node("div", body, "sections");
  std::vector<size_t> badges;
  for (int s = 0; s < 3; ++s) {
    const int32_t section = b.node("section", column, "group");
    b.element_with_text("h2", section, "Category number " + std::to_string(s));
    const int32_t row = b.node("div", section, "row");
    for (int i = 0; i < 5; ++i) {
      const int32_t card = b.node("div", row, "card");
      b.element_with_text("h3", card, "Project " + std::to_string(s * 10 + i), true);
      badges.push_back(b.element_with_text("p", card, "Honoree"));
      b.element_with_text("p", card, "Studio " + std::to_string(s * 10 + i) + " of the city");
    }
  }
  Document doc = b.build();
  doc.page_type = PageType::kCollection;
  clean(doc);
  for (size_t i : badges) {
    INFO(doc.blocks[i].decision.reason);
    CHECK(kept(doc, i));
  }
}

TEST_CASE("a marquee beside a listing's list goes, the list stays", "[filter][items]") {
  ListingPage p = listing_page(PageType::kListing, plain_card);
  std::string phrase;
  for (int i = 0; i < 60; ++i) phrase += "word ";
  webclean::block::Block marquee = p.doc.blocks[p.intro];
  marquee.text = phrase;
  marquee.features.chars = static_cast<uint32_t>(phrase.size());
  marquee.features.words = 60;
  p.doc.blocks.push_back(marquee);
  const size_t m = p.doc.blocks.size() - 1;
  clean(p.doc);
  CHECK(kept(p.doc, p.item_blocks[0]));
  INFO(p.doc.blocks[m].decision.reason);
  CHECK_FALSE(kept(p.doc, m));
  CHECK(p.doc.blocks[m].decision.reason.starts_with("a marquee: one phrase repeated"));
}

TEST_CASE("a <dl> list keeps each item's term with its definition", "[filter][items]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t list = b.node("dl", body);
  std::vector<size_t> terms, definitions;
  for (int i = 0; i < 5; ++i) {
    // The term is links only, as a listing's "[1] arXiv:1234 [pdf, html]".
    const int32_t term = b.node("dt", list);
    terms.push_back(
        b.element_with_text("p", term, "[" + std::to_string(i + 1) + "] pdf html", true));
    const int32_t definition = b.node("dd", list);
    definitions.push_back(b.element_with_text(
        "p", definition, "Title: A study of trail stoves, part " + std::to_string(i), true));
    definitions.push_back(b.element_with_text("p", definition, "Jane Doe " + std::to_string(i)));
  }
  Document doc = b.build();
  doc.page_type = PageType::kListing;
  clean(doc);
  for (size_t i : definitions) CHECK(kept(doc, i));
  for (size_t i : terms) {
    INFO(doc.blocks[i].decision.reason);
    CHECK(kept(doc, i));
    CHECK(doc.blocks[i].decision.reason.find("item of the page's list") != std::string::npos);
  }
}

TEST_CASE("a collection page's description written twice is read once", "[filter][items]") {
  ListingPage p = listing_page(PageType::kCollection, plain_card, 2);
  // The page repeats its first paragraph (a clipped copy and the full one).
  Document& doc = p.doc;
  webclean::block::Block copy = doc.blocks[p.description[0]];
  doc.blocks.push_back(copy);
  const size_t repeat = doc.blocks.size() - 1;
  clean(doc);
  CHECK(kept(doc, p.description[0]));
  CHECK(kept(doc, p.description[1]));
  INFO(doc.blocks[repeat].decision.reason);
  CHECK_FALSE(kept(doc, repeat));
  CHECK(doc.blocks[repeat].decision.reason.starts_with(
      "a repeat of a paragraph the page showed before"));
}

namespace {

// body > h1, div.featured (3 cards) and div.grid (6 cards): two grids of
// products, the second twice the first.
struct TwoGrids {
  Document doc;
  std::vector<size_t> featured, grid;
};

TwoGrids two_grids(PageType type) {
  TwoGrids p;
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  b.element_with_text("h1", body, "Camping stoves");
  const int32_t featured = b.node("div", body, "featured");
  for (int i = 0; i < 3; ++i) {
    const int32_t card = b.node("div", featured, "tile");
    p.featured.push_back(
        b.element_with_text("h3", card, "Featured stove number " + std::to_string(i), true));
    p.featured.push_back(b.element_with_text("p", card, "Back in stock this week"));
  }
  const int32_t grid = b.node("div", body, "grid");
  for (int i = 0; i < 6; ++i) {
    const int32_t card = b.node("article", grid, "card");
    p.grid.push_back(
        b.element_with_text("h3", card, "Trail stove model " + std::to_string(i), true));
    // A line of each card's own (a line every card repeats word for word
    // is a badge on a listing page).
    p.grid.push_back(b.element_with_text("p", card, "Ships in " + std::to_string(i + 2) + " days"));
  }
  p.doc = b.build();
  p.doc.page_type = type;
  return p;
}

}  // namespace

TEST_CASE("a collection page keeps its other grids of products beside the main one",
          "[filter][items]") {
  TwoGrids p = two_grids(PageType::kCollection);
  clean(p.doc);
  for (size_t i : p.grid) CHECK(kept(p.doc, i));
  for (size_t i : p.featured) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK(kept(p.doc, i));
    CHECK(p.doc.blocks[i].decision.reason.find("page's other grid (3 x div.tile") !=
          std::string::npos);
  }
}

TEST_CASE("a listing page's second list is not taken as its own", "[filter][items]") {
  TwoGrids p = two_grids(PageType::kListing);
  clean(p.doc);
  for (size_t i : p.grid) CHECK(kept(p.doc, i));
  for (size_t i : p.featured) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK(p.doc.blocks[i].decision.reason.find("of the page's") == std::string::npos);
  }
}

namespace {

// body > ul.jobs > li.job x5: a linked title, a badge, a field name and
// its value, a date.
struct JobBoard {
  Document doc;
  std::vector<size_t> titles, badges, fields, values, dates;
};

JobBoard job_board(PageType type) {
  JobBoard p;
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t list = b.node("ul", body, "jobs");
  for (int i = 0; i < 5; ++i) {
    const int32_t card = b.node("li", list, "job");
    p.titles.push_back(
        b.element_with_text("h3", card, "Senior data engineer, team " + std::to_string(i), true));
    p.badges.push_back(b.element_with_text("p", card, "Actively hiring"));
    p.fields.push_back(b.element_with_text("p", card, "Location:"));
    p.values.push_back(b.element_with_text("p", card, "Remote"));
    p.dates.push_back(
        b.element_with_text("p", card, "Posted " + std::to_string(i + 2) + " days ago"));
  }
  p.doc = b.build();
  p.doc.page_type = type;
  return p;
}

}  // namespace

TEST_CASE("a badge every card of a listing repeats goes, its titles, fields and dates stay",
          "[filter][items]") {
  JobBoard p = job_board(PageType::kListing);
  clean(p.doc);
  for (size_t i = 0; i < p.titles.size(); ++i) {
    CHECK(kept(p.doc, p.titles[i]));
    CHECK(kept(p.doc, p.fields[i]));  // names the value after it
    CHECK(kept(p.doc, p.values[i]));  // repeated too, but a field's value
    CHECK(kept(p.doc, p.dates[i]));   // holds a number: the item's own
    INFO(p.doc.blocks[p.badges[i]].decision.reason);
    CHECK_FALSE(kept(p.doc, p.badges[i]));
    CHECK(p.doc.blocks[p.badges[i]].decision.reason.find("a label of every item") !=
          std::string::npos);
  }
}

TEST_CASE("a call to action every linked card of a listing repeats goes, the cards stay",
          "[filter][items]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t list = b.node("ul", body, "jobs");
  std::vector<size_t> titles, companies, calls;
  for (int i = 0; i < 5; ++i) {
    // Every line is link text: the card is one link as a whole.
    const int32_t card = b.node("li", list, "job");
    calls.push_back(b.element_with_text("p", card, "View Company Profile", true));
    titles.push_back(
        b.element_with_text("h3", card, "Software engineer " + std::to_string(i), true));
    companies.push_back(
        b.element_with_text("p", card, "Company number " + std::to_string(i), true));
  }
  Document doc = b.build();
  doc.page_type = PageType::kListing;
  clean(doc);
  for (size_t i = 0; i < titles.size(); ++i) {
    CHECK(kept(doc, titles[i]));
    CHECK(kept(doc, companies[i]));
    INFO(doc.blocks[calls[i]].decision.reason);
    CHECK_FALSE(kept(doc, calls[i]));
  }
}

TEST_CASE("a label every card of a shop's grid repeats goes, as on a listing", "[filter][items]") {
  // "In stock", "Color", "Back-order" under each product's name.
  JobBoard p = job_board(PageType::kCollection);
  clean(p.doc);
  for (size_t i = 0; i < p.titles.size(); ++i) {
    CHECK(kept(p.doc, p.titles[i]));
    CHECK(kept(p.doc, p.values[i]));
    CHECK(kept(p.doc, p.dates[i]));
    INFO(p.doc.blocks[p.badges[i]].decision.reason);
    CHECK_FALSE(kept(p.doc, p.badges[i]));
  }
}

TEST_CASE("a mega menu in the site's navigation is not the page's list, however large",
          "[filter][items]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  // nav > div.dept x4, each a heading link and a column of eight links:
  // a list of sections holding more text than the grid.
  const int32_t nav = b.node("nav", body, "site-nav");
  std::vector<size_t> menu;
  for (int d = 0; d < 4; ++d) {
    const int32_t dept = b.node("div", nav, "dept");
    menu.push_back(b.element_with_text("a", dept, "Department number " + std::to_string(d), true));
    const int32_t column = b.node("ul", dept, "column");
    for (int e = 0; e < 8; ++e) {
      menu.push_back(b.element_with_text(
          "li", column, "Perennial plants, group " + std::to_string(d * 8 + e), true));
    }
  }
  const int32_t grid = b.node("div", body, "grid");
  std::vector<size_t> products;
  for (int i = 0; i < 6; ++i) {
    const int32_t card = b.node("div", grid, "thumb");
    products.push_back(
        b.element_with_text("h3", card, "Terracotta pot and saucer " + std::to_string(i), true));
    products.push_back(b.element_with_text("p", card, "$" + std::to_string(20 + i) + ".50"));
  }
  Document doc = b.build();
  doc.page_type = PageType::kListing;
  clean(doc);
  for (size_t i : products) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK(doc.blocks[i].decision.reason.find("item of the page's list") != std::string::npos);
  }
  for (size_t i : menu) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK(doc.blocks[i].decision.reason.find("of the page's list") == std::string::npos);
  }
}

namespace {

// The pagination rule as structure.rules writes it (items.cc finds it by
// its file and the word it names).
const webclean::rules::RuleSet& pager_rules() {
  static const webclean::rules::RuleSet rules = [] {
    webclean::rules::RuleSet r;
    r.add_source("structure.rules", "[drop]\nclass (?:^|[-_])(?:pagination|pager)(?:$|[-_])\n");
    r.compile();
    return r;
  }();
  return rules;
}

}  // namespace

TEST_CASE("a grid inside a box named like a pager is the page's list, the pager's lines still go",
          "[filter][items]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  // A menu of short links, so that the pager box holds under half of the
  // page (the rules filter ignores a rule on a box holding most of it).
  const int32_t menu = b.node("ul", body, "links");
  std::vector<size_t> menu_entries;
  for (int i = 0; i < 24; ++i) {
    menu_entries.push_back(b.element_with_text("li", menu, "Category " + std::to_string(i), true));
  }
  b.element_with_text("h1", body, "Running shirts");
  // React shops' load-more component: the grid, the button, the count.
  const int32_t wrapper = b.node("div", body, "pagination_pagination__x1");
  const int32_t grid = b.node("div", wrapper, "product-grid_grid__a2");
  std::vector<size_t> items;
  for (int i = 0; i < 6; ++i) {
    const int32_t card = b.node("article", grid, "product-card_card__b3");
    items.push_back(
        b.element_with_text("h4", card, "Seamless training shirt " + std::to_string(i), true));
    items.push_back(b.element_with_text("p", card, "$" + std::to_string(30 + i)));
  }
  const int32_t bottom = b.node("div", wrapper, "pagination_pagination-bottom__c4");
  const size_t count = b.element_with_text("p", bottom, "Viewing 1 - 6 of 400 products");
  // A real pager: page numbers, no list.
  const int32_t pager = b.node("div", body, "pagination");
  std::vector<size_t> pages;
  for (const char* n : {"1", "2", "3", "Next"})
    pages.push_back(b.element_with_text("a", pager, n, true));
  Document doc = b.build();
  doc.page_type = PageType::kCollection;
  webclean::filter::apply_rules(doc, pager_rules(), "");
  clean(doc);
  for (size_t i : items) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK(kept(doc, i));
  }
  CHECK_FALSE(kept(doc, count));
  CHECK_FALSE(kept(doc, menu_entries[0]));
  for (size_t i : pages) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK_FALSE(kept(doc, i));
    CHECK(doc.blocks[i].decision.reason.find("structure.rules") != std::string::npos);
  }
}
