#include "base/url.h"

#include "base/ascii.h"

namespace webclean::base {

std::string host_of(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const size_t at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  return lower_ascii(rest.substr(0, rest.find(':')));
}

}  // namespace webclean::base
