// What a Workspace holds: one thread's scratch memory, reused from page to
// page, and its stage clocks. Internal: the public header keeps it opaque;
// the benchmark reads the clocks from here.
#ifndef WEBCLEAN_CORE_WORKSPACE_H_
#define WEBCLEAN_CORE_WORKSPACE_H_

#include "block/stage_clock.h"
#include "html/arena.h"
#include "rules/rules.h"
#include "webclean/cleaner.h"

namespace webclean {

struct Workspace::Impl {
  html::Arena arena;               // Gumbo's memory, reused from page to page
  rules::MatchCache rule_matches;  // attribute values seen on earlier pages
  block::StageClock clock;         // where this thread's time went, by stage
};

}  // namespace webclean

#endif  // WEBCLEAN_CORE_WORKSPACE_H_
