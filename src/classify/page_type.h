// The page type step, between Parse and the filters: decides once per page
// whether it is an article, a forum thread, a product, a shop's collection,
// a listing, documentation or a service page, from signals that hold across
// sites (schema.org types, og:type, URL shapes, platform markup, structure).
#ifndef WEBCLEAN_CLASSIFY_PAGE_TYPE_H_
#define WEBCLEAN_CLASSIFY_PAGE_TYPE_H_

#include <string>
#include <string_view>
#include <vector>

#include "block/block.h"
#include "webclean/result.h"

namespace webclean::classify {

struct PageTypeDecision {
  PageType type = PageType::kArticle;
  // The signals that voted for `type`, strongest first, e.g. "JSON-LD
  // DiscussionForumPosting", "URL /t/…/123", "structure: 12 repeated cards".
  std::vector<std::string> signals;
};

// Decides the type of a parsed document. `url` is the page's address when
// known (the caller's, else the canonical link or og:url the page declares).
PageTypeDecision decide_page_type(const block::Document& doc, std::string_view url);

// "forum (JSON-LD DiscussionForumPosting; URL /t/…/123)", for --explain.
std::string describe(PageType type, const std::vector<std::string>& signals);

}  // namespace webclean::classify

#endif  // WEBCLEAN_CLASSIFY_PAGE_TYPE_H_
