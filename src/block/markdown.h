// Markdown's text rules, shared by the HTML walk (which writes a block's
// inline markup: escaped words, emphasis, code, links) and the sink (which
// lays blocks out as headings, lists, quotes, tables and code blocks).
// The target is CommonMark, plus GFM's pipe tables.
#ifndef WEBCLEAN_BLOCK_MARKDOWN_H_
#define WEBCLEAN_BLOCK_MARKDOWN_H_

#include <string>
#include <string_view>

namespace webclean::block::markdown {

// Appends `text` with the characters that would start inline markup
// backslash-escaped: \ * ` [ ] <, _ at a word's edge, and & where it would
// start an entity reference. What a Markdown reader shows is `text`.
void append_escaped(std::string_view text, std::string& out);
std::string escaped(std::string_view text);

// One line of a block's content, made safe to stand at the start of a
// line: a backslash goes before what would make it a heading (#), a quote
// (>), a list item (- + * or 1. 1)), a thematic break or setext underline
// (--- === ***), or a code fence (~~~). Inline escapes must already be done.
std::string line_start_escaped(std::string_view line);

// An ATX heading "## text" of `level` (clamped to 1-6) from inline
// content: line breaks become spaces, and a run of # at the end, which
// would be read as the closing sequence, is escaped.
std::string heading(std::string_view inline_text, int level);

// `content` as a code span: backticks one longer than its longest run of
// backticks, padded with a space when it starts or ends with one.
std::string code_span(std::string_view content);

// The fence for a code block holding `content`: ``` or longer than any
// run of backticks in it.
std::string code_fence(std::string_view content);

}  // namespace webclean::block::markdown

#endif  // WEBCLEAN_BLOCK_MARKDOWN_H_
