// Turning the command line's inputs into jobs: which file each document is
// read from and where its output goes, decided up front and in input order
// so that output clashes are found deterministically, before any work.
#ifndef WEBCLEAN_CLI_INPUTS_H_
#define WEBCLEAN_CLI_INPUTS_H_

#include <optional>
#include <string>
#include <vector>

#include "cli/options.h"

namespace webclean::cli {

struct Job {
  std::string path;    // the file to read; "-" for stdin
  std::string output;  // the file to write; "" for standard output
  std::string error;   // set when the job is known to fail before it runs
};

struct Plan {
  std::vector<Job> jobs;
  std::vector<std::string> errors;  // inputs that yielded no job: "path: reason"
  // Several documents may go to one stream (several inputs or a directory):
  // text output then separates them, JSON output is JSON Lines.
  bool several = false;
};

// Expands the inputs and assigns the outputs. Returns nullopt with
// `usage_error` set when the command line cannot work at all (e.g. -o FILE
// with several inputs, or stdin named twice).
std::optional<Plan> plan_jobs(const CliOptions& options, std::string& usage_error);

// The extension of output files for a format: ".txt" or ".json".
std::string output_extension(sink::Format format);

}  // namespace webclean::cli

#endif  // WEBCLEAN_CLI_INPUTS_H_
