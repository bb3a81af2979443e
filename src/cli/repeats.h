// The repetition filter's first pass: before a bulk run cleans anything,
// every document it can read twice (files, and the records of JSONL and
// WARC files) has its lines counted per site in a RepeatIndex, so that
// each document is judged by the whole batch, the same at any -j.
#ifndef WEBCLEAN_CLI_REPEATS_H_
#define WEBCLEAN_CLI_REPEATS_H_

#include <memory>

#include "cli/inputs.h"
#include "cli/options.h"
#include "webclean/cleaner.h"
#include "webclean/repeat_index.h"

namespace webclean::cli {

// Counts the lines of every document of `all` (the run's inputs with no
// shard and nothing skipped as done, so that a resumed or sharded run
// judges each document as a whole run would); with --shard-by site only
// the documents of the shard's own sites, which a whole run counts alike.
// Null when the filter is off (--no-repeats) or the run is no bulk run
// (fewer than repeat_min documents could be counted). Standard input, named pipes and URLs are
// read once and not counted here. With `show_progress` the pass draws its
// own progress line (PassProgress) on stderr.
std::unique_ptr<RepeatIndex> count_repeats(const Plan& all, const CliOptions& options,
                                           const Cleaner& cleaner, bool show_progress);

// A stream on standard input is read once. With --stdin-repeats its first
// kWarmupRecords records (at most kWarmupBytes of them) are counted before
// any is sent to be cleaned, and judged by all of them; each later record
// is counted and then judged by the records up to itself. The same output
// at any -j. When stdin is not a regular file the window also ends as soon
// as the reader would wait for input (src/cli/pipeline.cc, Reader::
// answer_before_waiting): a program that sends one record and waits for
// its answer gets it, judged by the records so far, while a fast producer
// keeps the whole window. Off by default all the same: the first answers
// of a stream are judged by few records, and a run's output would depend
// on how its producer paces its writes.
inline constexpr size_t kWarmupRecords = 500;
inline constexpr uint64_t kWarmupBytes = uint64_t{32} << 20;

// The index for streams on stdin; null without --stdin-repeats, with
// --no-repeats, or when the run reads no stream from stdin.
std::unique_ptr<RepeatIndex> stream_repeats(const Plan& plan, const CliOptions& options);

}  // namespace webclean::cli

#endif  // WEBCLEAN_CLI_REPEATS_H_
