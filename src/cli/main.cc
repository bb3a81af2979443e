// webclean: the command line. Parse options, plan the jobs, load the rules,
// run the batch; each step is its own file in src/cli/.
#include <cstdio>
#include <optional>

#include "cli/inputs.h"
#include "cli/options.h"
#include "cli/run.h"
#include "webclean/cleaner.h"

namespace {

webclean::Options cleaner_options(const webclean::cli::CliOptions& options) {
  webclean::Options cleaner;
  cleaner.rule_dirs = options.rule_dirs;
  cleaner.keep_block_reports = options.explain;
  return cleaner;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace webclean::cli;
  int exit_code = kExitOk;
  const std::optional<CliOptions> options = parse_command_line(argc, argv, exit_code);
  if (!options) return exit_code;
  std::string usage_error;
  const std::optional<Plan> plan = plan_jobs(*options, usage_error);
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
  for (const std::string& error : plan->errors)
    std::fprintf(stderr, "webclean: %s\n", error.c_str());
  const size_t failures = run_jobs(*plan, *cleaner, *options);
  if (std::ferror(stdout)) {
    std::fprintf(stderr, "webclean: standard output: write error\n");
    return kExitSomeFailed;
  }
  return failures == 0 && plan->errors.empty() ? kExitOk : kExitSomeFailed;
}
