// The metadata step of the chain: the blocks the metadata stage found to
// be the document's title, byline or dateline leave the body, and a
// product's declared description joins it as a block the product step
// decides on later.
#include <cstddef>
#include <string>
#include <utility>

#include "filter/filter.h"

namespace webclean::filter {
namespace {

constexpr const char* kTitleReason =
    "the document's title, given as metadata (meta::BodyRole::kTitle; drop_metadata_blocks)";

// The reason a block of this role leaves the body: the role's name, which
// leads to where the meta stage gave it (meta/meta.h).
const char* reason_for(meta::BodyRole role) {
  switch (role) {
    case meta::BodyRole::kTitle:
      return kTitleReason;
    case meta::BodyRole::kByline:
      return "the byline, given as metadata (meta::BodyRole::kByline; drop_metadata_blocks)";
    case meta::BodyRole::kDateline:
      return "the dateline, given as metadata (meta::BodyRole::kDateline; "
             "drop_metadata_blocks)";
    case meta::BodyRole::kBylineElement:
      return "a byline element of the body, given as metadata (meta::BodyRole::kBylineElement; "
             "drop_metadata_blocks)";
    case meta::BodyRole::kText:
      break;
  }
  return nullptr;
}

}  // namespace

bool dropped_as_title(const block::Decision& d) {
  return !d.keep && d.stage == block::Stage::kMetadata && d.reason == kTitleReason;
}

void drop_metadata_blocks(block::Document& doc, const meta::BodyRoles& roles) {
  for (size_t i = 0; i < doc.blocks.size() && i < roles.size(); ++i) {
    block::Block& b = doc.blocks[i];
    const char* reason = reason_for(roles[i]);
    if (reason != nullptr && b.decision.keep) b.decision = {false, block::Stage::kMetadata, reason};
  }
}

size_t insert_declared_description(block::Document& doc, std::string text, size_t at) {
  block::Block b;
  b.text = std::move(text);
  b.declared = true;
  b.decision = {false, block::Stage::kMetadata,
                "Product.description of the page's JSON-LD, not yet its text (the product "
                "step keeps it where the page shows it nowhere else; "
                "insert_declared_description)"};
  doc.blocks.insert(doc.blocks.begin() + static_cast<std::ptrdiff_t>(at), std::move(b));
  return at;
}

}  // namespace webclean::filter
