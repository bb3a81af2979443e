#include "cli/progress.h"

#include <algorithm>
#include <cinttypes>
#include <utility>

namespace webclean::cli {
namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

std::string format(const char* pattern, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, pattern, value);
  return buffer;
}

std::string megabytes(uint64_t bytes) {
  return format("%.1f MB", static_cast<double>(bytes) / 1e6);
}

std::string duration(double seconds) {
  const uint64_t total = static_cast<uint64_t>(seconds + 0.5);
  char buffer[32];
  if (total >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%" PRIu64 ":%02" PRIu64 ":%02" PRIu64, total / 3600,
                  total / 60 % 60, total % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%" PRIu64 ":%02" PRIu64, total / 60, total % 60);
  }
  return buffer;
}

// The share of the work done, from documents when their number is known,
// else from bytes; negative when neither is known.
double fraction_done(const Totals& totals, const Snapshot& now) {
  if (!totals.streams && totals.documents > 0) {
    return static_cast<double>(now.cleaned + now.failed) / static_cast<double>(totals.documents);
  }
  if (totals.bytes > 0) {
    return static_cast<double>(now.bytes_in) / static_cast<double>(totals.bytes);
  }
  return -1;
}

std::string amount_done(const Totals& totals, const Snapshot& now) {
  const uint64_t documents = now.cleaned + now.failed;
  if (!totals.streams) {
    return std::to_string(documents) + "/" + std::to_string(totals.documents) + " documents";
  }
  std::string text = std::to_string(documents) + " documents, ";
  if (totals.bytes == 0) return text + megabytes(now.bytes_in);
  const double share = static_cast<double>(now.bytes_in) / static_cast<double>(totals.bytes);
  return text + format("%.1f", static_cast<double>(now.bytes_in) / 1e6) + "/" +
         megabytes(totals.bytes) + format(" (%.0f%%)", 100 * share);
}

std::string count_of(uint64_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

// Why things were skipped, when it is more than records that are no
// documents (WARC requests, PDFs), which is what "skipped" says alone.
std::string skip_breakdown(const Snapshot& now) {
  if (now.blank_lines == 0 && now.not_regular == 0) return "";
  std::string parts;
  const auto add = [&](const std::string& part) { parts += (parts.empty() ? "" : ", ") + part; };
  if (now.blank_lines > 0) add(count_of(now.blank_lines, "blank line", "blank lines"));
  if (now.not_regular > 0) {
    add(count_of(now.not_regular, "not a regular file", "not regular files"));
  }
  const uint64_t others = now.skipped - std::min(now.skipped, now.blank_lines + now.not_regular);
  if (others > 0) add(count_of(others, "not a document", "not documents"));
  return " (" + parts + ")";
}

// Draws `line` over the one on the terminal, `drawn_width` characters wide,
// and sets that to the new width. Spaces rather than an ANSI erase:
// --progress may write to a file.
void redraw(std::FILE* out, const std::string& line, size_t& drawn_width) {
  std::string padded = "\r" + line;
  if (line.size() < drawn_width) padded.append(drawn_width - line.size(), ' ');
  std::fputs(padded.c_str(), out);
  std::fflush(out);
  drawn_width = line.size();
}

void erase_line(std::FILE* out, size_t& drawn_width) {
  if (drawn_width == 0) return;
  std::fputs(("\r" + std::string(drawn_width, ' ') + "\r").c_str(), out);
  std::fflush(out);
  drawn_width = 0;
}

}  // namespace

Snapshot snapshot(const Stats& stats) {
  Snapshot now;
  now.cleaned = stats.cleaned.load();
  now.failed = stats.failed.load();
  now.skipped = stats.skipped.load();
  now.blank_lines = stats.blank_lines.load();
  now.not_regular = stats.not_regular.load();
  now.done_before = stats.done_before.load();
  now.bytes_in = stats.bytes_in.load();
  now.bytes_out = stats.bytes_out.load();
  return now;
}

std::string progress_line(const Totals& totals, const Snapshot& now, double seconds) {
  std::string line = "webclean: " + amount_done(totals, now);
  if (seconds > 0) {
    const double documents = static_cast<double>(now.cleaned + now.failed);
    line += format(", %.0f/s", documents / seconds);
    line += format(", %.1f MB/s", static_cast<double>(now.bytes_in) / 1e6 / seconds);
  }
  const double done = fraction_done(totals, now);
  if (done > 0 && done <= 1) line += ", ETA " + duration(seconds * (1 - done) / done);
  line += ", " + std::to_string(now.failed) + " failed";
  line += ", " + std::to_string(now.skipped) + " skipped";
  return line;
}

std::string summary_line(const Snapshot& now, double seconds, bool interrupted) {
  std::string line = interrupted ? "webclean: interrupted: " : "webclean: ";
  line += std::to_string(now.cleaned) + " documents cleaned";
  line += ", " + std::to_string(now.failed) + " failed";
  line += ", " + std::to_string(now.skipped) + " skipped" + skip_breakdown(now);
  line += ", " + std::to_string(now.done_before) + " skipped (done)";
  line += ", " + megabytes(now.bytes_in) + " in";
  line += ", " + megabytes(now.bytes_out) + " out";
  line += format(", %.2f s", seconds);
  return line;
}

ProgressDisplay::ProgressDisplay(bool enabled, Totals totals, const Stats& stats, std::FILE* out)
    : enabled_(enabled),
      totals_(totals),
      stats_(stats),
      out_(out),
      start_(std::chrono::steady_clock::now()),
      // The first tick draws at once: a short run shows its progress too.
      last_draw_(start_ - kRedrawInterval) {}

double ProgressDisplay::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressDisplay::tick() {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  redraw(out_, progress_line(totals_, snapshot(stats_), seconds()), drawn_width_);
}

void ProgressDisplay::erase() {
  erase_line(out_, drawn_width_);
}

void ProgressDisplay::print_line(const std::string& line) {
  erase();
  std::fputs((line + "\n").c_str(), out_);
  std::fflush(out_);
}

void ProgressDisplay::finish() {
  erase();
  std::fflush(out_);
}

PassProgress::PassProgress(bool enabled, std::string name, uint64_t total, std::FILE* out)
    : enabled_(enabled),
      name_(std::move(name)),
      total_(total),
      out_(out),
      // The first update draws at once.
      last_draw_(std::chrono::steady_clock::now() - kRedrawInterval) {}

PassProgress::~PassProgress() {
  if (enabled_) erase_line(out_, drawn_width_);
}

void PassProgress::update(uint64_t done) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  const std::string line =
      "webclean: " + name_ + ": " + std::to_string(done) + "/" + std::to_string(total_) + " inputs";
  redraw(out_, line, drawn_width_);
}

}  // namespace webclean::cli
