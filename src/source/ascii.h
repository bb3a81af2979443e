// Small ASCII text helpers shared by the sources (file names, HTTP and
// WARC header names and values are ASCII by their formats).
#ifndef WEBCLEAN_SOURCE_ASCII_H_
#define WEBCLEAN_SOURCE_ASCII_H_

#include <string>
#include <string_view>

namespace webclean::source {

// ASCII lower case of `text`.
std::string lower_ascii(std::string_view text);
// `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);
// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b);

}  // namespace webclean::source

#endif  // WEBCLEAN_SOURCE_ASCII_H_
