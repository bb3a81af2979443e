#include "sink/assemble.h"

#include <string>
#include <string_view>
#include <vector>

namespace webclean::sink {
namespace {

// The last few elements above a block, "div.story > p", for --explain.
std::string element_path(const block::Document& doc, int32_t node) {
  constexpr int kLevels = 4;
  std::vector<std::string> parts;
  for (int32_t n = node; n >= 0 && parts.size() < kLevels; n = doc.nodes[size_t(n)].parent) {
    parts.push_back(block::describe(doc.nodes[size_t(n)]));
  }
  std::string path;
  for (size_t i = parts.size(); i-- > 0;) path += parts[i] + (i ? " > " : "");
  return path;
}

// A block's text for its report: the stand-ins of subtrees dropped before
// parsing show what those subtrees held, in brackets.
std::string reported_text(const block::Block& b, const block::Document& doc, size_t& next_dropped,
                          bool aligned) {
  std::string text;
  std::string_view rest = b.text;
  for (size_t at; (at = rest.find(block::kDroppedSubtreeText)) != std::string_view::npos;) {
    text.append(rest.substr(0, at));
    const bool known = aligned && next_dropped < doc.dropped_texts.size();
    text += "[dropped before parsing: ";
    text += known ? doc.dropped_texts[next_dropped] : std::string("...");
    text += ']';
    ++next_dropped;
    rest.remove_prefix(at + block::kDroppedSubtreeText.size());
  }
  return text.append(rest);
}

}  // namespace

std::vector<BlockReport> block_reports(const block::Document& doc) {
  // Each stand-in left its mark in one block, unless it sat where no text
  // is read (inside a hidden element): then the texts cannot be matched up.
  size_t marks = 0;
  for (const block::Block& b : doc.blocks) {
    for (size_t at = 0; (at = b.text.find(block::kDroppedSubtreeText, at)) != std::string::npos;
         at += block::kDroppedSubtreeText.size()) {
      ++marks;
    }
  }
  const bool aligned = marks == doc.dropped_texts.size();
  std::vector<BlockReport> reports;
  reports.reserve(doc.blocks.size());
  size_t next_dropped = 0;
  for (const block::Block& b : doc.blocks) {
    reports.push_back(BlockReport{reported_text(b, doc, next_dropped, aligned),
                                  block::kind_name(b.kind), b.heading_level, b.decision.keep,
                                  block::stage_name(b.decision.stage), b.decision.reason,
                                  element_path(doc, b.node)});
  }
  return reports;
}

std::string assemble_text(const block::Document& doc) {
  std::string text;
  bool first = true;
  for (const block::Block& b : doc.blocks) {
    if (!b.decision.keep) continue;
    if (!first) text += b.same_paragraph ? "\n" : "\n\n";
    text += b.text;
    first = false;
  }
  return text;
}

}  // namespace webclean::sink
