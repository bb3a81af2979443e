// Text path of Parse: a plain-text dump (paragraphs separated by blank
// lines) becomes blocks, one per line; lines after the first of a
// paragraph are marked same_paragraph so the sink can rejoin them. A dump
// hard-wrapped at a fixed width has its wrapped lines joined first, a
// Markdown dump's [text](url) links and an html2text dump's underscored
// ones become their texts, counted as links, and a lynx or w3m dump's link
// numbers and References list go.
#ifndef WEBCLEAN_TEXT_PARSE_H_
#define WEBCLEAN_TEXT_PARSE_H_

#include <string_view>

#include "block/block.h"

namespace webclean::text {

block::Document parse(std::string_view utf8_text);

}  // namespace webclean::text

#endif  // WEBCLEAN_TEXT_PARSE_H_
