// What cleaning one document produces: the article text, what was learned
// about the document on the way, and (on request) every block with the
// decision taken on it and the reason.
#ifndef WEBCLEAN_RESULT_H_
#define WEBCLEAN_RESULT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "webclean/export.h"

namespace webclean {

// What kind of page a document is, decided once per page before the
// filters (or forced with Options::page_type). kAuto only asks for the
// decision; a Result always holds one of the others.
enum class PageType : uint8_t {
  kAuto,
  kArticle,        // a story, a blog post, an essay
  kForum,          // a thread of posts by several people, a Q&A page
  kProduct,        // one product for sale
  kCollection,     // a shop's grid of products
  kListing,        // a list of links to other pages: home pages, search results, indexes
  kDocumentation,  // manuals, references, wiki pages
  kService,        // a business presenting what it offers
};
// "auto", "article", "forum", ... as the command line and JSON write them.
WEBCLEAN_API const char* page_type_name(PageType type);
// The type named so, or nullopt for an unknown name.
WEBCLEAN_API std::optional<PageType> page_type_from_name(std::string_view name);

// One paragraph-sized unit of the page and what the filters decided.
struct BlockReport {
  std::string text;  // normalised UTF-8 text of the block; "[dropped before parsing: ...]"
                     // for a nav, aside, footer or menu the parser never saw
  std::string kind;  // "paragraph", "heading", "list-item", "quote", ...
  int heading_level = 0;
  bool kept = false;
  std::string stage;   // the filter that decided: "rules", "structure", ...
  std::string reason;  // the rule id or the score that decided
  std::string path;    // HTML: the elements around it, "article.post > div.body > p"
};

struct Metadata {
  std::string title;     // the title the page declares (Open Graph, JSON-LD, <title>)
  std::string headline;  // the headline it shows: its h1, the title without the site's name
  std::string byline;    // the credit line as the page shows it: "By Jane Doe, Staff Writer"
  std::string author;    // the author names alone: "Jane Doe" (several: "Jane Doe, John Roe")
  std::string date;      // ISO 8601 where known
  std::string site_name;
  std::string language;  // BCP 47 primary tag, e.g. "en"
  std::string description;
  std::string canonical_url;
  std::string image;  // the page's og:image URL
  PageType page_type = PageType::kArticle;
  // The signals that decided page_type, strongest first: "JSON-LD
  // DiscussionForumPosting", "URL /t/…/123"; "forced" when Options::page_type set it.
  std::vector<std::string> page_type_signals;
};

struct Result {
  std::string text;  // kept blocks, paragraphs separated by "\n\n"
  // The kept blocks as CommonMark (with GFM pipe tables), when
  // Options::markdown; blocks separated by a blank line, no final newline.
  std::string markdown;
  Metadata metadata;
  std::string input_kind;           // "html" or "text", after sniffing
  std::string charset;              // the charset the bytes were decoded from
  std::string error;                // non-empty when the document could not be cleaned
  std::vector<BlockReport> blocks;  // filled when Options::keep_block_reports

  bool ok() const { return error.empty(); }
};

}  // namespace webclean

#endif  // WEBCLEAN_RESULT_H_
