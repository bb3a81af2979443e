// HTML page metadata from the head: Open Graph and JSON-LD win over the
// <title> and the lines found in the text; bad JSON-LD is ignored.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "block/block.h"
#include "filter/filter.h"
#include "meta/bylines.h"
#include "meta/dates.h"
#include "meta/html_meta.h"
#include "meta/language.h"
#include "meta/titles.h"
#include "webclean/cleaner.h"

using webclean::Metadata;
using webclean::block::Block;
using webclean::block::Document;
using webclean::block::Kind;
using webclean::meta::normalize_date;
using webclean::meta::read_page_hints;
using webclean::meta::strip_site_suffix;

namespace {

Document html_doc(std::vector<std::pair<std::string, std::string>> meta,
                  std::vector<std::string> json_ld = {}, std::string title = {}) {
  Document doc;
  doc.is_html = true;
  doc.hints.meta = std::move(meta);
  doc.hints.json_ld = std::move(json_ld);
  doc.hints.title = std::move(title);
  return doc;
}

Metadata read(const Document& doc, Metadata start = {}) {
  read_page_hints(doc, start);
  return start;
}

}  // namespace

// Readability's order; measured: JSON-LD first took the readability set
// from 115 to 123 of 127 titles and the trafilatura set from 455 to 515.
TEST_CASE("the JSON-LD headline wins over og:title and og:title over the title element",
          "[meta][html]") {
  const Document doc =
      html_doc({{"og:title", "Open Graph title"}},
               {R"({"@type":"NewsArticle","headline":"LD headline"})"}, "Page title | Site");
  CHECK(read(doc).title == "LD headline");
  CHECK(read(html_doc({{"og:title", "Open Graph title"}}, {}, "Page title | Site")).title ==
        "Open Graph title");
}

TEST_CASE("the JSON-LD headline of an article inside a graph gives the title", "[meta][html]") {
  const Document doc =
      html_doc({},
               {R"({"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},)"
                R"({"@type":["BlogPosting"],"headline":"  Graph   headline "}]})"},
               "Page title | Site");
  CHECK(read(doc).title == "Graph headline");
}

TEST_CASE("the title element loses a short site suffix or one naming the site", "[meta][html]") {
  CHECK(strip_site_suffix("A bridge opens at last | Example News", "") == "A bridge opens at last");
  CHECK(strip_site_suffix("A bridge opens - The Long Named Daily Gazette Of Town",
                          "The Long Named Daily Gazette Of Town") == "A bridge opens");
  CHECK(strip_site_suffix("Bridge opens :: Site", "") == "Bridge opens");
  CHECK(strip_site_suffix("Rock \xE2\x80\x94 and roll in the old town hall", "") ==
        "Rock \xE2\x80\x94 and roll in the old town hall");
  CHECK(strip_site_suffix("No separator here", "Site") == "No separator here");
}

TEST_CASE("without any title in the head the first h1 block is the title", "[meta][html]") {
  Document doc = html_doc({});
  Block h2;
  h2.kind = Kind::kHeading;
  h2.heading_level = 2;
  h2.text = "Section";
  Block h1 = h2;
  h1.heading_level = 1;
  h1.text = "Main heading";
  doc.blocks = {h2, h1};
  CHECK(read(doc).title == "Main heading");
}

TEST_CASE("the JSON-LD author may be a string, a person or a list of them", "[meta][html]") {
  CHECK(read(html_doc({}, {R"({"@type":"Article","author":"Jane Doe"})"})).byline == "Jane Doe");
  CHECK(read(html_doc({}, {R"({"@type":"Article","author":{"@type":"Person","name":"Ann Lee"}})"}))
            .byline == "Ann Lee");
  CHECK(read(html_doc({}, {R"([{"@type":"Article","author":[{"name":"A. One"},"B. Two"]}])"}))
            .byline == "A. One, B. Two");
}

TEST_CASE("meta author is used and article:author only when it is not a URL", "[meta][html]") {
  CHECK(read(html_doc({{"author", "Meta Author"}, {"article:author", "Other"}})).byline ==
        "Meta Author");
  CHECK(read(html_doc({{"article:author", "Named Person"}})).byline == "Named Person");
  Metadata start;
  start.byline = "By Line Found";
  CHECK(read(html_doc({{"article:author", "https://facebook.com/someone"}}), start).byline ==
        "By Line Found");
}

TEST_CASE("invalid JSON-LD is ignored and the meta tags still apply", "[meta][html]") {
  const Metadata m = read(html_doc({{"author", "Meta Author"}, {"og:site_name", "Site"}},
                                   {"{not json", R"({"@type":"Article",)", "[]", "42"}));
  CHECK(m.byline == "Meta Author");
  CHECK(m.site_name == "Site");
}

TEST_CASE("the publication date prefers JSON-LD and is normalised to ISO 8601", "[meta][html]") {
  CHECK(read(html_doc({{"article:published_time", "2020-01-02"}},
                      {R"({"@type":"NewsArticle","datePublished":"2011-07-04T09:00:00Z"})"}))
            .date == "2011-07-04T09:00:00Z");
  CHECK(read(html_doc({{"date", "July 4, 2011"}})).date == "2011-07-04");
  CHECK(read(html_doc({{"dc.date", "2019-03-05"}})).date == "2019-03-05");
  Metadata start;
  start.date = "Posted July 4th, 2011 at 9:00 pm";
  CHECK(read(html_doc({}), start).date == "2011-07-04");
}

TEST_CASE("dates in common written forms become YYYY-MM-DD", "[meta][html]") {
  CHECK(normalize_date("July 4, 2011") == "2011-07-04");
  CHECK(normalize_date("4 July 2011") == "2011-07-04");
  CHECK(normalize_date("Sept. 12th, 2019") == "2019-09-12");
  CHECK(normalize_date("2011/7/4") == "2011-07-04");
  CHECK(normalize_date("2011-07-04 10:30") == "2011-07-04T10:30");
  CHECK(normalize_date("yesterday").empty());
  CHECK(normalize_date("Foo 40, 2011").empty());
}

TEST_CASE("site name, language, description, canonical URL and image come from the head",
          "[meta][html]") {
  Document doc = html_doc({{"description", "Meta description"},
                           {"og:url", "https://example.com/og"},
                           {"og:image", "https://example.com/a.jpg"}},
                          {R"({"@type":"Article","publisher":{"name":"Publisher Name"}})"});
  doc.hints.lang = "EN-gb";
  Metadata start;
  start.language = "de";
  const Metadata m = read(doc, start);
  CHECK(m.site_name == "Publisher Name");
  CHECK(m.language == "en");
  CHECK(m.description == "Meta description");
  CHECK(m.canonical_url == "https://example.com/og");
  CHECK(m.image == "https://example.com/a.jpg");

  doc.hints.canonical_url = "https://example.com/canonical";
  doc.hints.meta.emplace_back("og:description", "OG description");
  doc.hints.lang.clear();
  const Metadata n = read(doc, start);
  CHECK(n.canonical_url == "https://example.com/canonical");
  CHECK(n.description == "OG description");
  CHECK(n.language == "de");
}

TEST_CASE("a page cleaned end to end carries its Open Graph and JSON-LD metadata",
          "[meta][html][cleaner]") {
  std::string html =
      "<!DOCTYPE html><html lang=\"fr-FR\"><head><meta charset=\"utf-8\">"
      "<title>Le pont ouvre enfin | Exemple</title>"
      "<meta property=\"og:site_name\" content=\"Exemple Info\">"
      "<meta property=\"og:description\" content=\"Un pont attendu.\">"
      "<meta property=\"og:image\" content=\"https://exemple.fr/pont.jpg\">"
      "<link rel=\"canonical\" href=\"https://exemple.fr/pont\">"
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
      "\"@type\":\"NewsArticle\",\"headline\":\"Le pont ouvre enfin\","
      "\"author\":[{\"@type\":\"Person\",\"name\":\"Marie Curie\"}],"
      "\"datePublished\":\"2021-05-06T08:00:00+02:00\"}</script>"
      "</head><body><article><h1>Le pont ouvre enfin</h1>";
  for (int i = 0; i < 4; ++i) {
    html +=
        "<p>Le conseil a dit mardi que le nouveau pont, qui a pris plus de deux ans de retard, "
        "sera ouvert au printemps et que le prix des travaux a beaucoup augmenté depuis le "
        "début du projet.</p>";
  }
  html += "</article></body></html>";
  const webclean::Cleaner cleaner{webclean::Options{}};
  const webclean::Result r = cleaner.clean(html);
  REQUIRE(r.ok());
  CHECK(r.metadata.title == "Le pont ouvre enfin");
  CHECK(r.metadata.byline == "Marie Curie");
  CHECK(r.metadata.date == "2021-05-06T08:00:00+02:00");
  CHECK(r.metadata.site_name == "Exemple Info");
  CHECK(r.metadata.language == "fr");
  CHECK(r.metadata.description == "Un pont attendu.");
  CHECK(r.metadata.canonical_url == "https://exemple.fr/pont");
  CHECK(r.metadata.image == "https://exemple.fr/pont.jpg");
  CHECK(r.text.find("le nouveau pont") != std::string::npos);
}

TEST_CASE("og:title is kept whole, site name and all", "[meta][html]") {
  CHECK(read(html_doc({{"og:title", "Obama speaks - BBC News"}, {"og:site_name", "BBC News"}}))
            .title == "Obama speaks - BBC News");
}

TEST_CASE("a title element suffix that starts the site name is removed", "[meta][html]") {
  CHECK(read(html_doc({{"og:site_name", "Example.cz Daily News Portal of Prague, since 1999"}}, {},
                      "Hráči vyhráli velký zápas | Example.cz Daily News Portal of Prague"))
            .title == "Hráči vyhráli velký zápas");
}

TEST_CASE("a JSON-LD name the title element carries beats a headline it does not", "[meta][html]") {
  const std::string ld =
      R"({"@type":"Article","name":"List of films","headline":"Wikimedia list article"})";
  CHECK(read(html_doc({}, {ld}, "List of films - Wikipedia")).title == "List of films");
  CHECK(read(html_doc({}, {ld}, "Something else")).title == "Wikimedia list article");
}

TEST_CASE("a meta tag naming several properties answers to each of them", "[meta][html]") {
  const Metadata m = read(html_doc({{"x:title dc:title", "My title"},
                                    {"og:description  twitter:description", "Shared description"},
                                    {"dc:creator twitter:site_name", "Creator Name"}},
                                   {}, "Title Element"));
  CHECK(m.title == "My title");
  CHECK(m.description == "Shared description");
  CHECK(m.byline == "Creator Name");
  CHECK(read(html_doc({{"og:titles", "Not a title"}}, {}, "Title Element")).title ==
        "Title Element");
}

// --- metadata from the page body (byline elements, <time>, headings) ---

namespace {

// A page with `head` in its <head> and `top` then an article's prose in
// its <article>, cleaned end to end.
webclean::Result clean_page(const std::string& head, const std::string& top,
                            const std::string& after = {},
                            const webclean::DocumentInfo& info = {}) {
  std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body><article>" + top;
  for (int i = 0; i < 4; ++i) {
    html +=
        "<p>The council said on Tuesday that the new bridge, which is more than two years late, "
        "will open in the spring and that the cost of the work has grown a great deal since the "
        "project began.</p>";
  }
  html += "</article>" + after + "</body></html>";
  static const webclean::Cleaner cleaner{webclean::Options{}};
  return cleaner.clean(html, info);
}

// The date read from an article page with `top` above its paragraphs.
std::string date_of(const std::string& top, const webclean::DocumentInfo& info = {}) {
  return clean_page("<title>Bridge</title>", top, "", info).metadata.date;
}

// The headline of an article page with `top` above its paragraphs, whose
// title names only the site.
std::string headline_of(const std::string& top) {
  return clean_page("<title>Example News</title>", top).metadata.headline;
}

}  // namespace

TEST_CASE("a rel=author link in the body names the author", "[meta][html][body]") {
  const webclean::Result r = clean_page("<title>Bridge</title>",
                                        "<h1>Bridge</h1><p class=\"meta\">Posted by <a "
                                        "rel=\"author\" href=\"/u/jd\">Jane Doe</a></p>");
  CHECK(r.metadata.byline == "Jane Doe");
  CHECK(r.metadata.author == "Jane Doe");
}

TEST_CASE("a byline element is the byline and its names without By or the date the author",
          "[meta][html][body]") {
  const webclean::Result r =
      clean_page("<title>Bridge</title>",
                 "<h1>Bridge</h1><div class=\"article-byline\">By Jane Doe | March 3, 2020</div>");
  CHECK(r.metadata.byline == "By Jane Doe | March 3, 2020");
  CHECK(r.metadata.author == "Jane Doe");
  CHECK(r.metadata.date == "2020-03-03");  // the date in the byline
  // The byline left the text.
  CHECK(r.text.find("Jane Doe") == std::string::npos);
  CHECK(r.text.find("the new bridge") != std::string::npos);
}

TEST_CASE("an itemprop=author element is read from its itemprop=name part", "[meta][html][body]") {
  const webclean::Result r =
      clean_page("<title>Bridge</title>",
                 "<p><span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">"
                 "Text and photos: <span itemprop=\"name\">Ann Lee</span></span></p>");
  CHECK(r.metadata.byline == "Ann Lee");
  CHECK(r.metadata.author == "Ann Lee");
}

TEST_CASE("an author named in the comments or a hidden element is not the article's",
          "[meta][html][body]") {
  const webclean::Result r = clean_page(
      "<title>Bridge</title>", "<span class=\"author\" hidden>Hidden Person</span>",
      "<section id=\"comments\"><div class=\"comment\"><cite class=\"author\">Commenter</cite>"
      "<p>Nice.</p></div></section>");
  CHECK(r.metadata.byline.empty());
  CHECK(r.metadata.author.empty());
}

TEST_CASE("meta and JSON-LD authors come before byline elements", "[meta][html][body]") {
  const webclean::Result r =
      clean_page("<title>Bridge</title><meta name=\"author\" content=\"Meta Author\">",
                 "<div class=\"byline\">By Body Author</div>");
  CHECK(r.metadata.byline == "Meta Author");
  CHECK(r.metadata.author == "Meta Author");
}

TEST_CASE("a JSON-LD author given by reference is followed for the author names", "[meta][html]") {
  const Metadata m = read(html_doc({}, {R"({"@graph":[{"@type":"Article","author":{"@id":"#jd"}},)"
                                        R"({"@type":"Person","@id":"#jd","name":"Jane Doe"}]})"}));
  CHECK(m.author == "Jane Doe");
}

TEST_CASE("a time element dates the page and one marked as published wins", "[meta][html][body]") {
  CHECK(date_of("<p>Updated <time datetime=\"2021-02-03T10:00\">Feb 3</time></p>") ==
        "2021-02-03T10:00");
  CHECK(date_of("<p>Updated <time datetime=\"2021-02-03\">Feb 3</time>, first published "
                "<time datetime=\"2020-12-24\" pubdate>Dec 24</time></p>") == "2020-12-24");
  CHECK(date_of("<p><span itemprop=\"datePublished\" content=\"2019-05-06\">May 6</span></p>") ==
        "2019-05-06");
  CHECK(date_of("<div class=\"entry-date\">Posted 6. Mai 2019</div>") == "2019-05-06");
}

TEST_CASE("a page URL with a date in its path dates a page that says nothing else",
          "[meta][html][body]") {
  webclean::DocumentInfo info;
  info.url = "https://blog.example.org/2019/08/02/json-parsing/";
  CHECK(date_of("", info) == "2019-08-02");
  info.url = "https://blog.example.org/archive/json-parsing/";
  CHECK(date_of("", info).empty());
}

TEST_CASE("dates in German French and numeric forms become YYYY-MM-DD", "[meta][html]") {
  CHECK(normalize_date("Samstag, 5. Oktober 2013") == "2013-10-05");
  CHECK(normalize_date("18 février 2020 Par Jean") == "2020-02-18");
  CHECK(normalize_date("Ehrenamt 23.01.2020") == "2020-01-23");
  CHECK(normalize_date("Veröffentlicht am 10. Februar 2019 9. Februar 2019") == "2019-02-10");
  CHECK(normalize_date("7/24/2011") == "2011-07-24");
  CHECK(normalize_date("Marketing 5, 2011").empty());
  CHECK(normalize_date("31. Juni 1850").empty());
  CHECK(normalize_date("4th of July, 2011") == "2011-07-04");
  CHECK(normalize_date("Publicado el 5 de octubre de 2013") == "2013-10-05");
  CHECK(normalize_date("04/07/2011") == "2011-07-04");
}

TEST_CASE("author names lose labels prepositions dates and separators", "[meta][html]") {
  using webclean::meta::clean_author;
  CHECK(clean_author("By Jane Doe") == "Jane Doe");
  CHECK(clean_author("Geschrieben vonElisa Marvena") == "Elisa Marvena");
  CHECK(clean_author("Post author By Helge Fahrnberger") == "Helge Fahrnberger");
  CHECK(clean_author("Autor: gnaddrig") == "gnaddrig");
  CHECK(clean_author("von Limespacer · 22. Oktober 2019") == "Limespacer");
  CHECK(clean_author("By John Walk - January 10, 2020 21 minutes") == "John Walk");
  CHECK(clean_author("par Didier Roy, 21 juin 2018") == "Didier Roy");
  CHECK(clean_author("James Akinaka • 8h") == "James Akinaka");
  CHECK(clean_author("Benjamin Fischer, Marcus Theurer") == "Benjamin Fischer, Marcus Theurer");
  CHECK(clean_author("Published by").empty());
  CHECK(clean_author("Written by byJane Doe") == "Jane Doe");  // a label glued to the name
  CHECK(clean_author("Written by Byron Doe") == "Byron Doe");  // no label: a lower-case letter
  CHECK(clean_author("Written by vonÉlodie Roy") ==
        "Élodie Roy");  // an upper-case letter of Unicode
}

TEST_CASE("the language is the page's lang then Content-Language then the detected one",
          "[meta][html][cleaner]") {
  webclean::DocumentInfo info;
  info.content_language = "de-AT, en";
  CHECK(clean_page("<title>Bridge</title>", "", "", info).metadata.language == "de");
  CHECK(clean_page("<title>Bridge</title>", "").metadata.language == "en");  // detected
  const std::string german =
      "<!DOCTYPE html><html lang=\"fr\"><body><p>Der Rat sagte am Dienstag, dass die neue "
      "Brücke, die mehr als zwei Jahre zu spät ist, im Frühjahr eröffnet wird und dass die Kosten "
      "der Arbeiten seit dem Beginn des Projekts stark gestiegen sind.</p></body></html>";
  const webclean::Cleaner cleaner{webclean::Options{}};
  CHECK(cleaner.clean(german, info).metadata.language == "fr");  // the page's own lang first
  CHECK(webclean::meta::declared_language("x-default", "pt-BR") == "pt");
  CHECK(webclean::meta::declared_language("{{lang}}", "").empty());
}

TEST_CASE("the headline is the h1 that the declared title carries with the site name",
          "[meta][html][body]") {
  const webclean::Result r = clean_page(
      "<title>Bridge opens at last | The Daily Example</title>"
      "<meta property=\"og:title\" content=\"Bridge opens at last | The Daily Example\">",
      "<h1>Bridge opens at last</h1>");
  CHECK(r.metadata.title == "Bridge opens at last | The Daily Example");
  CHECK(r.metadata.headline == "Bridge opens at last");
  // A kicker inside the h1 is not part of the headline the title names.
  CHECK(clean_page("<meta property=\"og:title\" content=\"Bridge opens at last\">",
                   "<h1><span>Town news</span> Bridge opens at last</h1>")
            .metadata.headline == "Bridge opens at last");
}

TEST_CASE("without a matching h1 the headline is the title without the site's name",
          "[meta][html][body]") {
  const webclean::Result r = clean_page(
      "<meta property=\"og:title\" content=\"Example News \xC2\xBB Bridge opens at last\">"
      "<meta property=\"og:site_name\" content=\"Example News\">",
      "<h1>Town</h1><h1>News</h1>");
  CHECK(r.metadata.headline == "Bridge opens at last");
}

TEST_CASE("a kicker element inside the h1 is left out of the headline", "[meta][html][body]") {
  // Neither title names the headline, so only the markup tells the kicker.
  CHECK(headline_of("<h1><span class=\"article__kicker\">Climate</span>"
                    "<span class=\"visually-hidden\">: </span>"
                    "<span>Drilling until it gets hot</span></h1><p>Body text of the story.</p>") ==
        "Drilling until it gets hot");
  CHECK(headline_of("<h1><span class=\"dachzeile\">Interne Unterlagen</span> "
                    "<span class=\"headline\">Daten gehackt und veröffentlicht</span></h1>") ==
        "Daten gehackt und veröffentlicht");
  // A span without a kicker's class stays.
  CHECK(headline_of("<h1><span class=\"lead\">Bridge</span> opens at last today</h1>") ==
        "Bridge opens at last today");
}

TEST_CASE("the page's only h1 is the headline even in a header the rules drop",
          "[meta][html][body]") {
  auto headline = [](const std::string& h1) {
    std::string html =
        "<html><head><meta property=\"og:title\" content=\"Bridge works\">"
        "<meta property=\"og:site_name\" content=\"Example News\"></head><body>"
        "<header class=\"site-header\"><h1>" +
        h1 + "</h1></header><main>";
    for (int i = 0; i < 4; ++i) {
      html +=
          "<p>The council said on Tuesday that the new bridge, which is two years late, "
          "will open in the spring and that its cost has grown a great deal.</p>";
    }
    static const webclean::Cleaner cleaner{webclean::Options{}};
    const webclean::Result r = cleaner.clean(html + "</main></body></html>", {});
    CHECK(r.text.find(h1) == std::string::npos);  // the rules did drop the header
    return r.metadata.headline;
  };
  CHECK(headline("Bridge opens to traffic at last") == "Bridge opens to traffic at last");
  // Not a one- or two-word label, not the site's name.
  CHECK(headline("Details") == "Bridge works");
  CHECK(headline("Example News today") == "Bridge works");
}

TEST_CASE("a meta title cut short by an unescaped quote is read whole from the title element",
          "[meta][html]") {
  const Document doc = html_doc({{"og:title", "Senator calls the plan "}}, {},
                                "Senator calls the plan \"unworkable\" | Example News");
  CHECK(read(doc).title == "Senator calls the plan \"unworkable\"");
  // A title that merely goes on after the meta title is not a mended one.
  CHECK(read(html_doc({{"og:title", "Bridge opens"}}, {}, "Bridge opens | Example News")).title ==
        "Bridge opens");
}

TEST_CASE("a dateline just under the h1 dates the page when nothing else does",
          "[meta][html][body]") {
  CHECK(date_of("<h1>Bridge opens at last</h1><div class=\"meta\">Berlin, 2. November 2021"
                "</div>") == "2021-11-02");
  // A sentence that mentions a date is not a dateline.
  CHECK(date_of("<h1>Bridge opens at last</h1><p>The bridge was planned to open on "
                "July 4, 2011 but the work took longer.</p>")
            .empty());
}

TEST_CASE("character references escaped twice in meta tags are decoded", "[meta][html]") {
  CHECK(read(html_doc({{"og:title", "Rock &#8216;n&#x2019; roll &amp;amp; more"}})).title ==
        "Rock \xE2\x80\x98n\xE2\x80\x99 roll &amp; more");
}

TEST_CASE("a text whose script is one language's own is in that language", "[meta][cleaner]") {
  const webclean::Cleaner cleaner{webclean::Options{}};
  webclean::DocumentInfo text;
  text.kind = webclean::InputKind::kText;
  CHECK(cleaner
            .clean("\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xA7\xE3\x81\xAF\xE9\x9B\xA8\xE3\x81"
                   "\x8C\xE9\x99\x8D\xE3\x81\xA3\xE3\x81\xA6\xE3\x81\x84\xE3\x81\xBE\xE3\x81"
                   "\x99\xE3\x80\x82 Tokyo news.\n",
                   text)
            .metadata.language == "ja");  // 東京では雨が降っています。
  CHECK(
      cleaner
          .clean("\xE5\x8C\x97\xE4\xBA\xAC\xE4\xB8\x8B\xE9\x9B\xA8\xE4\xBA\x86\xE3\x80\x82\n", text)
          .metadata.language == "zh");  // 北京下雨了。
  // English prose is English, though other lists carry English words too.
  CHECK(cleaner
            .clean("The council said that the new bridge will open in the spring and that the "
                   "cost of the work has grown since the project began, as many had feared.\n",
                   text)
            .metadata.language == "en");
}

namespace {

// A product page's body (an h1 and a price line) and its JSON-LD.
Document product_doc(std::string json_ld, webclean::PageType type = webclean::PageType::kProduct) {
  Document doc = html_doc({}, {std::move(json_ld)});
  doc.page_type = type;
  Block h1;
  h1.text = "Trail stove";
  h1.kind = Kind::kHeading;
  h1.heading_level = 1;
  h1.node = 0;
  Block price;
  price.text = "$89.00";
  price.node = 0;
  doc.blocks = {h1, price};
  return doc;
}

// The description as the Cleaner adds it: found by the metadata stage,
// inserted by the filter chain. Its index, or the number of blocks.
size_t add_product_description(Document& doc) {
  std::optional<webclean::meta::DeclaredBlock> declared =
      webclean::meta::product_description_block(doc);
  if (!declared) return doc.blocks.size();
  return webclean::filter::insert_declared_description(doc, std::move(declared->text),
                                                       declared->at);
}

constexpr const char* kStoveLd =
    R"({"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"Shop"},)"
    R"({"@type":["Product"],"name":"Trail stove","description":"<p>A titanium stove that )"
    R"(weighs 45 g &amp; boils a litre in <b>three</b> minutes.</p>"}]})";

}  // namespace

TEST_CASE("a product page's JSON-LD description becomes a block after its h1, without tags",
          "[meta][html]") {
  Document doc = product_doc(kStoveLd);
  const size_t at = add_product_description(doc);
  REQUIRE(at == 1);
  REQUIRE(doc.blocks.size() == 3);
  const Block& b = doc.blocks[1];
  CHECK(b.text == "A titanium stove that weighs 45 g & boils a litre in three minutes.");
  CHECK(b.declared);
  CHECK(b.node == -1);
  // Not the page's text yet: the product step of the filters decides.
  CHECK_FALSE(b.decision.keep);
  CHECK(b.decision.reason.find("JSON-LD") != std::string::npos);
  CHECK(doc.blocks[2].text == "$89.00");
}

TEST_CASE("a '<' that opens no tag stays in a JSON-LD product description", "[meta][html]") {
  Document doc = product_doc(
      R"({"@type":"Product","description":"Fits pots < 12 cm and > 8 cm across, <br/>folds flat."})");
  REQUIRE(add_product_description(doc) == 1);
  CHECK(doc.blocks[1].text == "Fits pots < 12 cm and > 8 cm across, folds flat.");
}

TEST_CASE("a percent-encoded JSON-LD product description is decoded", "[meta][html]") {
  Document doc = product_doc(
      R"({"@type":"Product","description":"An%20elegant%20sofa%2C%20caf%C3%A9%20au%20lait%20linen%2C%20100%25%20feather."})");
  REQUIRE(add_product_description(doc) == 1);
  CHECK(doc.blocks[1].text == "An elegant sofa, caf\xC3\xA9 au lait linen, 100% feather.");
}

TEST_CASE("a JSON-LD product description is left as written when decoding would not give UTF-8",
          "[meta][html]") {
  // %C0%AF is an overlong '/'; a description with spaces is not encoded.
  const char* encoded = "Bad%20bytes%C0%AF%20inside%20this%20long%20product%20description";
  Document doc =
      product_doc(std::string(R"({"@type":"Product","description":")") + encoded + R"("})");
  REQUIRE(add_product_description(doc) == 1);
  CHECK(doc.blocks[1].text == encoded);
  Document spaced = product_doc(
      R"({"@type":"Product","description":"Sale: 20%20 off today only, on every titanium stove."})");
  REQUIRE(add_product_description(spaced) == 1);
  CHECK(spaced.blocks[1].text == "Sale: 20%20 off today only, on every titanium stove.");
}

TEST_CASE("only product pages get a block from a JSON-LD description", "[meta][html]") {
  Document article = product_doc(kStoveLd, webclean::PageType::kArticle);
  CHECK(add_product_description(article) == article.blocks.size());
  CHECK(article.blocks.size() == 2);
}

TEST_CASE("a JSON-LD product description of a few words adds no block", "[meta][html]") {
  Document doc = product_doc(R"({"@type":"Product","name":"Stove","description":"A stove."})");
  CHECK(add_product_description(doc) == doc.blocks.size());
  Document other = product_doc(
      R"({"@type":"Organization","description":"We make stoves and pots for campers since 1990."})");
  CHECK(add_product_description(other) == other.blocks.size());
}
