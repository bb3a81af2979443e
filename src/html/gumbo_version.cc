// Gumbo has no call that tells its version: this file alone is compiled
// with GUMBO_VERSION, what pkg-config said at build time
// (cmake/library_versions.cmake).
#include "html/parse.h"

namespace webclean::html {

std::string gumbo_version() {
  return GUMBO_VERSION;
}

}  // namespace webclean::html
