#include "block/stoplists.h"

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <map>
#include <utility>
#include <vector>

namespace webclean::block {

namespace {

std::vector<std::string_view> lines_of(std::string_view words) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < words.size()) {
    size_t end = words.find('\n', start);
    if (end == std::string_view::npos) end = words.size();
    std::string_view word = words.substr(start, end - start);
    while (!word.empty() && (word.back() == '\r' || word.back() == ' ')) word.remove_suffix(1);
    if (!word.empty() && word.front() != '#') lines.push_back(word);
    start = end + 1;
  }
  return lines;
}

UScriptCode script_of(std::string_view word) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = c < 0 ? USCRIPT_INVALID_CODE : uscript_getScript(c, &status);
  return U_FAILURE(status) ? USCRIPT_INVALID_CODE : script;
}

// The script most of a list's words are written in. jusText's lists come
// from Wikipedia word counts, so those of languages in other scripts carry
// the English words their Wikipedias quote (the Marathi list has "the",
// "of", "and"): left in, they make English pages look Marathi.
UScriptCode main_script(const std::vector<std::string_view>& words) {
  std::map<UScriptCode, size_t> counts;
  for (std::string_view word : words) ++counts[script_of(word)];
  UScriptCode best = USCRIPT_INVALID_CODE;
  size_t best_count = 0;
  for (const auto& [script, count] : counts) {
    if (count > best_count) best = script, best_count = count;
  }
  return best;
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
  const std::vector<std::string_view> list = lines_of(words);
  const UScriptCode script = main_script(list);
  for (std::string_view word : list) {
    const UScriptCode word_script = script_of(word);
    if (word_script != script && word_script != USCRIPT_COMMON) continue;
    insert(hash_of(word), bit);
  }
}

uint64_t Stoplists::hash_of(std::string_view word) {
  const uint64_t hash = std::hash<std::string_view>{}(word);
  return hash == 0 ? 1 : hash;  // 0 marks an empty slot
}

// Fibonacci hashing spreads the hash's bits over the table's index.
static size_t home_slot(uint64_t hash, size_t table_size) {
  return static_cast<size_t>((hash * 0x9E3779B97F4A7C15ull) >> 32) & (table_size - 1);
}

const Stoplists::Slot* Stoplists::lookup(std::string_view word) const {
  if (slots_.empty()) return nullptr;
  const uint64_t hash = hash_of(word);
  const size_t mask = slots_.size() - 1;
  for (size_t i = home_slot(hash, slots_.size());; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.hash == hash) return &slot;
    if (slot.hash == 0) return nullptr;
  }
}

void Stoplists::reserve(size_t words) {
  size_t size = 1024;
  while (size < words * 2) size *= 2;
  if (size <= slots_.size()) return;
  std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(size));
  used_ = 0;
  for (const Slot& slot : old) {
    if (slot.hash != 0) insert(slot.hash, slot.languages);
  }
}

void Stoplists::insert(uint64_t hash, uint64_t languages) {
  if ((used_ + 1) * 2 > slots_.size()) reserve(std::max<size_t>(512, slots_.size()));
  const size_t mask = slots_.size() - 1;
  for (size_t i = home_slot(hash, slots_.size());; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.hash == hash) {
      slot.languages |= languages;
      return;
    }
    if (slot.hash == 0) {
      slot = Slot{hash, languages};
      ++used_;
      return;
    }
  }
}

Stoplists::Lang Stoplists::detect(const std::vector<std::string_view>& lowercase_words) const {
  Hits hits{};
  for (std::string_view word : lowercase_words) count_hits(word, hits);
  return best(hits, lowercase_words.size());
}

void Stoplists::count_hits(std::string_view lowercase_word, Hits& hits) const {
  const Slot* slot = lookup(lowercase_word);
  if (slot == nullptr) return;
  for (uint64_t mask = slot->languages; mask != 0; mask &= mask - 1) {
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
  const Slot* slot = lookup(lowercase_word);
  return slot != nullptr && (slot->languages >> lang & 1) != 0;
}

}  // namespace webclean::block
