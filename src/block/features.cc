#include "block/features.h"

#include <algorithm>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>
#include <vector>

#include "block/params.h"

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

// Counts ICU word-break words in runs of unspaced script. The break
// iterator is made on first use (only pages in such scripts pay for it)
// and reused for every run of the document.
class WordBreaker {
 public:
  uint32_t count(std::string_view run) {
    UErrorCode status = U_ZERO_ERROR;
    if (!iterator_) {
      iterator_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
      if (U_FAILURE(status)) iterator_.reset();
    }
    const uint32_t fallback = static_cast<uint32_t>(run.size() / 6 + 1);
    if (!iterator_) return fallback;
    UText* text = utext_openUTF8(nullptr, run.data(), static_cast<int64_t>(run.size()), &status);
    if (U_FAILURE(status)) return fallback;
    iterator_->setText(text, status);
    uint32_t words = 0;
    for (int32_t end = iterator_->next(); end != icu::BreakIterator::DONE;
         end = iterator_->next()) {
      if (iterator_->getRuleStatus() != UBRK_WORD_NONE) ++words;
    }
    utext_close(text);
    return U_SUCCESS(status) ? words : fallback;
  }

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
};

}  // namespace

namespace {

// The word scanner behind for_each_word(), a template so that the hot
// path of compute_features() calls its callback inline.
template <typename OnWord>
void scan_words(std::string_view text, std::string& scratch, WordBreaker& breaker,
                OnWord&& on_word) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  scratch.clear();
  while (i < length) {
    // ASCII fast path: most text of most pages.
    const uint8_t byte = s[i];
    if (byte < 0x80) {
      ++i;
      const bool letter =
          ((byte | 32) >= 'a' && (byte | 32) <= 'z') || (byte >= '0' && byte <= '9');
      if (letter) {
        scratch.push_back(static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte));
      } else if (!scratch.empty()) {
        on_word(std::string_view(scratch));
        scratch.clear();
      }
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && is_unspaced_script(c)) {
      if (!scratch.empty()) on_word(std::string_view(scratch));
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
      const uint32_t words = breaker.count(run);
      for (uint32_t w = 0; w < words; ++w) on_word(std::string_view());
      i = end;
      continue;
    }
    if (c >= 0 && is_word_char(c)) {
      append_lower(scratch, c);
    } else if (!scratch.empty()) {
      on_word(std::string_view(scratch));
      scratch.clear();
    }
  }
  if (!scratch.empty()) on_word(std::string_view(scratch));
  scratch.clear();
}

}  // namespace

void for_each_word(std::string_view text, std::string& scratch,
                   const std::function<void(std::string_view)>& on_word) {
  WordBreaker breaker;
  scan_words(text, scratch, breaker, on_word);
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

namespace {

// Whether a block reads as prose to tell its language from: most of its
// space-separated tokens are words, not URL parts, markup or code
// ("amp;rnd=6361&amp;rf=", "[INS:word:INS]"), which split into many short
// "words" that match other languages' stop words.
bool reads_as_prose(std::string_view text) {
  size_t tokens = 0, words = 0;
  for (size_t at = 0; at < text.size();) {
    const size_t end = std::min(text.find(' ', at), text.size());
    std::string_view token = text.substr(at, end - at);
    at = end + 1;
    if (token.empty()) continue;
    ++tokens;
    bool word = true, letter = false;
    for (const char c : token) {
      letter = letter || ((c | 32) >= 'a' && (c | 32) <= 'z') || (c & 0x80) != 0;
      word = word && std::string_view("=&%/\\[]{}<>|_#@+*^~`$").find(c) == std::string_view::npos;
    }
    words += word && letter;
  }
  return tokens >= params::kMinProseTokens && words * 100 >= tokens * params::kMinProseWordPercent;
}

Stoplists::Lang detect_language(const Document& doc, const Stoplists& stoplists,
                                std::string& scratch, WordBreaker& breaker) {
  // Prose blocks only, unless the document has none.
  for (const bool prose_only : {true, false}) {
    Stoplists::Hits hits{};
    size_t words = 0;
    for (const Block& b : doc.blocks) {
      if (prose_only && !reads_as_prose(b.text)) continue;
      scan_words(b.text, scratch, breaker, [&](std::string_view w) {
        if (w.empty() || words >= params::kDetectionWords) return;
        ++words;
        stoplists.count_hits(w, hits);
      });
      if (words >= params::kDetectionWords) break;
    }
    if (words > 0 || !prose_only) return stoplists.best(hits, words);
  }
  return -1;
}

// Languages told by their script alone (no stop list tells them): kana
// is Japanese, ideographs without kana Chinese, Thai letters Thai.
std::string script_language(const Document& doc) {
  size_t letters = 0, ideographs = 0, kana = 0, thai = 0, seen = 0;
  for (const Block& b : doc.blocks) {
    const auto* s = reinterpret_cast<const uint8_t*>(b.text.data());
    const int32_t length = static_cast<int32_t>(b.text.size());
    for (int32_t i = 0; i < length;) {
      if (s[i] < 0x80) {
        letters += (s[i] | 32) >= 'a' && (s[i] | 32) <= 'z';
        ++i;
        continue;
      }
      UChar32 c;
      U8_NEXT(s, i, length, c);
      if (c < 0 || !u_isalpha(c)) continue;
      ++letters;
      if (c >= 0x3040 && c <= 0x30FF) {
        ++kana;
      } else if (is_unspaced_script(c) && c >= 0x3400) {
        ++ideographs;
      } else if (c >= 0x0E00 && c <= 0x0E7F) {
        ++thai;
      }
    }
    seen += b.text.size();
    if (seen >= params::kScriptSampleBytes) break;
  }
  const size_t cjk = ideographs + kana;
  if (cjk * 2 > letters) return kana * 1000 >= cjk * params::kMinKanaPerMille ? "ja" : "zh";
  if (thai * 2 > letters) return "th";
  return {};
}

Stoplists::Lang declared_language(const Stoplists& stoplists, std::string_view declared) {
  if (declared.empty()) return -1;
  std::string primary(declared.substr(0, declared.find_first_of("-_")));
  for (char& ch : primary) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
  return stoplists.find(primary);
}

}  // namespace

namespace {

Features features_of(const Block& b, const Stoplists& stoplists, Stoplists::Lang lang,
                     std::string& scratch, WordBreaker& breaker) {
  Features f;
  f.link_chars = b.link_chars;
  count_characters(b, f);
  if (f.link_chars > f.chars) f.link_chars = f.chars;
  scan_words(b.text, scratch, breaker, [&](std::string_view w) {
    ++f.words;
    if (!w.empty() && stoplists.is_stop(lang, w)) ++f.stop_words;
  });
  return f;
}

}  // namespace

void compute_features(Document& doc, const Stoplists& stoplists, std::string_view declared_lang) {
  std::string scratch;
  WordBreaker breaker;
  Stoplists::Lang lang = declared_language(stoplists, declared_lang);
  std::string by_script;
  if (lang < 0) by_script = script_language(doc);
  if (!by_script.empty()) {
    lang = stoplists.find(by_script);
    doc.language = by_script;
  } else {
    if (lang < 0) lang = detect_language(doc, stoplists, scratch, breaker);
    doc.language = std::string(stoplists.code(lang));
  }
  for (Block& b : doc.blocks) b.features = features_of(b, stoplists, lang, scratch, breaker);
}

void compute_block_features(const Document& doc, Block& b, const Stoplists& stoplists) {
  std::string scratch;
  WordBreaker breaker;
  b.features = features_of(b, stoplists, stoplists.find(doc.language), scratch, breaker);
}

}  // namespace webclean::block
