// Base: small helpers any stage may use, which know no stage's types.
// ASCII text (file names, HTTP and WARC header names and values, content
// types, tag names, the markers sniffed in a document's first bytes are
// ASCII) and the whitespace of text as it reads.
#ifndef WEBCLEAN_BASE_ASCII_H_
#define WEBCLEAN_BASE_ASCII_H_

#include <initializer_list>
#include <string>
#include <string_view>

namespace webclean::base {

// ASCII lower case of one character; other bytes (UTF-8's) unchanged.
inline char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
// ASCII lower case of `text`.
std::string lower_ascii(std::string_view text);
// `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);
// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b);
// Whether a file's name, in any case and without a final .gz, ends in one
// of `extensions` (".warc", ".html").
bool named_as(std::string_view path, std::initializer_list<std::string_view> extensions);

// HTML's whitespace, the characters its text collapses: space, tab, line
// feed, carriage return, form feed.
inline bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
// Whether a no-break space (U+00A0) counts as whitespace too: titles and
// bylines put them around separators; a block's text keeps them.
enum class NoBreakSpace { kKeep, kAsSpace };
// Text as it reads: each run of whitespace one space, none at the ends.
std::string collapse_whitespace(std::string_view text, NoBreakSpace no_break_space);

}  // namespace webclean::base

#endif  // WEBCLEAN_BASE_ASCII_H_
