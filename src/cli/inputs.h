// Planning the run: the command line's inputs become a list of inputs to
// read, each knowing what it holds (one document, or a JSONL or WARC
// stream of them), where its output goes, and whether it is this shard's
// and not already done. All decided up front and in input order, so that
// output clashes are found deterministically, before any work.
#ifndef WEBCLEAN_CLI_INPUTS_H_
#define WEBCLEAN_CLI_INPUTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/options.h"

namespace webclean::cli {

enum class Holds { kDocument, kJsonl, kWarc, kUrl };

struct Input {
  std::string path;       // the file to read; "-" for stdin; kUrl: the URL
  std::string shard_key;  // the path below a walked directory, else the path as given
  Holds holds = Holds::kDocument;
  std::string output;  // the file to write; "" for standard output
  std::string error;   // set when the input is known to fail before it runs
  uint64_t size = 0;   // bytes on disk; 0 when unknown (stdin, pipes)

  bool is_stream() const { return holds == Holds::kJsonl || holds == Holds::kWarc; }
};

// An input that yields nothing at all (missing, unreadable directory), or
// an entry of a walk that is not read (a FIFO).
struct InputError {
  std::string input;
  std::string reason;
};

struct Plan {
  std::vector<Input> inputs;  // this shard's, not yet done, in input order
  std::vector<InputError> errors;
  std::vector<InputError> skipped;  // FIFOs, sockets, devices found in walks
  // JSONL files found in walks whose records hold no document (no html or
  // text field in the first): skipped, counted as not documents.
  std::vector<InputError> not_document_streams;
  // Where -o puts files: the directory, or the directory of -o FILE; ""
  // without -o.
  std::string output_directory;
  uint64_t done = 0;  // inputs skipped because their output is up to date
  // Several documents may go to standard output (several inputs or a
  // directory): text output then separates them, JSON output is JSON Lines.
  bool several = false;

  size_t document_count() const;  // inputs that are one document each
  bool has_streams() const;
  // The bytes of all inputs, or 0 when some size is unknown (stdin, URLs).
  uint64_t known_total_bytes() const;
};

// Expands the inputs, decides what each holds, assigns the outputs, drops
// documents of other shards and inputs whose output is up to date (unless
// --force). Returns nullopt with `usage_error` set when the command line
// cannot work at all (e.g. -o FILE with several inputs, or stdin named
// twice).
std::optional<Plan> plan_inputs(const CliOptions& options, std::string& usage_error);

// What an input holds under --input `format`; auto goes by the name.
Holds holds_of(std::string_view path, InputFormat format);

// What standard input holds: as --input says; under auto, JSON Lines when
// its first line with anything in it is a JSON object with the html or
// text field (as named by --html-field, --text-field), else one document.
// Reads that line (at most kStdinSniffBytes) once, keeping its bytes for
// the reader of stdin.
Holds stdin_holds(const CliOptions& options);
// Enough for a first record's id, url and other small fields before its
// html or text; a record whose document starts later is taken for one
// document (--input jsonl reads it).
inline constexpr size_t kStdinSniffBytes = size_t{1} << 20;

// The extension of output files for a document format: ".txt", ".json"
// or ".jsonl".
std::string output_extension(sink::Format format);

// Whether `output` exists and is not older than `input`: a rerun's
// evidence that the input was already done.
bool is_up_to_date(const std::string& input, const std::string& output);

}  // namespace webclean::cli

#endif  // WEBCLEAN_CLI_INPUTS_H_
