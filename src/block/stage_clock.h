// Where a page's cleaning time goes, stage by stage: the library's own
// clocks, one per Workspace, read by the benchmark (webclean_bench
// --stages). A lap is one steady_clock read, ~25 ns; a page takes ~2 ms.
#ifndef WEBCLEAN_BLOCK_STAGE_CLOCK_H_
#define WEBCLEAN_BLOCK_STAGE_CLOCK_H_

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace webclean::block {

// The stages in the order a page passes them.
enum class ClockedStage : uint8_t {
  kDecode,    // charset detection, conversion to UTF-8
  kPrescan,   // the byte scan before Gumbo
  kGumbo,     // Gumbo's parse
  kBlocks,    // the walk of the tree into blocks (or a text's lines)
  kNfc,       // normalizing the kept text
  kFeatures,  // words, stop words, link density
  kPageType,  // the page type decision
  kRules,     // rule files
  kMetadata,  // title, byline, date, JSON-LD, and their blocks
  kFilters,   // main content and density
  kOutput,    // text, Markdown, block reports
};
inline constexpr size_t kClockedStages = 11;
inline constexpr std::array<std::string_view, kClockedStages> kClockedStageNames = {
    "decode",    "prescan", "gumbo",    "blocks",  "nfc",   "features",
    "page type", "rules",   "metadata", "filters", "output"};

class StageClock {
 public:
  // At the start of a page.
  void start() { last_ = std::chrono::steady_clock::now(); }
  // The time since the last lap (or start) goes to `stage`.
  void lap(ClockedStage stage) {
    const auto now = std::chrono::steady_clock::now();
    nanoseconds_[static_cast<size_t>(stage)] += static_cast<uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(now - last_).count());
    last_ = now;
  }
  uint64_t nanoseconds(ClockedStage stage) const {
    return nanoseconds_[static_cast<size_t>(stage)];
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  std::array<uint64_t, kClockedStages> nanoseconds_{};
};

}  // namespace webclean::block

#endif  // WEBCLEAN_BLOCK_STAGE_CLOCK_H_
