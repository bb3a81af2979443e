// The library's stage clocks (block/stage_clock.h), read from a Workspace
// as the benchmark reads them.
#include <catch2/catch.hpp>

#include <chrono>

#include "block/stage_clock.h"
#include "core/workspace.h"
#include "webclean/cleaner.h"

using webclean::block::ClockedStage;
using webclean::block::kClockedStages;

namespace {

uint64_t total(const webclean::block::StageClock& clock) {
  uint64_t sum = 0;
  for (size_t i = 0; i < kClockedStages; ++i) sum += clock.nanoseconds(ClockedStage(i));
  return sum;
}

}  // namespace

TEST_CASE("the stage clocks count every stage a page passes and no more than the call took",
          "[core][stages]") {
  const webclean::Cleaner cleaner{webclean::Options{}};
  webclean::Workspace workspace;
  webclean::DocumentInfo info;
  info.kind = webclean::InputKind::kHtml;
  const std::string page =
      "<html><head><title>A bridge</title></head><body><nav><a href=/>Home</a></nav>"
      "<article><h1>A bridge</h1><p>The bridge opened on Tuesday after four years of work, and "
      "the first cars crossed it at noon while a band played on the bank.</p></article></body>"
      "</html>";
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) REQUIRE(cleaner.clean(page, info, workspace).ok());
  const auto took = std::chrono::steady_clock::now() - start;
  const webclean::block::StageClock& clock = workspace.impl().clock;
  for (size_t i = 0; i < kClockedStages; ++i) {
    INFO(webclean::block::kClockedStageNames[i]);
    CHECK(clock.nanoseconds(ClockedStage(i)) > 0);  // five laps, each at least a clock read
  }
  CHECK(total(clock) <=
        uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(took).count()));

  // A text document has no prescan or Gumbo; the clocks add up over pages.
  const uint64_t gumbo = clock.nanoseconds(ClockedStage::kGumbo);
  const uint64_t blocks = clock.nanoseconds(ClockedStage::kBlocks);
  info.kind = webclean::InputKind::kText;
  REQUIRE(cleaner.clean("A line of text.\n\nAnother line of text.\n", info, workspace).ok());
  CHECK(clock.nanoseconds(ClockedStage::kGumbo) == gumbo);
  CHECK(clock.nanoseconds(ClockedStage::kBlocks) > blocks);
}
