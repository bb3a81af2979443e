// webclean: the command line. Parse options, plan the inputs, load the
// rules, run the pipeline, report; each step is its own file in src/cli/.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <thread>

#include "cli/inputs.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "cli/repeats.h"
#include "cli/signals.h"
#include "webclean/cleaner.h"

namespace {

using namespace webclean::cli;

webclean::Options cleaner_options(const CliOptions& options) {
  webclean::Options cleaner;
  cleaner.rule_dirs = options.rule_dirs;
  cleaner.keep_block_reports = options.explain;
  cleaner.markdown = options.format == webclean::sink::Format::kMarkdown;
  cleaner.markdown_links = options.links;
  cleaner.max_seconds = options.max_seconds;
  cleaner.page_type = options.page_type;
  return cleaner;
}

// The run's documents as an uninterrupted, unsharded run sees them: the
// repetition filter counts over all of them, so that resuming or sharding
// a run changes no document's output.
std::optional<Plan> whole_run(const CliOptions& options) {
  CliOptions all = options;
  all.force = true;
  all.shard = Shard{};
  std::string error;
  return plan_inputs(all, error);
}

bool shows_progress(const CliOptions& options) {
  if (options.progress == ProgressMode::kAuto) return ::isatty(STDERR_FILENO) == 1;
  return options.progress == ProgressMode::kOn;
}

// A single document needs no summary (webclean page.html is a filter);
// a batch, a stream, or inputs skipped as done get one.
bool shows_summary(const CliOptions& options, const Plan& plan) {
  if (options.quiet) return false;
  return plan.several || plan.has_streams() || plan.done > 0 ||
         options.progress == ProgressMode::kOn;
}

}  // namespace

int main(int argc, char** argv) {
  int exit_code = kExitOk;
  const std::optional<CliOptions> options = parse_command_line(argc, argv, exit_code);
  if (!options) return exit_code;
  std::string usage_error;
  const std::optional<Plan> plan = plan_inputs(*options, usage_error);
  if (!plan) {
    std::fprintf(stderr, "webclean: %s\n", usage_error.c_str());
    return kExitUsage;
  }
  std::optional<webclean::Cleaner> cleaner;
  try {
    cleaner.emplace(cleaner_options(*options));
  } catch (const std::exception& error) {  // RuleError: "file:line: reason"
    std::fprintf(stderr, "webclean: %s\n", error.what());
    return kExitUsage;
  }
  // Outputs that cannot be written fail the run once, before any work,
  // rather than once per document after all of it.
  ErrorLog log;
  if (!options->errors_file.empty()) {
    const std::string error = log.open(options->errors_file);
    if (!error.empty()) {
      std::fprintf(stderr, "webclean: --errors %s\n", error.c_str());
      return kExitSomeFailed;
    }
  }
  if (!plan->output_directory.empty()) {
    const std::string error = directory_write_error(plan->output_directory);
    if (!error.empty()) {
      const std::string where = plan->output_directory == options->output
                                    ? std::string("there")
                                    : "in " + plan->output_directory;
      std::fprintf(stderr, "webclean: --output %s: cannot create files %s: %s\n",
                   options->output.c_str(), where.c_str(), error.c_str());
      return kExitSomeFailed;
    }
  }

  install_stop_handlers();
  std::unique_ptr<webclean::RepeatIndex> repeats;
  if (options->repeats) {
    const std::optional<Plan> whole = whole_run(*options);
    if (whole) repeats = count_repeats(*whole, *options, *cleaner, shows_progress(*options));
  }
  const std::unique_ptr<webclean::RepeatIndex> from_stdin = stream_repeats(*plan, *options);
  WorkContext context{*plan, *options, *cleaner, repeats.get(), from_stdin.get()};
  context.overlap_io = options->jobs < std::thread::hardware_concurrency();
  const RunOutcome run = run_pipeline(context, log, shows_progress(*options));
  const bool interrupted = run.stop_signal != 0;
  if (shows_summary(*options, *plan) || (interrupted && !options->quiet)) {
    std::fprintf(stderr, "%s\n", summary_line(run.counts, run.seconds, interrupted).c_str());
  }
  if (interrupted) {
    // Threads may still be blocked reading stdin: end without unwinding.
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(kExitInterrupted + run.stop_signal);
  }
  if (std::ferror(stdout)) {
    std::fprintf(stderr, "webclean: standard output: write error\n");
    return kExitSomeFailed;
  }
  // The Cleaner's compiled patterns go back with the process: freeing them
  // one by one was 3% of the CPU of a process that cleans one document.
  // std::exit still flushes and closes every stdio stream (--errors).
  std::exit(run.counts.failed == 0 ? kExitOk : kExitSomeFailed);
}
