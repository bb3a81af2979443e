// Stop-word lists per language (jusText's, BSD): the share of a block's
// words that are stop words separates running prose from menus and labels.
// Also picks a document's language: the list with the most hits.
#ifndef WEBCLEAN_BLOCK_STOPLISTS_H_
#define WEBCLEAN_BLOCK_STOPLISTS_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace webclean::block {

class Stoplists {
 public:
  // Language index in [0, 64), or -1 for "no list".
  using Lang = int;

  // The lists of rules/stoplists/, hashed when webclean was built
  // (cmake/stoplist_table.cc): nothing to do at start-up, and only the pages
  // of the table a document's words land on are ever read.
  static Stoplists shipped();

  // `code` is an ISO 639-1 code ("en"); `words` one word a line. Adds to
  // the list of that code if there is one.
  void add(std::string_view code, std::string_view words);
  // Empties the list of `code`, which keeps its index: a list file that
  // replaces a shipped one clears it, then adds its own words.
  void clear(std::string_view code);
  // Room for `words` words in all, so that adding the lists never rehashes.
  void reserve(size_t words);
  // The language whose list covers most of `lowercase_words`, or -1 when
  // none covers at least a few of them.
  Lang detect(const std::vector<std::string_view>& lowercase_words) const;
  // The same in steps, without a word list: count each word's hits, then
  // pick the best language for `words` words counted.
  using Hits = std::array<uint32_t, 64>;
  void count_hits(std::string_view lowercase_word, Hits& hits) const;
  Lang best(const Hits& hits, size_t words) const;
  Lang find(std::string_view code) const;  // -1 when there is no list
  std::string_view code(Lang lang) const;
  bool is_stop(Lang lang, std::string_view lowercase_word) const;

  // The table as C++ source defining shipped(), for the build-time generator.
  std::string to_source() const;

 private:
  // One lookup per word answers for all languages. An open-addressing table
  // of 8-byte slots, probed linearly, at most half full: a lookup touches
  // one cache line of it, and one of the few thousand distinct language
  // sets. A slot holds the top 48 bits of the word's hash and, below them,
  // the index of the word's language set (bit i = language i). Words are
  // known by their hash alone: a non-stop word taken for one by a 48-bit
  // collision is a chance of about 1e-14 per lookup.
  // In front of the table, one bit per 2^20 values of the hash (128 kB,
  // which stays in cache): most words of a text are not stop words of
  // any list, and their lookup ends at a clear bit, not at a table slot
  // that is a cache miss.
  static constexpr size_t kFilterBits = size_t{1} << 20;
  static constexpr uint64_t kMaskBits = 16;
  static constexpr uint64_t kMaskIdMask = (uint64_t{1} << kMaskBits) - 1;
  static uint64_t hash_of(std::string_view word);
  std::span<const uint64_t> slots() const {
    return owned_slots_.empty() ? shipped_slots_ : std::span<const uint64_t>(owned_slots_);
  }
  std::span<const uint64_t> filter() const {
    return owned_filter_.empty() ? shipped_filter_ : std::span<const uint64_t>(owned_filter_);
  }
  static size_t filter_bit(uint64_t fingerprint) { return (fingerprint >> 20) & (kFilterBits - 1); }
  const uint64_t* lookup(std::string_view word) const;
  uint64_t languages(uint64_t slot) const { return masks_[slot & kMaskIdMask]; }
  uint64_t mask_id(uint64_t languages);
  void insert(uint64_t fingerprint, uint64_t languages);
  void own_slots();

  std::span<const uint64_t> shipped_slots_;  // the build's table, until changed
  std::vector<uint64_t> owned_slots_;        // a power of two in size, or empty
  std::span<const uint64_t> shipped_filter_;
  std::vector<uint64_t> owned_filter_;  // kFilterBits bits, or empty
  size_t used_ = 0;
  std::vector<uint64_t> masks_;                      // the distinct language sets, by index
  std::unordered_map<uint64_t, uint16_t> mask_ids_;  // filled on the first add()
  std::vector<std::string> codes_;
};

}  // namespace webclean::block

#endif  // WEBCLEAN_BLOCK_STOPLISTS_H_
