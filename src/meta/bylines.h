// Bylines and authors: the byline elements of a page's body (as
// Readability finds them), and the author names a byline holds
// ("By Jane Doe | March 3, 2020" -> "Jane Doe").
#ifndef WEBCLEAN_META_BYLINES_H_
#define WEBCLEAN_META_BYLINES_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "block/block.h"
#include "meta/meta.h"

namespace webclean::meta {

// The author names of a byline: "By Jane Doe | March 3, 2020" -> "Jane Doe",
// "Geschrieben von Jane Doe" -> "Jane Doe"; empty when what is left is too
// long to be names.
std::string clean_author(std::string_view byline);

// Whether an element around `node` is one Readability strips before it
// looks for bylines (comments, sidebars, menus, with `header_and_footer`
// page headers and footers too): its author names are not the article's.
bool in_unlikely_box(const block::Document& doc, int32_t node, bool header_and_footer = true);

// The first byline element of the body outside comments, sidebars and
// (with `header_and_footer`) page headers and footers; null when none.
const block::BylineHint* article_byline(const block::Document& doc, bool header_and_footer = false);

// The first byline element of the body as Readability chooses it, read
// from its itemprop=name part when it has one.
std::string body_byline(const block::Document& doc);

// The author names of the first byline element of the body: from its
// itemprop=name part, else from the innermost byline element inside it
// ("von <span class=author>Jane</span>"), else from its whole text.
std::string body_author(const block::Document& doc);

// Marks the blocks of one byline element that are the byline and no more
// (a date or a separator beside it at most) as BodyRole::kBylineElement.
void mark_byline_element(const block::Document& doc, const block::BylineHint& hint,
                         BodyRoles& roles);

}  // namespace webclean::meta

#endif  // WEBCLEAN_META_BYLINES_H_
