// ASCII helpers shared by the prescan and the walk: HTML tag and attribute
// names, and the keywords we look for in attribute values, are ASCII and
// case-insensitive, so no locale or ICU is needed here.
#ifndef WEBCLEAN_HTML_ASCII_H_
#define WEBCLEAN_HTML_ASCII_H_

#include <cstddef>
#include <string_view>

#include "base/ascii.h"

namespace webclean::html {

using base::ascii_lower;
using base::is_html_space;

inline bool is_ascii_alpha(char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

// `lower` must already be lower-case.
inline bool iequals(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (ascii_lower(text[i]) != lower[i]) return false;
  }
  return true;
}

// Both sides folded: for two names read from the page ("STYLE" and
// "</style"), where iequals would miss (an upper-case <STYLE> once hid the
// rest of a page).
inline bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// `lower` must already be lower-case.
inline bool istarts_with(std::string_view text, std::string_view lower) {
  return text.size() >= lower.size() && iequals(text.substr(0, lower.size()), lower);
}

// `lower` must already be lower-case and non-empty.
inline bool icontains(std::string_view text, std::string_view lower) {
  if (lower.size() > text.size()) return false;
  for (size_t i = 0; i + lower.size() <= text.size(); ++i) {
    if (ascii_lower(text[i]) == lower[0] && iequals(text.substr(i, lower.size()), lower)) {
      return true;
    }
  }
  return false;
}

// True when a space-separated token list (role, itemprop, rel) holds
// `lower` as one of its tokens, ASCII-case-insensitively.
inline bool has_token(std::string_view list, std::string_view lower) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && is_html_space(list[i])) ++i;
    size_t start = i;
    while (i < list.size() && !is_html_space(list[i])) ++i;
    if (i > start && iequals(list.substr(start, i - start), lower)) return true;
  }
  return false;
}

// True when an inline style hides the element (display:none or
// visibility:hidden, with any spacing and case).
inline bool style_hides(std::string_view style) {
  // Compare with spaces squeezed out, so "display : none" matches too.
  static constexpr std::string_view kPatterns[] = {"display:none", "visibility:hidden"};
  for (std::string_view pattern : kPatterns) {
    size_t matched = 0;
    for (char c : style) {
      if (is_html_space(c)) continue;
      char lc = ascii_lower(c);
      if (lc == pattern[matched]) {
        if (++matched == pattern.size()) return true;
      } else {
        // Patterns have no repeated prefix, so a restart at this char is exact.
        matched = (lc == pattern[0]) ? 1 : 0;
      }
    }
  }
  return false;
}

}  // namespace webclean::html

#endif  // WEBCLEAN_HTML_ASCII_H_
