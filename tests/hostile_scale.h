// How much smaller the hostile-input tests make their shapes: the sanitizer
// build (WEBCLEAN_SANITIZED, set by CMake) runs the same shapes about ten
// times slower, so it gets a tenth of the size; never a skipped test.
#ifndef WEBCLEAN_TESTS_HOSTILE_SCALE_H_
#define WEBCLEAN_TESTS_HOSTILE_SCALE_H_

#include <cstddef>

namespace webclean::testing {

#ifdef WEBCLEAN_SANITIZED
inline constexpr size_t kHostileScale = 10;
#else
inline constexpr size_t kHostileScale = 1;
#endif

}  // namespace webclean::testing

#endif  // WEBCLEAN_TESTS_HOSTILE_SCALE_H_
