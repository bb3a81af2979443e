#include "cli/output.h"

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

namespace webclean::cli {

ErrorLog::~ErrorLog() {
  if (file_ != nullptr) std::fclose(file_);
}

std::string ErrorLog::open(const std::string& path) {
  file_ = std::fopen(path.c_str(), "a");
  if (file_ == nullptr) return path + ": " + std::strerror(errno);
  return {};
}

void ErrorLog::add(const std::string& input, const std::string& record, const std::string& error) {
  if (file_ == nullptr) return;
  const nlohmann::ordered_json entry = {
      {"input", input},
      {"record", record.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(record)},
      {"error", error}};
  const std::string line =
      entry.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  std::fputs(line.c_str(), file_);
  std::fflush(file_);
}

OrderedWriter::OrderedWriter(const Plan& plan, Stats& stats, ProgressDisplay& display,
                             ErrorLog& log)
    : plan_(plan), stats_(stats), display_(display), log_(log) {}

void OrderedWriter::report(const std::string& input, const std::string& record_label,
                           const std::string& record_key, const std::string& reason) {
  std::string line = "webclean: " + input + ": ";
  if (!record_label.empty()) line += record_label + ": ";
  display_.print_line(line + reason);
  log_.add(input, record_key, reason);
}

void OrderedWriter::emit(Outcome& outcome) {
  switch (outcome.type) {
    case ItemType::kFile:
      emit_file(outcome);
      break;
    case ItemType::kRecord:
      emit_record(outcome);
      break;
    case ItemType::kStreamEnd:
      end_stream(outcome);
      break;
  }
}

void OrderedWriter::write_stdout(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  stats_.bytes_out += text.size();
}

void OrderedWriter::emit_file(const Outcome& outcome) {
  stats_.bytes_in += outcome.bytes_in;
  if (!outcome.error.empty()) {
    ++stats_.failed;
    report(plan_.inputs[outcome.input].path, "", "", outcome.error);
    return;
  }
  ++stats_.cleaned;
  stats_.bytes_out += outcome.bytes_written;
  write_stdout(outcome.output);
}

void OrderedWriter::emit_record(const Outcome& outcome) {
  const Input& input = plan_.inputs[outcome.input];
  if (!outcome.error.empty()) {
    ++stats_.failed;
    report(input.path, outcome.record_label, outcome.record_key, outcome.error);
    return;
  }
  ++stats_.cleaned;
  if (input.output.empty()) return write_stdout(outcome.output);
  if (stream_failed_) return;
  std::string error;
  if (!stream_file_.is_open()) {
    error = stream_file_.open(input.output);
  }
  if (error.empty()) error = stream_file_.append(outcome.output);
  if (error.empty()) {
    stats_.bytes_out += outcome.output.size();
    return;
  }
  // The output cannot be written: the stream counts as failed once, and
  // the rest of its records are cleaned but not kept.
  stream_failed_ = true;
  stream_file_.abort();
  ++stats_.failed;
  report(input.path, "", "", error);
}

void OrderedWriter::end_stream(const Outcome& outcome) {
  const Input& input = plan_.inputs[outcome.input];
  const bool write_failed = stream_failed_;
  stream_failed_ = false;
  if (!outcome.error.empty()) {
    stream_file_.abort();
    ++stats_.failed;
    report(input.path, "", "", outcome.error);
    return;
  }
  if (input.output.empty() || write_failed) return;
  // A stream without a single document still gets its (empty) output, so
  // that a rerun knows it is done.
  std::string error;
  if (!stream_file_.is_open()) error = stream_file_.open(input.output);
  if (error.empty()) error = stream_file_.commit();
  if (!error.empty()) {
    ++stats_.failed;
    report(input.path, "", "", error);
  }
}

void OrderedWriter::abandon() {
  stream_file_.abort();
}

}  // namespace webclean::cli
