#include "block/block.h"

namespace webclean::block {

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::kParagraph:
      return "paragraph";
    case Kind::kHeading:
      return "heading";
    case Kind::kListItem:
      return "list-item";
    case Kind::kQuote:
      return "quote";
    case Kind::kTableCell:
      return "table-cell";
    case Kind::kPre:
      return "pre";
    case Kind::kCaption:
      return "caption";
  }
  return "paragraph";
}

const char* stage_name(Stage stage) {
  switch (stage) {
    case Stage::kNone:
      return "none";
    case Stage::kRules:
      return "rules";
    case Stage::kStructure:
      return "structure";
    case Stage::kDensity:
      return "density";
    case Stage::kContext:
      return "context";
    case Stage::kRepetition:
      return "repetition";
    case Stage::kMetadata:
      return "metadata";
  }
  return "none";
}

bool is_within(const Document& doc, int32_t node, int32_t ancestor) {
  for (int32_t n = node; n >= 0; n = doc.nodes[static_cast<size_t>(n)].parent) {
    if (n == ancestor) return true;
  }
  return false;
}

}  // namespace webclean::block
