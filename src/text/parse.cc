#include "text/parse.h"

namespace webclean::text {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Collapses runs of ASCII whitespace (and no-break spaces) to one space, trimmed.
std::string collapse(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool pending_space = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const bool nbsp = c == '\xC2' && i + 1 < line.size() && line[i + 1] == '\xA0';
    if (is_space(c) || nbsp) {
      pending_space = !out.empty();
      if (nbsp) ++i;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

block::Document parse(std::string_view utf8_text) {
  block::Document doc;
  bool new_paragraph = true;
  size_t start = 0;
  while (start <= utf8_text.size()) {
    size_t end = utf8_text.find('\n', start);
    if (end == std::string_view::npos) end = utf8_text.size();
    std::string line = collapse(utf8_text.substr(start, end - start));
    if (line.empty()) {
      new_paragraph = true;
    } else {
      block::Block& b = doc.blocks.emplace_back();
      b.text = std::move(line);
      b.same_paragraph = !new_paragraph;
      new_paragraph = false;
    }
    start = end + 1;
  }
  return doc;
}

}  // namespace webclean::text
