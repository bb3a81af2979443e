#include "cli/run.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "sink/sink.h"
#include "source/source.h"

namespace webclean::cli {
namespace {

// What one job leaves to print: its output for stdout, or its error.
struct Outcome {
  std::string output;
  std::string error;
};

// Prints outcomes in job order although jobs finish in any order: a
// finished outcome waits in its slot until all before it are printed.
class OrderedPrinter {
 public:
  explicit OrderedPrinter(const Plan& plan) : plan_(plan), slots_(plan.jobs.size()) {}

  void finish(size_t index, Outcome outcome) {
    std::lock_guard lock(mutex_);
    slots_[index] = std::move(outcome);
    for (; next_ < slots_.size() && slots_[next_]; ++next_) {
      print(plan_.jobs[next_], *slots_[next_]);
      slots_[next_].reset();
    }
  }

  size_t failures() const {
    std::lock_guard lock(mutex_);
    return failures_;
  }

 private:
  void print(const Job& job, const Outcome& outcome) {
    if (!outcome.error.empty()) {
      std::fprintf(stderr, "webclean: %s: %s\n", job.path.c_str(), outcome.error.c_str());
      ++failures_;
    }
    std::fwrite(outcome.output.data(), 1, outcome.output.size(), stdout);
  }

  const Plan& plan_;
  mutable std::mutex mutex_;
  std::vector<std::optional<Outcome>> slots_;
  size_t next_ = 0;
  size_t failures_ = 0;
};

std::string render(const Result& result, const Job& job, const CliOptions& options, bool several) {
  const bool to_stream = job.output.empty() && several;
  if (options.format == sink::Format::kJson) {
    return sink::render_json(result, job.path, "", !to_stream);
  }
  std::string body = options.explain ? sink::render_explain(result) : sink::render_text(result);
  if (!to_stream) return body;
  return "==> " + job.path + " <==\n" + body + "\n";
}

Outcome clean_one(const Job& job, const Cleaner& cleaner, const CliOptions& options, bool several) {
  if (!job.error.empty()) return {"", job.error};
  const source::RawDocument document = job.path == "-"
                                           ? source::read_stdin(options.max_bytes)
                                           : source::read_file(job.path, options.max_bytes);
  if (!document.error.empty()) return {"", document.error};
  DocumentInfo info;
  info.kind = options.input_kind;
  const Result result = cleaner.clean(document.bytes, info);
  if (!result.ok()) return {"", result.error};
  std::string rendered = render(result, job, options, several);
  if (job.output.empty()) return {std::move(rendered), ""};
  return {"", sink::write_atomically(job.output, rendered)};
}

// A worker never lets an exception out: it becomes that input's failure.
Outcome clean_one_safely(const Job& job, const Cleaner& cleaner, const CliOptions& options,
                         bool several) {
  try {
    return clean_one(job, cleaner, options, several);
  } catch (const std::exception& error) {
    return {"", std::string("internal error: ") + error.what()};
  } catch (...) {
    return {"", "internal error"};
  }
}

}  // namespace

size_t run_jobs(const Plan& plan, const Cleaner& cleaner, const CliOptions& options) {
  OrderedPrinter printer(plan);
  std::atomic<size_t> next_job{0};
  auto work = [&] {
    for (size_t i = next_job++; i < plan.jobs.size(); i = next_job++) {
      printer.finish(i, clean_one_safely(plan.jobs[i], cleaner, options, plan.several));
    }
  };
  const size_t threads = std::min<size_t>(options.jobs, plan.jobs.size());
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (size_t t = 0; t < threads; ++t) pool.emplace_back(work);
    for (std::thread& thread : pool) thread.join();
  }
  std::fflush(stdout);
  return printer.failures();
}

}  // namespace webclean::cli
