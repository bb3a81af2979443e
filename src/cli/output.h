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

class OrderedWriter {
 public:
  OrderedWriter(const Plan& plan, Stats& stats, ProgressDisplay& display, ErrorLog& log);

  // Takes the next outcome in input order.
  void emit(Outcome& outcome);
  // Reports a failure: "webclean: INPUT: [RECORD: ]REASON" on stderr and
  // a line in the log.
  void report(const std::string& input, const std::string& record_label,
              const std::string& record_key, const std::string& reason);
  // The run stops before its end: the unfinished stream output is removed.
  void abandon();

 private:
  void emit_file(const Outcome& outcome);
  void emit_record(const Outcome& outcome);
  void end_stream(const Outcome& outcome);
  void write_stdout(const std::string& text);

  const Plan& plan_;
  Stats& stats_;
  ProgressDisplay& display_;
  ErrorLog& log_;
  // The output of the stream being written; the writer goes in input
  // order, so there is never more than one.
  sink::AtomicFile stream_file_;
  bool stream_failed_ = false;  // its output could not be written
};

}  // namespace webclean::cli

#endif  // WEBCLEAN_CLI_OUTPUT_H_
