// Progress of a bulk run: the counters every thread updates, the one-line
// progress display redrawn on stderr, and the summary line at the end.
#ifndef WEBCLEAN_CLI_PROGRESS_H_
#define WEBCLEAN_CLI_PROGRESS_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace webclean::cli {

// Updated by the reader (input bytes of streams, skipped records) and the
// writer (everything else); read by the progress display.
struct Stats {
  std::atomic<uint64_t> cleaned{0};  // documents and records written
  std::atomic<uint64_t> failed{0};
  std::atomic<uint64_t> skipped{0};      // records that are not documents, and the two below
  std::atomic<uint64_t> blank_lines{0};  // of skipped: blank lines of JSONL streams
  std::atomic<uint64_t> not_regular{0};  // of skipped: FIFOs, sockets, devices in walks
  std::atomic<uint64_t> done_before{0};  // inputs whose output was up to date
  std::atomic<uint64_t> bytes_in{0};     // input bytes read (compressed, for gzip)
  std::atomic<uint64_t> bytes_out{0};
};

// A copy of the counters at one moment, for formatting.
struct Snapshot {
  uint64_t cleaned = 0;
  uint64_t failed = 0;
  uint64_t skipped = 0;
  uint64_t blank_lines = 0;
  uint64_t not_regular = 0;
  uint64_t done_before = 0;
  uint64_t bytes_in = 0;
  uint64_t bytes_out = 0;
};
Snapshot snapshot(const Stats& stats);

// What is known up front about the work.
struct Totals {
  uint64_t documents = 0;  // document inputs; with streams the count is open
  bool streams = false;
  uint64_t bytes = 0;  // all inputs' bytes; 0 when unknown (stdin)
};

// The progress line, e.g. "webclean: 120/500 documents, 40/s, 1.2 MB/s,
// ETA 0:10, 0 failed, 3 skipped". With streams the number of documents is
// unknown: bytes read of the total (and percent) replace it.
std::string progress_line(const Totals& totals, const Snapshot& now, double seconds);
// "webclean: 48 documents cleaned, 2 failed, 3 skipped, 50 skipped (done),
// 1.2 MB in, 0.4 MB out, 0.8 s", or with "interrupted: " after the name.
// Skips that are not records of a stream are broken down: "5 skipped (2
// blank lines, 1 not a regular file, 2 not documents)".
std::string summary_line(const Snapshot& now, double seconds, bool interrupted);

// The line redrawn in place with "\r" at most ten times a second. Error
// lines go through print_line() so that they do not mix with it.
class ProgressDisplay {
 public:
  ProgressDisplay(bool enabled, Totals totals, const Stats& stats, std::FILE* out = stderr);
  // Redraws when the last drawing is at least 100 ms old.
  void tick();
  // Erases the progress line, prints `line` and a newline.
  void print_line(const std::string& line);
  // Erases the progress line for good.
  void finish();
  double seconds() const;

 private:
  void erase();

  bool enabled_;
  Totals totals_;
  const Stats& stats_;
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  size_t drawn_width_ = 0;  // characters on the line now, 0 when erased
};

// The line of a pass that comes before the cleaning and may take a while
// (the first pass of the repetition filter), so that --progress is not
// silent during it: "webclean: NAME: 12/500 inputs", redrawn in place like
// the progress line, erased when the pass ends.
class PassProgress {
 public:
  PassProgress(bool enabled, std::string name, uint64_t total, std::FILE* out = stderr);
  ~PassProgress();
  PassProgress(const PassProgress&) = delete;
  PassProgress& operator=(const PassProgress&) = delete;
  // Redraws with `done` when the last drawing is at least 100 ms old.
  void update(uint64_t done);

 private:
  bool enabled_;
  std::string name_;
  uint64_t total_;
  std::FILE* out_;
  std::chrono::steady_clock::time_point last_draw_;
  size_t drawn_width_ = 0;
};

}  // namespace webclean::cli

#endif  // WEBCLEAN_CLI_PROGRESS_H_
