// Replays the inputs the fuzzers once crashed on (tests/fuzz/regressions/
// TARGET/*) through the fuzz targets' own entry points, in every build: a
// bug fixed once stays fixed, and a sanitizer build checks them again.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../source/temp_dir.h"
#include "entry_points.h"

namespace fs = std::filesystem;
using webclean::testing::read_file;

namespace {

const fs::path kRegressions = fs::path(WEBCLEAN_SOURCE_DIR) / "tests" / "fuzz" / "regressions";

std::vector<fs::path> sorted_entries(const fs::path& dir) {
  std::vector<fs::path> entries;
  for (const auto& entry : fs::directory_iterator(dir)) entries.push_back(entry.path());
  std::sort(entries.begin(), entries.end());
  return entries;
}

}  // namespace

// The empty input first, through every target; then each kept input
// through the target it was found by.
TEST_CASE("Every fuzz target keeps its promises on the empty input and on every kept input",
          "[fuzz]") {
  for (const webclean::fuzz::Target& target : webclean::fuzz::targets()) {
    INFO(target.name << " on the empty input");
    CHECK(target.run("") == "");
  }
  for (const fs::path& dir : sorted_entries(kRegressions)) {
    if (!fs::is_directory(dir)) continue;
    const std::string target = dir.filename().string();
    INFO("regressions/" << target);
    const webclean::fuzz::EntryPoint run = webclean::fuzz::find_target(target);
    // A folder not named after a target would otherwise be skipped unseen.
    REQUIRE(run != nullptr);
    for (const fs::path& input : sorted_entries(dir)) {
      INFO(input.filename().string());
      CHECK(run(read_file(input)) == "");
    }
  }
}
