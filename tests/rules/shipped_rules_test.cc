// The shipped rules/ folder, as compiled into the library: every file
// parses, and the tricky class tokens and boilerplate phrases fall on the
// right side.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "block/stoplists.h"
#include "rules/embedded.h"
#include "rules/rules.h"

using webclean::block::Node;
using webclean::rules::Action;
using webclean::rules::embedded_files;
using webclean::rules::Rule;
using webclean::rules::RuleSet;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

const RuleSet& shipped() {
  static const RuleSet rules = [] {
    RuleSet set;
    for (const auto& file : embedded_files()) {
      if (ends_with(file.path, ".rules")) set.add_source(file.path, file.content);
    }
    set.compile();
    return set;
  }();
  return rules;
}

Node element(std::string tag, std::string classes = "", std::string id = "") {
  Node node;
  node.tag = std::move(tag);
  node.classes = std::move(classes);
  node.id = std::move(id);
  return node;
}

// "drop", "protect" or "keep" (no rule), for a table-driven check.
std::string verdict(const Node& node) {
  const Rule* rule = shipped().match_node(node, "example.com");
  if (!rule) return "keep";
  return rule->action == Action::kProtect ? "protect" : "drop";
}

std::string class_verdict(const std::string& classes) {
  return verdict(element("div", classes));
}

}  // namespace

TEST_CASE("every shipped rule file parses and compiles on its own", "[rules][shipped]") {
  size_t files = 0;
  for (const auto& file : embedded_files()) {
    if (!ends_with(file.path, ".rules")) continue;
    ++files;
    INFO(file.path);
    RuleSet one;
    CHECK_NOTHROW(one.add_source(file.path, file.content));
    CHECK_NOTHROW(one.compile());
    CHECK(one.size() > 0);
  }
  CHECK(files >= 8);
}

TEST_CASE("all shipped rule files compile together into one rule set", "[rules][shipped]") {
  CHECK(shipped().size() > 200);
}

TEST_CASE("the shipped stop-word lists cover the main European languages",
          "[rules][shipped][stoplists]") {
  const char* codes[] = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs",
                         "sk", "ru", "uk", "sv", "da", "no", "fi", "hu", "ro",
                         "tr", "el", "bg", "hr", "sl", "ca", "id"};
  const webclean::block::Stoplists shipped = webclean::block::Stoplists::shipped();
  for (const char* code : codes) {
    INFO(code);
    CHECK(shipped.find(code) >= 0);
  }
  CHECK(shipped.is_stop(shipped.find("en"), "the"));
  CHECK(shipped.is_stop(shipped.find("de"), "und"));
  CHECK_FALSE(shipped.is_stop(shipped.find("en"), "und"));
}

TEST_CASE("shipped tag, role and hidden rules drop page furniture only", "[rules][shipped]") {
  for (const char* tag :
       {"nav", "aside", "footer", "header", "menu", "dialog", "button", "iframe"}) {
    INFO(tag);
    CHECK(verdict(element(tag)) == "drop");
  }
  for (const char* tag :
       {"p", "div", "article", "main", "section", "form", "h2", "li", "figure", "body"}) {
    INFO(tag);
    CHECK(verdict(element(tag)) == "keep");
  }
  Node nav = element("div");
  nav.role = "navigation";
  CHECK(verdict(nav) == "drop");
  Node main = element("div");
  main.role = "main";
  CHECK(verdict(main) == "keep");
  Node hidden = element("div");
  hidden.flags = webclean::block::kHidden;
  CHECK(verdict(hidden) == "drop");
}

TEST_CASE("ad class tokens are told apart from words that merely contain 'ad'",
          "[rules][shipped][ads]") {
  for (const char* token :
       {"ad", "ads", "ad-slot", "ad_unit", "top-ad", "ad-300x250", "advert", "advertisement",
        "adsbygoogle", "adSlot", "sidebarAd", "dfp-ad", "outbrain", "OUTBRAIN", "taboola",
        "sponsor-logo", "promo-box", "skyscraper"}) {
    INFO(token);
    CHECK(class_verdict(token) == "drop");
  }
  // add-to-cart: commerce UI, not an ad; left to the other filters.
  for (const char* token : {"add",
                            "add-to-cart",
                            "adapt",
                            "address",
                            "admin-bar",
                            "advice",
                            "header-image",
                            "shadow",
                            "read",
                            "load",
                            "badge",
                            "heading",
                            "article-ad-marker",
                            "ads-helper",
                            "Main--Skyscraper",
                            "ad-free",
                            "sponsored-article",
                            "promoted",
                            "dgApK",
                            "readAdvice"}) {
    INFO(token);
    CHECK(class_verdict(token) == "keep");
  }
}

TEST_CASE("share, comment and related tokens drop boxes, not what merely mentions them",
          "[rules][shipped]") {
  for (const char* token : {"share",
                            "share-buttons",
                            "sharing",
                            "sharedaddy",
                            "social-links",
                            "shareButtons",
                            "comments",
                            "comment-list",
                            "commentlist",
                            "comment-respond",
                            "disqus_thread",
                            "related-posts",
                            "jp-relatedposts",
                            "most-read",
                            "read-next",
                            "trending",
                            "newsletter-signup",
                            "cookie-banner",
                            "onetrust-consent-sdk",
                            "breadcrumbs",
                            "pagination",
                            "site-header",
                            "footer-links",
                            "sidebar",
                            "sidebar-primary",
                            "main-nav",
                            "menu-item",
                            "skip-link",
                            "skip-to-content-link",
                            "gh-a11y-skip-button",
                            "skip",
                            "screen-reader-text",
                            "author-bio"}) {
    INFO(token);
    CHECK(class_verdict(token) == "drop");
  }
  for (const char* token : {"shared-content",
                            "skip-lazy",
                            "hs-skip-lang-url-rewrite",
                            "decoration-skip-ink-none",
                            "skip-item",
                            "shared-header",
                            "docked-sharebar-content-container",
                            "js-social-anchor-start",
                            "commentary",
                            "story-body-supplemental",
                            "section-header",
                            "table-header",
                            "header-offset",
                            "off-canvas-wrap",
                            "dialog-off-canvas-main-canvas",
                            "subscriber-content",
                            "paywall",
                            "widget",
                            "elementor-widget-text-editor",
                            "sidebar-aware",
                            "has-sidebar",
                            "right-sidebar",
                            "content-sidebar-wrap",
                            "article-with-rail",
                            "canvas",
                            "author"}) {
    INFO(token);
    CHECK(class_verdict(token) == "keep");
  }
}

TEST_CASE("documentation chrome, browser warnings, tooltips and 'similar' lists drop their boxes",
          "[rules][shipped]") {
  for (const char* token :
       {"prev-next", "pagination-nav", "md-footer__link", "next-link", "previous-page",
        "quick-feedback", "page-feedback", "edit-this-page", "edit-on-github", "version-switcher",
        "versions-dropdown", "browser-alert", "browserupgrade", "outdated-browser",
        "similar-course", "similar-posts", "tool-tip__content", "tooltip"}) {
    INFO(token);
    CHECK(class_verdict(token) == "drop");
  }
  // Not a product's feedback form, an article's version history, a box
  // merely "similar" to others, or a page's own content area.
  for (const char* token : {"pa_feedbackForm_container_sp_detail", "version-history", "similar",
                            "next-steps", "browser-support-table"}) {
    INFO(token);
    CHECK(class_verdict(token) == "keep");
  }
  CHECK(verdict(element("div", "", "docComments")) == "drop");
  CHECK(verdict(element("div", "", "quick-feedback-yes")) == "drop");
  for (const char* text :
       {"Did this page help you? - Yes", "Was this page helpful?", "Edit this page",
        "Edit on GitHub", "View page source", "Last updated on 12 May 2024",
        "This page was last updated on 2026-01-26 15:45:07Z", "Submit correction"}) {
    INFO(text);
    CHECK(shipped().match_text(text, "") != nullptr);
  }
  for (const char* text : {"Thank you for your feedback", "Last edited by chunix64 (2025-11-01)",
                           "Next steps", "Edit the configuration file before you restart."}) {
    INFO(text);
    CHECK(shipped().match_text(text, "") == nullptr);
  }
}

TEST_CASE("the fine print of a page drops its box, a legal offer does not", "[rules][shipped]") {
  for (const char* token :
       {"copy-legal", "legal-text", "disclaimer", "article-disclaimer", "fine-print", "legal"}) {
    INFO(token);
    CHECK(class_verdict(token) == "drop");
  }
  for (const char* token : {"legal-services", "practice-area-legal", "legalese-explained"}) {
    INFO(token);
    CHECK(class_verdict(token) == "keep");
  }
}

TEST_CASE("a cookie notice naming the site goes, a sentence about cookies stays",
          "[rules][shipped]") {
  CHECK(shipped().match_text("iFixit uses cookies to enhance site functionality, analyze "
                             "traffic, and personalize ads. By using our site, you agree to our "
                             "cookie use and Privacy Policy.",
                             "") != nullptr);
  CHECK(shipped().match_text("Google uses cookies to follow users from site to site, the "
                             "regulator said on Tuesday.",
                             "") == nullptr);
}

TEST_CASE("ids made from headings are not taken for boxes", "[rules][shipped]") {
  CHECK(verdict(element("div", "", "comments")) == "drop");
  CHECK(verdict(element("div", "", "comment-7443")) == "drop");
  CHECK(verdict(element("div", "", "div-gpt-ad-1234-0")) == "drop");
  CHECK(verdict(element("div", "", "sidebar")) == "drop");
  CHECK(verdict(element("section", "", "sharing-with-a-single-developer")) == "keep");
  CHECK(verdict(element("section", "", "comments-on-the-plan")) == "keep");
  CHECK(verdict(element("section", "", "related-work")) == "keep");
  CHECK(verdict(element("main", "", "skip-main")) == "keep");
}

TEST_CASE("CMS taxonomy and state classes never drop an article", "[rules][shipped]") {
  CHECK(class_verdict(
            "post type-post status-publish category-advertising tag-social-media tag-comments "
            "tag-newsletter tag-ads hentry") == "keep");
  CHECK(class_verdict("node node--type-article node--promoted node-promoted") == "keep");
  CHECK(class_verdict("single-promotion container") == "keep");
  CHECK(class_verdict("tonal tonal--tone-comment") == "keep");
  CHECK(class_verdict("layout-sidebar-right no-comments with-ads is-sticky") == "keep");
  CHECK(verdict(element("body", "has-sidebar ads-enabled single-post")) == "keep");
}

TEST_CASE("spacing utilities named after the header are not headers, a mobile header is",
          "[rules][shipped]") {
  CHECK(class_verdict("pt-header flex") == "keep");
  CHECK(class_verdict("mb-footer") == "keep");
  CHECK(class_verdict("p-nav") == "keep");
  CHECK(class_verdict("m-header") != "keep");
  CHECK(class_verdict("c-site-header") != "keep");
}

TEST_CASE("article containers are protected against drop rules on the same element",
          "[rules][shipped]") {
  for (const char* classes :
       {"article-body sidebar-aware", "articleBody", "article__body", "entry-content share",
        "post-content", "story-body", "td-post-content", "c-entry-content", "main-content sidebar",
        "field--name-body"}) {
    INFO(classes);
    CHECK(class_verdict(classes) == "protect");
  }
  Node body = element("div", "comments");
  body.itemprop = "articleBody";
  CHECK(verdict(body) == "protect");
  for (const char* classes :
       {"comment-content", "sidebar-content", "ad-content", "body-text", "content-body"}) {
    INFO(classes);
    CHECK(class_verdict(classes) != "protect");
  }
}

TEST_CASE("shipped drop-text rules drop the boilerplate lines of the seed pages",
          "[rules][shipped][text]") {
  for (const char* text :
       {"Skip to: Content", "Skip to: Site Navigation", "Skip to: Search", "Skip to next paragraph",
        "Join the mailing list", "Read Comments", "Leave a comment",
        "View reader comments | Comment on this story",
        "Dear reader, online ads enable us to deliver the journalism you value. Please support us "
        "by taking a "
        "moment to turn off Adblock on",
        "Alert Sign Dear reader, please upgrade to the latest version of IE to have a better "
        "reading experience",
        "This article is from the archive of our partner The Wire.",
        "This article is from the archive of our partner .", "Recent posts",
        "The Largest Security-Cleared Career Network for Defense and Intelligence Jobs - JOIN NOW",
        "Libyan leader Moamer Qadhafi. - AFP (File Photo)"}) {
    INFO(text);
    CHECK(shipped().match_text(text, "") != nullptr);
  }
}

TEST_CASE("shipped drop-text rules drop common boilerplate in many languages",
          "[rules][shipped][text]") {
  for (const char* text :
       {"Advertisement",
        "Story continues below advertisement",
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter LinkedIn Email",
        "Follow us on Twitter",
        "Sign up for our newsletter",
        "Subscribe",
        "12 Comments",
        "Comments (3)",
        "Related articles",
        "You may also like",
        "Most popular",
        "We use cookies to ensure that we give you the best experience on our website.",
        "Copyright © 2011 The Associated Press. All rights reserved.",
        "Click here to read more",
        "↑ Back to top",
        "Print this page",
        "Email this article",
        "Photo: AP",
        "Image credit: Getty Images",
        "Loading...",
        "Previous article",
        "Tags: Libya, NATO",
        "Filed under: World",
        "Read more: Why Libya matters",
        "About Us | Contact | Privacy Policy | Terms of Use",
        "« 1 2 3 … 9 Next »",
        "More like this\xEE\x81\xA6",
        "Teilen",
        "Anzeige",
        "Werbung",
        "Weiterlesen",
        "Mehr zum Thema",
        "Kommentare",
        "Zum Inhalt springen",
        "Skip Navigation Links",
        "Main content",
        "Main content starts here",
        "Partager",
        "Publicité",
        "Lire aussi",
        "Il vous reste 72.34% de cet article à lire.",
        "Compartir",
        "Publicidad",
        "Leggi anche",
        "Pubblicità",
        "Condividi",
        "Compartilhar",
        "Leia também",
        "Udostępnij",
        "Reklama",
        "Czytaj także: Nowy rząd",
        "Delen",
        "Advertentie",
        "Lees ook",
        "Ähnliche Beiträge",
        "Schreibe einen Kommentar Antworten abbrechen",
        "Teilen Sie dies mit:",
        "Gefällt mir Wird geladen …",
        "This entry was posted in News and tagged Libya. Bookmark the permalink.",
        "Blog at WordPress.com."}) {
    INFO(text);
    CHECK(shipped().match_text(text, "") != nullptr);
  }
}

TEST_CASE("ordinary sentences that merely contain boilerplate words are kept",
          "[rules][shipped][text]") {
  for (const char* text :
       {"Comments by the minister were brief and to the point.",
        "The company said it would share more details next week.",
        "Share prices fell sharply on Monday after the announcement.",
        "Advertisement spending rose 5 percent in the second quarter, the agency said.",
        "Read more about the agreement in the official statement, the ministry said on Monday.",
        "Follow the money, he told reporters.",
        "Related to this, the ministry announced new measures.",
        "Loading of the ships began on Tuesday.",
        "Next year the government plans to raise taxes.",
        "More than 200 people were killed in the fighting, according to the United Nations.",
        "More on that later, he said.",
        "Copyright law has not kept up with the internet, critics say.",
        "The cookies were baked by the first lady herself.",
        "Tags are attached to each bird to track it.",
        "Sponsored by the government, the program aims to train 10,000 teachers.",
        "In related news, officials from Mr. Gadhafi's government Monday said progress has been "
        "made.",
        "Teilen der Bevölkerung geht es schlechter als vor zehn Jahren.",
        "La publicité en ligne représente désormais la moitié des dépenses publicitaires.",
        "Más de 200 personas murieron en los combates.",
        "Reklama w internecie rośnie szybciej niż w prasie.",
        "1,628,900",
        "Facebook",
        "2011",
        "\xE2\x80\x93 \xE2\x80\x9EOk.\xE2\x80\x9C",  // a line of dialogue: "– „Ok.“"
        "Listen.",
        "I agree.",
        "Got it."}) {
    INFO(text);
    const Rule* rule = shipped().match_text(text, "");
    CHECK(rule == nullptr);
    if (rule) FAIL_CHECK(rule->id);
  }
}

TEST_CASE("a drop-text rule of the shipped set reports its file and line",
          "[rules][shipped][text]") {
  const Rule* rule = shipped().match_text("Publicité", "");
  REQUIRE(rule);
  CHECK(rule->id.rfind("ads.rules:", 0) == 0);
  CHECK(rule->action == Action::kDrop);
}

TEST_CASE("text browser renderings of controls and media are dropped from dumps",
          "[rules][shipped][text]") {
  for (const char* text : {"IFRAME: https://s.yimg.com/rq/darla/2-9-19/html/r-sf.html",
                           "(BUTTON) Close this modal window", "(BUTTON) (BUTTON)",
                           "#alternate alternate", "____________________ (BUTTON) Search",
                           "____________________________________________________________",
                           "[                    ] Clear this text input", "[ ] Remember me",
                           "[IMG]", "[fff-277-finished-2.png] [fff-277-finished-2.png]"}) {
    INFO(text);
    CHECK(shipped().match_text(text, "") != nullptr);
  }
  // A news agency's separator and the note after it, and brackets in prose.
  for (const char* text : {"___", "[Update] The council met again on Tuesday.",
                           "Buttons and frames were sold at the market, the mayor said."}) {
    INFO(text);
    CHECK(shipped().match_text(text, "") == nullptr);
  }
}

TEST_CASE(
    "newsletter prompts and a sign-up form's fine print are dropped, sentences about mail not",
    "[rules][shipped][text]") {
  for (const char* text :
       {"Subscribe to Health Newsletter", "Sign up to News Briefing",
        "For daily wit & wisdom, sign up for the Almanac newsletter.",
        "Receive agency growth tips, delivered to your inbox",
        "Get the best of Product Hunt, directly in your inbox.",
        "By submitting your email to subscribe, you agree to Scicomm Media's Privacy Policy.",
        "By signing up, you will receive Artists & Fleas offers, promotions and other emails.",
        "Thank you! Please check your inbox now for your welcome email.",
        "Was this newsletter forwarded to you? Sign up to get it in your inbox."}) {
    INFO(text);
    CHECK(shipped().match_text(text, "") != nullptr);
  }
  for (const char* text :
       {"Bring calm to your inbox", "The council said it would subscribe to the plan.",
        "By submitting the paper early, you agree to fewer revisions, the editor said.",
        "Letters were delivered to the wrong inbox for a week, the post office said."}) {
    INFO(text);
    CHECK(shipped().match_text(text, "") == nullptr);
  }
}

TEST_CASE("exit-site dialog headings are dropped, sentences about leaving are not",
          "[rules][shipped]") {
  for (const char* text :
       {"You’re Leaving Citadel’s Website", "You are now leaving the FDIC website",
        "You are about to leave our site."}) {
    INFO(text);
    CHECK(shipped().match_text(text, "") != nullptr);
  }
  for (const char* text :
       {"If you're leaving after your wedding, pack light.",
        "You're leaving cold, hard cash on the table with every website visit."}) {
    INFO(text);
    CHECK(shipped().match_text(text, "") == nullptr);
  }
}

TEST_CASE(
    "forum post labels, buttons and edit notices are dropped, a wiki's last-edited line is not",
    "[rules][shipped]") {
  for (const char* text :
       {"Code: Select all", "Quote:", "Reply with quote", "View attachment 2028258",
        "View attachment 2029141View attachment 2029140",
        "Last edited by Minoa on Tue Aug 27, 2019 10:03 pm, edited 1 time in total.",
        "Last edited by archuser (2024-08-03 11:02:20)", "Edited August 26 by Joe Root"}) {
    INFO(text);
    CHECK(shipped().match_text(text, "") != nullptr);
  }
  for (const char* text : {"Last edited by chunix64 (2025-11-01)", "Edited by the news desk",
                           "Reply with quote marks around the title."}) {
    INFO(text);
    CHECK(shipped().match_text(text, "") == nullptr);
  }
}

TEST_CASE("review widgets and the shipping policy go on product pages, and only there",
          "[rules][shipped][shop]") {
  using webclean::PageType;
  const auto on = [](PageType type, const Node& node) {
    return shipped().match_node(node, "example.com", nullptr, nullptr, type) != nullptr;
  };
  for (const char* classes :
       {"yotpo-main-widget", "jdgm-widget", "product-reviews", "reviews-section",
        "customer-reviews__list", "bv-inline-rating", "pipf-seo-reviews", "pdp-reviews__card",
        "usp-bar", "product-trust-badge"}) {
    INFO(classes);
    CHECK(on(PageType::kProduct, element("div", classes)));
    CHECK_FALSE(on(PageType::kArticle, element("div", classes)));
  }
  CHECK(on(PageType::kProduct, element("div", "", "reviews")));
  CHECK(on(PageType::kProduct, element("div", "", "shipping-and-returns")));
  // A bare address printed as a block (a shop's raw custom field).
  const char* url = "https://cdn.example.com/images/5001/thumbnail.jpg";
  CHECK(shipped().match_text(url, "example.com", PageType::kProduct) != nullptr);
  CHECK(shipped().match_text(url, "example.com", PageType::kArticle) == nullptr);
  // A sold-out product's sign-up form and its answers.
  for (const char* text : {"Notify me when back in stock", "Notify me",
                           "Oops! Something went wrong. Please try again.",
                           "Sign in to add this item to your wishlist, follow it, or mark it as "
                           "ignored"}) {
    INFO(text);
    CHECK(shipped().match_text(text, "example.com", PageType::kProduct) != nullptr);
  }
  // A review article's own text, and product boxes that merely say "review".
  for (const char* classes : {"review", "review-body", "preview"}) {
    INFO(classes);
    CHECK_FALSE(on(PageType::kProduct, element("div", classes)));
  }
}

TEST_CASE("a product's details in a modal or drawer are protected on product pages, and only there",
          "[rules][shipped][shop]") {
  using webclean::PageType;
  const auto action = [](PageType type, const Node& node) -> std::string {
    const Rule* rule = shipped().match_node(node, "example.com", nullptr, nullptr, type);
    if (!rule) return "keep";
    return rule->action == Action::kProtect ? "protect" : "drop";
  };
  for (const char* classes : {"pipf-product-details-modal", "product__description modal",
                              "product-specifications-drawer", "product-description"}) {
    INFO(classes);
    CHECK(action(PageType::kProduct, element("div", classes)) == "protect");
    CHECK(action(PageType::kArticle, element("div", classes)) != "protect");
  }
  // A modal of something else stays a modal; a product's reviews stay reviews.
  CHECK(action(PageType::kProduct, element("div", "size-guide-modal")) == "drop");
  CHECK(action(PageType::kProduct, element("div", "product-reviews")) == "drop");
}

TEST_CASE("pay-later offers beside a product's price go on product pages",
          "[rules][shipped][shop]") {
  using webclean::PageType;
  const auto on = [](PageType type, const Node& node) {
    return shipped().match_node(node, "example.com", nullptr, nullptr, type) != nullptr;
  };
  for (const char* classes : {"afterpay-container", "klarna-placement", "payment-terms"}) {
    INFO(classes);
    CHECK(on(PageType::kProduct, element("div", classes)));
    CHECK_FALSE(on(PageType::kArticle, element("div", classes)));
  }
  CHECK(on(PageType::kProduct, element("shopify-payment-terms")));
  for (const char* text :
       {"or 4 payments of", "or 4 interest-free payments of $48.75 with Afterpay",
        "Pay in 4 interest-free installments", "Pay over time, interest-free.",
        "enjoy now with easy 4 installments via"}) {
    INFO(text);
    CHECK(shipped().match_text(text, "example.com", PageType::kProduct) != nullptr);
    CHECK(shipped().match_text(text, "example.com", PageType::kArticle) == nullptr);
  }
  // A price, and a sentence about payments, stay.
  for (const char* text : {"$195.00", "Payments are taken when the order ships. Thank you."}) {
    INFO(text);
    CHECK(shipped().match_text(text, "example.com", PageType::kProduct) == nullptr);
  }
}

TEST_CASE("a review summary and the shop's selling points go on product pages as lines",
          "[rules][shipped][shop]") {
  using webclean::PageType;
  const auto drops = [](PageType type, const std::string& text) {
    return shipped().match_text(text, "example.com", type) != nullptr;
  };
  for (const char* text :
       {"4.5 out of 5 stars (10)", "average rating 4.8 out of 5", "4.4 stars out of 1935 reviews",
        "Based on 46971 reviews", "5 Stars", "40227 Reviews", "4.5 (53 total ratings)",
        "Write a Review", "Be the first to review this item",
        "97% of reviewers would recommend this product to a friend", "Free shipping worldwide",
        "Fast & Free Shipping.", "+ FREE SHIPPING", "Free Returns", "Free 90-day returns",
        "30-day returns", "100% secure checkout", "24 month warranty", "Risk-free 99 Day Trial."}) {
    INFO(text);
    CHECK(drops(PageType::kProduct, text));
    CHECK_FALSE(drops(PageType::kArticle, text));
  }
  // A tab's title, the policy's own sentences and a review's text stay.
  for (const char* text : {"Shipping & Returns", "Delivery", "Reviews",
                           "Free shipping on orders over $50 within the contiguous United States.",
                           "Five stars: it boiled water in three minutes on a windy ridge."}) {
    INFO(text);
    CHECK_FALSE(drops(PageType::kProduct, text));
  }
}

TEST_CASE("a product gallery's position labels go on product pages as lines",
          "[rules][shipped][shop]") {
  using webclean::PageType;
  const auto drops = [](PageType type, const std::string& text) {
    return shipped().match_text(text, "example.com", type) != nullptr;
  };
  for (const char* text : {"Image 1 of 5", "Slide 2 of 8", "Picture 1 of 6", "photo 3 of 12"}) {
    INFO(text);
    CHECK(drops(PageType::kProduct, text));
    CHECK_FALSE(drops(PageType::kArticle, text));
  }
  // A caption that counts in a sentence stays.
  CHECK_FALSE(drops(PageType::kProduct, "Image 1 of 5 shows the stove folded in its pouch."));
}

TEST_CASE("a card's caption box is its text on listing and collection pages, a credit elsewhere",
          "[rules][shipped][listing]") {
  using webclean::PageType;
  const auto on = [](PageType type, const Node& node) {
    return shipped().match_node(node, "example.com", nullptr, nullptr, type) != nullptr;
  };
  for (const char* classes : {"product-caption", "caption", "card-caption"}) {
    INFO(classes);
    CHECK_FALSE(on(PageType::kListing, element("div", classes)));
    CHECK_FALSE(on(PageType::kCollection, element("div", classes)));
    CHECK(on(PageType::kArticle, element("div", classes)));
  }
  // A figure's caption element is still one.
  CHECK(on(PageType::kCollection, element("figcaption")));
}

TEST_CASE(
    "an Elementor call-to-action tile is an item on listing and collection pages, a "
    "prompt elsewhere",
    "[rules][shipped][listing]") {
  using webclean::PageType;
  const auto on = [](PageType type, const Node& node) {
    return shipped().match_node(node, "example.com", nullptr, nullptr, type) != nullptr;
  };
  for (const char* classes :
       {"elementor-element elementor-widget elementor-widget-call-to-action", "elementor-cta",
        "elementor-cta__title elementor-cta__content-item"}) {
    INFO(classes);
    CHECK_FALSE(on(PageType::kListing, element("div", classes)));
    CHECK_FALSE(on(PageType::kCollection, element("div", classes)));
    CHECK(on(PageType::kArticle, element("div", classes)));
  }
  // Other call-to-action boxes still go on a listing page.
  CHECK(on(PageType::kListing, element("div", "newsletter-cta")));
}

TEST_CASE(
    "a list's sort and filter controls and its cards' buttons go on listing pages, and only there",
    "[rules][shipped][listing]") {
  using webclean::PageType;
  const auto drops = [](PageType type, const std::string& text) {
    return shipped().match_text(text, "example.com", type) != nullptr;
  };
  for (const char* text :
       {"Sort by", "Sort by:", "Sort Options", "View options", "Sort: Best Match", "Filters",
        "Filter (2)", "Clear all", "Recently viewed", "Unit price per", "Unit price / per",
        "Vendor:", "Regular price Sale price $19.99", "Add to cart", "Add to Compare",
        "Add to wishlist", "Quick Shop", "Quick view", "Choose options"}) {
    INFO(text);
    CHECK(drops(PageType::kListing, text));
    CHECK(drops(PageType::kCollection, text));
    CHECK_FALSE(drops(PageType::kArticle, text));
  }
  // A result count is the list's heading as often as not; a sentence stays.
  for (const char* text : {"672 results", "20 products", "Sort the laundry by colour first.",
                           "Unit price $2.50 per 100 g", "Regular price $19.99", "Compare",
                           "Add to cart to see the price"}) {
    INFO(text);
    CHECK_FALSE(drops(PageType::kListing, text));
  }
}

TEST_CASE("review widgets go on collection pages too, not on listings or articles",
          "[rules][shipped][listing]") {
  using webclean::PageType;
  const auto on = [](PageType type, const Node& node) {
    return shipped().match_node(node, "example.com", nullptr, nullptr, type) != nullptr;
  };
  for (const char* classes : {"reviews-carousel", "yotpo-main-widget", "customer-reviews"}) {
    INFO(classes);
    CHECK(on(PageType::kCollection, element("div", classes)));
    CHECK_FALSE(on(PageType::kListing, element("div", classes)));
    CHECK_FALSE(on(PageType::kArticle, element("div", classes)));
  }
  CHECK_FALSE(on(PageType::kCollection, element("div", "preview")));
}

TEST_CASE("a poster's join date, post count and rank go on forum pages, and only there",
          "[rules][shipped]") {
  using webclean::PageType;
  for (const char* text : {"Registered: 2024-01-27", "Joined: Tue Aug 27, 2019 1:47 am",
                           "Posts: 73,365", "Reaction score: 1,204", "Senior Member"}) {
    INFO(text);
    CHECK(shipped().match_text(text, "", PageType::kForum) != nullptr);
    CHECK(shipped().match_text(text, "", PageType::kArticle) == nullptr);
  }
  CHECK(shipped().match_text("Registered nurses staff the ward day and night, as the law asks.", "",
                             PageType::kForum) == nullptr);
}

TEST_CASE("a reply's 'Re:' subject line goes on forum pages, and only there", "[rules][shipped]") {
  using webclean::PageType;
  for (const char* text :
       {"Re: Turning off all LEDs of RPi 4", "RE: Open source forum software",
        "Re[2]: Best closed headphones", "3. Re: Tips from a first time visitor"}) {
    INFO(text);
    CHECK(shipped().match_text(text, "", PageType::kForum) != nullptr);
    CHECK(shipped().match_text(text, "", PageType::kArticle) == nullptr);
  }
  CHECK(shipped().match_text("Regarding the LEDs: turn them off in config.txt.", "",
                             PageType::kForum) == nullptr);
}

TEST_CASE("xenforo's preview card of a linked page goes, its quote boxes stay",
          "[rules][shipped]") {
  CHECK(class_verdict("bbCodeBlock bbCodeBlock--unfurl    js-unfurl fauxBlockLink") == "drop");
  CHECK(class_verdict("bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote js-expandWatch") ==
        "keep");
}
