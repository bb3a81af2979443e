#include "cli/inputs.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "base/ascii.h"
#include "cli/shard.h"
#include "fetch/fetch.h"
#include "source/records.h"
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

uint64_t size_on_disk(const std::string& path) {
  std::error_code ec;
  if (path == "-" || !fs::is_regular_file(path, ec)) return 0;
  const uintmax_t size = fs::file_size(path, ec);
  return ec ? 0 : static_cast<uint64_t>(size);
}

// Whether outputs go to a directory rather than to one file.
bool writes_to_directory(const CliOptions& options, const std::vector<std::string>& args) {
  if (args.size() > 1) return true;
  if (std::any_of(args.begin(), args.end(), is_directory)) return true;
  return is_directory(options.output) || options.output.back() == '/';
}

// Streams split over shards get one output per shard, so that shards
// writing to one directory do not replace each other's file.
std::string stream_extension(const Shard& shard) {
  if (shard.count <= 1) return ".jsonl";
  return "." + std::to_string(shard.index) + "-of-" + std::to_string(shard.count) + ".jsonl";
}

std::string output_in_directory(const CliOptions& options, const source::InputFile& file,
                                Holds holds) {
  std::string name = file.relative;
  if (name.empty()) name = file.path == "-" ? "stdin" : fs::path(file.path).filename().string();
  const std::string extension = holds == Holds::kDocument ? output_extension(options.format)
                                                          : stream_extension(options.shard);
  return (fs::path(options.output) / sink::output_relative_path(name, extension)).string();
}

// An output directory below a walked directory: its files are this run's
// outputs or an earlier run's, never inputs (a rerun would otherwise clean
// its own outputs into DIR/DIR). An output directory that is the walked
// one is left to the clash check, which refuses it.
class OutputSubtree {
 public:
  explicit OutputSubtree(const std::string& output_dir)
      : prefix_(output_dir.empty() ? "" : identity(output_dir) + "/") {}

  bool holds_walked(const source::InputFile& file) {
    if (prefix_.empty() || file.relative.empty()) return false;
    std::string root = file.path.substr(0, file.path.size() - file.relative.size());
    while (root.size() > 1 && root.back() == '/') root.pop_back();
    auto [known, inserted] = root_is_above_.try_emplace(root, false);
    if (inserted) {
      const std::string root_prefix = identity(root) + "/";
      known->second = prefix_.size() > root_prefix.size() && prefix_.rfind(root_prefix, 0) == 0;
    }
    return known->second && identity(file.path).rfind(prefix_, 0) == 0;
  }

 private:
  std::string prefix_;
  std::map<std::string, bool> root_is_above_;  // walked root -> it holds the output dir
};

// Marks inputs whose output would overwrite an input or an earlier input's
// output; the first one to claim a path keeps it.
void refuse_clashes(std::vector<Input>& inputs) {
  std::set<std::string> paths;
  for (const Input& input : inputs) {
    if (input.path != "-" && input.holds != Holds::kUrl) paths.insert(identity(input.path));
  }
  std::set<std::string> outputs;
  for (Input& input : inputs) {
    if (input.output.empty()) continue;
    const std::string target = identity(input.output);
    if (paths.count(target) != 0) {
      input.error = "output " + input.output + " would overwrite an input";
    } else if (!outputs.insert(target).second) {
      input.error = "output " + input.output + " is already the output of an earlier input";
    }
  }
}

// --urls FILE: one URL a line; blank lines and # comments skipped.
bool read_url_list(const std::string& path, std::vector<std::string>& urls, std::string& error) {
  std::ifstream file;
  if (path != "-") {
    file.open(path);
    if (!file) {
      error = "--urls " + path + ": cannot open: " + std::strerror(errno);
      return false;
    }
  }
  std::istream& in = path == "-" ? std::cin : file;
  for (std::string line; std::getline(in, line);) {
    const size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string::npos || line[start] == '#') continue;
    const size_t end = line.find_last_not_of(" \t\r");
    urls.push_back(line.substr(start, end - start + 1));
  }
  return true;
}

// The output of a fetched page in DIR: its URL's host/path, with a numeric
// suffix when an earlier URL took the name (first come, first served).
std::string output_for_url(const CliOptions& options, const std::string& url,
                           std::set<std::string>& taken) {
  const std::string stem = (fs::path(options.output) / fetch::url_output_stem(url)).string();
  const std::string extension = output_extension(options.format);
  std::string path = stem + extension;
  for (int n = 2; !taken.insert(path).second; ++n) {
    path = stem + "-" + std::to_string(n) + extension;
  }
  return path;
}

// Whether an input's output shows it done by an earlier run. A URL has no
// time to compare with: its output existing is enough (--force refetches).
bool is_done(const Input& input) {
  if (!input.error.empty() || input.path == "-" || input.output.empty()) return false;
  if (input.holds != Holds::kUrl) return is_up_to_date(input.path, input.output);
  std::error_code ec;
  return fs::exists(input.output, ec);
}

// A run killed outright leaves its temporary files beside the outputs; the
// next run over the same outputs clears them, one directory listing each.
void remove_stale_temporaries(const std::vector<Input>& inputs) {
  std::set<fs::path> directories;
  for (const Input& input : inputs) {
    if (!input.output.empty()) directories.insert(fs::path(input.output).parent_path());
  }
  for (const fs::path& directory : directories) {
    sink::remove_stale_temporaries(directory.empty() ? "." : directory.string());
  }
}

// Why a JSONL file holds no documents, or "": its first record (past blank
// lines) is a JSON object with neither the html nor the text field, as an
// evaluation set of snippets named .jsonl is. Regular files only: the
// bytes read from a pipe would be lost to the reader.
std::string not_document_stream(const std::string& path, const CliOptions& options) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return {};
  std::string error;
  std::unique_ptr<std::istream> in = source::open_input(path, error);
  if (!in) return {};  // the reader reports it
  const std::unique_ptr<source::RecordReader> records =
      source::open_jsonl(std::move(in), options.jsonl_fields, options.max_bytes);
  source::Record record;
  while (records->next(record) && record.skipped) {
  }
  if (!record.no_document_field) return {};
  const auto quoted = [](const std::string& name) { return "\"" + name + "\""; };
  return "not a document stream (no " + quoted(options.jsonl_fields.html) + " or " +
         quoted(options.jsonl_fields.text) + " field in its first record)";
}

// Drops the documents of other shards (streams are split record by record
// as they are read) and the inputs already done.
void select_work(const CliOptions& options, std::vector<Input>& inputs, uint64_t& done) {
  std::vector<Input> selected;
  for (Input& input : inputs) {
    if (!input.is_stream() &&
        !in_shard(options.shard, input_shard_key(options.shard, input.shard_key)))
      continue;
    if (!options.force && is_done(input)) {
      ++done;
      continue;
    }
    selected.push_back(std::move(input));
  }
  inputs = std::move(selected);
}

}  // namespace

size_t Plan::document_count() const {
  return static_cast<size_t>(std::count_if(inputs.begin(), inputs.end(),
                                           [](const Input& input) { return !input.is_stream(); }));
}

bool Plan::has_streams() const {
  return document_count() != inputs.size();
}

uint64_t Plan::known_total_bytes() const {
  uint64_t total = 0;
  for (const Input& input : inputs) {
    if (input.size == 0 && (input.path == "-" || input.holds == Holds::kUrl)) return 0;
    total += input.size;
  }
  return total;
}

Holds stdin_holds(const CliOptions& options) {
  if (options.input_format != InputFormat::kAuto) return holds_of("-", options.input_format);
  const std::string_view start = source::peek_stdin(kStdinSniffBytes);
  // Gzipped stdin is one document, gunzipped when read (not looked into).
  if (source::starts_jsonl_record(start, options.jsonl_fields)) return Holds::kJsonl;
  return Holds::kDocument;
}

Holds holds_of(std::string_view path, InputFormat format) {
  switch (format) {
    case InputFormat::kJsonl:
      return Holds::kJsonl;
    case InputFormat::kWarc:
      return Holds::kWarc;
    case InputFormat::kHtml:
    case InputFormat::kText:
      return Holds::kDocument;
    case InputFormat::kAuto:
      break;
  }
  if (path == "-") return Holds::kDocument;
  switch (source::stream_format_of(path)) {
    case source::StreamFormat::kWarc:
      return Holds::kWarc;
    case source::StreamFormat::kJsonl:
      return Holds::kJsonl;
    case source::StreamFormat::kNone:
      break;
  }
  return Holds::kDocument;
}

std::string output_extension(sink::Format format) {
  switch (format) {
    case sink::Format::kJson:
      return ".json";
    case sink::Format::kJsonl:
      return ".jsonl";
    case sink::Format::kMarkdown:
      return ".md";
    case sink::Format::kText:
      break;
  }
  return ".txt";
}

bool is_up_to_date(const std::string& input, const std::string& output) {
  std::error_code ec;
  const fs::file_time_type output_time = fs::last_write_time(output, ec);
  if (ec) return false;
  const fs::file_time_type input_time = fs::last_write_time(input, ec);
  return !ec && output_time >= input_time;
}

std::optional<Plan> plan_inputs(const CliOptions& options, std::string& usage_error) {
  std::vector<std::string> args = options.inputs;
  if (args.empty() && options.urls_file.empty()) args.push_back("-");
  if (!options.urls_file.empty() && !read_url_list(options.urls_file, args, usage_error)) {
    return std::nullopt;
  }
  if (std::count(args.begin(), args.end(), "-") + (options.urls_file == "-") > 1) {
    usage_error = "standard input (-) can be read only once";
    return std::nullopt;
  }
  Plan plan;
  plan.several = args.size() > 1 || std::any_of(args.begin(), args.end(), is_directory);
  const bool to_directory = !options.output.empty() && writes_to_directory(options, args);
  if (!options.output.empty()) {
    plan.output_directory =
        to_directory ? options.output : fs::path(options.output).parent_path().string();
    if (plan.output_directory.empty()) plan.output_directory = ".";
  }
  if (to_directory && fs::exists(options.output) && !is_directory(options.output)) {
    usage_error = "--output " + options.output +
                  " is a file, but the inputs need an output directory (several inputs or a "
                  "directory)";
    return std::nullopt;
  }
  OutputSubtree outputs(to_directory ? options.output : "");
  std::set<std::string> url_outputs;
  for (const std::string& arg : args) {
    if (fetch::is_url(arg)) {
      Input input;
      input.path = input.shard_key = arg;
      input.holds = Holds::kUrl;
      input.output = to_directory ? output_for_url(options, arg, url_outputs) : options.output;
      plan.inputs.push_back(std::move(input));
      continue;
    }
    source::ExpandedInputs expanded = source::expand_input_list({arg});
    for (source::InputNotice& error : expanded.errors) {
      plan.errors.push_back({std::move(error.path), std::move(error.reason)});
    }
    for (source::InputNotice& skip : expanded.skipped) {
      plan.skipped.push_back({std::move(skip.path), std::move(skip.reason)});
    }
    for (const source::InputFile& file : expanded.files) {
      if (outputs.holds_walked(file)) continue;
      const Holds holds =
          file.path == "-" ? stdin_holds(options) : holds_of(file.path, options.input_format);
      const bool named = file.relative.empty();
      if (holds == Holds::kJsonl && (named || base::named_as(file.path, {".jsonl", ".ndjson"}))) {
        std::string reason = not_document_stream(file.path, options);
        // Met in a walk, it is no input; named, it is one that fails.
        std::vector<InputError>& noted = named ? plan.errors : plan.not_document_streams;
        if (!reason.empty()) {
          noted.push_back({file.path, std::move(reason)});
          continue;
        }
      }
      Input input;
      input.path = file.path;
      input.shard_key = file.relative.empty() ? file.path : file.relative;
      input.holds = holds;
      input.output =
          to_directory ? output_in_directory(options, file, input.holds) : options.output;
      input.size = size_on_disk(file.path);
      plan.inputs.push_back(std::move(input));
    }
  }
  // Clashes are settled over all inputs, before sharding, so that every
  // shard agrees on which input keeps a contested output.
  refuse_clashes(plan.inputs);
  remove_stale_temporaries(plan.inputs);
  select_work(options, plan.inputs, plan.done);
  return plan;
}

}  // namespace webclean::cli
