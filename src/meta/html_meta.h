// HTML page metadata: title, byline, date, site name, language,
// description, canonical URL and image from the page's <head> (meta tags,
// Open Graph, JSON-LD), preferred over what the header lines guessed.
#ifndef WEBCLEAN_META_HTML_META_H_
#define WEBCLEAN_META_HTML_META_H_

#include <string>
#include <string_view>

#include "block/block.h"
#include "webclean/result.h"

namespace webclean::meta {

// Overwrites the fields of `out` the page declares; keeps the rest (the
// byline and dateline found in the text, the detected language).
// `page_url`, where the page came from, may date it ("/2019/08/02/").
void read_page_hints(const block::Document& doc, Metadata& out, std::string_view page_url = {});

// On product pages, the description of the page's JSON-LD Product
// (Product.description, its HTML tags taken out) as a block after the
// page's h1 (else first): flagged `declared`, held by no element (node
// -1), and dropped for now: the product step of the filters keeps it
// where the page shows it nowhere else (filter::decide_declared_description).
// Returns its index, or doc.blocks.size() when none is added. Call it
// after drop_byline_blocks (byline hints index the blocks).
size_t add_product_description(block::Document& doc);

// Drops the blocks that are a byline element of the body and no more
// (a date or a separator beside it at most), as Stage::kMetadata: the
// byline goes to the metadata, not the text.
void drop_byline_blocks(block::Document& doc);

// "July 4, 2011" -> "2011-07-04"; ISO input is kept as given (trimmed);
// an empty string when no date is recognised.
std::string normalize_date(std::string_view text);

// The author names of a byline: "By Jane Doe | March 3, 2020" -> "Jane Doe",
// "Geschrieben von Jane Doe" -> "Jane Doe"; empty when what is left is too
// long to be names.
std::string clean_author(std::string_view byline);

// "Story title | Site" -> "Story title" when the suffix is `site_name`
// or short enough to be a site name.
std::string strip_site_suffix(std::string_view title, std::string_view site_name);

}  // namespace webclean::meta

#endif  // WEBCLEAN_META_HTML_META_H_
