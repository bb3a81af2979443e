#include "cli/options.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <limits>
#include <thread>

#include "source/source.h"

namespace webclean::cli {
namespace {

constexpr const char* kFooter =
    R"(Inputs: files (any name), directories (walked recursively for .html .htm .xhtml
.txt, each also .gz, in path order) and - (standard input). Gzip files are
recognised by their content and decompressed.

Output without -o goes to standard output, in input order whatever -j:
  one input:        the text, or one indented JSON object
  several inputs,   text:  each document as "==> PATH <==", its text, a blank line
  or a directory:   json:  one JSON object per line (JSON Lines)
With -o DIR, each document goes to its own file: a directory input's tree is
mirrored below DIR, a named file goes to DIR/NAME, and the extension becomes
.txt or .json (a/b.html.gz -> DIR/a/b.txt). Two inputs never share an output
file: the second is reported as failed. Files are written atomically.

--explain prints every block with KEEP/DROP, the stage that decided and why;
with --format json the blocks and their decisions are added to the JSON.

Exit status: 0 every document cleaned; 1 some input failed (one line
"webclean: PATH: reason" each on stderr, the others are still written);
2 usage error or bad rule file.)";

unsigned default_jobs() {
  return std::max(1u, std::thread::hardware_concurrency());
}

std::string size_check(const std::string& text) {
  return parse_byte_size(text) ? "" : "expected a positive size like 512, 64K, 64M or 1G";
}

void define_options(CLI::App& app, CliOptions& options, std::string& format, std::string& kind,
                    std::string& max_bytes) {
  app.add_option("INPUT", options.inputs, "file, directory, or - for stdin (none: stdin)")
      ->type_name("");
  app.add_option("-o,--output", options.output,
                 "output file (one input) or directory (several inputs, or a directory)")
      ->type_name("PATH");
  app.add_option("-f,--format", format, "text (default) or json")
      ->type_name("FMT")
      ->check(CLI::IsMember({"text", "json"}));
  app.add_option("--input", kind, "auto (default), html or text")
      ->type_name("KIND")
      ->check(CLI::IsMember({"auto", "html", "text"}));
  app.add_option("-j,--jobs", options.jobs, "worker threads (default: all cores)")
      ->type_name("N")
      ->check(CLI::Range(1u, 4096u).description(""));
  app.add_option("--rules", options.rule_dirs,
                 "extra rule directory (repeatable); a file named like a shipped one replaces it")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory.description(""))
      ->allow_extra_args(false);
  app.add_flag("--explain", options.explain,
               "print every block with keep/drop and the reason (instead of the text)");
  app.add_option("--max-bytes", max_bytes,
                 "largest input accepted, after decompression (default 64M; suffixes K, M, G)")
      ->type_name("N")
      ->check(size_check);
  app.set_version_flag("-V,--version", std::string("webclean ") + WEBCLEAN_VERSION);
  app.footer(kFooter);
  app.failure_message([](const CLI::App*, const CLI::Error& error) {
    return std::string("webclean: ") + error.what() + "\nRun with --help for more information.\n";
  });
}

}  // namespace

std::optional<size_t> parse_byte_size(std::string_view text) {
  size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits == 0 || digits > 18) return std::nullopt;
  const size_t number = std::stoull(std::string(text.substr(0, digits)));
  std::string suffix(text.substr(digits));
  std::transform(suffix.begin(), suffix.end(), suffix.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  int shift = 0;
  if (suffix == "" || suffix == "b") {
    shift = 0;
  } else if (suffix == "k" || suffix == "kb" || suffix == "kib") {
    shift = 10;
  } else if (suffix == "m" || suffix == "mb" || suffix == "mib") {
    shift = 20;
  } else if (suffix == "g" || suffix == "gb" || suffix == "gib") {
    shift = 30;
  } else {
    return std::nullopt;
  }
  if (number == 0 || number > (std::numeric_limits<size_t>::max() >> shift)) return std::nullopt;
  return number << shift;
}

std::optional<CliOptions> parse_command_line(int argc, char** argv, int& exit_code) {
  CLI::App app{"webclean: strip boilerplate from web pages and text dumps of them.", "webclean"};
  CliOptions options;
  options.jobs = default_jobs();
  std::string format = "text";
  std::string kind = "auto";
  std::string max_bytes;
  define_options(app, options, format, kind, max_bytes);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // --help and --version end here too, with exit code 0.
    const int code = app.exit(error);
    exit_code = code == 0 ? kExitOk : kExitUsage;
    return std::nullopt;
  }
  options.format = format == "json" ? sink::Format::kJson : sink::Format::kText;
  options.input_kind = kind == "html"   ? InputKind::kHtml
                       : kind == "text" ? InputKind::kText
                                        : InputKind::kAuto;
  options.max_bytes = max_bytes.empty() ? source::kDefaultMaxBytes : *parse_byte_size(max_bytes);
  return options;
}

}  // namespace webclean::cli
