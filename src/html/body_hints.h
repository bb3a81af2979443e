// Metadata hints from the page body, gathered during the walk: elements
// that name the author (bylines) and dates marked up as such (<time>,
// itemprop=datePublished), and kickers set inside h1s. The walk calls enter/leave for every
// element; what is found goes to PageHints for the metadata stage.
#ifndef WEBCLEAN_HTML_BODY_HINTS_H_
#define WEBCLEAN_HTML_BODY_HINTS_H_

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "block/block.h"
#include "html/prescan.h"

namespace webclean::html {

// An element as the walk sees it when it enters it.
struct ElementSeen {
  const GumboNode* node = nullptr;
  std::string_view id, classes, rel, itemprop;  // class and id already resolved
  bool hidden = false;                          // hidden attribute, aria-hidden, display:none
  bool skipped = false;     // in <head> or in an element whose text is no page text
  int32_t node_index = -1;  // the innermost Node around it (itself if it is one)
};

class BodyHints {
 public:
  BodyHints(block::Document& doc, const Prescanned& scanned) : doc_(doc), scanned_(scanned) {}

  // Called once the element's own block, if it is block-level, has opened.
  void enter(const ElementSeen& element);
  // Called when the element closes, after its block was flushed.
  void leave(const GumboNode* node);

 private:
  void add_byline(const ElementSeen& element);
  void add_date(const ElementSeen& element);
  void add_kicker(const ElementSeen& element);
  // The text of the subtree as the DOM's textContent, at most `limit`
  // bytes (more means "too long" to the callers); false when cut short.
  bool text_content(const GumboNode* root, size_t limit, std::string& out);
  const GumboNode* find_name_element(const GumboNode* root);

  block::Document& doc_;
  const Prescanned& scanned_;
  // The element's class and id, ASCII lower-cased once for the name tests
  // of bylines, dates and kickers (a dozen substring searches each).
  std::string classes_lower_;
  std::string id_lower_;
  std::vector<const GumboNode*> hidden_;                           // open hidden elements
  std::vector<std::pair<const GumboNode*, size_t>> open_bylines_;  // element, index in hints
  size_t nodes_scanned_ = 0;  // subtree nodes read for texts, bounded per page
};

}  // namespace webclean::html

#endif  // WEBCLEAN_HTML_BODY_HINTS_H_
