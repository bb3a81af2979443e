// Metadata: recognises the title, byline and dateline of a document and
// puts them into Metadata. It only reads: which blocks are the title, a
// byline or a dateline it reports as BodyRoles, and the filter chain
// takes them out of the body (filter::drop_metadata_blocks).
#ifndef WEBCLEAN_META_META_H_
#define WEBCLEAN_META_META_H_

#include <cstdint>
#include <string>
#include <vector>

#include "block/block.h"
#include "meta/header_line.h"
#include "webclean/result.h"

namespace webclean::meta {

// What a block of the body is to the metadata: text, or the document's
// title, byline or dateline, or a page's byline element. The last four
// leave the body: a byline reads like a short sentence, and left to
// density it can slip into the text.
enum class BodyRole : uint8_t { kText, kTitle, kByline, kDateline, kBylineElement };
using BodyRoles = std::vector<BodyRole>;  // one per block of the document

class HeaderLines {
 public:
  // Fills out.title, and out.byline, out.date (ISO 8601) and
  // out.site_name from the first byline and dateline after the title, and
  // returns the blocks that are the title (repeated), a byline or a
  // dateline. HTML pages take the title from <title>; text dumps choose a
  // line (meta/text_title.h).
  BodyRoles extract(const block::Document& doc, Metadata& out) const;

 private:
  std::string date_near_headline(const block::Document& doc, bool month_first) const;

  HeaderLineReader reader_;
};

}  // namespace webclean::meta

#endif  // WEBCLEAN_META_META_H_
