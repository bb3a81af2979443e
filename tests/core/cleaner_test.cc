// The Cleaner end to end, with the shipped rules: HTML pages and text
// dumps in, article text out; reports, errors, threads and rule folders.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "../source/temp_dir.h"
#include "rules/embedded.h"
#include "webclean/cleaner.h"

using webclean::Cleaner;
using webclean::DocumentInfo;
using webclean::InputKind;
using webclean::Options;
using webclean::Result;
using webclean::RuleError;
using webclean::testing::TempDir;
using webclean::testing::write_file;

namespace {

const char* const kParagraphs[] = {
    "The council said on Tuesday that the new bridge, which has been delayed for more than two "
    "years, would open to traffic in the spring, and that the cost of the work had risen by a "
    "third since it was first planned.",
    "Residents who live near the river told reporters that they had waited for the bridge for a "
    "long time, and that the old crossing, which is narrow and often closed, was no longer safe "
    "for the buses that carry their children to school.",
    "According to the report, the engineers found that the ground on the east bank was softer "
    "than they had expected, so the foundations had to be dug deeper, and the work was stopped "
    "twice while the plans were changed.",
    "The mayor, who has made the project one of the main themes of her term, said that she was "
    "sorry for the delay but that the city would not open a bridge that was not safe, whatever "
    "the cost of waiting might be.",
    "When it opens, the bridge will carry two lanes of traffic in each direction, as well as a "
    "path for those who walk or ride a bicycle, and it is expected to cut the time of the trip "
    "into the city by half.",
};

constexpr const char* kComment =
    "Great article, thanks for writing it. I have lived by the river for twenty years and I "
    "have never seen the council move so slowly on anything, it is a disgrace to all of us.";
constexpr const char* kCookie =
    "We use cookies to give you the best experience on our website. By continuing to browse, "
    "you agree to our use of cookies.";

std::string article_page() {
  std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>A bridge opens at last - Example News</title></head><body>"
      "<div id=\"cookie-banner\" class=\"cookie-consent\"><p>";
  html += kCookie;
  html +=
      "</p><button>Accept all</button></div>"
      "<nav class=\"site-nav\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World"
      "</a></li><li><a href=\"/business\">Business</a></li><li><a href=\"/sport\">Sport</a></li>"
      "</ul></nav><main><article><h1>A bridge opens at last</h1>";
  for (const char* p : kParagraphs) html += std::string("<p>") + p + "</p>";
  html +=
      "</article><section id=\"comments\" class=\"comments\"><h2>2 Comments</h2>"
      "<div class=\"comment\"><p class=\"comment-author\">riverside_resident</p><p>";
  html += kComment;
  html +=
      "</p></div><div class=\"comment\"><p>Totally agree with you on this one.</p></div>"
      "<form><p>Leave a comment</p></form></section></main>"
      "<footer><p>Copyright 2011 Example News. All rights reserved.</p></footer></body></html>";
  return html;
}

std::string text_dump() {
  std::string text = "A bridge opens at last\n\nSkip to content\n\n";
  for (const char* p : kParagraphs) text += std::string(p) + "\n\n";
  text += "Share this article\n";
  return text;
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// Whether this build embeds shipped rule files: the comments section of
// the article page is dropped by them, not by structure alone.
bool has_shipped_rules() {
  for (const auto& file : webclean::rules::embedded_files()) {
    if (file.path.size() > 6 && file.path.substr(file.path.size() - 6) == ".rules") return true;
  }
  return false;
}

const Cleaner& shipped_cleaner() {
  static const Cleaner cleaner{Options{}};
  return cleaner;
}

}  // namespace

TEST_CASE("an article page keeps its paragraphs and drops nav, cookie banner and comments",
          "[core][cleaner]") {
  DocumentInfo info;
  info.url = "https://example.com/bridge";
  const Result r = shipped_cleaner().clean(article_page(), info);
  REQUIRE(r.ok());
  INFO("shipped rule files embedded in this build: " << (has_shipped_rules() ? "yes" : "NONE"));
  CHECK(r.input_kind == "html");
  CHECK(r.metadata.title == "A bridge opens at last");  // the " - Example News" suffix goes
  for (const char* p : kParagraphs) CHECK(contains(r.text, p));
  CHECK_FALSE(contains(r.text, "cookies"));
  CHECK_FALSE(contains(r.text, "Accept all"));
  CHECK_FALSE(contains(r.text, "Business"));
  CHECK_FALSE(contains(r.text, "Comments"));
  CHECK_FALSE(contains(r.text, "Great article"));
  CHECK_FALSE(contains(r.text, "Totally agree"));
  CHECK_FALSE(contains(r.text, "Leave a comment"));
  CHECK_FALSE(contains(r.text, "Copyright"));
}

TEST_CASE("a page whose script-drawn content was not saved gives its footer as nothing",
          "[core][cleaner]") {
  // A shop's product page saved before its script ran: an empty root and
  // the site's footer of link lists, which is all of the page's text.
  std::string html =
      "<!DOCTYPE html><html><head><title>Item</title>"
      "<meta property=\"og:type\" content=\"product\"></head><body><div id=\"root\"></div>"
      "<footer><div class=\"site-links\">";
  for (const char* group : {"Help", "Shop by language", "Browse by category", "Our group"}) {
    html += std::string("<dl><dt><h5>") + group + "</h5></dt><dd>";
    for (const char* link : {"Help Center", "Disputes and Reports", "Returns and refunds",
                             "Privacy Policy", "Terms of Use", "Sitemap", "Report a problem"}) {
      html += std::string("<a href=\"/x\">") + link + "</a>, ";
    }
    html += "</dd></dl>";
  }
  html += "<p>Questions about your order? Our help center answers most of them.</p>";
  html += "</div></footer></body></html>";
  const Result r = shipped_cleaner().clean(html);
  REQUIRE(r.ok());
  INFO(r.text);
  CHECK_FALSE(contains(r.text, "Help Center"));
  CHECK_FALSE(contains(r.text, "Questions about your order"));
}

TEST_CASE("a site's mega-menu goes however much of the saved page it holds", "[core][cleaner]") {
  // A software maker's front page drawn by script: the saved page holds the
  // <nav>'s product menu, each entry a name and a one-line blurb, and a
  // short hero.
  std::string html =
      "<!DOCTYPE html><html><head><title>Tool</title></head><body><nav><div "
      "class=\"dropdown-panel\">";
  for (int i = 0; i < 30; ++i) {
    html += "<div><a href=\"/p/" + std::to_string(i) + "\"><p>Spec Hub " + std::to_string(i) +
            "</p><p>Manage specifications and validate behaviour</p></a></div>";
  }
  html +=
      "</div></nav><main><h1>The AI-native API platform</h1><p>Develop, test and ship APIs "
      "and services. Built for engineers.</p></main></body></html>";
  // As an article and as a listing (the types a page mostly of links gets),
  // where the menu's lines would be kept by the density and item steps.
  for (const webclean::PageType type :
       {webclean::PageType::kArticle, webclean::PageType::kListing}) {
    Options options;
    options.page_type = type;
    const Result r = Cleaner(options).clean(html);
    REQUIRE(r.ok());
    INFO(r.text);
    CHECK_FALSE(contains(r.text, "Spec Hub"));
    CHECK(contains(r.text, "Develop, test and ship APIs"));
  }
}

TEST_CASE("the kept paragraphs are joined by blank lines in page order", "[core][cleaner]") {
  const Result r = shipped_cleaner().clean(article_page());
  const std::string expected = std::string(kParagraphs[0]) + "\n\n" + kParagraphs[1];
  CHECK(contains(r.text, expected));
  CHECK(r.text.find(kParagraphs[0]) < r.text.find(kParagraphs[4]));
}

TEST_CASE("a text dump drops its Skip to content and Share this article lines", "[core][cleaner]") {
  const Result r = shipped_cleaner().clean(text_dump());
  REQUIRE(r.ok());
  CHECK(r.input_kind == "text");
  for (const char* p : kParagraphs) CHECK(contains(r.text, p));
  CHECK_FALSE(contains(r.text, "Skip to content"));
  CHECK_FALSE(contains(r.text, "Share this article"));
}

TEST_CASE("the input kind given by the caller overrides sniffing", "[core][cleaner]") {
  DocumentInfo info;
  info.kind = InputKind::kText;
  const Result r = shipped_cleaner().clean("<p>" + std::string(kParagraphs[0]) + "</p>", info);
  CHECK(r.input_kind == "text");
}

TEST_CASE("keep_block_reports fills the blocks with their decisions", "[core][cleaner]") {
  Options options;
  options.keep_block_reports = true;
  const Cleaner cleaner{options};
  const Result r = cleaner.clean(article_page());
  REQUIRE(r.ok());
  REQUIRE_FALSE(r.blocks.empty());
  bool paragraph_kept = false, nav_dropped = false;
  for (const auto& b : r.blocks) {
    CHECK_FALSE(b.stage.empty());
    if (b.text == kParagraphs[2]) {
      paragraph_kept = b.kept;
      CHECK(b.kind == "paragraph");
      CHECK(contains(b.path, "article"));
    }
    // The navigation is dropped whole before parsing: one block reports
    // what it held.
    if (contains(b.text, "Business")) {
      CHECK(b.text.rfind("[dropped before parsing: ", 0) == 0);
      nav_dropped = !b.kept;
      CHECK(b.stage != "none");
      CHECK_FALSE(b.reason.empty());
    }
  }
  CHECK(paragraph_kept);
  CHECK(nav_dropped);
  // Reports change nothing: the text and metadata are those of a plain run.
  const Result plain = Cleaner{Options{}}.clean(article_page());
  CHECK(plain.text == r.text);
  CHECK(plain.metadata.title == r.metadata.title);
  // The kept blocks are the text.
  std::string kept;
  for (const auto& b : r.blocks) {
    if (b.kept) kept += (kept.empty() ? "" : "\n\n") + b.text;
  }
  CHECK(kept == r.text);
}

TEST_CASE("without keep_block_reports no blocks are reported", "[core][cleaner]") {
  CHECK(shipped_cleaner().clean(article_page()).blocks.empty());
}

TEST_CASE("a PNG gives an error and no text", "[core][cleaner]") {
  // The signature and an IHDR chunk of a 16x16 RGBA image (CRC left out).
  static constexpr char kPngHead[] =
      "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  std::string png(kPngHead, sizeof kPngHead - 1);
  png += std::string(200, '\0');
  const Result r = shipped_cleaner().clean(png);
  CHECK_FALSE(r.ok());
  CHECK_FALSE(r.error.empty());
  CHECK(r.text.empty());
}

TEST_CASE("empty input gives empty text and no error", "[core][cleaner]") {
  const Result r = shipped_cleaner().clean("");
  CHECK(r.ok());
  CHECK(r.text.empty());
  const Result spaces = shipped_cleaner().clean(" \n\n \n");
  CHECK(spaces.ok());
  CHECK(spaces.text.empty());
}

TEST_CASE("one const Cleaner used from 8 threads gives the sequential results", "[core][cleaner]") {
  std::vector<std::string> documents;
  for (int i = 0; i < 16; ++i) {
    std::string page = article_page();
    // Each document differs: a different paragraph is left out.
    const std::string drop = std::string("<p>") + kParagraphs[i % 5] + "</p>";
    if (i % 2) page.erase(page.find(drop), drop.size());
    documents.push_back(i % 3 == 0 ? text_dump() + kParagraphs[i % 5] : page);
  }
  const Cleaner& cleaner = shipped_cleaner();
  std::vector<std::string> sequential;
  for (const std::string& d : documents) sequential.push_back(cleaner.clean(d).text);

  std::vector<std::string> parallel(documents.size());
  std::vector<std::thread> threads;
  for (size_t t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        for (size_t i = t; i < documents.size(); i += 8) {
          parallel[i] = cleaner.clean(documents[i]).text;
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (size_t i = 0; i < documents.size(); ++i) {
    INFO("document " << i);
    CHECK_FALSE(sequential[i].empty());
    CHECK(parallel[i] == sequential[i]);
  }
}

TEST_CASE("a malformed rule file in rule_dirs throws RuleError naming file and line",
          "[core][cleaner]") {
  TempDir dir;
  write_file(dir.path() / "bad.rules", "# my rules\n[drop]\nklass menu\n");
  Options options;
  options.rule_dirs.push_back(dir.path().string());
  try {
    Cleaner cleaner{options};
    FAIL("no RuleError thrown");
  } catch (const RuleError& e) {
    // The file is named by its full path, then the line.
    const std::string expected = (dir.path() / "bad.rules").string() + ":3:";
    CHECK(std::string(e.what()).rfind(expected, 0) == 0);
  }
}

TEST_CASE("a rule dir that does not exist throws RuleError", "[core][cleaner]") {
  Options options;
  options.rule_dirs.push_back("/nonexistent/webclean-rules");
  CHECK_THROWS_AS(Cleaner{options}, RuleError);
}

TEST_CASE("a rule dir file adds rules to the shipped ones", "[core][cleaner]") {
  TempDir dir;
  write_file(dir.path() / "local.rules", "[drop-text]\nthe mayor, who has made .*\n");
  Options options;
  options.rule_dirs.push_back(dir.path().string());
  const Cleaner cleaner{options};
  const Result r = cleaner.clean(article_page());
  CHECK_FALSE(contains(r.text, kParagraphs[3]));
  CHECK(contains(r.text, kParagraphs[2]));
}

TEST_CASE("a rule dir file replaces the shipped file of the same name", "[core][cleaner]") {
  TempDir shipped, local;
  write_file(shipped.path() / "local.rules", "[drop-text]\nthe mayor, who has made .*\n");
  Options options;
  options.shipped_rules_dir = shipped.path().string();
  {
    const Cleaner cleaner{options};
    CHECK_FALSE(contains(cleaner.clean(article_page()).text, kParagraphs[3]));
  }
  // Same name, other content: the shipped rule is gone, the local one applies.
  write_file(local.path() / "local.rules", "[drop-text]\nwhen it opens, .*\n");
  options.rule_dirs.push_back(local.path().string());
  const Cleaner cleaner{options};
  const Result r = cleaner.clean(article_page());
  CHECK(contains(r.text, kParagraphs[3]));
  CHECK_FALSE(contains(r.text, kParagraphs[4]));
}

TEST_CASE("a stop list in a rule dir is used for its language", "[core][cleaner]") {
  TempDir dir;
  write_file(dir.path() / "stoplists" / "zz.txt", "the\nof\nand\nthat\n");
  Options options;
  options.no_shipped_rules = true;
  options.rule_dirs.push_back(dir.path().string());
  const Cleaner cleaner{options};
  const Result r = cleaner.clean("<html lang=\"zz\"><body><p>" + std::string(kParagraphs[0]) +
                                 "</p></body></html>");
  CHECK(r.metadata.language == "zz");
}

TEST_CASE("metadata read from meta tags and JSON-LD is in NFC like the text", "[core][cleaner]") {
  const std::string nfd_e = "e\xCC\x81";  // e + COMBINING ACUTE ACCENT
  const std::string nfc_e = "\xC3\xA9";   // é
  const std::string page =
      "<html><head><meta property=\"og:title\" content=\"Caf" + nfd_e +
      " opens\"><meta name=\"description\" content=\"A caf" + nfd_e +
      "\"><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"author\": "
      "{\"@type\": \"Person\", \"name\": \"Ren" +
      nfd_e + " Roe\"}}</script></head><body><article><h1>Caf" + nfd_e + " opens</h1><p>The caf" +
      nfd_e +
      " on the corner opened on Tuesday after two years of work on the old building, the "
      "owners said.</p></article></body></html>";
  const Result r = Cleaner{Options{}}.clean(page);
  CHECK(r.metadata.title == "Caf" + nfc_e + " opens");
  CHECK(r.metadata.headline == "Caf" + nfc_e + " opens");
  CHECK(r.metadata.description == "A caf" + nfc_e);
  CHECK(r.metadata.author == "Ren" + nfc_e + " Roe");
  CHECK(r.text.find(nfd_e) == std::string::npos);
}

TEST_CASE("cleaning inside the article never takes all of its text", "[core][cleaner]") {
  // Lists start with a negative score (Readability's initializeNode): the
  // one list that is the whole article must not be cleaned away with it.
  const std::string item =
      "AI has not meaningfully changed anything in security so far and phishing is still rare.";
  const Result r = Cleaner{Options{}}.clean("<html><body><div><ol><li><p>" + item +
                                            "</p></li></ol></div></body></html>");
  CHECK(r.text == item);
}

TEST_CASE(
    "a product's description given only in JSON-LD is in the text, the Markdown and the "
    "reports",
    "[core][cleaner]") {
  const std::string description =
      "A one-piece titanium stove for long trips: it folds flat, lights in wind and rain, and "
      "packs inside the smallest pot of the range.";
  std::string html =
      "<html><head><title>Trail stove</title><script type=\"application/ld+json\">"
      "{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Trail stove\","
      "\"description\":\"" +
      description +
      "\"}</script></head><body><main><h1>Trail stove</h1><div class=\"buy\"><p>$89.00</p>"
      "<p>In stock</p></div><ul class=\"specs\"><li>Weight: 45 g with the pot support</li>"
      "<li>Output: 2,600 W on butane and propane</li></ul></main></body></html>";
  Options options;
  options.keep_block_reports = true;
  options.markdown = true;
  options.page_type = webclean::PageType::kProduct;
  const Result r = Cleaner{options}.clean(html);
  REQUIRE(r.ok());
  CHECK(contains(r.text, description));
  CHECK(contains(r.markdown, description));
  bool reported = false;
  for (const auto& b : r.blocks) {
    if (b.text != description) continue;
    reported = true;
    CHECK(b.kept);
    CHECK(b.path.empty());  // no element of the page holds it
    CHECK(contains(b.reason, "JSON-LD"));
  }
  CHECK(reported);
  // On an article the description stays the page's metadata only.
  options.page_type = webclean::PageType::kArticle;
  CHECK_FALSE(contains(Cleaner{options}.clean(html).text, description));
}
