// The walk: one iterative pass over Gumbo's tree that lays text out in
// blocks the way a browser breaks paragraphs, and keeps the element nodes
// around them and the page hints. Internal to src/html (takes Gumbo types).
#ifndef WEBCLEAN_HTML_WALK_H_
#define WEBCLEAN_HTML_WALK_H_

#include <gumbo.h>

#include "block/block.h"
#include "html/prescan.h"

namespace webclean::html {

// Fills doc.blocks, doc.nodes and doc.hints (all but json_ld) from the
// tree under `document`. Uses an explicit stack: any depth is fine.
// Indexed class and id values are resolved through `scanned`.
void walk(const GumboNode* document, const Prescanned& scanned, block::Document& doc);

}  // namespace webclean::html

#endif  // WEBCLEAN_HTML_WALK_H_
