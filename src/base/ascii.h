// Base: small helpers any stage may use, which know no stage's types.
// ASCII text: file names, HTTP and WARC header names and values, content
// types and the markers sniffed in a document's first bytes are ASCII.
#ifndef WEBCLEAN_BASE_ASCII_H_
#define WEBCLEAN_BASE_ASCII_H_

#include <string>
#include <string_view>

namespace webclean::base {

// ASCII lower case of `text`.
std::string lower_ascii(std::string_view text);
// `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);
// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b);

}  // namespace webclean::base

#endif  // WEBCLEAN_BASE_ASCII_H_
