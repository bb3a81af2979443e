// Markdown layout of a cleaned document: the kept blocks as headings,
// paragraphs, list items, quotes, pipe tables and fenced code blocks.
// The structure comes from the element nodes around each block (li in
// ol/ul, blockquote, table rows); the inline markup from Block::markup.
#ifndef WEBCLEAN_SINK_MARKDOWN_H_
#define WEBCLEAN_SINK_MARKDOWN_H_

#include <string>

#include "block/block.h"

namespace webclean::sink {

// The kept blocks of `doc` as CommonMark (GFM pipe tables for data
// tables), blocks separated by a blank line (consecutive list items by a
// line break), no final newline. HTML blocks need Block::markup (the
// parser's inline markup); text documents' paragraphs come out as they
// are, their lines escaped where Markdown would read them as markup.
std::string assemble_markdown(const block::Document& doc);

}  // namespace webclean::sink

#endif  // WEBCLEAN_SINK_MARKDOWN_H_
