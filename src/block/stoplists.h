// Stop-word lists per language (jusText's, BSD): the share of a block's
// words that are stop words separates running prose from menus and labels.
// Also picks a document's language: the list with the most hits.
#ifndef WEBCLEAN_BLOCK_STOPLISTS_H_
#define WEBCLEAN_BLOCK_STOPLISTS_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace webclean::block {

class Stoplists {
 public:
  // Language index in [0, 64), or -1 for "no list".
  using Lang = int;

  // `code` is an ISO 639-1 code ("en"); `words` one word a line.
  void add(std::string_view code, std::string_view words);
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

 private:
  // One lookup per word answers for all languages: bit i = language i. An
  // open-addressing table of (64-bit hash of the word, languages), probed
  // linearly: a lookup touches one or two cache lines and nothing is
  // allocated per word (a node-based map of 128,000 strings cost more than
  // half of a one-page process's start-up). Words are known by their hash
  // alone: a non-stop word taken for one by a 64-bit collision is a chance
  // of about 1e-14 per lookup.
  struct Slot {
    uint64_t hash = 0;  // 0: empty
    uint64_t languages = 0;
  };
  static uint64_t hash_of(std::string_view word);
  const Slot* lookup(std::string_view word) const;
  void insert(uint64_t hash, uint64_t languages);
  std::vector<Slot> slots_;  // a power of two in size, at most half full
  size_t used_ = 0;
  std::vector<std::string> codes_;
};

}  // namespace webclean::block

#endif  // WEBCLEAN_BLOCK_STOPLISTS_H_
