// The shipped rule files of rules/, compiled into the library by CMake so
// that a webclean binary needs no data files at run time (the stop-word
// lists are built into a table: block::Stoplists::shipped()).
#ifndef WEBCLEAN_RULES_EMBEDDED_H_
#define WEBCLEAN_RULES_EMBEDDED_H_

#include <string_view>
#include <vector>

namespace webclean::rules {

struct EmbeddedFile {
  std::string_view path;  // relative to rules/, e.g. "ads.rules"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_files();

}  // namespace webclean::rules

#endif  // WEBCLEAN_RULES_EMBEDDED_H_
