// Repeated boxes: shops and landing pages write some boxes twice, one
// copy for wide screens and one for phones (a price list in every
// currency, a feature section, a spec table), and CSS shows one. Read as
// text, the page says everything twice. A box whose kept text, block for
// block, equals that of an earlier box elsewhere on the page is such a
// copy, and goes. Boxes are compared by a hash of their blocks' texts,
// from prefix hashes over the page's blocks (a box's blocks are one run of
// them), so the step is linear in the page's size.
#include <cstdio>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "filter/filter.h"
#include "filter/params.h"

namespace webclean::filter {
namespace {

using block::Block;
using block::Document;

constexpr size_t kNone = static_cast<size_t>(-1);

// The run of blocks below each node: [first, last], kNone when it has none.
struct Runs {
  std::vector<size_t> first;
  std::vector<size_t> last;
};

Runs block_runs(const Document& doc) {
  Runs runs{std::vector<size_t>(doc.nodes.size(), kNone),
            std::vector<size_t>(doc.nodes.size(), kNone)};
  // Blocks are in page order: the first block to reach a node is its
  // first, and once a node has one, so have all nodes above it.
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    for (int32_t n = doc.blocks[i].node; n >= 0 && runs.first[static_cast<size_t>(n)] == kNone;
         n = doc.nodes[static_cast<size_t>(n)].parent) {
      runs.first[static_cast<size_t>(n)] = i;
    }
  }
  for (size_t i = doc.blocks.size(); i-- > 0;) {
    for (int32_t n = doc.blocks[i].node; n >= 0 && runs.last[static_cast<size_t>(n)] == kNone;
         n = doc.nodes[static_cast<size_t>(n)].parent) {
      runs.last[static_cast<size_t>(n)] = i;
    }
  }
  return runs;
}

// Polynomial prefix hashes of the kept blocks' texts, with their counts
// and chars, so that any run of blocks hashes in constant time.
class PrefixHashes {
 public:
  explicit PrefixHashes(const Document& doc) {
    const size_t n = doc.blocks.size();
    hash_.assign(n + 1, 0);
    count_.assign(n + 1, 0);
    chars_.assign(n + 1, 0);
    power_.assign(n + 1, 1);
    for (size_t i = 0; i < n; ++i) {
      const Block& b = doc.blocks[i];
      const bool kept = b.decision.keep;
      hash_[i + 1] = kept ? hash_[i] * kBase + std::hash<std::string>{}(b.text) : hash_[i];
      count_[i + 1] = count_[i] + (kept ? 1 : 0);
      chars_[i + 1] = chars_[i] + (kept ? b.features.chars : 0);
      power_[i + 1] = power_[i] * kBase;
    }
  }
  // The hash of the kept blocks of [first, last], their chars mixed in.
  uint64_t hash(size_t first, size_t last) const {
    const uint64_t run = hash_[last + 1] - hash_[first] * power_[count_[last + 1] - count_[first]];
    return run * kBase + chars(first, last);
  }
  uint64_t chars(size_t first, size_t last) const { return chars_[last + 1] - chars_[first]; }
  size_t count(size_t first, size_t last) const { return count_[last + 1] - count_[first]; }

 private:
  static constexpr uint64_t kBase = 1000003;  // odd: arithmetic mod 2^64
  std::vector<uint64_t> hash_;
  std::vector<size_t> count_;
  std::vector<uint64_t> chars_;
  std::vector<uint64_t> power_;
};

}  // namespace

void drop_repeated_boxes(Document& doc) {
  // A shop says a paragraph twice only for a second layout; other pages
  // quote one on purpose.
  const size_t min_blocks = doc.page_type == PageType::kProduct ? params::kProductRepeatMinBlocks
                                                                : params::kRepeatMinBlocks;
  const Runs runs = block_runs(doc);
  const PrefixHashes hashes(doc);
  std::unordered_map<uint64_t, int32_t> seen;           // hash -> the first box with it
  std::vector<int32_t> copy_of(doc.blocks.size(), -1);  // the box a block's box copies
  // A quote repeats what it quotes on purpose (a reply quoting a post).
  std::vector<bool> in_quote(doc.nodes.size(), false);
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const int32_t parent = doc.nodes[i].parent;
    in_quote[i] =
        doc.nodes[i].tag == "blockquote" || (parent >= 0 && in_quote[static_cast<size_t>(parent)]);
  }
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const size_t first = runs.first[i];
    if (first == kNone || copy_of[first] >= 0 || in_quote[i]) continue;
    const size_t last = runs.last[i];
    if (hashes.chars(first, last) < params::kRepeatMinChars ||
        hashes.count(first, last) < min_blocks) {
      continue;
    }
    auto [it, added] = seen.try_emplace(hashes.hash(first, last), static_cast<int32_t>(i));
    if (added) continue;
    const size_t earlier = static_cast<size_t>(it->second);
    // A wrapper and its only child hold the same blocks: not a copy.
    if (runs.last[earlier] >= first) continue;
    for (size_t b = first; b <= last; ++b) copy_of[b] = it->second;
  }
  char reason[200];
  for (size_t b = 0; b < doc.blocks.size(); ++b) {
    Block& block = doc.blocks[b];
    if (copy_of[b] < 0 || !block.decision.keep) continue;
    std::snprintf(reason, sizeof reason,
                  "a copy of an earlier box of the page (%s): >= kRepeatMinChars chars in the "
                  "same blocks (drop_repeated_boxes)",
                  block::describe(doc.nodes[static_cast<size_t>(copy_of[b])]).c_str());
    block.decision = {false, block::Stage::kStructure, reason};
  }
}

}  // namespace webclean::filter
