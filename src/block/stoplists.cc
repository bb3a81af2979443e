#include "block/stoplists.h"

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <map>

namespace webclean::block {
namespace {

// The script of the first letter of `word` that has one (not Common or
// Inherited: digits, punctuation, combining marks); -1 when none does.
int script_of(std::string_view word) {
  int32_t i = 0;
  const auto size = static_cast<int32_t>(word.size());
  while (i < size) {
    UChar32 c;
    U8_NEXT(word.data(), i, size, c);
    if (c < 0) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED) continue;
    return script;
  }
  return -1;
}

}  // namespace

void Stoplists::add(std::string_view code, std::string_view words) {
  Lang lang = find(code);
  if (lang < 0) {
    if (codes_.size() >= 64) return;  // the bitmask holds 64 languages
    lang = static_cast<Lang>(codes_.size());
    codes_.emplace_back(code);
  }
  const uint64_t bit = uint64_t{1} << lang;
  std::map<int, size_t> words_in_script;
  size_t start = 0;
  while (start < words.size()) {
    size_t end = words.find('\n', start);
    if (end == std::string_view::npos) end = words.size();
    std::string_view word = words.substr(start, end - start);
    while (!word.empty() && (word.back() == '\r' || word.back() == ' ')) word.remove_suffix(1);
    if (!word.empty() && word.front() != '#') {
      ++words_in_script[script_of(word)];
      auto it = languages_of_word_.find(word);
      if (it == languages_of_word_.end()) {
        languages_of_word_.emplace(std::string(word), bit);
      } else {
        it->second |= bit;
      }
    }
    start = end + 1;
  }
  int script = -1;
  size_t most = 0;
  for (const auto& [one, count] : words_in_script) {
    if (one >= 0 && count > most) {
      script = one;
      most = count;
    }
  }
  if (scripts_.size() <= static_cast<size_t>(lang))
    scripts_.resize(static_cast<size_t>(lang) + 1, -1);
  scripts_[static_cast<size_t>(lang)] = script;
  languages_of_script_.clear();
  for (size_t i = 0; i < scripts_.size(); ++i) {
    auto found = std::find_if(languages_of_script_.begin(), languages_of_script_.end(),
                              [&](const auto& entry) { return entry.first == scripts_[i]; });
    if (found == languages_of_script_.end()) {
      languages_of_script_.emplace_back(scripts_[i], 0);
      found = languages_of_script_.end() - 1;
    }
    found->second |= uint64_t{1} << i;
  }
}

uint64_t Stoplists::languages_in_script(int script) const {
  for (const auto& [one, mask] : languages_of_script_) {
    if (one == script) return mask;
  }
  return 0;
}

Stoplists::Lang Stoplists::detect(const std::vector<std::string_view>& lowercase_words) const {
  Hits hits{};
  for (std::string_view word : lowercase_words) count_hits(word, hits);
  return best(hits, lowercase_words.size());
}

void Stoplists::count_hits(std::string_view lowercase_word, Hits& hits) const {
  auto it = languages_of_word_.find(lowercase_word);
  if (it == languages_of_word_.end()) return;
  const uint64_t same_script = languages_in_script(script_of(lowercase_word));
  for (uint64_t mask = it->second & same_script; mask != 0; mask &= mask - 1) {
    ++hits[static_cast<size_t>(__builtin_ctzll(mask))];
  }
}

Stoplists::Lang Stoplists::best(const Hits& hits, size_t words) const {
  Lang best = -1;
  uint32_t best_hits = 0;
  for (size_t i = 0; i < codes_.size(); ++i) {
    if (hits[i] > best_hits) {
      best = static_cast<Lang>(i);
      best_hits = hits[i];
    }
  }
  // Fewer than 5 hits, or under 10% of the words: not enough evidence for any list.
  if (best_hits < 5 || best_hits * 10 < words) return -1;
  return best;
}

Stoplists::Lang Stoplists::find(std::string_view code) const {
  for (size_t i = 0; i < codes_.size(); ++i) {
    if (codes_[i] == code) return static_cast<Lang>(i);
  }
  return -1;
}

std::string_view Stoplists::code(Lang lang) const {
  if (lang < 0 || static_cast<size_t>(lang) >= codes_.size()) return {};
  return codes_[static_cast<size_t>(lang)];
}

bool Stoplists::is_stop(Lang lang, std::string_view lowercase_word) const {
  if (lang < 0) return false;
  auto it = languages_of_word_.find(lowercase_word);
  return it != languages_of_word_.end() && (it->second >> lang & 1) != 0;
}

}  // namespace webclean::block
