// Stop-word lists per language (jusText's, BSD): the share of a block's
// words that are stop words separates running prose from menus and labels.
// Also picks a document's language: the list with the most hits.
#ifndef WEBCLEAN_BLOCK_STOPLISTS_H_
#define WEBCLEAN_BLOCK_STOPLISTS_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace webclean::block {

class Stoplists {
 public:
  // Language index in [0, 64), or -1 for "no list".
  using Lang = int;

  // `code` is an ISO 639-1 code ("en"); `words` one word a line.
  void add(std::string_view code, std::string_view words);
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
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // One lookup per word answers for all languages: bit i = language i.
  std::unordered_map<std::string, uint64_t, Hash, std::equal_to<>> languages_of_word_;
  std::vector<std::string> codes_;
};

}  // namespace webclean::block

#endif  // WEBCLEAN_BLOCK_STOPLISTS_H_
