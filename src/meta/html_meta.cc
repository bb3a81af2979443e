#include "meta/html_meta.h"

#include "base/ascii.h"
#include "meta/dates.h"
#include "meta/language.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace webclean::meta {
namespace {

using json = nlohmann::json;

constexpr int kMaxJsonDepth = 8;            // JSON-LD nests a few levels; deeper is noise
constexpr size_t kMaxSiteSuffixChars = 40;  // "| The Example Gazette" still counts
constexpr int kMaxSiteSuffixWords = 4;
constexpr uint32_t kMaxBylineChars = 100;  // Readability's limit: longer is prose
constexpr int kMaxAuthorWords = 12;        // "Jane Doe, John Roe and Ann Lee" fits
// A JSON-LD Product.description shorter than this is a label ("Socks"),
// not a description worth adding to the text.
constexpr size_t kMinDeclaredDescriptionBytes = 40;

// Weekday names (English, German, French), for the dates that trail a byline.
constexpr const char* kWeekdayNames =
    "(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|"
    "samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";

void append_utf8(uint32_t code, std::string& out) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// Character references left in a value that was escaped twice
// ("&amp;#8217;" in the page: "&#8217;" after the parser), and the ones
// JSON-LD writers copy from HTML: numeric ones and &amp; &quot; &apos; &lt; &gt;.
std::string decode_references(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  static const RE2 reference{"&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|quot|apos|lt|gt));"};
  std::string out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match[4];
  size_t at = 0;
  while (reference.Match(input, at, input.size(), RE2::UNANCHORED, match, 4)) {
    const size_t start = size_t(match[0].data() - input.data());
    out.append(text.substr(at, start - at));
    uint32_t code = 0;
    if (!match[1].empty()) code = uint32_t(std::stoul(std::string(match[1])));
    if (!match[2].empty()) code = uint32_t(std::stoul(std::string(match[2]), nullptr, 16));
    if (!match[3].empty()) {
      const std::string_view name(match[3].data(), match[3].size());
      code = name == "amp"    ? '&'
             : name == "quot" ? '"'
             : name == "apos" ? '\''
             : name == "lt"   ? '<'
                              : '>';
    }
    constexpr uint32_t kMaxCodePoint = 0x10FFFF;
    const bool valid = code != 0 && code <= kMaxCodePoint && !(code >= 0xD800 && code <= 0xDFFF);
    if (valid) {
      append_utf8(code, out);
    } else {
      out.append(match[0].data(), match[0].size());
    }
    at = start + match[0].size();
  }
  out.append(text.substr(at));
  return out;
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

bool same_text(std::string_view a, std::string_view b) {
  return base::lower_ascii(base::collapse_whitespace(a, base::NoBreakSpace::kAsSpace)) ==
         base::lower_ascii(base::collapse_whitespace(b, base::NoBreakSpace::kAsSpace));
}

// Whether a meta tag name is `key`, reading '.' as ':' ("DC.creator" is
// dc:creator; names arrive lower-cased).
bool same_name(std::string_view name, std::string_view key) {
  if (name.size() != key.size()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] != key[i] && !(name[i] == '.' && key[i] == ':')) return false;
  }
  return true;
}

// Whether the space-separated names of a meta tag ("dc:title og:title")
// include `key`.
bool names_key(std::string_view names, std::string_view key) {
  size_t start = 0;
  while (start <= names.size()) {
    size_t end = names.find(' ', start);
    if (end == std::string_view::npos) end = names.size();
    if (same_name(names.substr(start, end - start), key)) return true;
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
      std::string value =
          base::collapse_whitespace(decode_references(content), base::NoBreakSpace::kAsSpace);
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

// schema.org's kinds of product: the page's own item on a product page.
bool is_product_type(const std::string& type) {
  return type == "Product" || type == "ProductGroup" || type == "ProductModel" ||
         type == "IndividualProduct";
}

// Whether the object's @type (a string or an array of them) is one `is` accepts.
bool has_type(const json& object, bool (*is)(const std::string&)) {
  const auto type = object.find("@type");
  if (type == object.end()) return false;
  if (type->is_string()) return is(type->get<std::string>());
  if (!type->is_array()) return false;
  for (const json& t : *type) {
    if (t.is_string() && is(t.get<std::string>())) return true;
  }
  return false;
}

bool is_article(const json& object) {
  return has_type(object, is_article_type);
}

std::string string_field(const json& object, const char* key) {
  const auto value = object.find(key);
  if (value == object.end() || !value->is_string()) return {};
  return base::collapse_whitespace(decode_references(value->get<std::string>()),
                                   base::NoBreakSpace::kAsSpace);
}

// JSON-LD objects by their @id: a graph names its author once and refers
// to it ("author": {"@id": "#/schema/person/1"}).
using IdIndex = std::map<std::string, const json*>;

// An author is a string, a Person with a name (or a reference to one when
// `ids` is given), or an array of either.
std::string author_names(const json& author, const IdIndex* ids) {
  if (author.is_string())
    return base::collapse_whitespace(author.get<std::string>(), base::NoBreakSpace::kAsSpace);
  if (author.is_object()) {
    std::string name = string_field(author, "name");
    const std::string id = string_field(author, "@id");
    if (name.empty() && ids != nullptr && !id.empty()) {
      const auto found = ids->find(id);
      if (found != ids->end()) name = string_field(*found->second, "name");
    }
    return name;
  }
  if (!author.is_array()) return {};
  std::string names;
  for (const json& one : author) {
    const std::string name = author_names(one, ids);
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
  const std::string title = base::collapse_whitespace(page_title, base::NoBreakSpace::kAsSpace);
  const bool title_has_name = !name.empty() && title.find(name) != std::string::npos;
  if (title_has_name && title.find(headline) == std::string::npos) return name;
  return headline;
}

// A script body wrapped in <![CDATA[ ... ]]> (XHTML habit) is the JSON inside.
std::string_view without_cdata(std::string_view script) {
  constexpr std::string_view kOpen = "<![CDATA[";
  constexpr std::string_view kClose = "]]>";
  const size_t begin = script.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos || script.substr(begin, kOpen.size()) != kOpen) return script;
  script.remove_prefix(begin + kOpen.size());
  const size_t end = script.rfind(kClose);
  return end == std::string_view::npos ? script : script.substr(0, end);
}

struct JsonLd {
  std::string headline;
  std::string author;           // as written: a reference without a name is no author
  std::string author_resolved;  // references to a Person elsewhere in the graph followed
  std::string date_published;
  std::string publisher;
};

// Fills each field from the first object that has it, article-like objects first.
JsonLd read_json_ld(const std::vector<std::string>& scripts, const std::string& page_title) {
  std::vector<json> roots;
  for (const std::string& script : scripts) {
    json root = json::parse(without_cdata(script), nullptr, /*allow_exceptions=*/false);
    if (!root.is_discarded()) roots.push_back(std::move(root));
  }
  std::vector<const json*> objects;
  for (const json& root : roots) collect_objects(root, 0, objects);
  IdIndex ids;
  for (const json* object : objects) {
    const std::string id = string_field(*object, "@id");
    if (!id.empty() && object->size() > 1) ids.emplace(id, object);
  }
  JsonLd out;
  for (const bool articles : {true, false}) {
    for (const json* object : objects) {
      if (is_article(*object) != articles) continue;
      if (out.headline.empty() && articles) out.headline = article_title(*object, page_title);
      if (out.author.empty() && object->contains("author")) {
        out.author = author_names((*object)["author"], nullptr);
      }
      if (out.author_resolved.empty() && object->contains("author")) {
        out.author_resolved = author_names((*object)["author"], &ids);
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

// The text of a JSON-LD value that holds HTML ("<p>Soft <b>cotton</b></p>"):
// tags out, each a space, whitespace collapsed. A '<' not opening a tag
// ("sizes < 5 cm") is text.
std::string without_tags(std::string_view html) {
  std::string text;
  for (size_t i = 0; i < html.size(); ++i) {
    const bool opens_tag = html[i] == '<' && i + 1 < html.size() &&
                           (std::isalpha(static_cast<unsigned char>(html[i + 1])) ||
                            html[i + 1] == '/' || html[i + 1] == '!');
    if (!opens_tag) {
      text.push_back(html[i]);
      continue;
    }
    const size_t end = html.find('>', i);
    if (end == std::string_view::npos) break;
    text.push_back(' ');
    i = end;
  }
  return base::collapse_whitespace(text, base::NoBreakSpace::kAsSpace);
}

// Whether `text` is well-formed UTF-8 (the Unicode standard's table 3-7:
// no overlong forms, no surrogates, nothing past U+10FFFF).
bool is_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (c < 0x80) {
      n = 0;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + n >= text.size() && n > 0) return false;
    for (size_t k = 1; k <= n; ++k) {
      const unsigned char min = k == 1 ? lo : 0x80;
      const unsigned char max = k == 1 ? hi : 0xBF;
      if (byte(i + k) < min || byte(i + k) > max) return false;
    }
    i += n + 1;
  }
  return true;
}

// A description some shop templates write percent-encoded, as in a URL
// ("An%20elegant%20sofa%20..."): decoded when it has no space and an
// encoded one. A %XX that is not hex stays as written; a text that would
// not decode to UTF-8 is left as it is.
std::string percent_decoded(std::string text) {
  if (text.find(' ') != std::string::npos || text.find("%20") == std::string::npos) return text;
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return is_utf8(out) ? out : text;
}

// The description of the page's first JSON-LD Product, as text.
std::string product_description(const std::vector<std::string>& scripts) {
  for (const std::string& script : scripts) {
    if (script.find("description") == std::string::npos) continue;
    const json root = json::parse(without_cdata(script), nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) continue;
    std::vector<const json*> objects;
    collect_objects(root, 0, objects);
    for (const json* object : objects) {
      if (!has_type(*object, is_product_type)) continue;
      std::string description = without_tags(percent_decoded(string_field(*object, "description")));
      if (!description.empty()) return description;
    }
  }
  return {};
}

bool looks_like_url(std::string_view text) {
  return text.substr(0, 7) == "http://" || text.substr(0, 8) == "https://" ||
         text.substr(0, 2) == "//";
}

std::string first_h1(const block::Document& doc) {
  for (const block::Block& b : doc.blocks) {
    if (b.kind == block::Kind::kHeading && b.heading_level == 1)
      return base::collapse_whitespace(b.text, base::NoBreakSpace::kAsSpace);
  }
  return {};
}

// The primary subtag of a language tag ("en" for "EN-gb"); empty when it
// is not 2 or 3 letters (a template placeholder, "x-default").
// The host of a URL without "www.", and its first label: the names a
// site goes by in titles ("helge.at", "helge").
void add_host_names(std::string_view url, std::vector<std::string>& names) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return;
  std::string host =
      base::lower_ascii(url.substr(scheme + 3, url.find_first_of("/?#:", scheme + 3) - scheme - 3));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  if (host.empty()) return;
  names.push_back(host);
  const size_t dot = host.find('.');
  if (dot != std::string::npos) names.push_back(host.substr(0, dot));
}

// Lower-case letters and digits only: "Helge.at" and "helge.at" compare
// equal, so do "Netz Für Alle" and "netzfüralle".
std::string name_key(std::string_view text) {
  std::string key;
  for (char c : base::lower_ascii(text)) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) key.push_back(c);
  }
  return key;
}

std::vector<std::string> site_names(const block::Document& doc, const Metadata& meta,
                                    std::string_view page_url) {
  std::vector<std::string> names;
  for (const std::string& name : {meta.site_name, meta_value(doc.hints, {"application-name"})}) {
    if (!name.empty()) names.push_back(name);
  }
  add_host_names(meta.canonical_url, names);
  add_host_names(meta_value(doc.hints, {"og:url"}), names);
  add_host_names(page_url, names);
  std::vector<std::string> keys;
  for (const std::string& name : names) {
    std::string key = name_key(name);
    constexpr size_t kMinSiteKey = 3;  // "bbc", "taz"; shorter would match by chance
    if (key.size() >= kMinSiteKey) keys.push_back(std::move(key));
  }
  return keys;
}

// Whether a part of a title is the site's name: it holds one of the site's
// names, or is part of one ("Example" of "Example News").
bool names_the_site(std::string_view part, const std::vector<std::string>& site_keys) {
  const std::string key = name_key(part);
  if (key.empty()) return false;
  for (const std::string& site : site_keys) {
    if (key.find(site) != std::string::npos ||
        (key.size() >= 3 && site.find(key) != std::string::npos)) {
      return true;
    }
  }
  return false;
}

// The title without the parts before or after it that name the site:
// "Story | Example News" -> "Story", "example.org » Blog » Story" -> "Blog » Story".
std::string without_site_name(const std::string& title, const std::vector<std::string>& site_keys) {
  static const RE2 separator{
      "\\s+(?:[|\\-\\x{2013}\\x{2014}\\x{00BB}\\x{00AB}\\x{00B7}\\x{2022}/~*]|::)\\s+"};
  // The parts as [begin, end) offsets into the title.
  std::vector<std::pair<size_t, size_t>> parts;
  re2::StringPiece rest(title);
  re2::StringPiece match;
  size_t begin = 0;
  while (separator.Match(rest, 0, rest.size(), RE2::UNANCHORED, &match, 1)) {
    const size_t at = size_t(match.data() - title.data());
    parts.emplace_back(begin, at);
    begin = at + match.size();
    rest = re2::StringPiece(title.data() + begin, title.size() - begin);
  }
  parts.emplace_back(begin, title.size());
  size_t first = 0;
  size_t last = parts.size();
  auto part = [&](size_t i) {
    return std::string_view(title).substr(parts[i].first, parts[i].second - parts[i].first);
  };
  while (last - first > 1 && names_the_site(part(last - 1), site_keys)) --last;
  while (last - first > 1 && names_the_site(part(first), site_keys)) ++first;
  return title.substr(parts[first].first, parts[last - 1].second - parts[first].first);
}

// Soft hyphens (U+00AD) mark where a word may break; they show nothing.
std::string without_soft_hyphens(std::string_view text) {
  std::string out(text);
  for (size_t at = 0; (at = out.find("\xC2\xAD", at)) != std::string::npos;) out.erase(at, 2);
  return out;
}

// Text as titles and headings are compared: lower-case, typographic
// quotes, dashes and ellipses as their ASCII forms, no soft hyphens (a
// page's h1 and its og:title often differ in just these).
std::string loose_text(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> kForms[] = {
      {"\u2018", "'"},  {"\u2019", "'"},  {"\u201A", "'"},   {"\u201C", "\""},
      {"\u201D", "\""}, {"\u201E", "\""}, {"\u2013", "-"},   {"\u2014", "-"},
      {"\u2010", "-"},  {"\u2011", "-"},  {"\u2026", "..."}, {"\u00AD", ""},
  };
  std::string out =
      base::lower_ascii(base::collapse_whitespace(text, base::NoBreakSpace::kAsSpace));
  for (const auto& [from, to] : kForms) {
    for (size_t at = 0; (at = out.find(from, at)) != std::string::npos; at += to.size()) {
      out.replace(at, from.size(), to);
    }
  }
  return out;
}

// Whether `title` is `heading` with shorter parts before or after it,
// set off by separators ("Heading | Site", "Section: Heading").
bool heading_with_affixes(std::string_view heading, std::string_view title) {
  const std::string h = loose_text(without_soft_hyphens(heading));
  const std::string t = loose_text(without_soft_hyphens(title));
  if (h.empty() || h.size() >= t.size()) return false;
  const size_t at = t.find(h);
  if (at == std::string::npos) return false;
  static const RE2 before{
      "(?:^|.*\\s)[|\\-\\x{2013}\\x{2014}:\\x{00BB}\\x{00AB}\\x{00B7}\\x{2022}/>~*]+\\s*"};
  static const RE2 after{
      "\\s*[|\\-\\x{2013}\\x{2014}:\\x{00BB}\\x{00AB}\\x{00B7}\\x{2022}/<~*]+(?:\\s.*)?"};
  const std::string_view prefix = std::string_view(t).substr(0, at);
  const std::string_view suffix = std::string_view(t).substr(at + h.size());
  const bool prefix_ok =
      prefix.empty() || RE2::FullMatch(re2::StringPiece(prefix.data(), prefix.size()), before);
  const bool suffix_ok =
      suffix.empty() || RE2::FullMatch(re2::StringPiece(suffix.data(), suffix.size()), after);
  // The heading is the story; what is around it is shorter (a site's name,
  // a section), not another half of the title.
  return prefix_ok && suffix_ok && word_count(prefix) + word_count(suffix) < word_count(h) + 2;
}

// An h1's text without the kicker set inside it, and without the
// separator that joined them for screen readers ("Climate: Story").
std::string without_kickers(std::string heading, const std::vector<std::string>& kickers) {
  static const RE2 leading{"^[\\s:|\\-\\x{2013}\\x{2014},]+"};
  static const RE2 trailing{"[\\s:|\\-\\x{2013}\\x{2014},]+$"};
  for (const std::string& kicker : kickers) {
    if (kicker.size() >= heading.size()) continue;  // the kicker is all the h1 shows
    if (heading.compare(0, kicker.size(), kicker) == 0) {
      heading.erase(0, kicker.size());
      RE2::Replace(&heading, leading, "");
    } else if (heading.compare(heading.size() - kicker.size(), kicker.size(), kicker) == 0) {
      heading.erase(heading.size() - kicker.size());
      RE2::Replace(&heading, trailing, "");
    }
  }
  return heading;
}

// The headline the page shows: its h1 when the declared title is that h1
// with a site name or section around it; else the declared title without
// the site's name; else the page's only h1.
std::string shown_headline(const block::Document& doc, const std::string& title,
                           const std::vector<std::string>& site_keys) {
  std::vector<std::string> h1s;  // all, even in boxes the rules drop (an article's <header>)
  std::vector<std::string> kept_h1s;
  for (const block::Block& b : doc.blocks) {
    if (b.kind != block::Kind::kHeading || b.heading_level != 1) continue;
    std::string heading = without_kickers(
        base::collapse_whitespace(b.text, base::NoBreakSpace::kAsSpace), doc.hints.kickers);
    if (heading.empty()) continue;
    if (b.decision.keep || b.decision.stage != block::Stage::kRules) kept_h1s.push_back(heading);
    h1s.push_back(std::move(heading));
  }
  const std::string page_title =
      base::collapse_whitespace(doc.hints.title, base::NoBreakSpace::kAsSpace);
  for (const std::string* declared : {&title, &page_title}) {
    for (const std::string& heading : h1s) {
      if (loose_text(heading) == loose_text(*declared) ||
          heading_with_affixes(heading, *declared)) {
        return heading;
      }
    }
    // Pages that give the headline a lower heading level.
    for (const block::Block& b : doc.blocks) {
      if (b.kind != block::Kind::kHeading || b.heading_level == 1) continue;
      const std::string heading = base::collapse_whitespace(b.text, base::NoBreakSpace::kAsSpace);
      if (heading_with_affixes(heading, *declared)) return heading;
    }
  }
  // An h1 with a kicker before the headline ("Climate <span>Story</span>"):
  // the headline is the part the declared title names (after its own
  // kicker, "Climate: Story", when it has one).
  const std::string core = strip_site_suffix(without_site_name(title, site_keys), {});
  std::vector<std::string> cores{loose_text(without_soft_hyphens(core))};
  static const RE2 kicker{"^[^:]{3,60}?(?::| -| \\x{2013}) (.+)$"};
  std::string after_kicker;
  if (RE2::FullMatch(cores.front(), kicker, &after_kicker)) cores.push_back(after_kicker);
  for (const std::string& heading : h1s) {
    if (heading.find("\xC2\xAD") != std::string::npos) continue;  // soft hyphens: no offsets
    const std::string h = loose_text(heading);
    if (h.size() !=
        base::lower_ascii(base::collapse_whitespace(heading, base::NoBreakSpace::kAsSpace)).size())
      continue;  // same offsets
    for (const std::string& c : cores) {
      if (c.empty() || c.size() >= h.size() || h.compare(h.size() - c.size(), c.size(), c) != 0) {
        continue;
      }
      constexpr int kMaxKickerWords = 6;
      if (word_count(h.substr(0, h.size() - c.size())) > kMaxKickerWords) continue;
      return heading.substr(heading.size() - c.size());
    }
  }
  if (kept_h1s.size() == 1) return kept_h1s.front();
  // The page's only h1, even in a header the rules drop from the body,
  // when it reads as a headline: not the site's name (a logo), not a
  // one- or two-word label ("Details", "Privacy policy").
  constexpr int kMinHeadlineWords = 3;
  if (h1s.size() == 1 && word_count(h1s.front()) >= kMinHeadlineWords &&
      !names_the_site(h1s.front(), site_keys)) {
    return h1s.front();
  }
  return without_site_name(title, site_keys);
}

// Whether an element around the byline is one Readability strips before
// it looks for bylines (comments, sidebars, menus, page headers...): its
// author names are not the article's.
bool in_unlikely_box(const block::Document& doc, int32_t node, bool header_and_footer = true) {
  static const RE2 unlikely{
      "(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|"
      "footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|"
      "social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote"};
  static const RE2 unlikely_but_frame{
      "(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|"
      "gdpr|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|"
      "social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote"};
  static const RE2 maybe{"(?i)and|article|body|column|content|main|mathjax|shadow"};
  static const RE2 unlikely_role{
      "^(?:menu|menubar|complementary|navigation|alert|alertdialog|dialog)$"};
  for (int32_t n = node; n >= 0; n = doc.nodes[size_t(n)].parent) {
    const block::Node& element = doc.nodes[size_t(n)];
    if (element.tag == "body" || element.tag == "html") break;
    if (RE2::FullMatch(element.role, unlikely_role)) return true;
    if (element.tag == "a" || element.tag == "table" || element.tag == "code") continue;
    const std::string names = element.classes + " " + element.id;
    if (RE2::PartialMatch(names, header_and_footer ? unlikely : unlikely_but_frame) &&
        !RE2::PartialMatch(names, maybe)) {
      return true;
    }
  }
  return false;
}

// The first byline element of the body outside comments, sidebars and
// (with `header_and_footer`) page headers and footers; null when none.
const block::BylineHint* article_byline(const block::Document& doc,
                                        bool header_and_footer = false) {
  for (const block::BylineHint& hint : doc.hints.bylines) {
    if (hint.raw_chars >= kMaxBylineChars) continue;
    if (in_unlikely_box(doc, hint.node, header_and_footer)) continue;
    return &hint;
  }
  return nullptr;
}

// The first byline element of the body as Readability chooses it, read
// from its itemprop=name part when it has one.
std::string body_byline(const block::Document& doc) {
  const block::BylineHint* hint = article_byline(doc, /*header_and_footer=*/true);
  if (hint == nullptr) return {};
  return hint->name_text.empty() ? hint->text : hint->name_text;
}

// The author names of the first byline element of the body: from its
// itemprop=name part, else from the innermost byline element inside it
// ("von <span class=author>Jane</span>"), else from its whole text.
std::string body_author(const block::Document& doc) {
  const std::vector<block::BylineHint>& hints = doc.hints.bylines;
  std::vector<bool> tried(hints.size(), false);
  for (size_t i = 0; i < hints.size(); ++i) {
    const block::BylineHint& hint = hints[i];
    if (hint.raw_chars >= kMaxBylineChars) continue;
    if (hint.outer >= 0 && tried[size_t(hint.outer)]) continue;  // read with the outer one
    if (in_unlikely_box(doc, hint.node, /*header_and_footer=*/false)) continue;
    tried[i] = true;
    std::vector<std::string_view> texts{hint.name_text};
    for (size_t j = hints.size(); j-- > i + 1;) {
      if (hints[j].outer >= 0 && size_t(hints[j].outer) >= i) texts.push_back(hints[j].text);
    }
    texts.push_back(hint.text);
    for (std::string_view text : texts) {
      std::string author = clean_author(text);
      if (!author.empty()) return author;
    }
  }
  return {};
}

// The author names: the page's structured data (JSON-LD, then meta tags)
// unless it only names the site, then the byline elements of the body,
// then the byline line found in the text.
std::string page_author(const block::Document& doc, const JsonLd& ld, const Metadata& meta) {
  const block::PageHints& hints = doc.hints;
  std::string article_author = meta_value(hints, {"article:author", "og:article:author"});
  if (looks_like_url(article_author)) article_author.clear();
  for (const std::string& candidate :
       {ld.author_resolved,
        meta_value(hints, {"dc:creator", "dcterm:creator", "author", "parsely-author"}),
        article_author}) {
    std::string author = clean_author(candidate);
    if (author.empty() || same_text(author, meta.site_name)) continue;
    return author;
  }
  std::string author = body_author(doc);
  if (author.empty()) author = clean_author(meta.byline);
  return author;
}

// The date in a URL's path: /2019/08/02/, /2019-08-02-, /20190802/.
std::string url_date(std::string_view url) {
  static const RE2 dated_path{R"(/((?:19|20)\d{2})[/-]?(\d{2})[/-]?(\d{2})(?:[/\-_.]|$))"};
  const size_t path =
      url.find('/', url.find("://") == std::string_view::npos ? 0 : url.find("://") + 3);
  if (path == std::string_view::npos) return {};
  const std::string_view path_only = url.substr(path, url.find_first_of("?#", path) - path);
  int year = 0, month = 0, day = 0;
  if (!RE2::PartialMatch(re2::StringPiece(path_only.data(), path_only.size()), dated_path, &year,
                         &month, &day)) {
    return {};
  }
  return iso_date(year, month, day);
}

// The publication date: the page's structured data, then the dates its
// body marks up (one marked as the publication date first, then the first
// <time> outside comments and sidebars), then the dateline found in the
// text. ISO 8601; the dateline as written when it reads as no date.
std::string page_date(const block::Document& doc, const JsonLd& ld, const std::string& dateline,
                      std::string_view url) {
  const block::PageHints& hints = doc.hints;
  std::string date = normalize_date(ld.date_published);
  if (date.empty()) {
    date = normalize_date(meta_value(
        hints, {"article:published_time", "og:published_time", "datepublished", "dc:date",
                "dcterms:created", "date", "pubdate", "publish-date", "parsely-pub-date"}));
  }
  // Marked as the publication date, then any <time>, then named "date".
  for (const int pass : {0, 1, 2}) {
    for (const block::DateHint& hint : hints.dates) {
      if (!date.empty()) break;
      if ((pass == 0 && !hint.published) || (pass == 1 && hint.by_name)) continue;
      if (in_unlikely_box(doc, hint.node, /*header_and_footer=*/false)) continue;
      date = normalize_date(hint.value);
    }
    if (pass == 1 && date.empty()) date = url_date(url);
  }
  // A date in the article's byline element ("By Jane Doe, March 3, 2020").
  if (const block::BylineHint* hint = article_byline(doc); date.empty() && hint != nullptr) {
    date = normalize_date(hint->text);
  }
  if (date.empty()) date = normalize_date(dateline);
  return date.empty() ? dateline : date;
}

}  // namespace

std::string normalize_date(std::string_view text) {
  // An ISO date or date-time at the start is kept as written.
  static const RE2 iso{
      R"(^\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?))"};
  std::string iso_text;
  if (RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), iso, &iso_text)) {
    // A date-time written with a space keeps the ISO 'T'.
    if (iso_text.size() > 10 && iso_text[10] == ' ') iso_text[10] = 'T';
    return iso_text;
  }
  // Otherwise the first date written in one of the common forms, the
  // day first when numbers alone cannot tell (04/07/2011 is July 4).
  return DateFinder::shared().find(text, /*month_first=*/false).iso;
}

namespace {

// Where a match of `pattern` starts in `text`, or npos.
size_t match_start(const RE2& pattern, std::string_view text) {
  re2::StringPiece match;
  const re2::StringPiece input(text.data(), text.size());
  if (!pattern.Match(input, 0, input.size(), RE2::UNANCHORED, &match, 1))
    return std::string_view::npos;
  return size_t(match.data() - text.data());
}

// Where a date (or a time) starts in a byline, or npos. A weekday's name
// is the one form without a digit: the large pattern of the others is
// searched for (and compiled) only in a text with a digit.
size_t date_start(std::string_view text) {
  static const RE2 weekday{std::string("(?i)\\b(?:") + kWeekdayNames + ")\\b"};
  size_t start = match_start(weekday, text);
  const bool digit =
      std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digit) return start;
  static const std::string months = month_names_pattern();
  static const RE2 numbered{std::string("(?i)(?:\\b\\d{1,2}\\.?\\s*") + months + "\\b|\\b" +
                            months +
                            "\\.?\\s+\\d{1,2}\\b|\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}\\b|"
                            "\\b\\d{1,2}:\\d{2}\\b|"
                            "\\b\\d+\\s*(?:h|hrs?|hours?|mins?|minutes?|days?)\\b(?:\\s+ago)?)"};
  return std::min(start, match_start(numbered, text));
}

// Trims separators, connecting words and punctuation off the end of what
// is left of a byline ("Jane Doe ·", "Jane Doe, am", "Jane Doe le").
std::string trim_byline_end(std::string text) {
  static const RE2 tail{
      "(?i)(?:[\\s,;:|/·•\\-\\x{2013}\\x{2014}(]+|\\s+(?:am|um|le|on|at|the|il|el|em|den|der|"
      "vom|published|posted|updated|publié|veröffentlicht))+$"};
  RE2::Replace(&text, tail, "");
  static const RE2 head{"^[\\s,;:|/·•\\-\\x{2013}\\x{2014})]+"};
  RE2::Replace(&text, head, "");
  return text;
}

// Finds the blocks of one byline element that are the byline and no more.
void find_byline_element(const block::Document& doc, const block::BylineHint& hint,
                         BodyRoles& roles) {
  for (uint32_t i = hint.first_block; i <= hint.last_block && i < doc.blocks.size(); ++i) {
    const block::Block& b = doc.blocks[i];
    if (!b.decision.keep || b.features.chars > kMaxBylineChars) continue;
    // The block is the byline element, or the byline and a date or a
    // separator beside it ("By Jane Doe | March 3"): what is left once
    // the byline, dates and punctuation are taken out is a word or two.
    const std::string text = base::collapse_whitespace(b.text, base::NoBreakSpace::kAsSpace);
    const size_t at = text.find(hint.text);
    if (at == std::string::npos) continue;
    std::string rest = text.substr(0, at) + " " + text.substr(at + hint.text.size());
    const size_t date = date_start(rest);
    if (date != std::string_view::npos) rest.resize(date);
    constexpr int kMaxOtherWords = 2;  // "By", "Posted by", "Words:"
    if (word_count(trim_byline_end(std::move(rest))) > kMaxOtherWords) continue;
    roles[i] = BodyRole::kBylineElement;
  }
}

}  // namespace

// The length of a label glued to the name after it ("VonJane Doe",
// "byJane"), or 0. Written out, not as (\p{Lu}): RE2 compiles that class
// (640 ranges) in 0.7 ms.
size_t glued_label(std::string_view text) {
  for (std::string_view label : {"by", "von", "par", "por", "author", "autor"}) {
    if (text.size() <= label.size()) continue;
    const bool same = std::equal(label.begin(), label.end(), text.begin(), [](char a, char b) {
      return a == (b >= 'A' && b <= 'Z' ? char(b + 32) : b);
    });
    if (!same) continue;
    int32_t at = static_cast<int32_t>(label.size());
    UChar32 next = 0;
    U8_NEXT(text.data(), at, static_cast<int32_t>(text.size()), next);
    if (next >= 0 && u_charType(next) == U_UPPERCASE_LETTER) return label.size();
  }
  return 0;
}

std::string clean_author(std::string_view byline) {
  std::string text = base::collapse_whitespace(byline, base::NoBreakSpace::kAsSpace);
  // A label and a preposition before the names: "Posted by", "Geschrieben
  // von", "Post author By", "Autor:", or "von" glued to the name.
  static const RE2 label{
      "^(?i:(?:post\\s+)?author|autor(?:in|en)?|auteur|autore|written|geschrieben|verfasst|"
      "ver[öo]ffentlicht|publiziert|publi[ée]|publicado|published|posted|reported|words|text|"
      "interview|story|beitrag)?\\s*(?i:by|von|vom|par|por|door|przez)?\\s*:?\\s*"};
  re2::StringPiece input(text);
  if (RE2::Consume(&input, label)) text = std::string(input);
  text.erase(0, glued_label(text));
  // What follows the names: a date, or a separator before more metadata.
  const size_t date = date_start(text);
  if (date != std::string_view::npos) text.resize(date);
  for (std::string_view separator :
       {" \xC2\xB7 ", " | ", " \xE2\x80\xA2 ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " / "}) {
    const size_t at = text.find(separator);
    if (at != std::string::npos && at > 0) text.resize(at);
  }
  text = trim_byline_end(std::move(text));
  // Names are short; a long remainder is a sentence, not an author.
  if (word_count(text) > kMaxAuthorWords) return {};
  return text;
}

namespace {

// A suffix names the site when it is the site name or the start of it
// ("Example.cz" for "Example.cz - News of the day").
bool names_site(const std::string& suffix, const std::string& site) {
  const std::string lower = base::lower_ascii(suffix);
  return !site.empty() && !lower.empty() && site.compare(0, lower.size(), lower) == 0;
}

}  // namespace

std::string strip_site_suffix(std::string_view title, std::string_view site_name) {
  const std::string text = base::collapse_whitespace(title, base::NoBreakSpace::kAsSpace);
  const std::string site =
      base::lower_ascii(base::collapse_whitespace(site_name, base::NoBreakSpace::kAsSpace));
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

// An unescaped quote ends a meta attribute early (content="Say "no""
// gives "Say "); the <title>, with no attribute to break, then goes on
// with the quote where the declared title stops.
std::string mended_by_page_title(const std::string& declared, const std::string& page_title) {
  const std::string title = base::collapse_whitespace(page_title, base::NoBreakSpace::kAsSpace);
  const std::string cut = base::collapse_whitespace(declared, base::NoBreakSpace::kAsSpace);
  if (cut.empty() || title.size() <= cut.size() || title.compare(0, cut.size(), cut) != 0) {
    return declared;
  }
  const std::string_view rest = std::string_view(title).substr(cut.size());
  const bool quote_follows =
      rest.front() == '"' || (rest.front() == ' ' && rest.size() > 1 && rest[1] == '"');
  if (!quote_follows) return declared;
  const size_t close = title.find('"', cut.size() + (rest.front() == ' ' ? 2 : 1));
  return close == std::string::npos ? declared : title.substr(0, close + 1);
}

void read_page_hints(const block::Document& doc, Metadata& out, std::string_view page_url) {
  const block::PageHints& hints = doc.hints;
  const JsonLd ld = read_json_ld(hints.json_ld, hints.title);
  out.description = meta_value(hints, {"og:description", "description"});
  out.canonical_url = base::collapse_whitespace(hints.canonical_url, base::NoBreakSpace::kAsSpace);
  if (out.canonical_url.empty()) out.canonical_url = meta_value(hints, {"og:url"});
  out.image = meta_value(hints, {"og:image"});

  out.site_name = meta_value(hints, {"og:site_name"});
  if (out.site_name.empty()) out.site_name = ld.publisher;

  // og:title and the headline are kept whole: a site name after them is
  // what the page chose to show (stripping it lost more than it won on the
  // readability set).
  std::string title = ld.headline;
  if (title.empty()) {
    title = meta_value(
        hints, {"dc:title", "dcterm:title", "og:title", "title", "twitter:title", "parsely-title"});
  }
  title = mended_by_page_title(title, hints.title);
  if (title.empty()) title = strip_site_suffix(hints.title, out.site_name);
  if (title.empty()) title = first_h1(doc);
  if (!title.empty()) out.title = title;
  // Soft hyphens show nothing; a headline is compared and shown without them.
  out.headline =
      without_soft_hyphens(shown_headline(doc, out.title, site_names(doc, out, page_url)));
  // A headline is the title or a part of it, never the title with more
  // around it (the <title>'s site name, an h1's kicker).
  const std::string loose_title = loose_text(without_soft_hyphens(out.title));
  if (!loose_title.empty() && loose_text(out.headline).size() > loose_title.size() &&
      loose_text(out.headline).find(loose_title) != std::string::npos) {
    out.headline = without_soft_hyphens(out.title);
  }

  std::string byline = ld.author;
  if (byline.empty()) {
    byline = meta_value(hints, {"dc:creator", "dcterm:creator", "author", "parsely-author"});
  }
  if (byline.empty()) {
    const std::string article_author = meta_value(hints, {"article:author", "og:article:author"});
    if (!looks_like_url(article_author)) byline = article_author;
  }
  if (byline.empty()) byline = body_byline(doc);
  // The byline text found among the lines (a text dump's "By ...") stays
  // when the page says nothing better.
  if (!byline.empty()) out.byline = byline;
  out.author = page_author(doc, ld, out);

  const std::string url = out.canonical_url.empty() ? std::string(page_url) : out.canonical_url;
  out.date = page_date(doc, ld, out.date, url);

  const std::string language = declared_language(hints.lang, {});
  if (!language.empty()) out.language = language;
}

std::optional<DeclaredBlock> product_description_block(const block::Document& doc) {
  if (doc.page_type != PageType::kProduct) return std::nullopt;
  std::string description = product_description(doc.hints.json_ld);
  if (description.size() < kMinDeclaredDescriptionBytes) return std::nullopt;
  // After the product's name (the page's h1), where a shop shows it.
  size_t at = 0;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const block::Block& b = doc.blocks[i];
    if (b.kind == block::Kind::kHeading && b.heading_level == 1) {
      at = i + 1;
      break;
    }
  }
  return DeclaredBlock{std::move(description), at};
}

BodyRoles find_byline_blocks(const block::Document& doc) {
  BodyRoles roles(doc.blocks.size(), BodyRole::kText);
  // The first byline element outside comments and sidebars is the
  // article's (Readability removes just that one); later ones are author
  // boxes, quotes' sources, teasers of other articles.
  if (const block::BylineHint* hint = article_byline(doc)) find_byline_element(doc, *hint, roles);
  return roles;
}

}  // namespace webclean::meta
