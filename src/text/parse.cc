#include "text/parse.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace webclean::text {
namespace {

// Hard-wrapped dumps (lynx -dump, w3m, html2text, mail: every paragraph
// cut into lines of at most ~60-100 columns). Measured on corpus/text
// wrapped at 60-100 columns, where one block per line cost F1 0.915 ->
// 0.837 at 78: prose cut into short lines reads as navigation.
constexpr size_t kMinWrapWidth = 40;
constexpr size_t kMaxWrapWidth = 120;
// Lines longer than the width: a few unbreakable ones (URLs) are allowed.
constexpr double kMaxOverlongShare = 0.02;
// Of the lines at least half the width long that are followed by another
// line of the paragraph, this share must be full (within kFullSlack
// columns of the width) for the dump to count as wrapped: a dump of whole
// paragraphs has few lines that end just there. Short lines (menus, which
// stand between the paragraphs of lynx and w3m dumps) say nothing either
// way. 0.4 and 0.6 did the same on lynx and w3m dumps of the readability
// pages; the stricter one is kept.
constexpr double kMinFullShare = 0.6;
constexpr size_t kFullSlack = 20;
constexpr size_t kMinContinuedLines = 8;  // too few to tell: leave the lines alone

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

size_t code_points(std::string_view text) {
  return size_t(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

struct Line {
  std::string text;  // collapsed; empty for a blank line
  size_t columns;    // where the line ends as written, indentation included
};

// Columns up to the last character that is not whitespace (a tab counts as
// one: wrappers indent with spaces).
size_t written_columns(std::string_view line) {
  while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
  return code_points(line);
}

std::vector<Line> lines_of(std::string_view text) {
  std::vector<Line> lines;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    lines.push_back({collapse(line), written_columns(line)});
    start = end + 1;
  }
  return lines;
}

// A line that starts a list item or a quote: never the tail of the line
// before it ("- item", "* item", "1. item", "• item", "> quoted").
bool starts_item(const std::string& line) {
  // lynx bullets its nested lists with *, +, o and #.
  for (std::string_view bullet : {"- ", "* ", "+ ", "o ", "# ", "> ", "\xE2\x80\xA2"}) {
    if (line.rfind(bullet, 0) == 0) return true;
  }
  size_t digits = 0;
  while (digits < line.size() && digits < 3 && line[digits] >= '0' && line[digits] <= '9') {
    ++digits;
  }
  return digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
         line[digits + 1] == ' ';
}

size_t first_word_length(const std::string& line) {
  return code_points(std::string_view(line).substr(0, line.find(' ')));
}

// The column the dump is wrapped at, or 0 when its lines are not wrapped:
// nearly no line is longer, and most lines that go on in the next line end
// close to it (the next word would not have fit).
size_t wrap_width(const std::vector<Line>& lines) {
  std::vector<size_t> lengths;
  for (const Line& line : lines) {
    if (!line.text.empty()) lengths.push_back(line.columns);
  }
  if (lengths.size() < kMinContinuedLines) return 0;
  std::vector<size_t> sorted = lengths;
  const size_t allowed_overlong = size_t(double(sorted.size()) * kMaxOverlongShare);
  std::nth_element(sorted.begin(), sorted.end() - 1 - allowed_overlong, sorted.end());
  const size_t width = *(sorted.end() - 1 - allowed_overlong);
  if (width < kMinWrapWidth || width > kMaxWrapWidth) return 0;
  size_t continued = 0, full = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].text.empty() || lines[i + 1].text.empty() || starts_item(lines[i + 1].text)) {
      continue;
    }
    const size_t length = lines[i].columns;
    if (length * 2 < width) continue;  // menus' short lines say nothing of wrapping
    ++continued;
    full += length <= width && length + kFullSlack >= width;
  }
  if (continued < kMinContinuedLines || double(full) < double(continued) * kMinFullShare) return 0;
  return width;
}

bool is_wide_script(unsigned char lead) {
  return lead >= 0xE2 && lead <= 0xEF;  // U+2000-U+FFFF: CJK is written without spaces
}

// `next` continues `line` when `line` is full: its next word would not have
// fit within the width.
bool continues(const Line& line, const Line& next, size_t width) {
  if (width == 0 || line.text.empty() || next.text.empty() || starts_item(next.text)) {
    return false;
  }
  return line.columns + 1 + first_word_length(next.text) > width;
}

void join_wrapped(std::string& paragraph, const std::string& next) {
  const bool cjk = is_wide_script(static_cast<unsigned char>(next.front())) &&
                   paragraph.size() >= 3 &&
                   is_wide_script(static_cast<unsigned char>(paragraph[paragraph.size() - 3]));
  // "well-" + "known": the hyphen is the word's own, not the wrapper's.
  const bool hyphen = paragraph.back() == '-';
  if (!cjk && !hyphen) paragraph += ' ';
  paragraph += next;
}

}  // namespace

block::Document parse(std::string_view utf8_text) {
  const std::vector<Line> lines = lines_of(utf8_text);
  const size_t width = wrap_width(lines);
  block::Document doc;
  bool new_paragraph = true;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].text.empty()) {
      new_paragraph = true;
      continue;
    }
    block::Block& b = doc.blocks.emplace_back();
    b.text = lines[i].text;
    while (i + 1 < lines.size() && continues(lines[i], lines[i + 1], width)) {
      join_wrapped(b.text, lines[++i].text);
    }
    b.same_paragraph = !new_paragraph;
    new_paragraph = false;
  }
  return doc;
}

}  // namespace webclean::text
