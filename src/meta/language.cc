#include "meta/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <map>

namespace webclean::meta {
namespace {

constexpr size_t kSampleLetters = 2000;  // enough to tell scripts apart

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

// Scripts that one language writes (alone or nearly): the language.
const char* language_of_script(int script) {
  static const std::map<int, const char*> kLanguages = {
      {USCRIPT_HAN, "zh"},     {USCRIPT_HIRAGANA, "ja"},  {USCRIPT_KATAKANA, "ja"},
      {USCRIPT_HANGUL, "ko"},  {USCRIPT_THAI, "th"},      {USCRIPT_GREEK, "el"},
      {USCRIPT_HEBREW, "he"},  {USCRIPT_ARMENIAN, "hy"},  {USCRIPT_GEORGIAN, "ka"},
      {USCRIPT_KHMER, "km"},   {USCRIPT_LAO, "lo"},       {USCRIPT_MYANMAR, "my"},
      {USCRIPT_SINHALA, "si"}, {USCRIPT_GUJARATI, "gu"},  {USCRIPT_GURMUKHI, "pa"},
      {USCRIPT_KANNADA, "kn"}, {USCRIPT_MALAYALAM, "ml"}, {USCRIPT_ORIYA, "or"},
      {USCRIPT_TAMIL, "ta"},   {USCRIPT_TELUGU, "te"},    {USCRIPT_TIBETAN, "bo"},
  };
  const auto found = kLanguages.find(script);
  return found == kLanguages.end() ? nullptr : found->second;
}

}  // namespace

std::string declared_language(std::string_view html_lang, std::string_view content_language) {
  std::string language = primary_language(html_lang);
  if (language.empty()) language = primary_language(content_language);
  return language;
}

std::string script_language(const block::Document& doc) {
  std::map<int, size_t> letters;
  size_t total = 0;
  for (const block::Block& b : doc.blocks) {
    const auto size = static_cast<int32_t>(b.text.size());
    for (int32_t i = 0; i < size && total < kSampleLetters;) {
      UChar32 c;
      U8_NEXT(b.text.data(), i, size, c);
      if (c < 0 || !u_isalpha(c)) continue;
      UErrorCode status = U_ZERO_ERROR;
      const int script = uscript_getScript(c, &status);
      if (U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED) continue;
      ++letters[script];
      ++total;
    }
    if (total >= kSampleLetters) break;
  }
  if (total == 0) return {};
  // Japanese mixes kana into Han: some kana make it Japanese.
  const size_t kana = letters[USCRIPT_HIRAGANA] + letters[USCRIPT_KATAKANA];
  constexpr size_t kJapaneseKanaShare = 10;  // at least 1 letter in 10
  if (kana * kJapaneseKanaShare >= total) return "ja";
  for (const auto& [script, count] : letters) {
    if (count * 2 <= total) continue;  // not most of the letters
    const char* language = language_of_script(script);
    return language != nullptr ? language : "";
  }
  return {};
}

std::string document_language(const block::Document& doc, std::string_view content_language) {
  std::string language = declared_language(doc.hints.lang, content_language);
  if (language.empty()) language = script_language(doc);
  if (language.empty()) language = doc.language;
  return language;
}

}  // namespace webclean::meta
