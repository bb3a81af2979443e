#include "meta/language.h"

namespace webclean::meta {
namespace {

// The primary subtag of a language tag ("en" for "EN-gb"); empty when it
// is not 2 or 3 letters (a template placeholder, "x-default").
std::string primary_language(std::string_view tag) {
  while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
  std::string primary(tag.substr(0, tag.find_first_of("-_ \t,;")));
  if (primary.size() < 2 || primary.size() > 3) return {};
  for (char& c : primary) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c < 'a' || c > 'z') return {};
  }
  return primary;
}

}  // namespace

std::string declared_language(std::string_view html_lang, std::string_view content_language) {
  std::string language = primary_language(html_lang);
  if (language.empty()) language = primary_language(content_language);
  return language;
}

std::string document_language(const block::Document& doc, std::string_view content_language) {
  std::string language = declared_language(doc.hints.lang, content_language);
  return language.empty() ? doc.language : language;
}

}  // namespace webclean::meta
