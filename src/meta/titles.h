// Titles and headlines: the site's names, and a title without them
// ("Story | Example News" -> "Story"); the headline the page shows, read
// from its h1s without kickers.
#ifndef WEBCLEAN_META_TITLES_H_
#define WEBCLEAN_META_TITLES_H_

#include <string>
#include <string_view>
#include <vector>

#include "block/block.h"
#include "webclean/result.h"

namespace webclean::meta {

// "Story title | Site" -> "Story title" when the suffix is `site_name`
// or short enough to be a site name.
std::string strip_site_suffix(std::string_view title, std::string_view site_name);

// An unescaped quote ends a meta attribute early (content="Say "no""
// gives "Say "); the <title>, with no attribute to break, then goes on
// with the quote where the declared title stops.
std::string mended_by_page_title(const std::string& declared, const std::string& page_title);

// The names the site goes by (its declared name, its host), as keys of
// lower-case letters and digits, for shown_headline.
std::vector<std::string> site_names(const block::Document& doc, const Metadata& meta,
                                    std::string_view page_url);

// The headline the page shows: its h1 when the declared title is that h1
// with a site name or section around it; else the declared title without
// the site's name; else the page's only h1.
std::string shown_headline(const block::Document& doc, const std::string& title,
                           const std::vector<std::string>& site_keys);

// Soft hyphens (U+00AD) mark where a word may break; they show nothing.
std::string without_soft_hyphens(std::string_view text);

// Text as titles and headings are compared: lower-case, typographic
// quotes, dashes and ellipses as their ASCII forms, no soft hyphens (a
// page's h1 and its og:title often differ in just these).
std::string loose_text(std::string_view text);

}  // namespace webclean::meta

#endif  // WEBCLEAN_META_TITLES_H_
