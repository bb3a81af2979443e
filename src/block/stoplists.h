// Stop-word lists per language (jusText's, BSD): the share of a block's
// words that are stop words separates running prose from menus and labels.
// Also picks a document's language: the list with the most hits.
#ifndef WEBCLEAN_BLOCK_STOPLISTS_H_
#define WEBCLEAN_BLOCK_STOPLISTS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace webclean::block {

class Stoplists {
 public:
  // `code` is an ISO 639-1 code ("en"); `words` one word a line.
  void add(std::string code, std::string_view words);
  // The language whose list covers most of `lowercase_words`; "" if none
  // covers at least a few.
  std::string detect(const std::vector<std::string_view>& lowercase_words) const;
  bool is_stop(std::string_view code, std::string_view lowercase_word) const;
  bool has(std::string_view code) const;

 private:
  std::unordered_map<std::string, std::unordered_set<std::string>> lists_;
};

}  // namespace webclean::block

#endif  // WEBCLEAN_BLOCK_STOPLISTS_H_
