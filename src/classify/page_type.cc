#include "classify/page_type.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <memory>
#include <memory_resource>
#include <unordered_map>

#include "base/url.h"
#include "classify/params.h"

namespace webclean {

namespace {
constexpr std::array<const char*, 8> kTypeNames = {
    "auto", "article", "forum", "product", "collection", "listing", "documentation", "service"};
}  // namespace

const char* page_type_name(PageType type) {
  return kTypeNames[size_t(type)];
}

std::optional<PageType> page_type_from_name(std::string_view name) {
  for (size_t i = 0; i < kTypeNames.size(); ++i) {
    if (name == kTypeNames[i]) return PageType(i);
  }
  return std::nullopt;
}

namespace classify {
namespace {

constexpr size_t kTypes = kTypeNames.size();

struct Vote {
  int weight;
  std::string signal;
};

// The votes of every signal found, by type.
class Ballot {
 public:
  void add(PageType type, int weight, std::string signal) {
    votes_[size_t(type)].push_back(Vote{weight, std::move(signal)});
    totals_[size_t(type)] += weight;
  }
  // The type with the most votes, if it has kMinVotes; ties go to the
  // type listed first (article before the others).
  PageTypeDecision decide() {
    size_t best = size_t(PageType::kArticle);
    for (size_t t = best + 1; t < kTypes; ++t) {
      if (totals_[t] > totals_[best] && totals_[t] >= kMinVotes) best = t;
    }
    PageTypeDecision decision;
    decision.type = PageType(best);
    std::vector<Vote>& votes = votes_[best];
    std::stable_sort(votes.begin(), votes.end(),
                     [](const Vote& a, const Vote& b) { return a.weight > b.weight; });
    for (Vote& vote : votes) decision.signals.push_back(std::move(vote.signal));
    return decision;
  }

 private:
  std::array<std::vector<Vote>, kTypes> votes_;
  std::array<int, kTypes> totals_{};
};

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  return out;
}

// --- schema.org types (JSON-LD and microdata) ---

// How many times each schema.org type is named, JSON-LD and microdata together.
using TypeCounts = std::unordered_map<std::string, int>;

void count_json_ld_types(const std::vector<std::string>& scripts, TypeCounts& counts) {
  // The first type of each "@type" (a list names the main one first).
  static const RE2 type_re{R"re("@type"\s*:\s*\[?\s*"(?:https?://schema\.org/)?([A-Za-z]+)")re"};
  constexpr std::string_view kKey = "\"@type\"";
  std::string type;
  for (const std::string& script : scripts) {
    // Every match starts with the key and ends at the second quote after
    // it: find both with plain searches and match between them (the regex
    // would read the whole script).
    std::string_view rest(script);
    for (size_t at = rest.find(kKey); at != std::string_view::npos; at = rest.find(kKey)) {
      const size_t open = rest.find('"', at + kKey.size());
      const size_t close = open == std::string_view::npos ? open : rest.find('"', open + 1);
      const size_t end = close == std::string_view::npos ? rest.size() : close + 1;
      re2::StringPiece input(rest.data() + at, end - at);
      if (RE2::Consume(&input, type_re, &type)) {
        ++counts[type];
        rest.remove_prefix(size_t(input.data() - rest.data()));
      } else {
        rest.remove_prefix(at + 1);
      }
    }
  }
}

void count_microdata_types(const block::Document& doc, TypeCounts& counts) {
  for (const block::Node& node : doc.nodes) {
    if (node.itemtype.empty()) continue;
    std::string_view type = node.itemtype;
    type = type.substr(type.find_last_of('/') + 1);
    type = type.substr(0, type.find_first_of(" \t\n"));
    if (!type.empty()) ++counts[std::string(type)];
  }
}

int count_of(const TypeCounts& counts, const char* type) {
  const auto it = counts.find(type);
  return it == counts.end() ? 0 : it->second;
}

struct SchemaType {
  const char* name;
  PageType type;
  int weight;
};

// schema.org types that name what a page is. Article types are template
// votes: WordPress SEO plugins put Article on every page of a site.
constexpr SchemaType kSchemaTypes[] = {
    {"DiscussionForumPosting", PageType::kForum, kThreadDeclaredVote},
    {"QAPage", PageType::kForum, kThreadDeclaredVote},
    {"ProductGroup", PageType::kProduct, kDeclaredVote},
    {"OfferCatalog", PageType::kCollection, kDeclaredVote},
    {"SearchResultsPage", PageType::kListing, kDeclaredVote},
    {"TechArticle", PageType::kDocumentation, kDeclaredVote},
    {"APIReference", PageType::kDocumentation, kDeclaredVote},
    {"Service", PageType::kService, kDeclaredVote},
    {"ProfessionalService", PageType::kService, kDeclaredVote},
    {"LocalBusiness", PageType::kService, kTemplateVote},
    // Shops and software pages answer questions too: a hint only.
    {"FAQPage", PageType::kService, kWeakUrlVote},
    {"AboutPage", PageType::kService, kDeclaredVote},
    {"ContactPage", PageType::kService, kTemplateVote},
    {"NewsArticle", PageType::kArticle, kDeclaredVote},
    {"BlogPosting", PageType::kArticle, kDeclaredVote},
    {"Report", PageType::kArticle, kDeclaredVote},
    {"ScholarlyArticle", PageType::kArticle, kDeclaredVote},
    {"OpinionNewsArticle", PageType::kArticle, kDeclaredVote},
    {"Recipe", PageType::kArticle, kTemplateVote},
};

void vote_schema_types(const TypeCounts& counts, Ballot& ballot) {
  for (const SchemaType& known : kSchemaTypes) {
    if (count_of(counts, known.name) > 0) {
      ballot.add(known.type, known.weight, std::string("schema.org ") + known.name);
    }
  }
  // Products in an ItemList or CollectionPage are a shop's grid; outside a
  // list they are a product page's own, its variants and related items (on
  // the tuning half 5 of 6 pages with several Products and no list are
  // product pages, none a collection: a grid's cards show prices, which
  // vote on their own).
  const int products = count_of(counts, "Product");
  const bool list = count_of(counts, "ItemList") + count_of(counts, "CollectionPage") > 0;
  if (products > 0 && list) {
    ballot.add(PageType::kCollection, kDeclaredVote,
               "schema.org " + std::to_string(products) + " Product in a list");
  } else if (products > 0) {
    ballot.add(PageType::kProduct, kDeclaredVote,
               products == 1 ? std::string("schema.org Product")
                             : "schema.org " + std::to_string(products) + " Product (variants)");
  } else if (list) {
    ballot.add(PageType::kListing, kTemplateVote, "schema.org ItemList/CollectionPage");
  }
  // Questions with answers outside an FAQ are a Q&A thread.
  if (count_of(counts, "Question") > 0 && count_of(counts, "FAQPage") == 0) {
    ballot.add(PageType::kForum, kTemplateVote, "schema.org Question");
  }
}

// --- meta tags ---

std::string meta_value(const block::PageHints& hints, std::string_view key) {
  for (const auto& [name, value] : hints.meta) {
    if (name == key) return lower(value);
  }
  return {};
}

void vote_og_type(const block::PageHints& hints, Ballot& ballot) {
  const std::string og = meta_value(hints, "og:type");
  if (og == "product" || og == "og:product") {
    ballot.add(PageType::kProduct, kDeclaredVote, "og:type product");
  } else if (og == "product.group") {
    ballot.add(PageType::kCollection, kDeclaredVote, "og:type product.group");
  }
  if (!meta_value(hints, "product:price:amount").empty()) {
    ballot.add(PageType::kProduct, kDeclaredVote, "product:price:amount");
  }
}

// WordPress SEO plugins write og:type article on every page, with
// article:published_time on posts only: a page (About, Services, Pricing)
// has article:modified_time alone.
bool is_wordpress_page(const block::PageHints& hints) {
  return meta_value(hints, "article:published_time").empty() &&
         !meta_value(hints, "article:modified_time").empty();
}

// schema.org Article, og:type article and article:published_time: the
// article markup of a site's template (Yoast writes all three, on its
// service pages as well), one signal however many of them a page has.
void vote_article_template(const TypeCounts& counts, const block::PageHints& hints,
                           Ballot& ballot) {
  std::string signal;
  const auto name = [&](const char* what) {
    signal += (signal.empty() ? "" : ", ") + std::string(what);
  };
  const bool published = !meta_value(hints, "article:published_time").empty();
  if (count_of(counts, "Article") > 0) name("schema.org Article");
  if (meta_value(hints, "og:type") == "article" && !is_wordpress_page(hints))
    name("og:type article");
  if (published) name("article:published_time");
  if (!signal.empty())
    ballot.add(PageType::kArticle, kTemplateVote, "article template (" + signal + ")");
}

struct Platform {
  // In the generator tag (lower case), or a class or id token; a view, so
  // that the tokens of every element compare lengths before bytes.
  std::string_view marker;
  const char* name;
  PageType type;
};

// Generator tags of forum and documentation software.
constexpr Platform kGenerators[] = {
    {"discourse", "Discourse", PageType::kForum},
    {"vbulletin", "vBulletin", PageType::kForum},
    {"xenforo", "XenForo", PageType::kForum},
    {"phpbb", "phpBB", PageType::kForum},
    {"invision", "Invision", PageType::kForum},
    {"nodebb", "NodeBB", PageType::kForum},
    {"mediawiki", "MediaWiki", PageType::kDocumentation},
    {"sphinx", "Sphinx", PageType::kDocumentation},
    {"docutils", "Docutils", PageType::kDocumentation},
    {"docusaurus", "Docusaurus", PageType::kDocumentation},
    {"mkdocs", "MkDocs", PageType::kDocumentation},
    {"rustdoc", "rustdoc", PageType::kDocumentation},
    {"gitbook", "GitBook", PageType::kDocumentation},
    {"vitepress", "VitePress", PageType::kDocumentation},
    {"doxygen", "Doxygen", PageType::kDocumentation},
};

void vote_generator(const block::PageHints& hints, Ballot& ballot) {
  const std::string generator = meta_value(hints, "generator");
  if (generator.empty()) return;
  for (const Platform& p : kGenerators) {
    if (contains(generator, p.marker)) {
      ballot.add(p.type, kPlatformVote, std::string(p.name) + " generator");
      return;
    }
  }
}

// Class and id tokens the platforms write on their posts and content boxes.
constexpr Platform kMarkup[] = {
    {"topic-post", "Discourse", PageType::kForum},
    {"postbody", "phpBB", PageType::kForum},
    {"postprofile", "phpBB", PageType::kForum},
    {"postbit", "vBulletin", PageType::kForum},
    {"postbitlegacy", "vBulletin", PageType::kForum},
    {"message--post", "XenForo", PageType::kForum},
    {"bbWrapper", "XenForo", PageType::kForum},
    {"ipsComment", "Invision", PageType::kForum},
    {"cPost", "Invision", PageType::kForum},
    {"answercell", "Stack Exchange", PageType::kForum},
    {"PostUser-name", "Flarum", PageType::kForum},
    {"postcell", "Stack Exchange", PageType::kForum},
    {"mw-parser-output", "MediaWiki", PageType::kDocumentation},
    {"sphinxsidebar", "Sphinx", PageType::kDocumentation},
    {"rst-content", "Sphinx", PageType::kDocumentation},
    {"bd-article", "Sphinx", PageType::kDocumentation},
    {"theme-doc-markdown", "Docusaurus", PageType::kDocumentation},
    {"md-content", "MkDocs", PageType::kDocumentation},
    {"product_title", "WooCommerce", PageType::kProduct},
    {"single-product", "WooCommerce", PageType::kProduct},
    {"product-single", "Shopify", PageType::kProduct},
};

// Calls f(token) for each whitespace-separated token of `list`.
template <typename F>
void for_each_token(std::string_view list, F&& f) {
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  size_t start = 0;
  for (size_t i = 0; i <= list.size(); ++i) {
    if (i < list.size() && !space(list[i])) continue;
    if (i > start) f(list.substr(start, i - start));
    start = i + 1;
  }
}

// Bit n set when some platform marker is n bytes long: most class tokens
// of a page are ruled out by their length before any comparison.
constexpr uint64_t marker_lengths() {
  uint64_t mask = 0;
  for (const Platform& p : kMarkup) mask |= uint64_t{1} << p.marker.size();
  return mask;
}

void vote_platform_markup(const block::Document& doc, Ballot& ballot) {
  constexpr uint64_t kLengths = marker_lengths();
  std::array<size_t, std::size(kMarkup)> hits{};
  const auto count = [&](std::string_view token) {
    if (token.size() >= 64 || ((kLengths >> token.size()) & 1) == 0) return;
    for (size_t i = 0; i < std::size(kMarkup); ++i) {
      if (token == kMarkup[i].marker) ++hits[i];
    }
  };
  for (const block::Node& node : doc.nodes) {
    for_each_token(node.classes, count);
    if (!node.id.empty()) count(node.id);
  }
  // One vote per platform: its most frequent marker names it.
  std::array<bool, kTypes> voted{};
  for (size_t i = 0; i < hits.size(); ++i) {
    if (hits[i] == 0 || voted[size_t(kMarkup[i].type)]) continue;
    voted[size_t(kMarkup[i].type)] = true;
    // A forum's post markup on post after post is a thread as surely as a
    // declaration (19 of 19 such pages of the tuning half).
    const bool thread = kMarkup[i].type == PageType::kForum && hits[i] >= kMinPosts;
    ballot.add(kMarkup[i].type, thread ? kThreadDeclaredVote : kPlatformVote,
               std::string(kMarkup[i].name) + " markup (" + std::to_string(hits[i]) + " ." +
                   std::string(kMarkup[i].marker) + ")");
  }
}

// WordPress names the kind of page in the body's classes: an archive of
// posts ("archive category", "archive tag", "archive author", "archive
// date") or search results ("search search-results"); a shop's category
// is an archive too ("archive tax-product_cat"), but not of posts.
void vote_wordpress_archive(const block::Document& doc, Ballot& ballot) {
  const int32_t body = block::body_node(doc);
  if (body < 0) return;
  bool archive = false;
  const char* kind = nullptr;
  for_each_token(doc.nodes[static_cast<size_t>(body)].classes, [&](std::string_view token) {
    archive = archive || token == "archive" || token == "search";
    for (const char* posts : {"category", "tag", "author", "date", "search-results"}) {
      if (token == posts) kind = posts;
    }
  });
  if (archive && kind != nullptr) {
    ballot.add(PageType::kListing, kPlatformVote,
               std::string("WordPress body class ") + kind + " (an archive of posts)");
  }
}

// WordPress gives a Page (About, Services, a landing page), not a post,
// the body class "page-id-N"; Yoast writes the article markup and the
// publication time on it as on a post: there they date nothing.
bool is_wordpress_static_page(const block::Document& doc) {
  const int32_t body = block::body_node(doc);
  if (body < 0) return false;
  bool page = false;
  for_each_token(doc.nodes[static_cast<size_t>(body)].classes,
                 [&](std::string_view token) { page = page || token.substr(0, 8) == "page-id-"; });
  return page;
}

// --- URL ---

struct UrlShape {
  const char* pattern;  // RE2, matched against the lower-case path and query
  const char* shown;    // as --explain names it
  PageType type;
  int weight;
};

// Path shapes of the common platforms and conventions: Discourse's
// /t/slug/123, XenForo's /threads/, phpBB's viewtopic.php, vBulletin's
// showthread.php, Stack Exchange's /questions/123, Shopify's /products/ and
// /collections/, WooCommerce's /product/ and /product-category/, /docs/.
// A section's page may be served as a file: "/services.html",
// "/news.php", "/search.aspx" are "/services/", "/news", "/search/".
constexpr UrlShape kUrlShapes[] = {
    {"^/t/[^/]+/\\d+|^/t/\\d+/", "/t/…/123", PageType::kForum, kUrlVote},
    {"/threads?/[^/]+", "/threads/", PageType::kForum, kUrlVote},
    {"/topics?/\\d+", "/topic/123", PageType::kForum, kUrlVote},
    {"(?:viewtopic|showthread|showtopic)\\.php", "viewtopic.php", PageType::kForum, kUrlVote},
    {"/questions/\\d+", "/questions/123", PageType::kForum, kUrlVote},
    {"/(?:discussions?|forums?|community)/", "/forum/", PageType::kForum, kUrlVote},
    {"/comments/\\w+/", "/comments/…/", PageType::kForum, kUrlVote},
    {"/products?/[^/?]+", "/product/…", PageType::kProduct, kUrlVote},
    // "pdp": the product detail page, as shops name it in their paths.
    {"/(?:p|dp|pdp|itm|item|gp/product)/[^/?]+", "/p/…", PageType::kProduct, kUrlVote},
    // Shopify's plural: editorial sites name a set of essays or guides /collection/.
    {"/collections/[^/?]+$|/collections/[^/?]+/?(?:\\?|$)", "/collections/…", PageType::kCollection,
     kUrlVote},
    {"/product-categor(?:y|ies)/|/shop/?(?:\\?|$)", "/product-category/", PageType::kCollection,
     kUrlVote},
    // Category pages of large shops (/c/tents); Discourse's categories use it too.
    {"/c/[^/?]+", "/c/…", PageType::kCollection, kWeakUrlVote},
    {"/(?:docs?|documentation|reference|manual|man-?pages|api|support|help|handbook)/", "/docs/",
     PageType::kDocumentation, kDocsAddressVote},
    {"/(?:guides?|tutorials?|wiki|howto)/", "/guide/", PageType::kDocumentation, kWeakUrlVote},
    {"/(?:services?|solutions?|features?|pricing|plans|about(?:-us)?|contact(?:-us)?)(?:/"
     "|$|\\?|\\.(?:s?html?|php|aspx?)(?:\\?|$))",
     "/services/", PageType::kService, kUrlVote},
    // A line of business named in a segment (/application-services/,
    // /data-analytics-services, /what-we-do/): the sites of firms.
    {"[-_]services?(?:[-_/.]|$)|/services?[-_]|/(?:what-we-do|capabilities|industries|why-us)(?:/"
     "|$)",
     "/…-services/", PageType::kService, kUrlVote},
    {"/(?:search|tags?|categor(?:y|ies)|archives?|topics)(?:/"
     "|$|\\?|\\.(?:s?html?|php|aspx?)(?:\\?|$))|/page/\\d+",
     "/search/", PageType::kListing, kUrlVote},
    // A section's root lists its items: /news, /blog/, /latest.
    {"/(?:news|blog|latest|articles|posts|stories|events)(?:/"
     "?(?:\\?|$)|\\.(?:s?html?|php|aspx?)(?:\\?|$))",
     "/news", PageType::kListing, kUrlVote},
    {"/(?:19|20)\\d\\d/[01]?\\d/", "/2024/09/", PageType::kArticle, kUrlVote},
    {"/(?:news|blog|blogs|articles?|posts?|stories|story|insights)/[^/?]+", "/blog/…",
     PageType::kArticle, kUrlVote},
};

// The path and query of an absolute URL ("" for a relative one).
std::string_view path_of(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  const size_t path = url.find('/', scheme + 3);
  if (path == std::string_view::npos) return "/";
  std::string_view rest = url.substr(path);
  return rest.substr(0, rest.find('#'));
}

// Runs of characters other than `separators`: the words of a title, or
// of a URL slug whose words are joined by '-'.
size_t count_words(std::string_view text, std::string_view separators) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool separator = separators.find(c) != std::string_view::npos;
    words += !separator && !in_word ? 1 : 0;
    in_word = !separator;
  }
  return words;
}

// Words of the path's last segment ("/2024/why-cats-purr-so-loud.html":
// 5): publishing software makes an article's slug from its headline.
size_t slug_words(std::string_view path) {
  path = path.substr(0, path.find('?'));
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  std::string_view slug = path.substr(path.find_last_of('/') + 1);
  slug = slug.substr(0, slug.find('.'));
  return count_words(slug, "-_+");
}

// The URL shapes in one set, compiled once (immutable after the first
// call, which C++ makes thread-safe): a path is read once, not once a shape.
const RE2::Set& url_shape_set() {
  static const RE2::Set* set = [] {
    auto* s = new RE2::Set(RE2::Options(), RE2::UNANCHORED);
    for (const UrlShape& shape : kUrlShapes) s->Add(shape.pattern, nullptr);
    s->Compile();
    return s;
  }();
  return *set;
}

// Hosts that serve documentation and help centres: docs.*, docs-*,
// developer(s).*, support.*, help.*.
bool is_docs_host(std::string_view host) {
  for (const char* prefix : {"docs.", "docs-", "developer.", "developers.", "support.", "help."}) {
    if (host.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

// The path of a site's front page: "/", with or without a query.
bool is_front_page(std::string_view path) {
  return path == "/" || path.rfind("/?", 0) == 0;
}

// Returns true when the path has the shape of a forum's address.
bool vote_url(std::string_view url, Ballot& ballot) {
  const std::string path = lower(path_of(url));
  if (path.empty()) return false;
  std::vector<int> matched;
  url_shape_set().Match(path, &matched);
  // The first shape of each type in the table votes.
  std::sort(matched.begin(), matched.end());
  std::array<bool, kTypes> voted{};
  for (const int i : matched) {
    const UrlShape& shape = kUrlShapes[size_t(i)];
    if (voted[size_t(shape.type)]) continue;
    voted[size_t(shape.type)] = true;
    ballot.add(shape.type, shape.weight, std::string("URL ") + shape.shown);
  }
  // A site's front page lists what is inside; docs.* and developer.* hosts
  // hold documentation.
  if (is_front_page(path)) {
    ballot.add(PageType::kListing, kWeakUrlVote, "URL /");
    ballot.add(PageType::kService, kStructureVote, "URL / (a business's front page)");
  }
  const size_t words = slug_words(path);
  if (words >= kMinArticleSlugWords) {
    ballot.add(PageType::kArticle, kStructureVote,
               "URL slug of " + std::to_string(words) + " words (a headline)");
  }
  const std::string host = base::host_of(url);
  if (is_docs_host(host)) {
    ballot.add(PageType::kDocumentation, kDocsAddressVote, "host " + host + " (docs)");
  }
  return voted[size_t(PageType::kForum)];
}

// --- title ---

// The page's title without the site's name a template appends ("How
// cats purr | The Daily Cat": "How cats purr").
std::string_view title_without_site(std::string_view title) {
  for (const char* separator :
       {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " \xC2\xBB "}) {
    title = title.substr(0, title.find(separator));
  }
  return title;
}

// A title that reads as a sentence is a headline: a shop's, a service's,
// a listing's or a docs page's titles name a thing in a few words.
void vote_headline_title(const block::PageHints& hints, Ballot& ballot) {
  const size_t words = count_words(title_without_site(hints.title), " \t\n");
  if (words >= kMinHeadlineTitleWords) {
    ballot.add(PageType::kArticle, kSignedVote,
               "title of " + std::to_string(words) + " words (a headline)");
  }
}

// The titles publishing software gives the pages that list others: a
// WordPress archive's "Cycling Archives" (its default and Yoast's for
// category, tag and author archives), "Search Results for ...", and the
// "Page 2 of 9" of an archive's later pages.
void vote_listing_title(const block::PageHints& hints, Ballot& ballot) {
  static const RE2 archive{kArchiveTitlePattern};
  static const RE2 search{kSearchTitlePattern};
  static const RE2 page_of{kPageOfTitlePattern};
  const std::string_view head = title_without_site(hints.title);
  const char* what = RE2::FullMatch(head, archive)          ? "an archive's title (… Archives)"
                     : RE2::FullMatch(head, search)         ? "a title of search results"
                     : RE2::FullMatch(hints.title, page_of) ? "a title of page N of M"
                                                            : nullptr;
  if (what != nullptr) ballot.add(PageType::kListing, kDeclaredVote, what);
}

// --- structure ---

// A price: a currency sign or code next to a number ("$12.99", "12,99 €",
// "EUR 12"). Read only in short blocks, where it is a label, not prose.
// True when `text` holds $, €, £, ¥, EUR, USD or GBP: one pass over the
// bytes, where a search for each sign took seven.
bool has_currency_sign(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = text.substr(i);
    switch (text[i]) {
      case '$':
        return true;
      case '\xE2':
        if (rest.rfind("\xE2\x82\xAC", 0) == 0) return true;
        break;
      case '\xC2':
        if (rest.rfind("\xC2\xA3", 0) == 0 || rest.rfind("\xC2\xA5", 0) == 0) return true;
        break;
      case 'E':
        if (rest.rfind("EUR", 0) == 0) return true;
        break;
      case 'U':
        if (rest.rfind("USD", 0) == 0) return true;
        break;
      case 'G':
        if (rest.rfind("GBP", 0) == 0) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

bool looks_like_price(std::string_view text) {
  if (text.size() > kMaxPriceBlockBytes || !has_currency_sign(text)) return false;
  static const RE2 price{kPricePattern};
  return RE2::PartialMatch(text, price);
}

// What the blocks inside each element hold: characters, prices, and
// whether an author and a date sit inside it.
struct NodeTotals {
  uint32_t chars = 0;
  uint32_t link_chars = 0;
  uint16_t prices = 0;
  bool author = false;
  bool date = false;
};

// Returns the number of blocks showing a price. Each block and hint is
// added to its own element, then each element to its parent, last element
// first: nodes are stored parents-first, so an element is complete before
// it is added up (one pass over the nodes, not one walk up a block).
size_t add_up(const block::Document& doc, std::vector<NodeTotals>& totals) {
  size_t prices = 0;
  for (const block::Block& b : doc.blocks) {
    const bool price = looks_like_price(b.text);
    prices += price ? 1 : 0;
    if (b.node < 0) continue;
    NodeTotals& t = totals[size_t(b.node)];
    t.chars += b.features.chars;
    t.link_chars += b.features.link_chars;
    t.prices += price ? 1 : 0;
  }
  for (const block::BylineHint& h : doc.hints.bylines) {
    if (h.node >= 0) totals[size_t(h.node)].author = true;
  }
  for (const block::DateHint& h : doc.hints.dates) {
    if (h.node >= 0) totals[size_t(h.node)].date = true;
  }
  for (size_t i = doc.nodes.size(); i-- > 0;) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent < 0) continue;
    NodeTotals& up = totals[size_t(parent)];
    const NodeTotals& t = totals[i];
    up.chars += t.chars;
    up.link_chars += t.link_chars;
    up.prices += t.prices;
    up.author = up.author || t.author;
    up.date = up.date || t.date;
  }
  return prices;
}

// The page's landmark chrome (<nav>, <aside>, and the page's own <header>
// and <footer>) and what is inside it: a site's mega-menu is a grid of
// links on every page of the site, whatever the page is. A <header> or
// <footer> inside an <article>, <main> or <section> is that box's own (a
// teaser's title and byline), as ARIA reads it: not the page's banner.
std::vector<bool> in_landmarks(const block::Document& doc) {
  std::vector<bool> chrome(doc.nodes.size(), false);
  std::vector<bool> in_section(doc.nodes.size(), false);
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const block::Node& node = doc.nodes[i];
    const int32_t parent = node.parent;
    const bool parent_in_section = parent >= 0 && in_section[size_t(parent)];
    in_section[i] =
        parent_in_section || node.tag == "article" || node.tag == "main" || node.tag == "section";
    const bool page_part = (node.tag == "header" || node.tag == "footer") && !parent_in_section;
    const bool landmark = node.tag == "nav" || node.tag == "aside" || page_part;
    chrome[i] = landmark || (parent >= 0 && chrome[size_t(parent)]);
  }
  return chrome;
}

// The text of the whole page, and of the page outside its landmark chrome.
struct TextTotals {
  size_t chars = 0;
  size_t link_chars = 0;
};
struct PageText {
  TextTotals all;
  TextTotals outside;  // all, for a page all chrome (content drawn by script)
};

PageText page_text(const block::Document& doc, const std::vector<bool>& chrome) {
  PageText text;
  for (const block::Block& b : doc.blocks) {
    text.all.chars += b.features.chars;
    text.all.link_chars += b.features.link_chars;
    if (b.node >= 0 && chrome[size_t(b.node)]) continue;
    text.outside.chars += b.features.chars;
    text.outside.link_chars += b.features.link_chars;
  }
  if (text.outside.chars == 0) text.outside = text.all;
  return text;
}

// Siblings of one tag and class list under one parent.
struct SiblingGroup {
  size_t members = 0;
  size_t cards = 0;       // members with a card's length of text
  size_t priced = 0;      // cards showing a price
  size_t posts = 0;       // members holding an author and a date
  size_t card_chars = 0;  // the text of the cards
};

uint64_t sibling_key(const block::Node& node) {
  const uint64_t h =
      std::hash<std::string>{}(node.tag) * 31 + std::hash<std::string>{}(node.classes);
  return h * 1000003u + uint64_t(uint32_t(node.parent));
}

// Returns the number of sibling posts with an author and a date.
size_t vote_structure(const block::Document& doc, Ballot& ballot) {
  std::vector<NodeTotals> totals(doc.nodes.size());
  const size_t prices = add_up(doc, totals);
  // The groups' entries come from one buffer, not one allocation each (a
  // page has hundreds); the map itself, and so the order it is read in
  // below, is the same.
  std::array<std::byte, 32 * 1024> buffer;
  std::pmr::monotonic_buffer_resource arena(buffer.data(), buffer.size());
  std::pmr::unordered_map<uint64_t, SiblingGroup> groups(&arena);
  const std::vector<bool> chrome = in_landmarks(doc);
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const block::Node& node = doc.nodes[i];
    if (node.parent < 0 || chrome[i]) continue;
    SiblingGroup& g = groups[sibling_key(node)];
    ++g.members;
    const NodeTotals& t = totals[i];
    // A card links to the page it stands for; paragraphs of an article
    // are siblings of one tag too, but not links.
    const bool card =
        t.chars >= kMinCardChars && t.chars <= kMaxCardChars && t.link_chars > 0 && node.tag != "p";
    if (card) {
      ++g.cards;
      g.card_chars += t.chars;
      g.priced += t.prices > 0 ? 1 : 0;
    }
    g.posts += t.author && t.date ? 1 : 0;
  }
  SiblingGroup best_cards, best_posts;
  for (const auto& [key, g] : groups) {
    if (g.cards > best_cards.cards) best_cards = g;
    if (g.posts > best_posts.posts) best_posts = g;
  }
  if (best_posts.posts >= kMinPosts) {
    // Signed and dated posts side by side: as telling as a platform's markup.
    ballot.add(PageType::kForum, kPlatformVote,
               "structure: " + std::to_string(best_posts.posts) + " posts with author and date");
  }
  const PageText text = page_text(doc, chrome);
  const size_t page_chars = text.all.chars;
  // Cards beside an article (related posts) hold a small part of its text.
  const bool card_page =
      double(best_cards.card_chars) >= kMinCardTextShare * double(std::max<size_t>(1, page_chars));
  const bool card_grid = best_cards.cards >= kMinCards && card_page;
  const bool priced = double(best_cards.priced) >= kMinPricedCardShare * double(best_cards.cards);
  // Cards holding most of the page's text are the page: teasers of
  // stories, episodes or entries, not a sidebar beside an article.
  const bool cards_are_page =
      double(best_cards.card_chars) >= kMostCardTextShare * double(std::max<size_t>(1, page_chars));
  if (card_grid && priced) {
    // Cards with prices are a shop's grid as plainly as a declaration.
    ballot.add(PageType::kCollection, kPricedGridVote,
               "structure: " + std::to_string(best_cards.cards) + " repeated cards with prices");
  } else if (card_grid) {
    ballot.add(PageType::kListing, cards_are_page ? kDeclaredVote : kStructureVote,
               "structure: " + std::to_string(best_cards.cards) + " repeated cards" +
                   (cards_are_page ? " holding most of the text" : ""));
  } else if (prices >= kMinProductPrices) {
    ballot.add(PageType::kProduct, kWeakUrlVote, "structure: a price");
  }
  // A page mostly of links (and not a shop's priced grid) lists other pages.
  const double link_share =
      double(text.outside.link_chars) / double(std::max<size_t>(1, text.outside.chars));
  if (link_share >= kMinListingLinkShare && !(card_grid && priced)) {
    // Four fifths of the text in links: a list whatever markup the page has.
    ballot.add(PageType::kListing, link_share >= kManyLinksShare ? kPlatformVote : kStructureVote,
               "structure: " + std::to_string(int(100 * link_share)) + "% of the text in links");
  }
  // An article is a run of prose; service pages speak in short blurbs.
  size_t prose = 0;
  for (const block::Block& b : doc.blocks) {
    const bool long_prose = b.kind == block::Kind::kParagraph &&
                            b.features.chars >= kMinProseChars &&
                            b.features.sentence_ends >= kMinProseSentences &&
                            b.features.link_density() < kMaxProseLinkDensity;
    prose += long_prose ? 1 : 0;
  }
  if (prose >= kMinProseParagraphs) {
    ballot.add(PageType::kArticle, kStructureVote,
               "structure: " + std::to_string(prose) + " paragraphs of prose");
  }
  size_t code = 0;
  for (const block::Block& b : doc.blocks) code += b.kind == block::Kind::kPre ? 1 : 0;
  if (code >= kMinCodeBlocks) {
    // An article that quotes code has a few blocks; a reference page's
    // examples run through it.
    ballot.add(PageType::kDocumentation, code >= kManyCodeBlocks ? kDeclaredVote : kStructureVote,
               "structure: " + std::to_string(code) + " code blocks");
  }
  return best_posts.posts;
}

// A forum's address and signed, dated posts side by side: each alone is
// also found on a blog post with comments, both together on threads only.
void vote_forum_address_with_posts(bool forum_url, size_t posts, Ballot& ballot) {
  if (forum_url && posts >= kMinPosts) {
    ballot.add(PageType::kForum, kForumAddressWithPostsVote,
               "a forum's address with " + std::to_string(posts) + " signed, dated posts");
  }
}

// A meta tag giving the publication date, under the names news and blog
// software write it (the metadata step's page_date reads most of them; it
// does not read publishdate and sailthru.date).
bool has_publication_date_meta(const block::PageHints& hints) {
  for (const char* key : {"article:published_time", "og:published_time", "datepublished", "dc:date",
                          "dcterms:created", "date", "pubdate", "publishdate", "publish-date",
                          "parsely-pub-date", "sailthru.date"}) {
    if (!meta_value(hints, key).empty()) return true;
  }
  return false;
}

// An article is signed or dated; a page with neither, and no other sign
// of what it is, is a business's page about itself.
void vote_unsigned(const block::Document& doc, const TypeCounts& types, bool static_page,
                   Ballot& ballot) {
  const size_t dates = doc.hints.dates.size();
  const bool article_type =
      count_of(types, "Article") + count_of(types, "BlogPosting") + count_of(types, "NewsArticle") >
      0;
  // SEO plugins write datePublished on every WebPage, a service page's too:
  // it dates an article only beside an article type.
  const bool json_ld_dated =
      article_type &&
      std::any_of(doc.hints.json_ld.begin(), doc.hints.json_ld.end(),
                  [](const std::string& s) { return contains(s, "datePublished"); });
  const bool dated = (dates > 0 && dates <= kMaxArticleDates) ||
                     (!static_page && (has_publication_date_meta(doc.hints) || json_ld_dated));
  // A meta author tag is most often the site's or the company's name, written on
  // every page: only a byline in the body signs a page.
  const bool signed_page = !doc.hints.bylines.empty();
  const bool article_markup = (!static_page && meta_value(doc.hints, "og:type") == "article" &&
                               !is_wordpress_page(doc.hints)) ||
                              article_type;
  if (dates > kMaxArticleDates) {
    ballot.add(PageType::kListing, kWeakUrlVote, std::to_string(dates) + " dates");
  } else if (dated) {
    ballot.add(PageType::kArticle, kStructureVote, "dated");
  } else if (signed_page) {
    ballot.add(PageType::kArticle, kSignedVote, "signed");
  } else if (!article_markup)
    ballot.add(PageType::kService, kStructureVote, "no date or author");
}

// A front page dating item after item is a news site's or a blog's front,
// listing its latest stories; a business's front page dates nothing.
void vote_dated_front_page(const block::Document& doc, std::string_view url, Ballot& ballot) {
  const size_t dates = doc.hints.dates.size();
  if (dates >= kFrontPageDates && is_front_page(lower(path_of(url)))) {
    ballot.add(PageType::kListing, kStructureVote,
               "a front page with " + std::to_string(dates) + " dates (latest stories)");
  }
}

// --- short labels: forum, documentation and shop chrome, calls to action ---

// The kinds of short block the decision counts, in the order of kLabelLines.
enum LabelKind : size_t { kForumLabel, kDocsLabel, kCartLabel, kCallLabel, kLabelKinds };

// Each matched against a whole short block, ignoring the punctuation and
// symbols around it.
constexpr const char* kLabelLines[kLabelKinds] = {
    // A post's chrome: its buttons (Reply, Quote), its number (#12), the
    // poster's box (Joined: ..., Posts: ...), a topic's counts (12 replies).
    R"re((?i)\W*(?:(?:reply|quote|report|like|share|permalink|#\d+|\d+ (?:replies|posts|views|likes))\W*|(?:posted by|joined:?|posts:|re:)\s.*))re",
    // A documentation theme's labels: its page outline ("On this page"), its
    // edit and feedback links, its previous/next links between pages.
    R"re((?i)\W*(?:on this page|in this (?:article|page|section)|edit (?:this page|on github)|was this (?:page|article|information|doc) helpful\??|table of contents|contents|previous|next|prev|next steps|see also|feedback)\W*)re",
    // A shop card's button: every product of a grid has one.
    R"re((?i)\W*(?:add to (?:cart|bag|basket)|buy now|quick (?:view|shop|add)|choose options|select options|sold out)\W*)re",
    // A business's call to action: the buttons a service page repeats in
    // its hero, after its sections and at its foot, to sell what it describes.
    R"re((?i)\W*(?:get started|contact us|learn more|book a (?:demo|call|consultation)|request a (?:demo|quote|consultation)|get a (?:quote|demo)|schedule a (?:call|consultation|demo)|start (?:your )?free trial|try (?:it )?(?:for )?free|sign up(?: for free)?|talk to (?:sales|an expert|us))\W*)re",
};

// All the label patterns in one set: a short block is read once, not once
// a pattern (the labels were a quarter of the decision's instructions).
const RE2::Set& label_set() {
  static const RE2::Set* set = [] {
    auto* s = new RE2::Set(RE2::Options(), RE2::ANCHOR_BOTH);
    for (const char* pattern : kLabelLines) s->Add(pattern, nullptr);
    s->Compile();
    return s;
  }();
  return *set;
}

bool is_forum_chrome(std::string_view text) {
  static const RE2 forum_line{kLabelLines[kForumLabel]};
  return RE2::FullMatch(text, forum_line);
}

using LabelCounts = std::array<size_t, kLabelKinds>;
using LabelMask = unsigned;  // bit k: kind k
constexpr LabelMask kForumOnly = 1u << kForumLabel;
constexpr LabelMask kAnyLabel = (1u << kLabelKinds) - 1;

// The kinds whose phrases begin with each letter (lower case), from the
// alternatives of kLabelLines: a label starting with another letter is
// none of them. Digits begin a forum post's number or counts only.
constexpr std::array<LabelMask, 26> label_kinds_by_letter() {
  std::array<LabelMask, 26> kinds{};
  const auto mark = [&kinds](LabelKind kind, std::string_view letters) {
    for (char c : letters) kinds[size_t(c - 'a')] |= 1u << kind;
  };
  mark(kForumLabel, "rqlspj");     // reply, quote, like, share, posted by, joined
  mark(kDocsLabel, "oiewtcpnsf");  // on this page, in this, edit, was this, ...
  mark(kCartLabel, "abqcs");       // add to cart, buy now, quick view, ...
  mark(kCallLabel, "gclbrst");     // get started, contact us, learn more, ...
  return kinds;
}

// A label starting with the digit at `at` is a post's number ("#12") or
// counts ("12 replies", "3 posts", "40 views", "5 likes") if anything.
LabelMask possible_number_labels(std::string_view text, size_t at) {
  if (at > 0 && text[at - 1] == '#') return kForumOnly;
  size_t end = at;
  while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
  if (end + 1 >= text.size() || text[end] != ' ') return 0;
  const char next = char(text[end + 1] | 0x20);  // ASCII lower case
  return next == 'r' || next == 'p' || next == 'v' || next == 'l' ? kForumOnly : 0;
}

// The kinds of label `text` may be, from its first letter or digit (the
// patterns skip the punctuation before it): a cheap test that spares most
// short blocks the regex. Every kind when a non-ASCII character comes
// first, which case folding could match (U+017F is an s to RE2's (?i)).
LabelMask possible_labels(std::string_view text) {
  static constexpr std::array<LabelMask, 26> kByLetter = label_kinds_by_letter();
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) return kAnyLabel;
    if (c >= '0' && c <= '9') return possible_number_labels(text, i);
    if (c >= 'a' && c <= 'z') return kByLetter[c - 'a'];
    if (c >= 'A' && c <= 'Z') return kByLetter[c - 'A'];
    if (c == '_') return 0;
  }
  return 0;  // no letter or digit: no label
}

// Forum chrome is read in blocks up to kMaxPriceBlockBytes, the other
// labels in blocks under kMaxLabelBytes; a text dump's lines only for
// forum chrome.
LabelCounts count_labels(const block::Document& doc) {
  LabelCounts counts{};
  std::vector<int> kinds;
  for (const block::Block& b : doc.blocks) {
    const size_t size = b.text.size();
    if (size > kMaxPriceBlockBytes) continue;
    LabelMask possible = possible_labels(b.text);
    if (size >= kMaxLabelBytes || !doc.is_html) possible &= kForumOnly;
    if (possible == 0) continue;
    if (possible == kForumOnly) {
      counts[kForumLabel] += is_forum_chrome(b.text) ? 1 : 0;
      continue;
    }
    kinds.clear();
    label_set().Match(b.text, &kinds);
    for (int kind : kinds) ++counts[size_t(kind)];
  }
  return counts;
}

void vote_forum_chrome(const block::Document& doc, size_t lines, Ballot& ballot) {
  if (lines >= kMinForumLines) {
    // The chrome of six posts or more is a thread; an article's comments
    // show a few.
    ballot.add(PageType::kForum, doc.is_html ? kPlatformVote : kStructureVote,
               "lines: " + std::to_string(lines) + " of forum chrome (Reply, Quote, Posted by)");
  }
}

void vote_labels(const LabelCounts& counts, Ballot& ballot) {
  const size_t docs = counts[kDocsLabel], carts = counts[kCartLabel], calls = counts[kCallLabel];
  if (docs >= kMinDocsLines) {
    ballot.add(PageType::kDocumentation, kStructureVote,
               "lines: " + std::to_string(docs) + " of docs chrome (On this page, Edit this page)");
  }
  if (calls >= kMinCallsToAction) {
    // A page that keeps asking the reader to buy, book or sign up sells a
    // service; an article's template shows one or two such buttons.
    ballot.add(PageType::kService, kStructureVote,
               "lines: " + std::to_string(calls) + " calls to action (Get started, Book a demo)");
  }
  if (carts >= kMinCartButtons) {
    // One button per card: a grid of products, as plain as a declaration.
    ballot.add(PageType::kCollection, kDeclaredVote,
               "lines: " + std::to_string(carts) + " \"Add to cart\" buttons");
  }
}

// --- text dumps ---

void vote_text_lines(const block::Document& doc, Ballot& ballot) {
  vote_forum_chrome(doc, count_labels(doc)[kForumLabel], ballot);
  size_t prices = 0;
  for (const block::Block& b : doc.blocks) {
    if (b.text.size() > kMaxPriceBlockBytes) continue;
    prices += looks_like_price(b.text) ? 1 : 0;
  }
  // A shop's grid is mostly prices and names; an article about prices
  // quotes them in a table or two among its paragraphs.
  const bool grid = double(prices) >= kMinDumpPriceShare * double(doc.blocks.size());
  if (prices >= kMinDumpPrices && grid) {
    ballot.add(PageType::kCollection, kStructureVote,
               "lines: " + std::to_string(prices) + " prices");
  }
}

}  // namespace

PageTypeDecision decide_page_type(const block::Document& doc, std::string_view url) {
  Ballot ballot;
  if (!doc.is_html) {
    vote_text_lines(doc, ballot);
    return ballot.decide();
  }
  TypeCounts types;
  count_json_ld_types(doc.hints.json_ld, types);
  count_microdata_types(doc, types);
  vote_schema_types(types, ballot);
  vote_og_type(doc.hints, ballot);
  const bool static_page = is_wordpress_static_page(doc);
  if (!static_page) vote_article_template(types, doc.hints, ballot);
  vote_generator(doc.hints, ballot);
  vote_platform_markup(doc, ballot);
  vote_wordpress_archive(doc, ballot);
  const bool forum_url = vote_url(url, ballot);
  vote_headline_title(doc.hints, ballot);
  vote_listing_title(doc.hints, ballot);
  const size_t posts = vote_structure(doc, ballot);
  vote_forum_address_with_posts(forum_url, posts, ballot);
  vote_unsigned(doc, types, static_page, ballot);
  vote_dated_front_page(doc, url, ballot);
  const LabelCounts labels = count_labels(doc);
  vote_forum_chrome(doc, labels[kForumLabel], ballot);
  vote_labels(labels, ballot);
  return ballot.decide();
}

std::string describe(PageType type, const std::vector<std::string>& signals) {
  std::string text = page_type_name(type);
  if (signals.empty()) return text + " (default: no signal)";
  text += " (";
  for (size_t i = 0; i < signals.size(); ++i) text += (i ? "; " : "") + signals[i];
  return text + ")";
}

}  // namespace classify
}  // namespace webclean
