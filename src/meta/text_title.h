// The title of a text dump, chosen by score among its short lines. Dumps
// saved by browsers and scrapers open with the page's <title> ("Story |
// Site") and show the headline again further down; dumps of the article
// alone put the headline just before the byline or dateline.
#ifndef WEBCLEAN_META_TEXT_TITLE_H_
#define WEBCLEAN_META_TEXT_TITLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "block/block.h"

namespace webclean::meta {

struct TextTitle {
  int block = -1;                // the block the title is, -1 when none was found
  std::string text;              // the title
  bool from_first_line = false;  // the first line is the <title> it was read from
};

// `header_lines[i]`: block i is a byline or dateline.
TextTitle choose_text_title(const block::Document& doc, const std::vector<bool>& header_lines);

// Lower-case ASCII, whitespace runs to one space: titles compare so.
std::string comparable_text(std::string_view text);

}  // namespace webclean::meta

#endif  // WEBCLEAN_META_TEXT_TITLE_H_
