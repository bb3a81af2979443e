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

std::string describe(const Node& node) {
  std::string name = node.tag;
  if (!node.id.empty()) name += "#" + node.id;
  const size_t start = node.classes.find_first_not_of(" \t\n\r\f");
  if (start != std::string::npos) {
    const size_t end = node.classes.find_first_of(" \t\n\r\f", start);
    name += "." + node.classes.substr(start, end - start);
  }
  return name;
}

bool is_within(const Document& doc, int32_t node, int32_t ancestor) {
  for (int32_t n = node; n >= 0; n = doc.nodes[static_cast<size_t>(n)].parent) {
    if (n == ancestor) return true;
  }
  return false;
}

int32_t body_node(const Document& doc) {
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    if (doc.nodes[i].tag == "body") return static_cast<int32_t>(i);
  }
  return -1;
}

}  // namespace webclean::block
