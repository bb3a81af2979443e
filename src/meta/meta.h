// Metadata: recognises the title, byline and dateline of a document, puts
// them into Metadata, and marks their blocks as not body text (a byline
// reads like a short sentence; left to density it can slip into the text).
#ifndef WEBCLEAN_META_META_H_
#define WEBCLEAN_META_META_H_

#include <string>

#include "block/block.h"
#include "meta/header_line.h"
#include "webclean/result.h"

namespace webclean::meta {

class HeaderLines {
 public:
  // Drops the title, byline and dateline blocks (Stage::kMetadata) and
  // fills out.title, and out.byline, out.date (ISO 8601) and out.site_name
  // from the first byline and dateline after the title. HTML pages take
  // the title from <title>; text dumps choose a line (meta/text_title.h).
  void extract(block::Document& doc, Metadata& out) const;

 private:
  std::string date_near_headline(const block::Document& doc, bool month_first) const;

  HeaderLineReader reader_;
};

}  // namespace webclean::meta

#endif  // WEBCLEAN_META_META_H_
