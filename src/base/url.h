// Base: URLs as the stages read them: the host that site rules, the
// page-type votes and the repetition filter key a document by.
#ifndef WEBCLEAN_BASE_URL_H_
#define WEBCLEAN_BASE_URL_H_

#include <string>
#include <string_view>

namespace webclean::base {

// The host of `url` in lower case, without user info or port
// ("https://Me@News.Example:8080/a" -> "news.example"); "" when `url` has
// no scheme.
std::string host_of(std::string_view url);

}  // namespace webclean::base

#endif  // WEBCLEAN_BASE_URL_H_
