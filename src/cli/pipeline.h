// The bulk run: a streaming pipeline in bounded memory.
//
//   reader thread ──> work queue ──> N workers ──> reorder buffer ──> writer
//   (inputs in order;               (one shared     (by sequence     (main thread:
//    stream records)                 Cleaner, a      number)          output, errors,
//                                    Workspace each)                  progress)
//
// With fewer workers than cores (WorkContext::overlap_io), the reader also
// reads and gunzips each file and the writer writes each output file, so
// that at -j1 a core cleans while the other does the input and output.
//
// Every item the reader sends first takes a place in a window bounded by a
// number of items and by their bytes; the writer frees the place when it
// has emitted the item. So the queue, the documents being cleaned and the
// outcomes waiting for their turn together never exceed the window, and
// the reader blocks when it is full: an endless stream on stdin is cleaned
// in constant memory, with output in input order whatever the number of
// workers.
#ifndef WEBCLEAN_CLI_PIPELINE_H_
#define WEBCLEAN_CLI_PIPELINE_H_

#include <cstdint>

#include "cli/output.h"
#include "cli/progress.h"
#include "cli/work.h"

namespace webclean::cli {

// The bound on work in flight.
struct WindowLimits {
  size_t items = 64;
  uint64_t bytes = uint64_t{64} << 20;  // one larger item is still let through alone
};
WindowLimits window_limits(unsigned jobs);

struct RunOutcome {
  int stop_signal = 0;  // the signal that interrupted the run, or 0
  Snapshot counts;
  double seconds = 0;
};

// Runs the plan with options.jobs workers. On an interrupting signal it
// stops reading, lets the workers finish the documents in their hands
// (waiting a few seconds at most), removes the unfinished stream output
// and returns; threads still blocked then (a read of stdin) are left
// behind: the caller must end the process without returning from main.
RunOutcome run_pipeline(const WorkContext& context, ErrorLog& log, bool show_progress);

}  // namespace webclean::cli

#endif  // WEBCLEAN_CLI_PIPELINE_H_
