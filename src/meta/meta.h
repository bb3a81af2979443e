// Metadata: recognises the title, byline and dateline of a document, puts
// them into Metadata, and marks their blocks as not body text (a byline
// reads like a short sentence; left to density it can slip into the text).
#ifndef WEBCLEAN_META_META_H_
#define WEBCLEAN_META_META_H_

#include "block/block.h"
#include "webclean/result.h"

namespace webclean::meta {

class HeaderLines {
 public:
  HeaderLines();
  ~HeaderLines();
  HeaderLines(const HeaderLines&) = delete;
  HeaderLines& operator=(const HeaderLines&) = delete;

  // Drops byline and dateline blocks (Stage::kMetadata), recording the
  // first of each in `out`, and fills out.title.
  void extract(block::Document& doc, Metadata& out) const;

 private:
  struct Patterns;
  const Patterns* patterns_;
};

}  // namespace webclean::meta

#endif  // WEBCLEAN_META_META_H_
