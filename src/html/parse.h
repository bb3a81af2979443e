// HTML path of Parse: a byte prescan drops what no filter reads, Gumbo
// (with an arena allocator) parses the rest, and one iterative walk turns
// the tree into blocks, the element nodes around them and page hints.
// Gumbo types never leave this folder.
#ifndef WEBCLEAN_HTML_PARSE_H_
#define WEBCLEAN_HTML_PARSE_H_

#include <string>
#include <string_view>
#include <vector>

#include "block/block.h"
#include "block/stage_clock.h"

namespace webclean::html {

// `utf8_html` must be valid UTF-8. The result has is_html = true, blocks in
// document order, nodes parents-first, and hints (title, lang, meta, JSON-LD).
struct ParseOptions {
  // Elements whose subtrees the prescan drops before parsing (see
  // PrescanOptions): the tags the rules drop anyway.
  std::vector<std::string> drop_subtrees;
  // Write each block's text as Markdown too (Block::markup), with link
  // targets when link_targets is set.
  bool inline_markup = false;
  bool link_targets = false;
  // Keep what the dropped subtrees held (Document::dropped_texts).
  bool keep_dropped_texts = false;
};

class Arena;

// `arena`, when given, is reset and reused (a worker's arena, kept from
// page to page); else parse() makes its own. `page_url` is the base of
// relative link targets. `clock`, when given, gets the prescan's and
// Gumbo's laps (the walk's is the caller's).
block::Document parse(std::string_view utf8_html, const ParseOptions& options = ParseOptions{},
                      Arena* arena = nullptr, std::string_view page_url = {},
                      block::StageClock* clock = nullptr);

// The version of Gumbo webclean was built with (Gumbo has no call that
// tells the version in use), e.g. "0.10.1".
std::string gumbo_version();

}  // namespace webclean::html

#endif  // WEBCLEAN_HTML_PARSE_H_
