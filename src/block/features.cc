#include "block/features.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>
#include <vector>

namespace webclean::block {
namespace {

// Scripts written without spaces between words.
bool is_unspaced_script(UChar32 c) {
  return (c >= 0x3040 && c <= 0x30FF) ||  // hiragana, katakana
         (c >= 0x3400 && c <= 0x9FFF) ||  // CJK ideographs
         (c >= 0xF900 && c <= 0xFAFF) ||  // compatibility ideographs
         (c >= 0x0E00 && c <= 0x0EFF) ||  // Thai, Lao
         (c >= 0x1000 && c <= 0x109F) ||  // Myanmar
         (c >= 0x1780 && c <= 0x17FF) ||  // Khmer
         (c >= 0x20000 && c <= 0x2FFFF);  // CJK extensions
}

bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (u_isalnum(c)) return true;
  const int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

bool is_sentence_end(UChar32 c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01 ||
         c == 0xFF1F || c == 0x061F || c == 0x0964;
}

bool is_comma(UChar32 c) {
  return c == ',' || c == 0xFF0C || c == 0x3001 || c == 0x060C;
}

bool is_closing(UChar32 c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
         c == 0x00BB || c == 0x300D || c == 0x300F || c == 0xFF09;
}

void append_lower(std::string& out, UChar32 c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    return;
  }
  c = u_tolower(c);
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, c, error);
  if (!error) out.append(buf, static_cast<size_t>(len));
}

// Counts ICU word-break words in an unspaced-script run.
uint32_t count_icu_words(std::string_view run) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) return static_cast<uint32_t>(run.size() / 6 + 1);
  UText* text = utext_openUTF8(nullptr, run.data(), static_cast<int64_t>(run.size()), &status);
  if (U_FAILURE(status)) return static_cast<uint32_t>(run.size() / 6 + 1);
  it->setText(text, status);
  uint32_t words = 0;
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; end = it->next()) {
    if (it->getRuleStatus() != UBRK_WORD_NONE) ++words;
  }
  utext_close(text);
  return words;
}

}  // namespace

void for_each_word(std::string_view text, std::string& scratch,
                   const std::function<void(std::string_view)>& on_word) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  scratch.clear();
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && is_unspaced_script(c)) {
      if (!scratch.empty()) on_word(scratch);
      scratch.clear();
      // One run of unspaced script: every ICU word in it is one word.
      int32_t end = i;
      while (end < length) {
        int32_t next = end;
        UChar32 d;
        U8_NEXT(s, next, length, d);
        if (d < 0 || !is_unspaced_script(d)) break;
        end = next;
      }
      std::string_view run =
          text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
      const uint32_t words = count_icu_words(run);
      for (uint32_t w = 0; w < words; ++w) on_word({});
      i = end;
      continue;
    }
    if (c >= 0 && is_word_char(c)) {
      append_lower(scratch, c);
    } else if (!scratch.empty()) {
      on_word(scratch);
      scratch.clear();
    }
  }
  if (!scratch.empty()) on_word(scratch);
  scratch.clear();
}

namespace {

void count_characters(const Block& block, Features& f) {
  const auto* s = reinterpret_cast<const uint8_t*>(block.text.data());
  const int32_t length = static_cast<int32_t>(block.text.size());
  UChar32 last = 0, before_closing = 0;
  bool seen_letter = false;
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    ++f.chars;
    if (c < 0) continue;
    if (!seen_letter && (c >= 0x80 ? u_isalpha(c) : ((c | 32) >= 'a' && (c | 32) <= 'z'))) {
      seen_letter = true;
      f.starts_upper = c >= 0x80 ? u_isupper(c) : (c >= 'A' && c <= 'Z');
    }
    if (is_comma(c)) ++f.commas;
    if (is_sentence_end(c)) {
      UChar32 next = ' ';
      if (i < length) {
        int32_t j = i;
        U8_NEXT(s, j, length, next);
      }
      if (next == ' ' || next == '\n' || is_closing(next) || c >= 0x3000) ++f.sentence_ends;
    }
    if (c != ' ' && c != '\n') {
      if (!is_closing(c)) before_closing = c;
      last = c;
    }
  }
  (void)last;
  f.ends_with_punct = is_sentence_end(before_closing) || before_closing == ':';
}

}  // namespace

void compute_features(Document& doc, const Stoplists& stoplists, std::string_view declared_lang) {
  std::string scratch;
  Stoplists::Lang lang = -1;
  if (!declared_lang.empty()) {
    std::string primary(declared_lang.substr(0, declared_lang.find_first_of("-_")));
    for (char& ch : primary) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    lang = stoplists.find(primary);
  }
  if (lang < 0) {
    // Detect from a sample of the document's words (the first ~4000 suffice).
    std::vector<std::string> sample;
    for (const Block& b : doc.blocks) {
      for_each_word(b.text, scratch, [&](std::string_view w) {
        if (!w.empty() && sample.size() < 4000) sample.emplace_back(w);
      });
      if (sample.size() >= 4000) break;
    }
    std::vector<std::string_view> views(sample.begin(), sample.end());
    lang = stoplists.detect(views);
  }
  doc.language = std::string(stoplists.code(lang));
  for (Block& b : doc.blocks) {
    Features f;
    f.link_chars = b.link_chars;
    count_characters(b, f);
    if (f.link_chars > f.chars) f.link_chars = f.chars;
    for_each_word(b.text, scratch, [&](std::string_view w) {
      ++f.words;
      if (!w.empty() && stoplists.is_stop(lang, w)) ++f.stop_words;
    });
    b.features = f;
  }
}

}  // namespace webclean::block
