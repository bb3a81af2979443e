// The repetition step of the filter chain (Stage::kRepetition): the lines
// a RepeatIndex (repeat_index.cc) counts on min_documents or more documents
// of the page's site go when they stand in the page's frame.
#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "filter/filter.h"
#include "filter/params.h"
#include "webclean/repeat_index.h"

namespace webclean::filter {

// The site's frame (menus, footers, sign-up boxes) is what recurs before
// the page's own text begins and after it ends, and the long runs of
// recurring lines inside it (a sidebar); a recurring line amid the page's
// own text is its template ("Condition:", "Parameters", "Reviews" on every
// page of one kind), part of the page, and stays.
void drop_repeated_lines(block::Document& doc, const RepeatIndex& index, std::string_view site,
                         uint64_t as_of) {
  const uint32_t min_documents = index.options().min_documents;
  const size_t n = doc.blocks.size();
  std::vector<std::string_view> lines(n);
  for (size_t i = 0; i < n; ++i) lines[i] = doc.blocks[i].text;
  std::vector<uint32_t> seen_on;
  index.documents(site, lines, as_of, seen_on);
  std::unordered_map<std::string_view, uint32_t> on_this_page;
  for (size_t i = 0; i < n; ++i) {
    if (seen_on[i] >= min_documents) ++on_this_page[lines[i]];
  }
  // A line the page itself says again and again is a label of its own
  // items ("Add to cart" on every card of a shop's grid), not the frame.
  std::vector<bool> recurs(n);
  size_t first_own = n, last_own = 0;
  for (size_t i = 0; i < n; ++i) {
    recurs[i] = seen_on[i] >= min_documents && on_this_page[lines[i]] < params::kItemLabelMinCopies;
    if (seen_on[i] < min_documents && doc.blocks[i].features.chars >= params::kOwnTextMinChars) {
      first_own = std::min(first_own, i);
      last_own = i;
    }
  }
  for (size_t i = 0; i < n;) {
    if (!recurs[i]) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < n && recurs[end]) ++end;
    const bool frame = i < first_own || i > last_own || end - i >= params::kFrameRunLines;
    for (; i < end; ++i) {
      block::Block& b = doc.blocks[i];
      if (!frame || !b.decision.keep) continue;
      char reason[220];
      std::snprintf(reason, sizeof reason,
                    "repeated on %u documents of %.*s >= min_documents %u, in the frame "
                    "(drop_repeated_lines)",
                    seen_on[i], static_cast<int>(std::min<size_t>(site.size(), 100)), site.data(),
                    min_documents);
      b.decision = {false, block::Stage::kRepetition, reason};
    }
  }
}

}  // namespace webclean::filter
