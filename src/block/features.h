// Block features: the numbers every filter decides on (word and character
// counts, link, stop-word and punctuation shares), computed once per block
// after Parse, and the document language that picks the stop-word list.
#ifndef WEBCLEAN_BLOCK_FEATURES_H_
#define WEBCLEAN_BLOCK_FEATURES_H_

#include <functional>
#include <string>
#include <string_view>

#include "block/block.h"
#include "block/stoplists.h"

namespace webclean::block {

// Calls `on_word` with each word of `text`, lower-cased (into `scratch`).
// Words are runs of letters, digits and combining marks. Runs of
// ideographs, kana and Thai count one word per ICU word break.
void for_each_word(std::string_view text, std::string& scratch,
                   const std::function<void(std::string_view)>& on_word);

// Picks Document::language (from `declared_lang` when a list exists for
// it, else from the script for Japanese, Chinese and Thai, else from
// stop-word hits) and fills every block's Features.
void compute_features(Document& doc, const Stoplists& stoplists, std::string_view declared_lang);

// Fills the Features of one block added after compute_features (the
// metadata stage's JSON-LD description), in the document's language.
void compute_block_features(const Document& doc, Block& b, const Stoplists& stoplists);

}  // namespace webclean::block

#endif  // WEBCLEAN_BLOCK_FEATURES_H_
