// Service and marketing pages: the page is a stack of sections (hero,
// features, pricing, testimonials, FAQ), each a box of short headings,
// bullets and a few sentences. No one container holds it, and Readability's
// scoring picks the wordiest section alone. Here the region is the page's
// body as the rules left it (its <main> when that holds most of the text):
// every section is kept, and the chrome the rules did not catch is left to
// the link and neighbour tests of the density filter.
#include <cstdio>
#include <string>
#include <vector>

#include "filter/filter.h"
#include "filter/params.h"

namespace webclean::filter {
namespace {

using block::Block;
using block::Document;
using block::Node;

struct Text {
  uint32_t chars = 0;
  uint32_t link_chars = 0;
  float link_density() const { return chars ? float(link_chars) / float(chars) : 0.f; }
};

// Text of the kept blocks below each node.
std::vector<Text> subtree_text(const Document& doc) {
  std::vector<Text> text(doc.nodes.size());
  for (const Block& b : doc.blocks) {
    if (!b.decision.keep || b.node < 0) continue;
    Text& t = text[static_cast<size_t>(b.node)];
    t.chars += b.features.chars;
    t.link_chars += b.features.link_chars;
  }
  for (size_t i = doc.nodes.size(); i-- > 0;) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent < 0) continue;
    text[static_cast<size_t>(parent)].chars += text[i].chars;
    text[static_cast<size_t>(parent)].link_chars += text[i].link_chars;
  }
  return text;
}

}  // namespace

bool select_sections(Document& doc) {
  const std::vector<Text> text = subtree_text(doc);
  uint32_t total = 0;
  for (const Block& b : doc.blocks) total += b.decision.keep ? b.features.chars : 0;
  if (total == 0) return false;
  // The outermost <main> (or role=main) holding most of the text.
  int32_t root = -1;
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    if (!(doc.nodes[i].flags & block::kMain)) continue;
    if (float(text[i].chars) >= float(total) * params::kSectionsMainShare) {
      root = static_cast<int32_t>(i);
      break;
    }
  }
  std::vector<bool> inside(doc.nodes.size(), root < 0);
  if (root >= 0) {
    inside[static_cast<size_t>(root)] = true;
    for (size_t i = static_cast<size_t>(root) + 1; i < doc.nodes.size(); ++i) {
      const int32_t parent = doc.nodes[i].parent;
      if (parent >= 0 && inside[static_cast<size_t>(parent)]) inside[i] = true;
    }
  }
  char reason[160];
  std::snprintf(reason, sizeof reason, "outside the page's sections (%s)",
                root >= 0 ? block::describe(doc.nodes[static_cast<size_t>(root)]).c_str() : "body");
  for (Block& b : doc.blocks) {
    if (!b.decision.keep) continue;
    if (b.node >= 0 && inside[static_cast<size_t>(b.node)]) continue;
    if (b.node < 0 && root < 0) continue;
    b.decision = {false, block::Stage::kStructure, reason};
    b.outside_region = true;
  }
  return true;
}

}  // namespace webclean::filter
