// The walk: one iterative pass over Gumbo's tree that lays text out in
// blocks the way a browser breaks paragraphs, and keeps the element nodes
// around them and the page hints. Internal to src/html (takes Gumbo types).
#ifndef WEBCLEAN_HTML_WALK_H_
#define WEBCLEAN_HTML_WALK_H_

#include <gumbo.h>

#include <string_view>

#include "block/block.h"
#include "html/prescan.h"

namespace webclean::html {

// What the walk writes besides the plain text.
struct WalkOptions {
  bool inline_markup = false;  // fill Block::markup (see html/markup.h)
  bool link_targets = false;   // with inline_markup: links as [text](url)
  std::string_view page_url;   // the base of relative link targets
};

// Fills doc.blocks, doc.nodes and doc.hints (all but json_ld) from the
// tree under `document`. Uses an explicit stack: any depth is fine.
// Indexed class and id values are resolved through `scanned`.
void walk(const GumboNode* document, const Prescanned& scanned, block::Document& doc,
          const WalkOptions& options = WalkOptions{});

}  // namespace webclean::html

#endif  // WEBCLEAN_HTML_WALK_H_
