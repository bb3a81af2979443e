#include "block/stoplists.h"

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

#include "block/params.h"

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
  own_slots();
  for (std::string_view word : list) {
    const UScriptCode word_script = script_of(word);
    if (word_script != script && word_script != USCRIPT_COMMON) continue;
    insert(hash_of(word) & ~kMaskIdMask, bit);
  }
}

void Stoplists::clear(std::string_view code) {
  const Lang lang = find(code);
  if (lang < 0) return;
  // The words stay in the table with one language fewer: lookups find
  // them and answer "no list" for that language.
  for (uint64_t& languages : masks_) languages &= ~(uint64_t{1} << lang);
  mask_ids_.clear();
}

// A 64-bit multiply-xorshift hash of 8 bytes at a time. Ours rather than
// std::hash: the shipped table is computed at build time and must hash
// exactly as the library does, whatever standard library it runs with.
uint64_t Stoplists::hash_of(std::string_view word) {
  constexpr uint64_t kMultiplier = 0xBF58476D1CE4E5B9ull;
  uint64_t hash = 0x9E3779B97F4A7C15ull ^ word.size();
  const auto mix = [&](uint64_t chunk) {
    hash = (hash ^ chunk) * kMultiplier;
    hash ^= hash >> 31;
  };
  size_t at = 0;
  for (; at + 8 <= word.size(); at += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, word.data() + at, 8);
    mix(chunk);
  }
  if (at < word.size()) {
    uint64_t chunk = 0;
    std::memcpy(&chunk, word.data() + at, word.size() - at);
    mix(chunk);
  }
  hash ^= hash >> 29;
  hash *= 0x94D049BB133111EBull;
  hash ^= hash >> 32;
  // The slot keeps the top 48 bits, and 0 marks an empty slot.
  return (hash & ~kMaskIdMask) == 0 ? kMaskIdMask + 1 : hash;
}

// Fibonacci hashing spreads the hash's bits over the table's index.
static size_t home_slot(uint64_t fingerprint, size_t table_size) {
  return static_cast<size_t>((fingerprint * 0x9E3779B97F4A7C15ull) >> 32) & (table_size - 1);
}

const uint64_t* Stoplists::lookup(std::string_view word) const {
  const std::span<const uint64_t> table = slots();
  const std::span<const uint64_t> bits = filter();
  if (table.empty() || bits.empty()) return nullptr;  // nothing added yet
  const uint64_t fingerprint = hash_of(word) & ~kMaskIdMask;
  const size_t bit = filter_bit(fingerprint);
  if ((bits[bit >> 6] >> (bit & 63) & 1) == 0) return nullptr;
  const size_t mask = table.size() - 1;
  for (size_t i = home_slot(fingerprint, table.size());; i = (i + 1) & mask) {
    const uint64_t slot = table[i];
    if ((slot & ~kMaskIdMask) == fingerprint) return &table[i];
    if (slot == 0) return nullptr;
  }
}

// Copies the shipped table before its first change.
void Stoplists::own_slots() {
  if (!owned_slots_.empty() || shipped_slots_.empty()) return;
  owned_slots_.assign(shipped_slots_.begin(), shipped_slots_.end());
  owned_filter_.assign(shipped_filter_.begin(), shipped_filter_.end());
  shipped_slots_ = {};
  shipped_filter_ = {};
}

void Stoplists::reserve(size_t words) {
  size_t size = 1024;
  while (size < words * 2) size *= 2;
  if (size <= slots().size()) return;
  own_slots();
  std::vector<uint64_t> old = std::exchange(owned_slots_, std::vector<uint64_t>(size));
  const size_t mask = size - 1;
  for (uint64_t slot : old) {
    if (slot == 0) continue;
    size_t i = home_slot(slot & ~kMaskIdMask, size);
    while (owned_slots_[i] != 0) i = (i + 1) & mask;
    owned_slots_[i] = slot;
  }
}

uint64_t Stoplists::mask_id(uint64_t languages) {
  if (mask_ids_.empty()) {
    for (size_t id = 0; id < masks_.size(); ++id) {
      mask_ids_.emplace(masks_[id], static_cast<uint16_t>(id));
    }
  }
  const auto [it, added] = mask_ids_.emplace(languages, static_cast<uint16_t>(masks_.size()));
  if (added) {
    // 65,536 distinct sets of languages: far more than lists of 64
    // languages of a few thousand words each make (the shipped ones: ~2,000).
    if (masks_.size() > kMaskIdMask) throw std::length_error("too many stop-word list overlaps");
    masks_.push_back(languages);
  }
  return it->second;
}

void Stoplists::insert(uint64_t fingerprint, uint64_t languages) {
  if ((used_ + 1) * 2 > owned_slots_.size()) reserve(std::max<size_t>(512, owned_slots_.size()));
  if (owned_filter_.empty()) owned_filter_.assign(kFilterBits / 64, 0);
  const size_t bit = filter_bit(fingerprint);
  owned_filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  const size_t mask = owned_slots_.size() - 1;
  for (size_t i = home_slot(fingerprint, owned_slots_.size());; i = (i + 1) & mask) {
    uint64_t& slot = owned_slots_[i];
    if ((slot & ~kMaskIdMask) == fingerprint) {
      slot = fingerprint | mask_id(masks_[slot & kMaskIdMask] | languages);
      return;
    }
    if (slot == 0) {
      slot = fingerprint | mask_id(languages);
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
  const uint64_t* slot = lookup(lowercase_word);
  if (slot == nullptr) return;
  for (uint64_t mask = languages(*slot); mask != 0; mask &= mask - 1) {
    ++hits[static_cast<size_t>(__builtin_ctzll(mask))];
  }
}

Stoplists::Lang Stoplists::best(const Hits& hits, size_t words) const {
  Lang best = -1;
  uint32_t best_hits = 0;
  for (size_t i = 0; i < codes_.size(); ++i) {
    // A tie goes to the code first in alphabetical order, wherever the
    // list was added.
    const bool wins = hits[i] > best_hits ||
                      (hits[i] == best_hits && best >= 0 && codes_[i] < codes_[size_t(best)]);
    if (wins) {
      best = static_cast<Lang>(i);
      best_hits = hits[i];
    }
  }
  // Too few hits, or too small a share of the words: not enough evidence for any list.
  if (best_hits < params::kMinStopwordHits || best_hits * params::kMaxWordsPerStopwordHit < words)
    return -1;
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
  const uint64_t* slot = lookup(lowercase_word);
  return slot != nullptr && (languages(*slot) >> lang & 1) != 0;
}

std::string Stoplists::to_source() const {
  std::string out =
      "// Generated by cmake/stoplist_table.cc from rules/stoplists/. Do not edit.\n"
      "#include \"block/stoplists.h\"\n\n"
      "namespace webclean::block {\n\nnamespace {\n\n";
  char number[32];
  const auto append_array = [&](const char* name, std::span<const uint64_t> values) {
    out += "alignas(64) constexpr uint64_t ";
    out += name;
    out += "[] = {";
    for (size_t i = 0; i < values.size(); ++i) {
      if (i % 8 == 0) out += "\n";
      std::snprintf(number, sizeof number, values[i] ? "0x%llx," : "0,",
                    static_cast<unsigned long long>(values[i]));
      out += number;
    }
    out += "};\n\n";
  };
  append_array("kSlots", slots());
  append_array("kFilter", filter());
  append_array("kMasks", masks_);
  out += "}  // namespace\n\nStoplists Stoplists::shipped() {\n  Stoplists lists;\n";
  out += "  lists.shipped_slots_ = kSlots;\n";
  out += "  lists.shipped_filter_ = kFilter;\n";
  out += "  lists.used_ = " + std::to_string(used_) + ";\n";
  out += "  lists.masks_.assign(std::begin(kMasks), std::end(kMasks));\n";
  out += "  lists.codes_ = {";
  for (const std::string& code : codes_) out += "\"" + code + "\", ";
  out += "};\n  return lists;\n}\n\n}  // namespace webclean::block\n";
  return out;
}

}  // namespace webclean::block
