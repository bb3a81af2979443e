#include "base/ascii.h"

namespace webclean::base {

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = ascii_lower(c);
  return lower;
}

bool named_as(std::string_view path, std::initializer_list<std::string_view> extensions) {
  std::string name = lower_ascii(path);
  if (name.ends_with(".gz")) name.resize(name.size() - 3);
  for (std::string_view extension : extensions) {
    if (name.ends_with(extension)) return true;
  }
  return false;
}

std::string collapse_whitespace(std::string_view text, NoBreakSpace no_break_space) {
  const bool nbsp_is_space = no_break_space == NoBreakSpace::kAsSpace;
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool nbsp = nbsp_is_space && c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (is_html_space(c) || nbsp) {
      space = !out.empty();
      i += nbsp ? 1 : 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string_view trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace webclean::base
