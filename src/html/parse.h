// HTML path of Parse: a byte prescan drops what no filter reads, Gumbo
// (with an arena allocator) parses the rest, and one iterative walk turns
// the tree into blocks, the element nodes around them and page hints.
// Gumbo types never leave this folder.
#ifndef WEBCLEAN_HTML_PARSE_H_
#define WEBCLEAN_HTML_PARSE_H_

#include <string_view>

#include "block/block.h"

namespace webclean::html {

// `utf8_html` must be valid UTF-8. The result has is_html = true, blocks in
// document order, nodes parents-first, and hints (title, lang, meta, JSON-LD).
block::Document parse(std::string_view utf8_html);

}  // namespace webclean::html

#endif  // WEBCLEAN_HTML_PARSE_H_
