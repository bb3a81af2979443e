// What cleaning one document produces: the article text, what was learned
// about the document on the way, and (on request) every block with the
// decision taken on it and the reason.
#ifndef WEBCLEAN_RESULT_H_
#define WEBCLEAN_RESULT_H_

#include <string>
#include <vector>

namespace webclean {

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
