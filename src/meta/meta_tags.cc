#include "meta/meta_tags.h"

#include "base/ascii.h"
#include "meta/text_values.h"

namespace webclean::meta {
namespace {

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

}  // namespace

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

}  // namespace webclean::meta
