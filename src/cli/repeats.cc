#include "cli/repeats.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "base/ascii.h"
#include "cli/progress.h"
#include "cli/shard.h"
#include "cli/work.h"
#include "records/records.h"
#include "source/records.h"
#include "source/source.h"

namespace webclean::cli {
namespace {

// Inputs read twice: regular files of one document, and JSONL and WARC
// files. A named pipe or a device is read once, by the cleaning pass.
// The filter judges text only, so files that hold pages are not read:
// documents named as pages (.html, .htm, .xhtml) unless --input text, and
// WARC files of responses (records::first_pass_reads).
bool countable(const Input& input, const CliOptions& options) {
  if (!input.error.empty() || input.path == "-" || input.holds == Holds::kUrl) return false;
  if (input.is_stream() && !records::first_pass_reads(input.path, input.holds == Holds::kWarc)) {
    return false;
  }
  const bool page_name = base::named_as(input.path, {".html", ".htm", ".xhtml"});
  if (input.holds == Holds::kDocument &&
      (options.input_format == InputFormat::kHtml ||
       (page_name && options.input_format != InputFormat::kText))) {
    return false;
  }
  std::error_code error;
  return std::filesystem::is_regular_file(input.path, error);
}

void count_stream(const Input& input, const CliOptions& options, const Cleaner& cleaner,
                  RepeatIndex& index, Workspace& workspace) {
  std::string error;
  std::unique_ptr<std::istream> in = source::open_input(input.path, error);
  if (!in) return;  // the cleaning pass reports it
  std::unique_ptr<source::RecordReader> records =
      input.holds == Holds::kWarc
          ? source::open_warc(std::move(in), options.max_bytes)
          : source::open_jsonl(std::move(in), options.jsonl_fields, options.max_bytes);
  const Shard& shard = options.shard;
  for (source::Record record; records->next(record);) {
    if (record.skipped || !record.error.empty()) continue;
    // Split by site, a shard judges only its own sites, which it holds whole.
    if (shard.by_site &&
        !in_shard(shard, record_shard_key(shard, record.id, record.url, input.shard_key, 0))) {
      continue;
    }
    cleaner.index(record.bytes, records::document_info(record, input.path), index, workspace);
  }
}

void count_input(const Input& input, const CliOptions& options, const Cleaner& cleaner,
                 RepeatIndex& index, Workspace& workspace) {
  if (input.is_stream()) return count_stream(input, options, cleaner, index, workspace);
  const source::RawDocument document = source::read_file(input.path, options.max_bytes);
  if (!document.error.empty()) return;
  cleaner.index(document.bytes, file_info(input, options), index, workspace);
}

}  // namespace

std::unique_ptr<RepeatIndex> count_repeats(const Plan& all, const CliOptions& options,
                                           const Cleaner& cleaner, bool show_progress) {
  if (!options.repeats) return nullptr;
  std::vector<const Input*> inputs;
  size_t documents = 0;
  for (const Input& input : all.inputs) {
    if (!countable(input, options)) continue;
    inputs.push_back(&input);
    documents += input.is_stream() ? options.repeat_min : 1;  // a stream may hold many
  }
  // Whether the filter is on is the whole run's call, so that shards and
  // the whole agree; split by site, a shard then counts only its own
  // sites, whose every document it holds (the counts are per site).
  if (documents < options.repeat_min) return nullptr;
  if (options.shard.by_site) {
    std::erase_if(inputs, [&](const Input* input) {
      return !input->is_stream() &&
             !in_shard(options.shard, input_shard_key(options.shard, input->shard_key));
    });
  }
  RepeatOptions repeat_options;
  repeat_options.min_documents = options.repeat_min;
  auto index = std::make_unique<RepeatIndex>(repeat_options);
  std::atomic<size_t> next{0};
  std::atomic<size_t> counted{0};
  // The main thread draws: a large tree of text files can take a while.
  PassProgress progress(show_progress, "first pass (repeated lines)", inputs.size());
  const auto work = [&](bool draws) {
    Workspace workspace;
    for (size_t i; (i = next++) < inputs.size();) {
      try {
        count_input(*inputs[i], options, cleaner, *index, workspace);
      } catch (const std::exception&) {
        // A document that cannot be counted is cleaned without its
        // counts; the cleaning pass reports what is wrong with it.
      }
      ++counted;
      if (draws) progress.update(counted.load());
    }
  };
  // Drawn before the pool starts: on a loaded machine the other threads
  // may count every input before the main thread gets one to draw on.
  progress.update(0);
  const unsigned threads = std::max(1u, std::min<unsigned>(options.jobs, inputs.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, false);
  work(true);
  for (std::thread& thread : pool) thread.join();
  return index;
}

std::unique_ptr<RepeatIndex> stream_repeats(const Plan& plan, const CliOptions& options) {
  if (!options.repeats || !options.stdin_repeats) return nullptr;
  const bool stdin_stream = std::any_of(plan.inputs.begin(), plan.inputs.end(), [](const Input& i) {
    return i.path == "-" && i.is_stream();
  });
  if (!stdin_stream) return nullptr;
  RepeatOptions repeat_options;
  repeat_options.min_documents = options.repeat_min;
  return std::make_unique<RepeatIndex>(repeat_options);
}

}  // namespace webclean::cli
