// The command line of `webclean`: its options, parsed by CLI11 into a
// plain struct that the other pieces of the CLI read. Nothing here touches
// the inputs or the rules.
#ifndef WEBCLEAN_CLI_OPTIONS_H_
#define WEBCLEAN_CLI_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fetch/fetch.h"
#include "sink/sink.h"
#include "source/records.h"
#include "webclean/cleaner.h"

namespace webclean::cli {

// Exit statuses of the program.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInterrupted = 128;  // plus the signal's number

// What --input says the inputs are: auto decides per input by its name.
enum class InputFormat { kAuto, kHtml, kText, kJsonl, kWarc };

enum class ProgressMode { kAuto, kOn, kOff };

// --shard I/N: this process takes the documents whose hash is I modulo N.
struct Shard {
  uint64_t index = 0;
  uint64_t count = 1;
  // --shard-by site: a document goes by its site (the host of its URL, else
  // the folder it sits in), so that all of a site meets in one shard.
  bool by_site = false;
};

struct CliOptions {
  std::vector<std::string> inputs;  // as given; empty means stdin
  std::string output;               // -o; empty means stdout
  sink::Format format = sink::Format::kText;
  InputFormat input_format = InputFormat::kAuto;
  source::JsonlFields jsonl_fields;
  unsigned jobs = 1;
  std::vector<std::string> rule_dirs;
  bool explain = false;
  PageType page_type = PageType::kAuto;  // --page-type: forced for every document
  bool links = false;                    // --links: Markdown links keep their targets
  bool with_title = false;               // --with-title: the title first in text and Markdown
  size_t max_bytes = 0;
  double max_seconds = 30;  // --max-time: per document; 0 means no limit
  ProgressMode progress = ProgressMode::kAuto;
  bool quiet = false;       // no progress, no summary; errors are still printed
  bool force = false;       // redo inputs whose output is already up to date
  std::string errors_file;  // --errors: JSON Lines of failures, appended
  Shard shard;
  std::string urls_file;  // --urls: one URL a line; "-" for stdin
  // The repetition filter of bulk runs (src/cli/repeats.h): off with
  // --no-repeats; a line on --repeat-min documents of a site goes.
  bool repeats = true;
  bool stdin_repeats = false;  // --stdin-repeats: also a stream on stdin
  unsigned repeat_min = 3;
  fetch::FetchOptions fetch;
};

// Parses argv. Returns the options, or nullopt with `exit_code` set when
// the program should stop now: 0 after --help/--version, kExitUsage after
// a usage error (the message has been printed to stderr).
std::optional<CliOptions> parse_command_line(int argc, char** argv, int& exit_code);

// Parses a byte count with an optional binary suffix: "512", "64K", "64M",
// "1G" (also "64KiB", "64MB", any letter case). nullopt when malformed,
// zero or too large.
std::optional<size_t> parse_byte_size(std::string_view text);

// Parses "I/N" with 0 <= I < N; nullopt when malformed or out of range.
std::optional<Shard> parse_shard(std::string_view text);

}  // namespace webclean::cli

#endif  // WEBCLEAN_CLI_OPTIONS_H_
