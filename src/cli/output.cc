#include "cli/output.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string_view>

namespace webclean::cli {

ErrorLog::~ErrorLog() {
  if (file_ != nullptr) std::fclose(file_);
}

std::string ErrorLog::open(const std::string& path) {
  file_ = std::fopen(path.c_str(), "a");
  if (file_ == nullptr) return path + ": cannot open for appending: " + std::strerror(errno);
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

std::string directory_write_error(const std::string& directory) {
  const std::string probe = (std::filesystem::path(directory) / ".webclean-probe").string();
  sink::AtomicFile file;
  const std::string error = file.open(probe);
  if (error.empty()) return {};  // the destructor removes the probe
  // AtomicFile says "PATH: reason"; the directory is named by the caller.
  return error.substr(std::min(error.size(), probe.size() + 2));
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

void OrderedWriter::report_skipped(const std::string& path, const std::string& reason,
                                   bool not_regular) {
  ++stats_.skipped;
  if (not_regular) ++stats_.not_regular;
  display_.print_line("webclean: " + path + ": skipped: " + reason);
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

void OrderedWriter::write_stdout(const Outcome& outcome, const std::string& input) {
  if (stdout_failed_) {
    ++stats_.failed;
    return;
  }
  std::string_view rest = outcome.output;
  int error_number = 0;
  while (!rest.empty() && error_number == 0) {
    const ssize_t n = ::write(STDOUT_FILENO, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error_number = n < 0 ? errno : EIO;
      continue;
    }
    stats_.bytes_out += static_cast<uint64_t>(n);
    rest.remove_prefix(static_cast<size_t>(n));
  }
  if (error_number == 0) {
    ++stats_.cleaned;
    return;
  }
  // One line for the output, not one per document lost after it.
  const std::string reason = std::string("standard output: ") + std::strerror(error_number);
  stdout_failed_ = true;
  ++stats_.failed;
  display_.print_line("webclean: " + reason +
                      " (nothing more is written; this and later documents count as failed)");
  log_.add(input, outcome.record_key, reason);
}

void OrderedWriter::emit_file(const Outcome& outcome) {
  stats_.bytes_in += outcome.bytes_in;
  const std::string& input = plan_.inputs[outcome.input].path;
  if (!outcome.error.empty()) {
    ++stats_.failed;
    report(input, "", "", outcome.error);
    return;
  }
  const std::string& output = plan_.inputs[outcome.input].output;
  if (output.empty()) return write_stdout(outcome, input);
  uint64_t written = outcome.bytes_written;
  if (outcome.write_pending) {
    if (std::string error = sink::write_atomically(output, outcome.output); !error.empty()) {
      ++stats_.failed;
      report(input, "", "", error);
      return;
    }
    written = outcome.output.size();
  }
  ++stats_.cleaned;
  stats_.bytes_out += written;
}

void OrderedWriter::emit_record(const Outcome& outcome) {
  const Input& input = plan_.inputs[outcome.input];
  if (!outcome.error.empty()) {
    ++stats_.failed;
    report(input.path, outcome.record_label, outcome.record_key, outcome.error);
    return;
  }
  if (input.output.empty()) return write_stdout(outcome, input.path);
  write_stream_record(outcome, input);
}

void OrderedWriter::write_stream_record(const Outcome& outcome, const Input& input) {
  if (stream_failed_) {
    ++stats_.failed;
    return;
  }
  std::string error;
  if (!stream_file_.is_open()) error = stream_file_.open(input.output);
  if (error.empty()) error = stream_file_.append(outcome.output);
  if (error.empty()) {
    ++stats_.cleaned;
    ++stream_records_;
    stream_bytes_ += outcome.output.size();
    stats_.bytes_out += outcome.output.size();
    return;
  }
  // The rest of the stream's records are cleaned but cannot be kept.
  stream_failed_ = true;
  lose_stream_output();
  ++stats_.failed;
  report(input.path, "", "", error + " (the stream's output is lost; its records count as failed)");
}

void OrderedWriter::lose_stream_output() {
  stream_file_.abort();
  stats_.cleaned -= stream_records_;
  stats_.failed += stream_records_;
  stats_.bytes_out -= stream_bytes_;
  stream_records_ = 0;
  stream_bytes_ = 0;
}

void OrderedWriter::end_stream(const Outcome& outcome) {
  const Input& input = plan_.inputs[outcome.input];
  const bool write_failed = stream_failed_;
  stream_failed_ = false;
  if (!outcome.error.empty()) {
    lose_stream_output();
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
  if (error.empty()) {
    stream_records_ = 0;
    stream_bytes_ = 0;
    return;
  }
  lose_stream_output();
  ++stats_.failed;
  report(input.path, "", "", error + " (the stream's output is lost; its records count as failed)");
}

void OrderedWriter::abandon() {
  // Unfinished, not failed: a rerun writes them; but they are not written.
  stream_file_.abort();
  stats_.cleaned -= stream_records_;
  stats_.bytes_out -= stream_bytes_;
  stream_records_ = 0;
  stream_bytes_ = 0;
}

}  // namespace webclean::cli
