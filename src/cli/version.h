// What `webclean --version` prints: webclean's version, then the versions
// of the libraries it runs with, one a line.
#ifndef WEBCLEAN_CLI_VERSION_H_
#define WEBCLEAN_CLI_VERSION_H_

#include <string>

namespace webclean::cli {

// "webclean 0.1.0" (the first line, which scripts may read), then lines
// like "ICU 72.1". Libraries that tell their version at run time give
// that one; Gumbo and RE2, which cannot, give the one built with.
std::string version_text();

}  // namespace webclean::cli

#endif  // WEBCLEAN_CLI_VERSION_H_
