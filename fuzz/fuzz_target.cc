// A libFuzzer target: fuzz/CMakeLists.txt builds this file once per entry
// point, naming it in WEBCLEAN_FUZZ_TARGET (fuzz_html runs "html", ...).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "entry_points.h"

namespace {

webclean::fuzz::EntryPoint entry_point() {
  static const webclean::fuzz::EntryPoint run = webclean::fuzz::find_target(WEBCLEAN_FUZZ_TARGET);
  return run;
}

}  // namespace

// Builds what the entry point keeps for the whole run (the Cleaner and its
// rules) before the first input, so that it is not taken for a leak of it.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (entry_point() == nullptr) {
    std::fprintf(stderr, "no fuzz entry point named %s\n", WEBCLEAN_FUZZ_TARGET);
    std::abort();
  }
  entry_point()("");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string broken =
      entry_point()(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!broken.empty()) {
    std::fprintf(stderr, "fuzz_%s: %s\n", WEBCLEAN_FUZZ_TARGET, broken.c_str());
    std::abort();
  }
  return 0;
}
