// The ordered end of the pipeline: takes outcomes in input order and puts
// them where they belong: standard output, the output file of the stream
// being read (completed and renamed at the stream's end), error lines on
// stderr and the --errors log. Runs on one thread, the main one.
#ifndef WEBCLEAN_CLI_OUTPUT_H_
#define WEBCLEAN_CLI_OUTPUT_H_

#include <cstdio>
#include <string>

#include "cli/inputs.h"
#include "cli/progress.h"
#include "cli/work.h"
#include "sink/sink.h"

namespace webclean::cli {

// --errors FILE: one JSON object {"input", "record", "error"} per failure,
// appended, flushed line by line so that an interrupted run keeps them.
class ErrorLog {
 public:
  ErrorLog() = default;
  ~ErrorLog();
  ErrorLog(const ErrorLog&) = delete;
  ErrorLog& operator=(const ErrorLog&) = delete;

  // Opens `path` for appending; returns "" or "path: reason".
  std::string open(const std::string& path);
  // `record` is "" for a failure of a whole input (written as null).
  void add(const std::string& input, const std::string& record, const std::string& error);

 private:
  std::FILE* file_ = nullptr;
};

// Whether files can be created in `directory` (created if missing, as the
// run would): "" or the OS's reason, e.g. "Read-only file system". A probe
// file is created and removed, so the answer holds for root too, where
// permission bits say nothing.
std::string directory_write_error(const std::string& directory);

class OrderedWriter {
 public:
  OrderedWriter(const Plan& plan, Stats& stats, ProgressDisplay& display, ErrorLog& log);

  // Takes the next outcome in input order.
  void emit(Outcome& outcome);
  // Reports a failure: "webclean: INPUT: [RECORD: ]REASON" on stderr and
  // a line in the log.
  void report(const std::string& input, const std::string& record_label,
              const std::string& record_key, const std::string& reason);
  // An entry of a walk that is not read: "webclean: PATH: skipped: REASON",
  // counted as skipped, and as not a regular file when it is not one (else
  // it counts as not a document).
  void report_skipped(const std::string& path, const std::string& reason, bool not_regular = true);
  // The run stops before its end: the unfinished stream output is removed,
  // and its records no longer count as cleaned.
  void abandon();

 private:
  void emit_file(const Outcome& outcome);
  void emit_record(const Outcome& outcome);
  void end_stream(const Outcome& outcome);
  // Writes a document that went well to standard output; counts it as
  // cleaned, or as failed when its output was lost.
  void write_stdout(const Outcome& outcome, const std::string& input);
  // Writes a record to the stream's output file, the same way.
  void write_stream_record(const Outcome& outcome, const Input& input);
  // The stream's output file is lost: the records already in it count as
  // failed instead of cleaned, and their bytes no longer as written.
  void lose_stream_output();

  const Plan& plan_;
  Stats& stats_;
  ProgressDisplay& display_;
  ErrorLog& log_;
  bool stdout_failed_ = false;  // a write failed: nothing more goes there
  // The output of the stream being written; the writer goes in input
  // order, so there is never more than one.
  sink::AtomicFile stream_file_;
  uint64_t stream_records_ = 0;  // records in it so far
  uint64_t stream_bytes_ = 0;    // and their bytes
  bool stream_failed_ = false;   // its output could not be written
};

}  // namespace webclean::cli

#endif  // WEBCLEAN_CLI_OUTPUT_H_
