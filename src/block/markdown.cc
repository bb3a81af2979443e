#include "block/markdown.h"

#include <algorithm>

namespace webclean::block::markdown {
namespace {

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// `_` between letters or digits (snake_case) never opens or closes
// emphasis; elsewhere it may (__init__). Non-ASCII neighbours count as
// edges: some of them are punctuation, and an escape too many shows nothing.
bool underscore_at_edge(std::string_view text, size_t i) {
  const bool word_before = i > 0 && is_ascii_alnum(text[i - 1]);
  const bool word_after = i + 1 < text.size() && is_ascii_alnum(text[i + 1]);
  return !(word_before && word_after);
}

// "&amp;", "&#38;", "&#x26;": an ampersand a reader would decode.
bool starts_entity(std::string_view text, size_t i) {
  size_t j = i + 1;
  if (j < text.size() && text[j] == '#') ++j;
  const size_t name = j;
  while (j < text.size() && is_ascii_alnum(text[j])) ++j;
  return j > name && j < text.size() && text[j] == ';';
}

size_t longest_backtick_run(std::string_view text) {
  size_t longest = 0;
  size_t run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// True when `line` is made of `mark` and blanks only, at least once.
bool only_of(std::string_view line, char mark) {
  return line.find(mark) != std::string_view::npos &&
         line.find_first_not_of(std::string{mark, ' ', '\t'}) == std::string_view::npos;
}

}  // namespace

void append_escaped(std::string_view text, std::string& out) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    bool escape = false;
    switch (c) {
      case '\\':
      case '*':
      case '`':
      case '[':
      case ']':
      case '<':
        escape = true;
        break;
      case '_':
        escape = underscore_at_edge(text, i);
        break;
      case '&':
        escape = starts_entity(text, i);
        break;
      default:
        break;
    }
    if (escape) out += '\\';
    out += c;
  }
}

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(text, out);
  return out;
}

std::string line_start_escaped(std::string_view line) {
  // Leading blanks mean nothing in a paragraph, and four would start a code block.
  line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
  std::string out;
  if (line.empty()) return out;
  const auto blank_or_end = [&](size_t i) { return i >= line.size() || is_blank(line[i]); };
  const char first = line[0];
  bool escape_first = false;
  if (first == '#') {
    const size_t run = std::min(line.find_first_not_of('#'), line.size());
    escape_first = run <= 6 && blank_or_end(run);
  } else if (first == '>') {
    escape_first = true;
  } else if (first == '-' || first == '+' || first == '*') {
    escape_first = blank_or_end(1) || only_of(line, first);
  } else if (first == '=') {
    escape_first = only_of(line, '=');
  } else if (first == '~') {
    escape_first = line.substr(0, 3) == "~~~";
  } else if (first >= '0' && first <= '9') {
    const size_t digits = std::min(line.find_first_not_of("0123456789"), line.size());
    if (digits <= 9 && digits < line.size() && (line[digits] == '.' || line[digits] == ')') &&
        blank_or_end(digits + 1)) {
      out.append(line.substr(0, digits));
      out += '\\';
      out.append(line.substr(digits));
      return out;
    }
  }
  if (escape_first) out += '\\';
  out.append(line);
  return out;
}

std::string heading(std::string_view inline_text, int level) {
  std::string text(inline_text);
  std::replace(text.begin(), text.end(), '\n', ' ');
  const size_t last = text.find_last_not_of('#');
  if (last != text.size() - 1 && (last == std::string::npos || text[last] == ' ')) {
    text.insert(last == std::string::npos ? 0 : last + 1, "\\");
  }
  return std::string(size_t(std::clamp(level, 1, 6)), '#') + " " + text;
}

std::string code_span(std::string_view content) {
  if (content.empty()) return {};
  const std::string ticks(longest_backtick_run(content) + 1, '`');
  const bool pad = content.front() == '`' || content.back() == '`';
  std::string out = ticks;
  if (pad) out += ' ';
  out.append(content);
  if (pad) out += ' ';
  out += ticks;
  return out;
}

std::string code_fence(std::string_view content) {
  return std::string(std::max<size_t>(3, longest_backtick_run(content) + 1), '`');
}

}  // namespace webclean::block::markdown
