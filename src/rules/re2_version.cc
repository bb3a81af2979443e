// RE2 has no call that tells its version: this file alone is compiled
// with RE2_VERSION, what pkg-config said at build time, or the library's
// ABI number when pkg-config knows no version (cmake/library_versions.cmake).
#include "rules/rules.h"

namespace webclean::rules {

std::string re2_version() {
  return RE2_VERSION;
}

}  // namespace webclean::rules
