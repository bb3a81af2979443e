// The command line of `webclean`: its options, parsed by CLI11 into a
// plain struct that the other pieces of the CLI read. Nothing here touches
// the inputs or the rules.
#ifndef WEBCLEAN_CLI_OPTIONS_H_
#define WEBCLEAN_CLI_OPTIONS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sink/sink.h"
#include "webclean/cleaner.h"

namespace webclean::cli {

// Exit statuses of the program.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;
inline constexpr int kExitUsage = 2;

struct CliOptions {
  std::vector<std::string> inputs;  // as given; empty means stdin
  std::string output;               // -o; empty means stdout
  sink::Format format = sink::Format::kText;
  InputKind input_kind = InputKind::kAuto;
  unsigned jobs = 1;
  std::vector<std::string> rule_dirs;
  bool explain = false;
  size_t max_bytes = 0;
};

// Parses argv. Returns the options, or nullopt with `exit_code` set when
// the program should stop now: 0 after --help/--version, kExitUsage after
// a usage error (the message has been printed to stderr).
std::optional<CliOptions> parse_command_line(int argc, char** argv, int& exit_code);

// Parses a byte count with an optional binary suffix: "512", "64K", "64M",
// "1G" (also "64KiB", "64MB", any letter case). nullopt when malformed,
// zero or too large.
std::optional<size_t> parse_byte_size(std::string_view text);

}  // namespace webclean::cli

#endif  // WEBCLEAN_CLI_OPTIONS_H_
