// Service and documentation pages on hand-built documents: every section
// of the body is the region (not one best container), lists and code of
// the core are kept whole, forms and marquees go; on those pages the rules
// filter keeps boxes of prose that a class rule names a menu, while other
// page types are left as they were. Hidden panels of text are shown on
// every page type.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "doc_builder.h"
#include "filter/filter.h"
#include "rules/rules.h"

using webclean::PageType;
using webclean::block::Document;
using webclean::block::kHidden;
using webclean::block::Kind;
using webclean::block::kMain;
using webclean::block::Stage;
using webclean::filter::apply_rules;
using webclean::filter::classify_density;
using webclean::filter::select_main_content;
using webclean::rules::RuleSet;
using webclean::testing::DocBuilder;
using webclean::testing::kept;
using webclean::testing::prose;

namespace {

constexpr const char* kRules =
    "[drop]\n"
    "hidden\n"                    // 2
    "class (?:^|[-_])dropdown\n"  // 3
    "tag nav\n";                  // 4
constexpr const char* kRelated =  // as related.rules would say it
    "[drop]\n"
    "class ^similar-course$\n";

const RuleSet& test_rules() {
  static const RuleSet rules = [] {
    RuleSet r;
    r.add_source("t.rules", kRules);
    r.add_source("rules/related.rules", kRelated);
    r.compile();
    return r;
  }();
  return rules;
}

struct ServicePage {
  Document doc;
  size_t hero_heading = 0, hero_text = 0;
  size_t feature_heading = 0, bullet = 0;
  size_t faq_question = 0, faq_answer = 0;
  size_t testimonial = 0;
  size_t form_label = 0;
  size_t marquee = 0;
};

// body > section.hero, section.features (a heading and short bullets),
// section.faq (its answer in a hidden panel inside a "dropdown" box),
// section.testimonials, a contact form and a marquee.
ServicePage service_page(PageType type) {
  ServicePage p;
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t hero = b.node("section", body, "hero");
  p.hero_heading = b.element_with_text("h1", hero, "Packaging that sells");
  p.hero_text = b.element_with_text("p", hero, prose(0));
  const int32_t features = b.node("section", body, "features");
  p.feature_heading = b.element_with_text("h2", features, "What we offer");
  const int32_t list = b.node("ul", features);
  p.bullet = b.element_with_text("li", list, "Brand strategy");
  b.element_with_text("li", list, "Label design");
  b.element_with_text("li", list, "Print management");
  const int32_t faq = b.node("section", body, "faq");
  const int32_t item = b.node("div", faq, "accordion-item__dropdown");
  p.faq_question = b.element_with_text("h3", item, "How long does a design take?");
  const int32_t panel = b.node("div", item, "answer", "", kHidden);
  p.faq_answer = b.element_with_text("p", panel, prose(1));
  b.element_with_text("p", panel, prose(2));
  const int32_t quotes = b.node("section", body, "testimonials");
  p.testimonial = b.element_with_text("p", quotes, prose(3));
  const int32_t form = b.node("form", body, "contact");
  p.form_label = b.element_with_text("p", form, "Your work e-mail address");
  std::string book;
  for (int i = 0; i < 20; ++i) book += "Book Now * ";
  p.marquee = b.element_with_text("div", body, book, false, "ticker");
  Document doc = b.build();
  doc.page_type = type;
  p.doc = std::move(doc);
  return p;
}

void clean(Document& doc) {
  apply_rules(doc, test_rules(), "");
  const bool in_region = select_main_content(doc);
  classify_density(doc, in_region);
}

}  // namespace

TEST_CASE("a service page keeps every section, its hidden FAQ answers and its short bullets",
          "[filter][sections]") {
  ServicePage p = service_page(PageType::kService);
  clean(p.doc);
  for (size_t i : {p.hero_heading, p.hero_text, p.feature_heading, p.bullet, p.faq_question,
                   p.faq_answer, p.testimonial}) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK(kept(p.doc, i));
  }
  CHECK_FALSE(kept(p.doc, p.form_label));
  CHECK(p.doc.blocks[p.form_label].decision.reason.find("form") != std::string::npos);
  CHECK_FALSE(kept(p.doc, p.marquee));
  CHECK(p.doc.blocks[p.marquee].decision.reason.find("marquee") != std::string::npos);
}

TEST_CASE("a service page whose FAQ answers look like posts keeps all its sections",
          "[filter][sections]") {
  // An FAQPage's answers carry itemprop=text, which [post] rules take for
  // the posts of a thread: on a service page they are one of its sections.
  ServicePage p = service_page(PageType::kService);
  apply_rules(p.doc, test_rules(), "");
  p.doc.nodes[1].itemtype = "https://schema.org/FAQPage";  // the body
  p.doc.post_roots = {p.doc.blocks[p.faq_answer].node, p.doc.blocks[p.testimonial].node};
  p.doc.thread_reason = "a thread (test)";
  const bool in_region = select_main_content(p.doc);
  classify_density(p.doc, in_region);
  for (size_t i : {p.hero_heading, p.hero_text, p.feature_heading, p.faq_answer}) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK(kept(p.doc, i));
  }
}

TEST_CASE("an article keeps menu-named boxes dropped, with the hidden panels inside them",
          "[filter][sections]") {
  ServicePage p = service_page(PageType::kArticle);
  apply_rules(p.doc, test_rules(), "");
  CHECK_FALSE(kept(p.doc, p.faq_answer));
  CHECK(p.doc.blocks[p.faq_answer].decision.reason.find(":3") != std::string::npos);
  CHECK_FALSE(kept(p.doc, p.faq_question));
  CHECK(p.doc.blocks[p.faq_question].decision.reason.find(":3") != std::string::npos);
}

TEST_CASE("an article folded into hidden accordion steps is shown, its hidden menu is not",
          "[filter][sections]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t menu = b.node("ul", body, "", "", kHidden);
  const size_t link = b.element_with_text("li", menu, "Pricing", true);
  b.element_with_text("li", menu, "Customers", true);
  const int32_t article = b.node("div", body, "article-body");
  b.element_with_text("p", article, prose(0));
  std::vector<size_t> steps;
  for (int i = 1; i < 4; ++i) {
    const int32_t step = b.node("div", article, "step-panel", "", kHidden);
    steps.push_back(b.element_with_text("p", step, prose(i)));
  }
  Document doc = b.build();
  doc.page_type = PageType::kArticle;
  apply_rules(doc, test_rules(), "");
  for (size_t i : steps) {
    INFO(doc.blocks[i].decision.reason);
    CHECK(kept(doc, i));
  }
  CHECK_FALSE(kept(doc, link));
  CHECK(doc.blocks[link].decision.reason.find(":2 hidden") != std::string::npos);
}

TEST_CASE("a hidden menu and a related list stay dropped on a service page", "[filter][sections]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t menu = b.node("ul", body, "", "", kHidden);
  const size_t link = b.element_with_text("li", menu, "Pricing", true);
  b.element_with_text("li", menu, "Customers", true);
  const int32_t similar = b.node("div", body, "similar-course");
  const size_t teaser = b.element_with_text("p", similar, prose(4));
  const int32_t main = b.node("div", body, "content");
  for (int i = 0; i < 3; ++i) b.element_with_text("p", main, prose(i));
  Document doc = b.build();
  doc.page_type = PageType::kService;
  apply_rules(doc, test_rules(), "");
  CHECK_FALSE(kept(doc, link));
  CHECK_FALSE(kept(doc, teaser));  // prose, but the rule of related.rules stands
}

TEST_CASE("a documentation page keeps its list of links and code whole, not the sidebar tree",
          "[filter][sections]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  // A sidebar tree the rules did not catch: nested lists of links.
  const int32_t tree = b.node("ul", body, "toc");
  const int32_t chapter = b.node("li", tree);
  const size_t chapter_link = b.block(chapter, "Getting started", Kind::kListItem, true);
  const int32_t sub = b.node("ul", chapter);
  const size_t sub_link = b.element_with_text("li", sub, "Installation", true);
  b.element_with_text("li", sub, "Configuration", true);
  const int32_t main = b.node("main", body, "", "", kMain);
  const size_t intro = b.element_with_text("p", main, prose(0));
  const size_t heading = b.element_with_text("h2", main, "See also");
  const int32_t see_also = b.node("ul", main);
  const size_t see_link = b.element_with_text("li", see_also, "Performance tuning", true);
  b.element_with_text("li", see_also, "Slow query questions", true);
  const int32_t pre = b.node("pre", main);
  const size_t code = b.block(pre, "SELECT * FROM films;", Kind::kPre);
  b.element_with_text("p", main, prose(1));
  Document doc = b.build();
  doc.page_type = PageType::kDocumentation;
  REQUIRE(select_main_content(doc));
  classify_density(doc, true);
  for (size_t i : {intro, heading, see_link, code}) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK(kept(doc, i));
  }
  CHECK_FALSE(kept(doc, chapter_link));
  CHECK_FALSE(kept(doc, sub_link));
  CHECK(doc.blocks[see_link].decision.stage == Stage::kStructure);
}

TEST_CASE("a service page whose <main> leaves much prose out is read from its whole body",
          "[filter][sections]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t main = b.node("main", body, "", "", kMain);
  // More text than the description: <main> holds most of the page.
  const int32_t grid = b.node("ul", main);
  for (int i = 0; i < 100; ++i) {
    b.element_with_text("li", grid, "Kettle grill, 57 cm, model " + std::to_string(i) + ", $199");
  }
  // The category's text, set after <main> in a box of its own.
  const int32_t text = b.node("div", body, "category-text");
  std::vector<size_t> description;
  for (int i = 0; i < 12; ++i) {
    if (i % 3 == 0) {
      description.push_back(
          b.element_with_text("h2", text, "How to choose, part " + std::to_string(i / 3)));
    }
    description.push_back(b.element_with_text("p", text, prose(i)));
  }
  Document doc = b.build();
  doc.page_type = PageType::kService;
  const bool in_region = select_main_content(doc);
  classify_density(doc, in_region);
  for (size_t i : description) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK(kept(doc, i));
  }
}

TEST_CASE("a service page keeps a section's heading among short lines and links",
          "[filter][sections]") {
  // body > [section > (h1, prose), nav, section.cards > (h2, div.card x3 >
  // (h3, short line)), nav]: the density filter alone drops the h2, a
  // short line between short lines and menus.
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t hero = b.node("section", body);
  b.element_with_text("h1", hero, "Packaging that sells");
  b.element_with_text("p", hero, prose(0));
  b.element_with_text("p", b.node("nav", body), "Home Services About Contact", true);
  const int32_t cards = b.node("section", body, "cards");
  const size_t heading = b.element_with_text("h2", cards, "How we work");
  std::vector<size_t> titles;
  for (const char* step : {"Brief", "Design", "Print"}) {
    const int32_t card = b.node("div", cards, "card");
    titles.push_back(b.element_with_text("h3", card, step));
    b.element_with_text("p", card, "Two weeks, one designer");
  }
  b.element_with_text("p", b.node("nav", body), "Privacy Terms Careers", true);
  Document doc = b.build();
  doc.page_type = PageType::kService;
  clean(doc);
  for (size_t i : {heading, titles[0], titles[2]}) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK(kept(doc, i));
    CHECK(doc.blocks[i].decision.reason.starts_with("heading of the page's sections,"));
  }
}

TEST_CASE("a service page keeps its FAQ's questions whose links are toggles, not linked titles",
          "[filter][sections]") {
  // body > [section > (h1, prose), section.faq > (a.accordion > h3 "...?",
  // answer) x2, section.cards > a > h3 title]: an accordion wraps each
  // question in a link; a linked title that asks nothing stays a link.
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t hero = b.node("section", body);
  b.element_with_text("h1", hero, "Bookkeeping for small firms");
  b.element_with_text("p", hero, prose(0));
  const int32_t faq = b.node("section", body, "faq");
  std::vector<size_t> questions;
  int i = 1;
  for (const char* question :
       {"Can I change plans easily?", "Is my data secure (and backed up)?"}) {
    const int32_t toggle = b.node("a", faq, "accordion-question");
    questions.push_back(b.element_with_text("h3", toggle, question, true));
    b.element_with_text("p", faq, prose(i++));
  }
  const size_t title =
      b.element_with_text("h3", b.node("a", body, "teaser"), "Ten tips for your tax return", true);
  Document doc = b.build();
  doc.page_type = PageType::kService;
  clean(doc);
  for (size_t q : questions) {
    INFO(doc.blocks[q].text << ": " << doc.blocks[q].decision.reason);
    CHECK(kept(doc, q));
  }
  CHECK_FALSE(kept(doc, title));
}

TEST_CASE("a service page drops a section titled as other content of the site, title and all",
          "[filter][sections]") {
  // body > main > [h1, p x4, section > (h2 "Related insights", div.card x2
  // > (h3, short line))]: the cards advertise the site's other pages.
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t main = b.node("main", body);
  std::vector<size_t> own;
  own.push_back(b.element_with_text("h1", main, "Data analytics consulting"));
  for (int i = 0; i < 4; ++i) own.push_back(b.element_with_text("p", main, prose(i)));
  const int32_t related = b.node("section", main);
  std::vector<size_t> other;
  other.push_back(b.element_with_text("h2", related, "Related insights"));
  for (const char* title : {"Five questions for your data strategy", "What a CFO asks of AI"}) {
    const int32_t card = b.node("div", related, "card");
    other.push_back(b.element_with_text("h3", card, title));
    other.push_back(b.element_with_text("p", card, "Article, 6 minutes"));
  }
  Document doc = b.build();
  doc.page_type = PageType::kService;
  clean(doc);
  for (size_t i : own) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK(kept(doc, i));
  }
  for (size_t i : other) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK_FALSE(kept(doc, i));
  }
  CHECK(doc.blocks[other[0]].decision.reason.find("kOtherServiceContentTitles") !=
        std::string::npos);
  CHECK(doc.blocks[other[1]].decision.reason.find("titled as other content") != std::string::npos);
}

namespace {

// body > [section > (h1, prose), section.grid > a.card x3 > (h3, line), nav
// > p of links]: each card is a link around its title and its line.
struct CardPage {
  Document doc;
  std::vector<size_t> card_text;
  size_t menu = 0;
};

CardPage card_page(const char* line) {
  CardPage p;
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t hero = b.node("section", body);
  b.element_with_text("h1", hero, "Packaging that sells");
  b.element_with_text("p", hero, prose(0));
  const int32_t grid = b.node("section", body, "grid");
  for (const char* title : {"Brand strategy", "Label design", "Print management"}) {
    const int32_t card = b.node("a", grid, "card");
    const int32_t inner = b.node("div", card, "", "", webclean::block::kInsideLink);
    p.card_text.push_back(b.element_with_text("h3", inner, title, true));
    p.card_text.push_back(b.element_with_text("p", inner, line, true));
  }
  b.element_with_text("p", hero, prose(1));
  p.menu = b.element_with_text("p", b.node("div", body, "links"), "Privacy Terms Careers", true);
  p.doc = b.build();
  p.doc.page_type = PageType::kService;
  return p;
}

}  // namespace

TEST_CASE("a service page keeps cards that are links around a title and a line",
          "[filter][sections]") {
  CardPage p = card_page("From the first sketch to the shelf, in two weeks.");
  clean(p.doc);
  for (size_t i : p.card_text) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK(kept(p.doc, i));
    CHECK(p.doc.blocks[i].decision.reason.find("in a card") != std::string::npos);
  }
  CHECK_FALSE(kept(p.doc, p.menu));  // a link of one block is no card
}

TEST_CASE("a service page drops cards that tease other pages with cut-short text",
          "[filter][sections]") {
  CardPage p = card_page("How we redesigned the labels of a brewery in...");
  clean(p.doc);
  for (size_t i : p.card_text) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK_FALSE(kept(p.doc, i));
  }
}

TEST_CASE("a service page shows a carousel's hidden one-line slide, a listing page does not",
          "[filter][sections]") {
  for (const PageType type : {PageType::kService, PageType::kListing}) {
    DocBuilder b;
    const int32_t body = b.node("body", b.node("html"));
    const int32_t slide = b.node("div", body, "slide", "", kHidden);
    const size_t line =
        b.element_with_text("p", slide, "Learn how to use AI as a creative tool, not a shortcut.");
    for (int i = 0; i < 3; ++i) b.element_with_text("p", body, prose(i));  // the rules leave text
    Document doc = b.build();
    doc.page_type = type;
    apply_rules(doc, test_rules(), "");
    INFO(doc.blocks[line].decision.reason);
    CHECK(kept(doc, line) == (type == PageType::kService));
  }
}

TEST_CASE("a service page drops the code of its product demo, a documentation page keeps it",
          "[filter][sections]") {
  for (PageType type : {PageType::kService, PageType::kDocumentation}) {
    DocBuilder b;
    const int32_t body = b.node("body", b.node("html"));
    const int32_t hero = b.node("section", body, "hero");
    const size_t heading = b.element_with_text("h1", hero, "Ship your site in seconds");
    const size_t text = b.element_with_text("p", hero, prose(0));
    const int32_t pre = b.node("pre", hero);
    const size_t code =
        b.block(pre, "export default async (req) => new Response(\"ok\");", Kind::kPre);
    b.element_with_text("p", body, prose(1));
    Document doc = b.build();
    doc.page_type = type;
    REQUIRE(select_main_content(doc));
    classify_density(doc, true);
    for (size_t i : {heading, text}) {
      INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
      CHECK(kept(doc, i));
    }
    INFO(doc.blocks[code].decision.reason);
    CHECK(kept(doc, code) == (type == PageType::kDocumentation));
  }
}

TEST_CASE("a service page leaves a flat list of links outside its sections to density",
          "[filter][sections]") {
  for (PageType type : {PageType::kService, PageType::kDocumentation}) {
    DocBuilder b;
    const int32_t body = b.node("body", b.node("html"));
    const int32_t content = b.node("div", body, "content");
    const size_t heading = b.element_with_text("h2", content, "What we offer");
    for (int i = 0; i < 4; ++i) b.element_with_text("p", content, prose(i));
    // A footer's column the rules did not catch: one level of links.
    const int32_t column = b.node("ul", body, "links");
    const size_t link = b.element_with_text("li", column, "Pricing", true);
    b.element_with_text("li", column, "Free trial guide", true);
    b.element_with_text("li", column, "Careers", true);
    Document doc = b.build();
    doc.page_type = type;
    REQUIRE(select_main_content(doc));
    classify_density(doc, true);
    INFO(doc.blocks[heading].decision.reason);
    CHECK(kept(doc, heading));
    INFO(doc.blocks[link].text << ": " << doc.blocks[link].decision.reason);
    CHECK(kept(doc, link) == (type == PageType::kDocumentation));
  }
}
