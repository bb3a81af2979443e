// The rules filter on hand-built documents: element rules drop subtrees,
// protect rules restore them, drop-text rules drop blocks by their text,
// and the wrapper and article-header exceptions hold.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "doc_builder.h"
#include "filter/filter.h"
#include "rules/rules.h"

using webclean::block::Document;
using webclean::block::kArticle;
using webclean::block::Kind;
using webclean::block::kMain;
using webclean::block::Stage;
using webclean::filter::apply_rules;
using webclean::rules::RuleSet;
using webclean::testing::DocBuilder;
using webclean::testing::kept;
using webclean::testing::prose;

namespace {

// Line numbers matter: rule ids are "t.rules:LINE".
constexpr const char* kRules =
    "[drop]\n"
    "class ^menu$\n"                // 2
    "tag header\n"                  // 3
    "class sidebar\n"               // 4
    "class ^ad$\n"                  // 5
    "class off-canvas\n"            // 6
    "[protect]\n"                   // 7
    "class keep-me\n"               // 8
    "[drop-text]\n"                 // 9
    "share this article\n"          // 10
    "(?:follow|like) us on \\w+\n"  // 11
    "[drop site=example.com]\n"     // 12
    "class promo\n";                // 13

const RuleSet& test_rules() {
  static const RuleSet rules = [] {
    RuleSet r;
    r.add_source("t.rules", kRules);
    r.compile();
    return r;
  }();
  return rules;
}

// An article of four long paragraphs under `parent`, so that no box
// beside it holds most of the page's text.
void add_article(DocBuilder& b, int32_t parent) {
  const int32_t article = b.node("article", parent, "", "", kArticle);
  for (int i = 0; i < 4; ++i) b.element_with_text("p", article, prose(i));
}

}  // namespace

TEST_CASE("a drop rule on an element drops every block below it, naming the rule",
          "[filter][rules]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t menu = b.node("div", body, "site-nav menu");
  const int32_t list = b.node("ul", menu);
  const size_t home = b.element_with_text("li", list, "Home", true);
  const size_t world = b.element_with_text("li", list, "World", true);
  const size_t own = b.block(menu, "Sections");
  add_article(b, body);
  Document doc = b.build();
  apply_rules(doc, test_rules(), "");

  for (size_t i : {home, world, own}) {
    CHECK_FALSE(kept(doc, i));
    CHECK(doc.blocks[i].decision.stage == Stage::kRules);
    CHECK(doc.blocks[i].decision.reason.find("t.rules:2") != std::string::npos);
  }
  for (size_t i = own + 1; i < doc.blocks.size(); ++i) {
    CHECK(kept(doc, i));
    CHECK(doc.blocks[i].decision.stage == Stage::kNone);
  }
}

TEST_CASE("a class rule matches whole class tokens when anchored", "[filter][rules]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const size_t menu_item = b.element_with_text("div", body, "Menu item", false, "menu-item");
  add_article(b, body);
  Document doc = b.build();
  apply_rules(doc, test_rules(), "");
  CHECK(kept(doc, menu_item));  // "^menu$" is not "menu-item"
}

TEST_CASE("protect restores a subtree under a dropped ancestor, drops below it still apply",
          "[filter][rules]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t sidebar = b.node("aside", body, "sidebar");
  const size_t intro = b.element_with_text("p", sidebar, "More from the sidebar");
  const int32_t keep = b.node("div", sidebar, "keep-me");
  const size_t saved = b.element_with_text("p", keep, "A fact box the article needs.");
  const int32_t ad = b.node("div", keep, "ad");
  const size_t advert = b.element_with_text("p", ad, "Buy one, get one free");
  const size_t saved_after = b.element_with_text("p", keep, "The fact box goes on here.");
  add_article(b, body);
  Document doc = b.build();
  apply_rules(doc, test_rules(), "");

  CHECK_FALSE(kept(doc, intro));
  CHECK(doc.blocks[intro].decision.reason.find("t.rules:4") != std::string::npos);
  CHECK(kept(doc, saved));
  CHECK(kept(doc, saved_after));
  CHECK_FALSE(kept(doc, advert));
  CHECK(doc.blocks[advert].decision.reason.find("t.rules:5") != std::string::npos);
}

TEST_CASE("a protect rule with nothing dropped above it changes nothing", "[filter][rules]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const size_t fact = b.element_with_text("div", body, "A fact box.", false, "keep-me");
  add_article(b, body);
  Document doc = b.build();
  apply_rules(doc, test_rules(), "");
  CHECK(kept(doc, fact));
  CHECK(doc.blocks[fact].decision.stage == Stage::kNone);
}

TEST_CASE("a drop-text rule drops a block whose whole text matches, in any case",
          "[filter][rules]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  add_article(b, body);
  const size_t share = b.element_with_text("p", body, "Share This Article");
  const size_t follow = b.element_with_text("p", body, "Follow us on Twitter");
  const size_t sentence =
      b.element_with_text("p", body, "Please share this article with your friends.");
  Document doc = b.build();
  apply_rules(doc, test_rules(), "");

  CHECK_FALSE(kept(doc, share));
  CHECK(doc.blocks[share].decision.stage == Stage::kRules);
  CHECK(doc.blocks[share].decision.reason.find("t.rules:10") != std::string::npos);
  CHECK_FALSE(kept(doc, follow));
  CHECK(doc.blocks[follow].decision.reason.find("t.rules:11") != std::string::npos);
  CHECK(kept(doc, sentence));  // the pattern must match the whole text
}

TEST_CASE("drop-text rules apply to the lines of a text dump", "[filter][rules]") {
  DocBuilder b(false);
  const size_t title = b.block(-1, "A bridge opens at last");
  const size_t share = b.block(-1, "Share this article");
  const size_t body = b.block(-1, prose(0));
  Document doc = b.build();
  apply_rules(doc, test_rules(), "");
  CHECK(kept(doc, title));
  CHECK_FALSE(kept(doc, share));
  CHECK(kept(doc, body));
}

TEST_CASE("a box holding more than half of the page's text is not dropped by a class rule",
          "[filter][rules]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t wrapper = b.node("div", body, "off-canvas-wrap off-canvas");
  add_article(b, wrapper);
  const int32_t panel = b.node("div", body, "off-canvas");
  const size_t panel_text = b.element_with_text("p", panel, "Search the site");
  Document doc = b.build();
  apply_rules(doc, test_rules(), "");

  for (size_t i = 0; i < 4; ++i) CHECK(kept(doc, i));
  // The same rule still drops a box of the same class that holds little.
  CHECK_FALSE(kept(doc, panel_text));
  CHECK(doc.blocks[panel_text].decision.reason.find("t.rules:6") != std::string::npos);
}

TEST_CASE("a header inside an article is spared by tag header, a page-level one is not",
          "[filter][rules]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t banner = b.node("header", body);
  const size_t site_name = b.element_with_text("p", banner, "The Daily Example");
  const int32_t article = b.node("article", body, "", "", kArticle);
  const int32_t own_header = b.node("header", article);
  const size_t headline =
      b.element_with_text("h1", own_header, "A bridge opens at last after years of delay");
  const size_t standfirst =
      b.element_with_text("p", own_header, "The river crossing cost a third more than planned.");
  for (int i = 0; i < 4; ++i) b.element_with_text("p", article, prose(i));
  Document doc = b.build();
  apply_rules(doc, test_rules(), "");

  CHECK_FALSE(kept(doc, site_name));
  CHECK(doc.blocks[site_name].decision.reason.find("t.rules:3") != std::string::npos);
  CHECK(kept(doc, headline));
  CHECK(kept(doc, standfirst));
}

TEST_CASE("a header inside main is the article's own header too", "[filter][rules]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t main = b.node("main", body, "", "", kMain);
  const int32_t wrap = b.node("div", main);
  const size_t headline =
      b.element_with_text("h1", b.node("header", wrap), "A bridge opens at last");
  add_article(b, main);
  Document doc = b.build();
  apply_rules(doc, test_rules(), "");
  CHECK(kept(doc, headline));
  CHECK(doc.blocks[headline].kind == Kind::kHeading);
}

TEST_CASE("site rules apply on their host and its subdomains only", "[filter][rules]") {
  auto promo_kept_on = [](std::string_view host) {
    DocBuilder b;
    const int32_t body = b.node("body", b.node("html"));
    const size_t promo = b.element_with_text("div", body, "Subscribe today", false, "promo");
    add_article(b, body);
    Document doc = b.build();
    apply_rules(doc, test_rules(), host);
    return doc.blocks[promo].decision.keep;
  };
  CHECK_FALSE(promo_kept_on("example.com"));
  CHECK_FALSE(promo_kept_on("www.example.com"));
  CHECK(promo_kept_on("example.org"));
  CHECK(promo_kept_on("notexample.com"));
  CHECK(promo_kept_on(""));
}

TEST_CASE("a block already dropped keeps its earlier decision", "[filter][rules]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t menu = b.node("div", body, "menu");
  const size_t item = b.element_with_text("p", menu, "Home");
  add_article(b, body);
  Document doc = b.build();
  webclean::testing::drop_as_metadata(doc, item, webclean::meta::BodyRole::kTitle);
  apply_rules(doc, test_rules(), "");
  CHECK(doc.blocks[item].decision.stage == Stage::kMetadata);
  CHECK(webclean::filter::dropped_as_title(doc.blocks[item].decision));
}

TEST_CASE("a drop always box is dropped even when it holds most of the page's text",
          "[filter][rules]") {
  RuleSet rules;
  rules.add_source("c.rules",
                   "[drop always]\n"
                   "id ^onetrust-pc-sdk$\n"  // 2
                   "[drop]\n"
                   "class ^cookie-box$\n");  // 4
  rules.compile();
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const size_t lead = b.element_with_text("p", b.node("div", body), "A short page of one line.");
  const int32_t dialog = b.node("div", body, "", "onetrust-pc-sdk");
  const size_t consent = b.element_with_text("p", dialog, prose(0) + " " + prose(1));
  const int32_t box = b.node("div", body, "cookie-box");
  const size_t guarded = b.element_with_text("p", box, prose(2) + " " + prose(3) + prose(4));
  Document doc = b.build();
  apply_rules(doc, rules, "");
  CHECK(kept(doc, lead));
  CHECK_FALSE(kept(doc, consent));
  CHECK(doc.blocks[consent].decision.reason.find("c.rules:2") != std::string::npos);
  // A plain [drop] rule keeps its share guard.
  CHECK(kept(doc, guarded));
}

TEST_CASE("a page whose prose sits only in boxes its rules drop keeps those boxes of prose",
          "[filter][rules]") {
  // A page builder's text widgets: three boxes named "sidebar", none holding
  // most of the page, and a short menu. The rules would leave nothing.
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const size_t menu = b.element_with_text("p", b.node("div", body, "menu"), "Home");
  std::vector<size_t> boxes;
  for (int i = 0; i < 3; ++i)
    boxes.push_back(b.element_with_text("p", b.node("div", body, "sidebar"), prose(i)));
  Document doc = b.build();
  apply_rules(doc, test_rules(), "");

  for (size_t i : boxes) {
    CHECK(kept(doc, i));
    CHECK(doc.blocks[i].decision.reason.find("kMinRulesKeptChars") != std::string::npos);
  }
  // What is not prose still goes.
  CHECK_FALSE(kept(doc, menu));
}

namespace {

// A page of one short paragraph the rules leave (a dialog, a form's
// consent line) and `boxes` boxes of prose a class rule names a sidebar.
struct ThinPage {
  Document doc;
  size_t left;
  std::vector<size_t> boxes;
};

ThinPage thin_page(webclean::PageType type, int left_paragraphs, int boxes) {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  ThinPage page;
  for (int i = 0; i < left_paragraphs; ++i) page.left = b.element_with_text("p", body, prose(i));
  for (int i = 0; i < boxes; ++i) {
    page.boxes.push_back(
        b.element_with_text("p", b.node("div", body, "sidebar"), prose(left_paragraphs + i)));
  }
  page.doc = b.build();
  page.doc.page_type = type;
  return page;
}

}  // namespace

TEST_CASE("an article whose rules leave a fifth of its prose or less shows its boxes of prose",
          "[filter][rules]") {
  ThinPage page = thin_page(webclean::PageType::kArticle, 1, 6);
  apply_rules(page.doc, test_rules(), "");

  CHECK(kept(page.doc, page.left));
  for (size_t i : page.boxes) {
    CHECK(kept(page.doc, i));
    CHECK(page.doc.blocks[i].decision.reason.find("kMinRulesKeptShare") != std::string::npos);
  }
}

TEST_CASE("an article whose rules leave more than a fifth of its prose keeps its boxes dropped",
          "[filter][rules]") {
  ThinPage page = thin_page(webclean::PageType::kArticle, 2, 6);
  apply_rules(page.doc, test_rules(), "");

  for (size_t i : page.boxes) CHECK_FALSE(kept(page.doc, i));
}

TEST_CASE("only articles show their boxes of prose when the rules leave a few paragraphs",
          "[filter][rules]") {
  for (const webclean::PageType type :
       {webclean::PageType::kProduct, webclean::PageType::kListing, webclean::PageType::kForum}) {
    ThinPage page = thin_page(type, 1, 6);
    apply_rules(page.doc, test_rules(), "");
    for (size_t i : page.boxes) CHECK_FALSE(kept(page.doc, i));
  }
}

TEST_CASE("boxes of prose a rule drops stay dropped when the page has text elsewhere",
          "[filter][rules]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  add_article(b, body);
  const size_t box = b.element_with_text("p", b.node("div", body, "sidebar"), prose(5));
  Document doc = b.build();
  apply_rules(doc, test_rules(), "");

  CHECK_FALSE(kept(doc, box));
}

TEST_CASE("a box of prose a rule drops is kept on a service page, not on a listing or collection",
          "[filter][rules]") {
  using webclean::PageType;
  for (const PageType type :
       {PageType::kService, PageType::kListing, PageType::kCollection, PageType::kArticle}) {
    DocBuilder b;
    const int32_t body = b.node("body", b.node("html"));
    add_article(b, body);
    const size_t box = b.element_with_text("p", b.node("div", body, "sidebar"), prose(5));
    Document doc = b.build();
    doc.page_type = type;
    apply_rules(doc, test_rules(), "");
    INFO(static_cast<int>(type) << ": " << doc.blocks[box].decision.reason);
    CHECK(kept(doc, box) == (type == PageType::kService));
  }
}

TEST_CASE("on a forum page the comment list is the thread's replies, on an article it goes",
          "[filter][rules]") {
  RuleSet rules;
  rules.add_source("comments.rules", "[drop]\nclass ^replies$\n[drop-text]\nreply\n");
  rules.compile();
  for (const webclean::PageType type : {webclean::PageType::kForum, webclean::PageType::kArticle}) {
    DocBuilder b;
    const int32_t body = b.node("body", b.node("html"));
    add_article(b, body);
    const int32_t replies = b.node("div", body, "replies");
    const size_t answer = b.element_with_text("p", replies, prose(5));
    const size_t button = b.element_with_text("p", replies, "Reply");
    Document doc = b.build();
    doc.page_type = type;
    apply_rules(doc, rules, "");

    CHECK(kept(doc, answer) == (type == webclean::PageType::kForum));
    CHECK_FALSE(kept(doc, button));  // the buttons' words still go
  }
}

TEST_CASE("a service page's cookie dialog of prose stays dropped, a manual's cookies section not",
          "[filter][rules]") {
  using webclean::PageType;
  RuleSet rules;
  rules.add_source("rules/consent.rules",
                   "[drop]\nclass (?:^|[-_])gdpr\\w*(?:$|[-_])\nid ^cookies$\n");
  rules.compile();
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  add_article(b, body);
  const size_t dialog =
      b.element_with_text("p", b.node("div", body, "moove-gdpr-tab-main"), prose(5));
  const size_t section = b.element_with_text("p", b.node("section", body, "", "cookies"), prose(6));
  Document doc = b.build();
  doc.page_type = PageType::kService;
  apply_rules(doc, rules, "");
  INFO(doc.blocks[dialog].decision.reason);
  CHECK_FALSE(kept(doc, dialog));
  CHECK(kept(doc, section));
}
