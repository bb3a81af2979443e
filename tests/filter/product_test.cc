// Product pages on hand-built documents: the page is its sections (name,
// buy box, description, specs), less the cards of other products and
// the boxes a second layout repeats.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "block/features.h"
#include "doc_builder.h"
#include "filter/filter.h"

using webclean::PageType;
using webclean::block::Document;
using webclean::filter::classify_density;
using webclean::filter::select_main_content;
using webclean::testing::DocBuilder;
using webclean::testing::kept;
using webclean::testing::prose;

namespace {

// What every hand-built product page starts with, html > body > main >
// h1 (the product's name): a test adds to `main` only what it is about,
// then takes the page with build().
struct ProductPageStart {
  DocBuilder b;
  int32_t body = b.node("body", b.node("html"));
  int32_t main = b.node("main", body);
  size_t name = b.element_with_text("h1", main, "Trail stove, titanium");

  // main > div.description > p x2 (prose); returns the div.
  int32_t add_description() {
    const int32_t description = b.node("div", main, "description");
    b.element_with_text("p", description, prose(0));
    b.element_with_text("p", description, prose(1));
    return description;
  }

  Document build() {
    Document doc = b.build();
    doc.page_type = PageType::kProduct;
    return doc;
  }
};

struct ProductPage {
  Document doc;
  std::vector<size_t> buy_box;      // short lines: price, stock, shipping
  std::vector<size_t> description;  // prose and a spec list
  std::vector<size_t> cards;        // "Customers also bought"
  std::vector<size_t> copy;         // the phone layout's copy of the specs
};

// body > main > [h1, div.buy (price, stock, delivery), div.description
// (two paragraphs, ul.specs), div.specs-mobile (the spec list again),
// div.carousel > div.product-card x5 (linked name, price)].
ProductPage product_page() {
  ProductPage p;
  ProductPageStart page;
  DocBuilder& b = page.b;
  const int32_t main = page.main;
  const int32_t buy = b.node("div", main, "buy");
  for (const char* line : {"$89.00", "In stock", "Free delivery in 3 to 5 days"}) {
    p.buy_box.push_back(b.element_with_text("p", buy, line));
  }
  const int32_t description = b.node("div", main, "description");
  p.description.push_back(b.element_with_text("p", description, prose(0)));
  p.description.push_back(b.element_with_text("p", description, prose(1)));
  const char* const specs[] = {"Weight: 45 g, burner and pot support",
                               "Output: 2,600 W on butane and propane",
                               "Boils a litre of water in three and a half minutes"};
  const int32_t spec_list = b.node("ul", description, "specs");
  for (const char* spec : specs)
    p.description.push_back(b.element_with_text("li", spec_list, spec));
  const int32_t mobile = b.node("ul", b.node("div", main, "specs-mobile"), "specs");
  for (const char* spec : specs) p.copy.push_back(b.element_with_text("li", mobile, spec));
  const int32_t carousel = b.node("div", main, "carousel");
  for (int i = 0; i < 5; ++i) {
    const int32_t card = b.node("div", carousel, "product-card");
    p.cards.push_back(
        b.element_with_text("h3", card, "Camp pot set, model " + std::to_string(i), true));
    p.cards.push_back(b.element_with_text("p", card, "$" + std::to_string(30 + i) + ".00"));
  }
  p.doc = page.build();
  return p;
}

void clean(Document& doc) {
  const bool in_region = select_main_content(doc);
  classify_density(doc, in_region);
}

}  // namespace

TEST_CASE("a product page keeps its buy box, description and specs", "[filter][product]") {
  ProductPage p = product_page();
  clean(p.doc);
  for (const std::vector<size_t>* blocks : {&p.buy_box, &p.description}) {
    for (size_t i : *blocks) {
      INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
      CHECK(kept(p.doc, i));
    }
  }
}

TEST_CASE("a product page drops the cards of other products", "[filter][product]") {
  ProductPage p = product_page();
  clean(p.doc);
  for (size_t i : p.cards) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK_FALSE(kept(p.doc, i));
  }
  CHECK(p.doc.blocks[p.cards[0]].decision.reason.find("a list of other pages") !=
        std::string::npos);
}

TEST_CASE("a product page keeps boxes mostly of their own text that each hold a link",
          "[filter][product]") {
  // A seller's feedback: each box a buyer's words and the linked name of
  // what was bought; a third of the text is links, a card is mostly one.
  ProductPageStart page;
  DocBuilder& b = page.b;
  page.add_description();
  const int32_t feedback = b.node("div", page.main, "feedback");
  std::vector<size_t> boxes;
  for (int i = 0; i < 4; ++i) {
    const int32_t box = b.node("div", feedback, "entry");
    boxes.push_back(b.element_with_text(
        "p", box, "Well packed and quick to arrive, order " + std::to_string(i) + "."));
    boxes.push_back(
        b.element_with_text("p", box, "Camp pot set, model " + std::to_string(i), true));
  }
  Document doc = page.build();
  clean(doc);
  for (size_t i : boxes) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK(doc.blocks[i].decision.reason.find("a list of other pages") == std::string::npos);
  }
}

TEST_CASE("a product page drops the second layout's copy of a box", "[filter][product]") {
  ProductPage p = product_page();
  clean(p.doc);
  for (size_t i : p.copy) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK_FALSE(kept(p.doc, i));
    CHECK(p.doc.blocks[i].decision.reason.find("a copy of an earlier box") != std::string::npos);
  }
}

TEST_CASE("an article keeps a paragraph it says twice", "[filter][product]") {
  DocBuilder b;
  const int32_t body = b.node("body", b.node("html"));
  const int32_t article = b.node("article", body);
  std::vector<size_t> paragraphs;
  for (int i = 0; i < 4; ++i) paragraphs.push_back(b.element_with_text("p", article, prose(i)));
  const int32_t quote = b.node("div", article, "pull-quote");
  paragraphs.push_back(b.element_with_text("p", quote, prose(0)));
  paragraphs.push_back(b.element_with_text("p", quote, prose(1)));
  Document doc = b.build();
  doc.page_type = PageType::kArticle;
  clean(doc);
  for (size_t i : paragraphs) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK(kept(doc, i));
  }
}

namespace {

// A product page whose description the metadata stage added from JSON-LD
// (a block held by no element, flagged declared); `shown` writes the same
// text on the page too.
Document page_with_declared_description(bool shown) {
  ProductPage p = product_page();
  webclean::block::Block b;
  b.text =
      "A one-piece titanium stove for long trips: folds flat, lights in wind and rain, "
      "and packs inside the smallest pot of the range.";
  if (shown) p.doc.blocks[p.description[0]].text = b.text;
  b.declared = true;
  b.decision = {false, webclean::block::Stage::kMetadata, "Product.description of the JSON-LD"};
  webclean::block::compute_block_features(p.doc, b, webclean::testing::english_stoplist());
  p.doc.blocks.insert(p.doc.blocks.begin() + 1, b);
  return std::move(p.doc);
}

}  // namespace

TEST_CASE("a product page keeps the JSON-LD description it shows nowhere else",
          "[filter][product]") {
  Document doc = page_with_declared_description(false);
  clean(doc);
  const webclean::block::Block& b = doc.blocks[1];
  INFO(b.decision.reason);
  CHECK(b.declared);
  CHECK(b.decision.keep);
  CHECK(b.decision.reason.find("shown only there") != std::string::npos);
}

TEST_CASE("a product page leaves out the JSON-LD description that it shows itself",
          "[filter][product]") {
  Document doc = page_with_declared_description(true);
  clean(doc);
  const webclean::block::Block& b = doc.blocks[1];
  INFO(b.decision.reason);
  CHECK_FALSE(b.decision.keep);
  CHECK(b.decision.reason.find("the page shows it") != std::string::npos);
}

TEST_CASE("a product page drops a section titled as other products, title and all",
          "[filter][product]") {
  // div.bought > [h2 "Customers who bought this item also bought", two
  // unlinked cards]: no list of items, its title says what it is.
  ProductPageStart page;
  DocBuilder& b = page.b;
  std::vector<size_t> own;
  const int32_t description = b.node("div", page.main, "description");
  for (int i = 0; i < 3; ++i) own.push_back(b.element_with_text("p", description, prose(i)));
  const int32_t bought = b.node("div", page.main, "bought");
  std::vector<size_t> other;
  other.push_back(b.element_with_text("h2", bought, "Customers who bought this item also bought:"));
  const int32_t row = b.node("div", bought, "row");
  for (const char* line : {"Camp pot set, hard-anodised aluminium, 1.3 litres", "$34.00",
                           "Windscreen for canister stoves, folding", "$19.00"}) {
    other.push_back(b.element_with_text("p", row, line));
  }
  Document doc = page.build();
  clean(doc);
  for (size_t i : own) CHECK(kept(doc, i));
  for (size_t i : other) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK_FALSE(kept(doc, i));
  }
  CHECK(doc.blocks[other[0]].decision.reason.find("kOtherProductsTitles") != std::string::npos);
  CHECK(doc.blocks[other[1]].decision.reason.find("titled as other products") != std::string::npos);
}

TEST_CASE("a title of other products in the page's main flow leaves the flow alone",
          "[filter][product]") {
  // main > [h1, p x3, h2 "You may also like", p]: the title's box is the
  // page's main flow, and only the title goes.
  ProductPageStart page;
  std::vector<size_t> own;
  for (int i = 0; i < 3; ++i) own.push_back(page.b.element_with_text("p", page.main, prose(i)));
  const size_t title = page.b.element_with_text("h2", page.main, "You may also like");
  own.push_back(page.b.element_with_text("p", page.main, prose(3)));
  Document doc = page.build();
  clean(doc);
  CHECK_FALSE(kept(doc, title));
  for (size_t i : own) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK(kept(doc, i));
  }
}

TEST_CASE("a product page drops a paragraph said a second time", "[filter][product]") {
  // main > [h1, div.description > p, div.care > p (a care note),
  // div.mobile-care > p (the same note again)]
  ProductPageStart page;
  DocBuilder& b = page.b;
  const size_t description =
      b.element_with_text("p", b.node("div", page.main, "description"), prose(0));
  const size_t care = b.element_with_text("p", b.node("div", page.main, "care"), prose(1));
  const size_t copy = b.element_with_text("p", b.node("div", page.main, "mobile-care"), prose(1));
  Document doc = page.build();
  clean(doc);
  CHECK(kept(doc, description));
  CHECK(kept(doc, care));
  CHECK_FALSE(kept(doc, copy));
  CHECK(doc.blocks[copy].decision.reason.find("a copy of an earlier box") != std::string::npos);
}

TEST_CASE("a product page drops a picker's sizes, not the values of its spec table",
          "[filter][product]") {
  ProductPageStart page;
  DocBuilder& b = page.b;
  const int32_t main = page.main;
  b.element_with_text("p", b.node("div", main, "description"), prose(0));
  const int32_t picker = b.node("div", main, "sizes");
  std::vector<size_t> sizes;
  for (const char* size : {"S", "M", "L", "XL"}) {
    sizes.push_back(b.element_with_text("div", picker, size, false, "size"));
  }
  b.element_with_text("p", main, prose(1));
  const int32_t row = b.node("tr", b.node("table", main, "specs"));
  b.element_with_text("td", row, "Weight");
  const size_t value = b.element_with_text("td", row, "5W");
  Document doc = page.build();
  clean(doc);
  for (size_t i : sizes) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK_FALSE(kept(doc, i));
    CHECK(doc.blocks[i].decision.reason.find("kProductMinBlockChars") != std::string::npos);
  }
  CHECK(kept(doc, value));
}

namespace {

// main > [h1, div.description > p x2, ul.carousel > li x4 (h3 with the
// name, "Pre-owned", a price line or two)]: each card a link only
// through an empty overlay, so no link text; `price` gives each card's
// price line.
struct PricedCardsPage {
  Document doc;
  std::vector<size_t> description;
  std::vector<size_t> cards;
};

PricedCardsPage priced_cards_page(const std::string& price) {
  PricedCardsPage p;
  ProductPageStart page;
  DocBuilder& b = page.b;
  const int32_t description = b.node("div", page.main, "description");
  for (int i = 0; i < 2; ++i)
    p.description.push_back(b.element_with_text("p", description, prose(i)));
  const int32_t carousel = b.node("ul", page.main, "carousel");
  for (int i = 0; i < 4; ++i) {
    const int32_t card = b.node("li", carousel, "slide");
    p.cards.push_back(b.element_with_text("h3", card, "Camp pot set, model " + std::to_string(i)));
    p.cards.push_back(b.element_with_text("p", card, "Pre-owned"));
    p.cards.push_back(b.element_with_text("p", card, price));
  }
  p.doc = page.build();
  return p;
}

}  // namespace

TEST_CASE("a product page drops a row of priced cards whose links hold no text",
          "[filter][product]") {
  PricedCardsPage p = priced_cards_page("$20.12");
  clean(p.doc);
  for (size_t i : p.description) CHECK(kept(p.doc, i));
  for (size_t i : p.cards) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK_FALSE(kept(p.doc, i));
    CHECK(p.doc.blocks[i].decision.reason.find("kPricedCardsMin") != std::string::npos);
  }
}

TEST_CASE("a product page keeps a pricing table's plans, priced per month", "[filter][product]") {
  PricedCardsPage p = priced_cards_page("$15/month");
  clean(p.doc);
  for (size_t i : p.cards) {
    INFO(p.doc.blocks[i].text << ": " << p.doc.blocks[i].decision.reason);
    CHECK(p.doc.blocks[i].decision.reason.find("kPricedCardsMin") == std::string::npos);
  }
}

TEST_CASE("a product page leaves a flat list of links to density, not keeps it whole",
          "[filter][product]") {
  // body > [main > (h1, div.description > p x2, ul.specs > li x3),
  // div.site-links > ul > li x6 (linked)]: the spec list is the page's,
  // the list of links below the main is the site's footer.
  ProductPageStart page;
  DocBuilder& b = page.b;
  const int32_t description = page.add_description();
  const int32_t specs = b.node("ul", description, "specs");
  std::vector<size_t> spec_lines;
  for (const char* spec : {"Weight: 45 g", "Output: 2,600 W", "Titanium"}) {
    spec_lines.push_back(b.element_with_text("li", specs, spec));
  }
  const int32_t footer = b.node("ul", b.node("div", page.body, "site-links"));
  std::vector<size_t> links;
  for (const char* link : {"Size Guide", "Returns & Exchanges", "Track a Package", "Giving Back",
                           "Affiliates", "Find A Store"}) {
    links.push_back(b.element_with_text("li", footer, link, true));
  }
  Document doc = page.build();
  clean(doc);
  for (size_t i : spec_lines) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK(kept(doc, i));
  }
  for (size_t i : links) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK_FALSE(kept(doc, i));
  }
}

TEST_CASE("a product page drops sections titled as other products in the shops' languages",
          "[filter][product]") {
  for (const char* heading :
       {"Customers who bought this item also bought", "You may also like", "Kunden kauften auch",
        "Passend dazu", "Wird oft zusammen gekauft", "Ils vont bien ensemble",
        "Pour compléter votre achat", "Vous aimerez aussi", "Productos relacionados"}) {
    // main > [h1, div.description > p x3, div.more > (h2, div.row > p x2)]
    ProductPageStart page;
    DocBuilder& b = page.b;
    const int32_t description = b.node("div", page.main, "description");
    for (int i = 0; i < 3; ++i) b.element_with_text("p", description, prose(i));
    const int32_t more = b.node("div", page.main, "more");
    const size_t title = b.element_with_text("h2", more, heading);
    const int32_t row = b.node("div", more, "row");
    const size_t card = b.element_with_text("p", row, "Camp pot set, hard-anodised aluminium");
    b.element_with_text("p", row, "Windscreen for canister stoves, folding");
    Document doc = page.build();
    clean(doc);
    INFO(heading << ": " << doc.blocks[title].decision.reason);
    CHECK(doc.blocks[title].decision.reason.find("kOtherProductsTitles") != std::string::npos);
    CHECK_FALSE(kept(doc, card));
  }
}

TEST_CASE("a product page drops a block of UUIDs, a label obfuscated among hidden ids",
          "[filter][product]") {
  // main > [h1, div.description > p x2, div.label (a "Sponsored" whose
  // letters hide among UUIDs), p (a sentence quoting one id)]
  ProductPageStart page;
  DocBuilder& b = page.b;
  const int32_t description = b.node("div", page.main, "description");
  const size_t first = b.element_with_text("p", description, prose(0));
  b.element_with_text("p", description, prose(1));
  const size_t label = b.element_with_text(
      "div", page.main,
      "9303097ac-d3e5-41e1-baf5-303640756ebfX2bf8403c-6590-4d73-8b16-95f6c3ecdef8 "
      "84f535a2-9d93-4358-b5a8-c77d761c12e9S74566818-87fa-4f92-a44b-1994747f4b09p");
  const size_t quoted = b.element_with_text(
      "p", description,
      "Quote your order key 84f535a2-9d93-4358-b5a8-c77d761c12e9 when you call us about a "
      "repair, and keep the receipt that came with the stove in the box.");
  Document doc = page.build();
  clean(doc);
  CHECK(kept(doc, first));
  INFO(doc.blocks[quoted].text << ": " << doc.blocks[quoted].decision.reason);
  CHECK(kept(doc, quoted));
  CHECK_FALSE(kept(doc, label));
  CHECK(doc.blocks[label].decision.reason.find("kIdentifierMinShare") != std::string::npos);
}

TEST_CASE("a product page keeps its name, the h1 the metadata stage took for the title",
          "[filter][product]") {
  // main > [h1 (dropped as the title), div.description > p x2]
  ProductPageStart page;
  page.add_description();
  Document doc = page.build();
  webclean::block::Block& name = doc.blocks[page.name];
  name.heading_level = 1;
  webclean::testing::drop_as_metadata(doc, page.name, webclean::meta::BodyRole::kTitle);
  clean(doc);
  INFO(name.decision.reason);
  CHECK(kept(doc, page.name));
}

TEST_CASE("a product page leaves an h1 the rules dropped, and keeps no name twice",
          "[filter][product]") {
  // body > [nav > h1 (the shop's logo, dropped by the rules), main > [h1
  // (the name, dropped as the title), div.description > [p "Trail stove,
  // titanium" (the name again), p x2]]]
  ProductPageStart page;
  DocBuilder& b = page.b;
  const int32_t nav = b.node("nav", page.body);
  const size_t logo = b.element_with_text("h1", nav, "Ridgeline Outfitters");
  const int32_t description = page.add_description();
  const size_t again = b.element_with_text("p", description, "Trail stove, titanium");
  Document doc = page.build();
  doc.blocks[logo].heading_level = 1;
  doc.blocks[logo].decision = {false, webclean::block::Stage::kRules, "tag nav"};
  doc.blocks[page.name].heading_level = 1;
  webclean::testing::drop_as_metadata(doc, page.name, webclean::meta::BodyRole::kTitle);
  doc.blocks[again].decision.keep = true;
  clean(doc);
  CHECK_FALSE(kept(doc, logo));
  // The name stays out where the description says it: one is enough.
  CHECK(webclean::filter::dropped_as_title(doc.blocks[page.name].decision));
}

TEST_CASE("a product page drops a section titled as the shop's shipping and returns",
          "[filter][product]") {
  for (const char* heading :
       {"Shipping & Returns", "Delivery and returns", "Shipping", "Returns & Exchanges",
        "Livraison et retours", "Versand & Rückgabe"}) {
    // main > [h1, div.description > p x3, div.policy > (h2, div > p x2)]
    ProductPageStart page;
    DocBuilder& b = page.b;
    const int32_t description = b.node("div", page.main, "description");
    std::vector<size_t> own;
    for (int i = 0; i < 3; ++i) own.push_back(b.element_with_text("p", description, prose(i)));
    const int32_t policy = b.node("div", page.main, "accordion-item");
    const size_t title = b.element_with_text("h2", policy, heading);
    const int32_t body = b.node("div", policy, "accordion-body");
    const size_t line = b.element_with_text(
        "p", body, "Orders ship within two business days from our warehouse in Denver.");
    b.element_with_text("p", body, "Return any unused item within 30 days for a full refund.");
    Document doc = page.build();
    clean(doc);
    INFO(heading << ": " << doc.blocks[title].decision.reason);
    CHECK(doc.blocks[title].decision.reason.find("kShopPolicyTitles") != std::string::npos);
    CHECK_FALSE(kept(doc, line));
    for (size_t i : own) CHECK(kept(doc, i));
  }
}

TEST_CASE("a product page keeps a buy box field labelled \"Shipping:\"", "[filter][product]") {
  // main > [h1, div.description > p x3, div.buy > [div.row > (span
  // "Shipping:", span cost), div.row > (span "Located in:", span place)]]
  ProductPageStart page;
  DocBuilder& b = page.b;
  const int32_t description = b.node("div", page.main, "description");
  for (int i = 0; i < 3; ++i) b.element_with_text("p", description, prose(i));
  const int32_t buy = b.node("div", page.main, "buy");
  const int32_t row = b.node("div", buy, "row");
  const size_t label = b.element_with_text("span", row, "Shipping:");
  const size_t cost = b.element_with_text("span", row, "US $15.47 International Shipping");
  Document doc = page.build();
  select_main_content(doc);
  INFO(doc.blocks[label].decision.reason);
  CHECK(doc.blocks[label].decision.reason.find("kShopPolicyTitles") == std::string::npos);
  CHECK(doc.blocks[cost].decision.reason.find("shipping and returns") == std::string::npos);
}

TEST_CASE("a product page drops a template's raw custom fields, not its specifications",
          "[filter][product]") {
  // main > [h1, div.description > p x2, dl.specs (words as labels),
  // dl.productView-info (keys as labels)]
  ProductPageStart page;
  DocBuilder& b = page.b;
  page.add_description();
  const int32_t specs = b.node("dl", page.main, "specs");
  std::vector<size_t> spec_lines;
  for (const char* line : {"Fabric:", "100% combed cotton", "Fit:", "Regular", "Weight:", "180 gsm",
                           "Care:", "Machine wash cold"}) {
    spec_lines.push_back(
        b.element_with_text(std::string(line).back() == ':' ? "dt" : "dd", specs, line));
  }
  const int32_t fields = b.node("dl", page.main, "productView-info");
  std::vector<size_t> field_lines;
  for (const char* line : {"retail_price_tier1:", "$20.00_1-9 items", "cat_thumb_Fog Blue:", "TRUE",
                           "tab_Shipping and Returns:", "TRUE", "shipping_chunk-1:",
                           "We ship nationwide in the United States and Canada within two days."}) {
    field_lines.push_back(
        b.element_with_text(std::string(line).back() == ':' ? "dt" : "dd", fields, line));
  }
  Document doc = page.build();
  select_main_content(doc);
  for (size_t i : spec_lines) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK(doc.blocks[i].decision.reason.find("raw fields") == std::string::npos);
  }
  for (size_t i : field_lines) {
    INFO(doc.blocks[i].text << ": " << doc.blocks[i].decision.reason);
    CHECK_FALSE(kept(doc, i));
    CHECK(doc.blocks[i].decision.reason.find("kRawFieldKeyPattern") != std::string::npos);
  }
}
