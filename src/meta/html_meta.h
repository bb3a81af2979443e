// HTML page metadata: title, byline, date, site name, language,
// description, canonical URL and image from the page's <head> (meta tags,
// Open Graph, JSON-LD), preferred over what the header lines guessed.
#ifndef WEBCLEAN_META_HTML_META_H_
#define WEBCLEAN_META_HTML_META_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "block/block.h"
#include "meta/meta.h"
#include "webclean/result.h"

namespace webclean::meta {

// Overwrites the fields of `out` the page declares; keeps the rest (the
// byline and dateline found in the text, the detected language).
// `page_url`, where the page came from, may date it ("/2019/08/02/").
void read_page_hints(const block::Document& doc, Metadata& out, std::string_view page_url = {});

// On product pages, the description of the page's JSON-LD Product
// (Product.description, its HTML tags taken out) and where it goes: after
// the page's h1 (else first). The filter chain adds it as a block, held by
// no element, that the product step keeps where the page shows it nowhere
// else (filter::insert_declared_description).
struct DeclaredBlock {
  std::string text;
  size_t at = 0;
};
std::optional<DeclaredBlock> product_description_block(const block::Document& doc);

// The blocks that are a byline element of the body and no more (a date or
// a separator beside it at most): the byline goes to the metadata, not the
// text (BodyRole::kBylineElement).
BodyRoles find_byline_blocks(const block::Document& doc);

}  // namespace webclean::meta

#endif  // WEBCLEAN_META_HTML_META_H_
