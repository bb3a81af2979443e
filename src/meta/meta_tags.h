// The head's <meta> tags as the metadata reads them: by any of a few
// names, in the order of preference the caller gives.
#ifndef WEBCLEAN_META_META_TAGS_H_
#define WEBCLEAN_META_META_TAGS_H_

#include <initializer_list>
#include <string>
#include <string_view>

#include "block/block.h"

namespace webclean::meta {

// The content of the first meta tag named one of `keys`, in key order,
// its references decoded and whitespace collapsed; empty when none.
std::string meta_value(const block::PageHints& hints, std::initializer_list<std::string_view> keys);

}  // namespace webclean::meta

#endif  // WEBCLEAN_META_META_TAGS_H_
