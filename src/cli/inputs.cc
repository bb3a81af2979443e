#include "cli/inputs.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "source/source.h"

namespace webclean::cli {
namespace {

namespace fs = std::filesystem;

bool is_directory(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

// A path's identity for clash checks: symlinks and ".." resolved as far as
// the path exists.
std::string identity(const std::string& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  if (ec) canonical = fs::absolute(path, ec).lexically_normal();
  return canonical.string();
}

// Whether outputs go to a directory rather than to one file.
bool writes_to_directory(const CliOptions& options, const std::vector<std::string>& args) {
  if (args.size() > 1) return true;
  if (std::any_of(args.begin(), args.end(), is_directory)) return true;
  return is_directory(options.output) || options.output.back() == '/';
}

std::string output_in_directory(const CliOptions& options, const source::InputFile& input) {
  std::string name = input.relative;
  if (name.empty()) name = input.path == "-" ? "stdin" : fs::path(input.path).filename().string();
  return (fs::path(options.output) /
          sink::output_relative_path(name, output_extension(options.format)))
      .string();
}

// Marks jobs whose output would overwrite an input or an earlier job's
// output; the first one to claim a path keeps it.
void refuse_clashes(std::vector<Job>& jobs) {
  std::set<std::string> inputs;
  for (const Job& job : jobs) {
    if (job.path != "-") inputs.insert(identity(job.path));
  }
  std::set<std::string> outputs;
  for (Job& job : jobs) {
    if (job.output.empty()) continue;
    const std::string target = identity(job.output);
    if (inputs.count(target) != 0) {
      job.error = "output " + job.output + " would overwrite an input";
    } else if (!outputs.insert(target).second) {
      job.error = "output " + job.output + " is already the output of an earlier input";
    }
  }
}

}  // namespace

std::string output_extension(sink::Format format) {
  return format == sink::Format::kJson ? ".json" : ".txt";
}

std::optional<Plan> plan_jobs(const CliOptions& options, std::string& usage_error) {
  const std::vector<std::string> args =
      options.inputs.empty() ? std::vector<std::string>{"-"} : options.inputs;
  if (std::count(args.begin(), args.end(), "-") > 1) {
    usage_error = "standard input (-) can be read only once";
    return std::nullopt;
  }
  Plan plan;
  plan.several = args.size() > 1 || std::any_of(args.begin(), args.end(), is_directory);
  const bool to_directory = !options.output.empty() && writes_to_directory(options, args);
  if (to_directory && fs::exists(options.output) && !is_directory(options.output)) {
    usage_error = "--output " + options.output +
                  " is a file, but the inputs need an output directory (several inputs or a "
                  "directory)";
    return std::nullopt;
  }
  for (const source::InputFile& input : source::expand_inputs(args, plan.errors)) {
    Job job{input.path, options.output, ""};
    if (to_directory) job.output = output_in_directory(options, input);
    plan.jobs.push_back(std::move(job));
  }
  refuse_clashes(plan.jobs);
  return plan;
}

}  // namespace webclean::cli
