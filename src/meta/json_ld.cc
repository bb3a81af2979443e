#include "meta/json_ld.h"

#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "base/ascii.h"
#include "base/utf8.h"
#include "meta/params.h"
#include "meta/text_values.h"

namespace webclean::meta {
namespace {

using json = nlohmann::json;

// Every JSON object of the page's JSON-LD, outer objects first: arrays,
// @graph and nested objects (a WebPage's mainEntity) are flattened.
void collect_objects(const json& node, int depth, std::vector<const json*>& out) {
  if (depth > params::kMaxJsonLdDepth) return;
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
  return base::is_utf8(out) ? out : text;
}

}  // namespace

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

}  // namespace webclean::meta
