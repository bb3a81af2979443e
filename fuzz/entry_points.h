// What each fuzz target runs on one input. Shared by the libFuzzer targets
// (fuzz/fuzz_target.cc, one executable per entry point) and the test that
// replays the inputs kept under tests/fuzz/regressions/ in the normal
// build, so that a crash once found stays a regression case.
#ifndef WEBCLEAN_FUZZ_ENTRY_POINTS_H_
#define WEBCLEAN_FUZZ_ENTRY_POINTS_H_

#include <string>
#include <string_view>
#include <vector>

namespace webclean::fuzz {

// Runs one input through one part of the library. Returns "" when every
// promise the part makes held (the output is valid UTF-8, no body past its
// limit, ...), else which one broke: the fuzzer aborts on it like on a crash.
using EntryPoint = std::string (*)(std::string_view input);

struct Target {
  std::string_view name;  // the fuzzer is fuzz_NAME; its regressions, regressions/NAME/
  EntryPoint run;
};

// html, text, rules, decode, warc, jsonl, http.
const std::vector<Target>& targets();

// The target named `name`, or nullptr.
EntryPoint find_target(std::string_view name);

}  // namespace webclean::fuzz

#endif  // WEBCLEAN_FUZZ_ENTRY_POINTS_H_
