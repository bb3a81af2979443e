// Sink: what the Cleaner's Result holds of a cleaned document, assembled
// from its blocks: the kept text, its Markdown layout, and every block's
// report for --explain. (sink.h renders a Result for output.)
#ifndef WEBCLEAN_SINK_ASSEMBLE_H_
#define WEBCLEAN_SINK_ASSEMBLE_H_

#include <string>
#include <vector>

#include "block/block.h"
#include "webclean/result.h"

namespace webclean::sink {

// The kept blocks' texts: a blank line between paragraphs, a newline
// between the lines of one (Block::same_paragraph).
std::string assemble_text(const block::Document& doc);

// Every block with its decision: kind, stage, reason, the last elements
// above it ("div.story > p"), and in its text, what the subtrees dropped
// before parsing held, in brackets.
std::vector<BlockReport> block_reports(const block::Document& doc);

// The kept blocks of `doc` as CommonMark: headings, paragraphs, list
// items, quotes, GFM pipe tables for data tables and fenced code blocks,
// separated by a blank line (consecutive list items by a line break), no
// final newline. The structure comes from the element nodes around each
// block (li in ol/ul, blockquote, table rows), the inline markup from
// Block::markup (the parser's); text documents' paragraphs come out as
// they are, their lines escaped where Markdown would read them as markup.
std::string assemble_markdown(const block::Document& doc);

}  // namespace webclean::sink

#endif  // WEBCLEAN_SINK_ASSEMBLE_H_
