#include "meta/html_meta.h"

#include <re2/re2.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace webclean::meta {
namespace {

using json = nlohmann::json;

constexpr int kMaxJsonDepth = 8;            // JSON-LD nests a few levels; deeper is noise
constexpr size_t kMaxSiteSuffixChars = 40;  // "| The Example Gazette" still counts
constexpr int kMaxSiteSuffixWords = 4;

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// Whether the space-separated names of a meta tag ("dc:title og:title")
// include `key`.
bool names_key(std::string_view names, std::string_view key) {
  size_t start = 0;
  while (start <= names.size()) {
    size_t end = names.find(' ', start);
    if (end == std::string_view::npos) end = names.size();
    if (names.substr(start, end - start) == key) return true;
    start = end + 1;
  }
  return false;
}

// The content of the first meta tag named one of `keys`, in key order.
std::string meta_value(const block::PageHints& hints,
                       std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    for (const auto& [name, content] : hints.meta) {
      if (!names_key(name, key)) continue;
      std::string value = collapse_whitespace(content);
      if (!value.empty()) return value;
    }
  }
  return {};
}

// Every JSON object of the page's JSON-LD, outer objects first: arrays,
// @graph and nested objects (a WebPage's mainEntity) are flattened.
void collect_objects(const json& node, int depth, std::vector<const json*>& out) {
  if (depth > kMaxJsonDepth) return;
  if (node.is_array()) {
    for (const json& item : node) collect_objects(item, depth + 1, out);
  } else if (node.is_object()) {
    out.push_back(&node);
    for (const auto& item : node.items()) collect_objects(item.value(), depth + 1, out);
  }
}

bool is_article_type(const std::string& type) {
  return type.find("Article") != std::string::npos || type.find("Posting") != std::string::npos ||
         type == "Report" || type == "Review";
}

bool is_article(const json& object) {
  const auto type = object.find("@type");
  if (type == object.end()) return false;
  if (type->is_string()) return is_article_type(type->get<std::string>());
  if (!type->is_array()) return false;
  for (const json& t : *type) {
    if (t.is_string() && is_article_type(t.get<std::string>())) return true;
  }
  return false;
}

std::string string_field(const json& object, const char* key) {
  const auto value = object.find(key);
  if (value == object.end() || !value->is_string()) return {};
  return collapse_whitespace(value->get<std::string>());
}

// An author is a string, a Person with a name, or an array of either.
std::string author_names(const json& author) {
  if (author.is_string()) return collapse_whitespace(author.get<std::string>());
  if (author.is_object()) return string_field(author, "name");
  if (!author.is_array()) return {};
  std::string names;
  for (const json& one : author) {
    const std::string name = author_names(one);
    if (name.empty() || one.is_array()) continue;
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

// An article's headline, or its name when the page's <title> carries the
// name and not the headline (Wikipedia's headline is a description).
std::string article_title(const json& object, const std::string& page_title) {
  const std::string headline = string_field(object, "headline");
  const std::string name = string_field(object, "name");
  if (headline.empty()) return name;
  const std::string title = collapse_whitespace(page_title);
  const bool title_has_name = !name.empty() && title.find(name) != std::string::npos;
  if (title_has_name && title.find(headline) == std::string::npos) return name;
  return headline;
}

struct JsonLd {
  std::string headline;
  std::string author;
  std::string date_published;
  std::string publisher;
};

// Fills each field from the first object that has it, article-like objects first.
JsonLd read_json_ld(const std::vector<std::string>& scripts, const std::string& page_title) {
  std::vector<json> roots;
  for (const std::string& script : scripts) {
    json root = json::parse(script, nullptr, /*allow_exceptions=*/false);
    if (!root.is_discarded()) roots.push_back(std::move(root));
  }
  std::vector<const json*> objects;
  for (const json& root : roots) collect_objects(root, 0, objects);
  JsonLd out;
  for (const bool articles : {true, false}) {
    for (const json* object : objects) {
      if (is_article(*object) != articles) continue;
      if (out.headline.empty() && articles) out.headline = article_title(*object, page_title);
      if (out.author.empty() && object->contains("author")) {
        out.author = author_names((*object)["author"]);
      }
      if (out.date_published.empty()) out.date_published = string_field(*object, "datePublished");
      if (out.publisher.empty() && object->contains("publisher")) {
        const json& publisher = (*object)["publisher"];
        if (publisher.is_object()) out.publisher = string_field(publisher, "name");
      }
    }
  }
  return out;
}

bool looks_like_url(std::string_view text) {
  return text.substr(0, 7) == "http://" || text.substr(0, 8) == "https://" ||
         text.substr(0, 2) == "//";
}

std::string first_h1(const block::Document& doc) {
  for (const block::Block& b : doc.blocks) {
    if (b.kind == block::Kind::kHeading && b.heading_level == 1) return collapse_whitespace(b.text);
  }
  return {};
}

std::string primary_language(std::string_view lang) {
  const size_t end = lang.find_first_of("-_");
  return lower_ascii(collapse_whitespace(lang.substr(0, end)));
}

int word_count(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

int month_number(std::string_view name) {
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string prefix = lower_ascii(name.substr(0, 3));
  for (int i = 0; i < 12; ++i) {
    if (prefix == kMonths[i]) return i + 1;
  }
  return 0;
}

std::string iso_date(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return {};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

}  // namespace

std::string normalize_date(std::string_view text) {
  static const RE2 iso{
      R"(^\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?))"};
  static const RE2 month_first{
      R"((?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b)"};
  static const RE2 day_first{
      R"((?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b)"};
  static const RE2 slashed{R"(\b(\d{4})/(\d{1,2})/(\d{1,2})\b)"};
  const re2::StringPiece input(text.data(), text.size());
  std::string iso_text, month, day, year;
  if (RE2::PartialMatch(input, iso, &iso_text)) {
    // A date-time written with a space keeps the ISO 'T'.
    if (iso_text.size() > 10 && iso_text[10] == ' ') iso_text[10] = 'T';
    return iso_text;
  }
  if (RE2::PartialMatch(input, month_first, &month, &day, &year) ||
      RE2::PartialMatch(input, day_first, &day, &month, &year)) {
    return iso_date(std::stoi(year), month_number(month), std::stoi(day));
  }
  if (RE2::PartialMatch(input, slashed, &year, &month, &day)) {
    return iso_date(std::stoi(year), std::stoi(month), std::stoi(day));
  }
  return {};
}

namespace {

// A suffix names the site when it is the site name or the start of it
// ("Example.cz" for "Example.cz - News of the day").
bool names_site(const std::string& suffix, const std::string& site) {
  const std::string lower = lower_ascii(suffix);
  return !site.empty() && !lower.empty() && site.compare(0, lower.size(), lower) == 0;
}

}  // namespace

std::string strip_site_suffix(std::string_view title, std::string_view site_name) {
  const std::string text = collapse_whitespace(title);
  const std::string site = lower_ascii(collapse_whitespace(site_name));
  size_t best = std::string::npos;
  size_t separator_size = 0;
  for (std::string_view separator :
       {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ", " \xC2\xBB "}) {
    const size_t at = text.rfind(separator);
    if (at == std::string::npos || at == 0) continue;
    if (best == std::string::npos || at > best) {
      best = at;
      separator_size = separator.size();
    }
  }
  if (best == std::string::npos) return text;
  const std::string suffix = text.substr(best + separator_size);
  const bool short_suffix = suffix.size() <= kMaxSiteSuffixChars &&
                            word_count(suffix) <= kMaxSiteSuffixWords &&
                            word_count(suffix) < word_count(text.substr(0, best));
  const bool strip = names_site(suffix, site) || short_suffix;
  return strip ? text.substr(0, best) : text;
}

void read_page_hints(const block::Document& doc, Metadata& out) {
  const block::PageHints& hints = doc.hints;
  const JsonLd ld = read_json_ld(hints.json_ld, hints.title);

  out.site_name = meta_value(hints, {"og:site_name"});
  if (out.site_name.empty()) out.site_name = ld.publisher;

  // og:title and the headline are kept whole: a site name after them is
  // what the page chose to show (stripping it lost more than it won on the
  // readability set).
  std::string title = meta_value(hints, {"og:title", "dc:title", "dcterm:title"});
  if (title.empty()) title = ld.headline;
  if (title.empty()) title = strip_site_suffix(hints.title, out.site_name);
  if (title.empty()) title = first_h1(doc);
  if (!title.empty()) out.title = title;

  std::string byline = ld.author;
  if (byline.empty()) byline = meta_value(hints, {"author", "dc:creator", "dcterm:creator"});
  if (byline.empty()) {
    const std::string article_author = meta_value(hints, {"article:author"});
    if (!looks_like_url(article_author)) byline = article_author;
  }
  if (!byline.empty()) out.byline = byline;

  std::string date = normalize_date(ld.date_published);
  if (date.empty()) {
    date = normalize_date(meta_value(
        hints, {"article:published_time", "og:published_time", "date", "dc.date", "pubdate"}));
  }
  // Otherwise the dateline found in the text, as a date where it reads as one.
  if (date.empty()) date = normalize_date(out.date);
  if (!date.empty()) out.date = date;

  const std::string language = primary_language(hints.lang);
  if (!language.empty()) out.language = language;

  out.description = meta_value(hints, {"og:description", "description"});
  out.canonical_url = collapse_whitespace(hints.canonical_url);
  if (out.canonical_url.empty()) out.canonical_url = meta_value(hints, {"og:url"});
  out.image = meta_value(hints, {"og:image"});
}

}  // namespace webclean::meta
