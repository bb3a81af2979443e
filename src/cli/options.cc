#include "cli/options.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/version.h"
#include "source/source.h"

namespace webclean::cli {
namespace {

constexpr const char* kFooter =
    R"HELP(Inputs: files, directories and - (standard input; none given: stdin).
Directories are walked recursively, in path order, for documents (.html .htm
.xhtml .txt .md .markdown) and streams (.warc .wet .jsonl .ndjson), each also
.gz; a named file is taken whatever its name or kind (a FIFO: <(cmd)). In a
walk, a FIFO, socket or device with such a name is reported and skipped, a
dangling symlink or a directory that cannot be listed is an error; a .jsonl
or .ndjson file whose first record has no html or text field is reported and
skipped (named, it fails). Gzip is recognised by its content.
With --input auto, a name ending in .warc or .wet (or .gz of them) is a WARC
stream, .jsonl or .ndjson (or .gz) a JSON Lines stream, anything else one
document whose kind (HTML or text) is sniffed; stdin is JSON Lines when its
first line is a JSON object with an html or text field, else one document.
On a pipe each record's answer is written as soon as it is cleaned. Any
other --input applies to every input, stdin included. A JSONL record is an
object with the document in its html or text field (the names are set by
--html-field and --text-field), its id and url in --id-field, --url-field.
Blank lines count as skipped; a bad line fails alone, saying what is wrong
where: line N: invalid UTF-8 at byte M; line N: "html" is a number, not a
string; ...

URLs (arguments starting with http:// or https://, and the lines of --urls
FILE) are fetched by libcurl, --fetch-jobs at once and at most --per-host to
one host, and cleaned as they arrive; output stays in input order. Redirects
are followed (10 at most); 429, 5xx and timeouts are retried (--retries)
with exponential backoff or after Retry-After (60 s at most). A status >= 400,
a content type other than HTML or text, a connection error, a timeout or a
body over --max-bytes fails that URL only. With -o DIR a page goes to
DIR/HOST/PATH.txt ("/" -> index, the query as a hash; a name taken earlier
gets -2, -3, ...; a rerun skips URLs whose output exists, unless --force).
JSON output adds final_url, http_status, fetch_seconds.

Documents, without -o, go to standard output in input order whatever -j:
  one document:       the text, one indented JSON object (-f json), or one
                      JSON line (-f jsonl)
  several documents:  text: each as "==> PATH <==", its text, a blank line;
                      json, jsonl: one JSON object per line (JSON Lines)
With -o DIR each document goes to its own file: a directory input's tree is
mirrored below DIR, a named file goes to DIR/NAME, and the extension becomes
the format's: .txt, .md, .json or .jsonl (a/b.html.gz -> DIR/a/b.txt; with
-f jsonl each document is a file of one JSON line). With -o FILE (one input)
the output is that file. Two inputs never share an output file: the second
is reported as failed.

Streams (JSONL, WARC) always give JSON Lines, one line per record, in input
order: JSONL {"id","url","title","text", then the record's other fields
whose names are free}; WARC {"warc_record_id","url","date","http_status",
"title","text","warc_headers" (other WARC headers, e.g. WARC-Type)}. Records
that are not documents (WARC requests, metadata, non-HTML or non-2xx
responses) give no line and count as skipped. Without -o the lines go to
standard output; with -o DIR each stream input gets DIR/NAME.jsonl
(DIR/NAME.I-of-N.jsonl with --shard I/N).

Every output file is written to a temporary file and renamed when complete.
A rerun with -o skips inputs whose output file exists and is not older
than the input: "skipped (done)" in the summary; --force redoes them. SIGINT or
SIGTERM stops the run: no new document is started, the output files already
complete stay, unfinished ones are removed, the summary is printed and the
exit status is 130 or 143; a rerun finishes the job.

--shard I/N takes a deterministic part of the work: files by a hash of
their path (below the walked directory, so a copy of the tree elsewhere
shards alike), stream records by a hash of their id (or of the input and
the record's number). Runs with I = 0 .. N-1 together do all of it, once.
--shard-by site splits by site instead (the host of a record's or URL's
address, else the folder of the file or stream), so that each shard holds
all of its sites and the repetition filter's first pass reads only them.

Progress (one line redrawn on stderr: documents done, rate, MB/s, ETA,
failures, skips; before it, inputs read by the repetition filter's first
pass) is shown when stderr is a terminal, or with --progress.
A summary line (documents, failed, skipped, bytes in and out, seconds) ends
every run of several documents or of a stream, with inputs already done,
with --progress, or interrupted; --quiet drops both, never the errors.

-f markdown writes the kept blocks as Markdown: headings (#), list items
(- and 1.), quotes (>), tables of data as pipe tables, pre as fenced code,
**strong**, *emphasis* and `code`; with --links, [text](url). JSON objects
(-f json, jsonl, and stream records) start with "schema_version"; every
field is described in docs/json-schema.md.

--explain prints every block with KEEP/DROP, the stage that decided and why;
with JSON output the blocks and their decisions are added to the JSON.

Exit status: 0 every document cleaned (skipped records and FIFOs or devices
found in walks are not failures); 1 some input or record failed (one line
each on stderr: "webclean: PATH: reason", "PATH: record ID: reason" or
"PATH: line N: reason"; the others are still written; --errors FILE logs
them as JSON too), or its output was lost (standard output or a stream's
file could not be written: those documents count as failed), or -o or
--errors cannot be written at all (one line, before any cleaning); 2 usage
error or bad rule file; 130 or 143 interrupted by SIGINT or SIGTERM.)HELP";

unsigned default_jobs() {
  return std::max(1u, std::thread::hardware_concurrency());
}

// The checks below return "" or what the option expected, with the value
// given; CLI11 puts the option's name first: `--timeout: expected a number
// of seconds > 0 and at most 86400, got "abc"`.
std::string got(const std::string& text) {
  return ", got " +
         nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A plain decimal number: what strtod would also take as "inf", "nan",
// hex or with leading spaces is refused, and so is a value out of range.
std::optional<double> parse_decimal(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789.eE+-") != std::string::npos) {
    return std::nullopt;
  }
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<uint64_t> parse_whole(const std::string& text) {
  if (text.empty() || text.size() > 18 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoull(text);
}

// A whole number from `low` to `high`, of things named by `unit`.
CLI::Validator whole_check(uint64_t low, uint64_t high, const std::string& unit) {
  const std::string expected = "expected a whole number of " + unit + " from " +
                               std::to_string(low) + " to " + std::to_string(high);
  return CLI::Validator(
      [=](const std::string& text) {
        const std::optional<uint64_t> value = parse_whole(text);
        return value && *value >= low && *value <= high ? "" : expected + got(text);
      },
      "");
}

// Seconds from `low` (excluded when `low_open`) to `high`.
CLI::Validator seconds_check(double low, bool low_open, double high, const std::string& note) {
  char bounds[96];
  std::snprintf(bounds, sizeof bounds, low_open ? "> %g and at most %g" : "from %g to %g", low,
                high);
  const std::string expected = "expected a number of seconds " + std::string(bounds) + note;
  return CLI::Validator(
      [=](const std::string& text) {
        const std::optional<double> value = parse_decimal(text);
        const bool above_low = value && (low_open ? *value > low : *value >= low);
        return above_low && *value <= high ? "" : expected + got(text);
      },
      "");
}

CLI::Validator one_of(std::vector<std::string> names) {
  std::string expected = "expected ";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) expected += i + 1 == names.size() ? " or " : ", ";
    expected += names[i];
  }
  return CLI::Validator(
      [=](const std::string& text) {
        const bool known = std::find(names.begin(), names.end(), text) != names.end();
        return known ? "" : expected + got(text);
      },
      "");
}

std::string size_check(const std::string& text) {
  if (parse_byte_size(text)) return "";
  return "expected a size like 512, 64K, 64M or 1G (at least 1 byte)" + got(text);
}

std::string shard_check(const std::string& text) {
  return parse_shard(text) ? "" : "expected I/N with 0 <= I < N, like 0/4" + got(text);
}

std::string rules_check(const std::string& text) {
  std::error_code ec;
  if (std::filesystem::is_directory(text, ec)) return "";
  const bool exists = std::filesystem::exists(text, ec);
  return "expected a directory of rule files" + got(text) +
         (exists ? " (not a directory)" : " (no such directory)");
}

// The longest --max-time and --timeout: a day. Beyond it a deadline could
// overflow the clock's range; 0 means no limit for --max-time.
constexpr double kMaxSeconds = 86400;

// The option values CLI11 fills in as strings before they become enums.
struct RawValues {
  std::string format = "text";
  std::string kind = "auto";
  std::string page_type = "auto";
  std::string max_bytes;
  std::string shard;
  std::string shard_by = "document";
  bool progress = false;
  bool no_repeats = false;
  double timeout = 30;
};

void define_input_options(CLI::App& app, CliOptions& options, RawValues& raw) {
  app.add_option("INPUT", options.inputs,
                 "file, directory, http(s):// URL, or - for stdin (none: stdin)")
      ->type_name("");
  app.add_option("--input", raw.kind,
                 "auto (default: by name; stdin by its first line), html, text, jsonl or warc")
      ->type_name("KIND")
      ->check(one_of({"auto", "html", "text", "jsonl", "warc"}));
  app.add_option("--id-field", options.jsonl_fields.id, "JSONL field of the record id (id)")
      ->type_name("NAME");
  app.add_option("--url-field", options.jsonl_fields.url, "JSONL field of the URL (url)")
      ->type_name("NAME");
  app.add_option("--html-field", options.jsonl_fields.html, "JSONL field holding HTML (html)")
      ->type_name("NAME");
  app.add_option("--text-field", options.jsonl_fields.text, "JSONL field holding text (text)")
      ->type_name("NAME");
  app.add_option("--max-bytes", raw.max_bytes,
                 "largest document or record accepted, after decompression; for URLs a larger "
                 "body aborts the transfer (default 64M, 20M for URLs; suffixes K, M, G)")
      ->type_name("N")
      ->check(CLI::Validator(size_check, ""));
  app.add_option("--max-time", options.max_seconds,
                 "seconds allowed for cleaning one document, checked between stages; a "
                 "document over it fails (default 30, 0: no limit)")
      ->type_name("S")
      ->check(seconds_check(0, false, kMaxSeconds, " (0: no limit)"));
}

void define_output_options(CLI::App& app, CliOptions& options, RawValues& raw) {
  app.add_option("-o,--output", options.output,
                 "output file (one input) or directory (several inputs, or a directory)")
      ->type_name("PATH");
  app.add_option("-f,--format", raw.format,
                 "documents as text (default), markdown (or md), json or jsonl")
      ->type_name("FMT")
      ->check(one_of({"text", "markdown", "md", "json", "jsonl"}));
  app.add_flag("--links", options.links,
               "with -f markdown, links keep their targets: [text](url), resolved against the "
               "page's URL when it is known");
  app.add_flag("--with-title", options.with_title,
               "text and Markdown start with the title (Markdown: \"# Title\") and a blank line");
  app.add_flag("--explain", options.explain,
               "print every block with keep/drop and the reason (instead of the text)");
  app.add_option("--page-type", raw.page_type,
                 "auto (default: decided per page), article, forum, product, collection, "
                 "listing, documentation or service: the type every document gets")
      ->type_name("TYPE")
      ->check(one_of({"auto", "article", "forum", "product", "collection", "listing",
                      "documentation", "service"}));
  app.add_option("--errors", options.errors_file,
                 "append one JSON line {input, record, error} per failure to FILE")
      ->type_name("FILE");
}

void define_run_options(CLI::App& app, CliOptions& options, RawValues& raw) {
  app.add_option("-j,--jobs", options.jobs, "worker threads (default: all cores)")
      ->type_name("N")
      ->check(whole_check(1, 4096, "worker threads"));
  app.add_option("--rules", options.rule_dirs,
                 "extra rule directory (repeatable); a file named like a shipped one replaces it")
      ->type_name("DIR")
      ->check(CLI::Validator(rules_check, ""))
      ->allow_extra_args(false);
  app.add_flag("--force", options.force, "redo inputs whose output is already up to date");
  // Into a flag of its own: "!--no-repeats" would show as
  // "--no-repeats{false}" in --help and the man page.
  app.add_flag("--no-repeats", raw.no_repeats,
               "no repetition filter: in a bulk run, lines that recur on many documents of one "
               "site (URL host, else folder) are otherwise dropped, counted in a first pass");
  app.add_flag("--stdin-repeats", options.stdin_repeats,
               "the repetition filter also on a JSONL or WARC stream on stdin, read once: its "
               "first 500 records are counted before any answer is written (on a pipe: "
               "until it has to wait for input)");
  app.add_option("--repeat-min", options.repeat_min,
                 "documents of one site a line must be on to be its boilerplate (default 3)")
      ->type_name("K")
      ->check(whole_check(2, 1000000, "documents"));
  app.add_option("--shard", raw.shard, "take only part I of N of the documents (0 <= I < N)")
      ->type_name("I/N")
      ->check(CLI::Validator(shard_check, ""));
  app.add_option("--shard-by", raw.shard_by,
                 "document (default) or site: with site, all documents of one site (the host "
                 "of the URL, else the folder) go to the same shard")
      ->type_name("KEY")
      ->check(one_of({"document", "site"}));
  auto* progress =
      app.add_flag("--progress", raw.progress, "show progress on stderr even if not a terminal");
  app.add_flag("-q,--quiet", options.quiet, "no progress and no summary (errors still shown)")
      ->excludes(progress);
}

void define_fetch_options(CLI::App& app, CliOptions& options, RawValues& raw) {
  fetch::FetchOptions& fetch = options.fetch;
  app.add_option("--urls", options.urls_file, "fetch the URLs in FILE (one a line; - for stdin)")
      ->type_name("FILE");
  app.add_option("--fetch-jobs", fetch.jobs, "URLs fetched at once (default 8)")
      ->type_name("N")
      ->check(whole_check(1, 1024, "URLs at once"));
  app.add_option("--per-host", fetch.per_host, "URLs fetched at once from one host (default 2)")
      ->type_name("K")
      ->check(whole_check(1, 1024, "URLs at once"));
  app.add_option("--delay", fetch.delay, "seconds between requests to one host (default 0)")
      ->type_name("SECONDS")
      ->check(seconds_check(0, false, 3600, ""));
  app.add_option("--timeout", raw.timeout, "seconds to connect, and for a whole fetch (default 30)")
      ->type_name("SECONDS")
      ->check(seconds_check(0, true, kMaxSeconds, ""));
  app.add_option("--retries", fetch.retries,
                 "retries after HTTP 429, 5xx or a timeout, with backoff (default 2)")
      ->type_name("N")
      ->check(whole_check(0, 20, "retries"));
  app.add_option("--user-agent", fetch.user_agent, "User-Agent header (default webclean/VERSION)")
      ->type_name("TEXT");
  app.add_flag("--insecure", fetch.insecure, "do not verify HTTPS certificates");
}

void define_options(CLI::App& app, CliOptions& options, RawValues& raw) {
  define_input_options(app, options, raw);
  define_fetch_options(app, options, raw);
  define_output_options(app, options, raw);
  define_run_options(app, options, raw);
  app.set_version_flag("-V,--version", version_text,
                       "print the versions of webclean and of the libraries it uses");
  app.footer(kFooter);
  app.failure_message([](const CLI::App*, const CLI::Error& error) {
    return std::string("webclean: ") + error.what() + "\nRun with --help for more information.\n";
  });
}

sink::Format format_named(const std::string& name) {
  if (name == "markdown" || name == "md") return sink::Format::kMarkdown;
  if (name == "json") return sink::Format::kJson;
  if (name == "jsonl") return sink::Format::kJsonl;
  return sink::Format::kText;
}

InputFormat input_format_named(const std::string& name) {
  if (name == "html") return InputFormat::kHtml;
  if (name == "text") return InputFormat::kText;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "warc") return InputFormat::kWarc;
  return InputFormat::kAuto;
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

std::optional<Shard> parse_shard(std::string_view text) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto number = [](std::string_view digits) -> std::optional<uint64_t> {
    if (digits.empty() || digits.size() > 9) return std::nullopt;
    uint64_t value = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + static_cast<uint64_t>(c - '0');
    }
    return value;
  };
  const std::optional<uint64_t> index = number(text.substr(0, slash));
  const std::optional<uint64_t> count = number(text.substr(slash + 1));
  if (!index || !count || *index >= *count) return std::nullopt;
  return Shard{*index, *count};
}

std::optional<CliOptions> parse_command_line(int argc, char** argv, int& exit_code) {
  CLI::App app{"webclean: strip boilerplate from web pages and text dumps of them.", "webclean"};
  CliOptions options;
  options.jobs = default_jobs();
  RawValues raw;
  define_options(app, options, raw);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // --help and --version end here too, with exit code 0.
    const int code = app.exit(error);
    exit_code = code == 0 ? kExitOk : kExitUsage;
    return std::nullopt;
  }
  options.format = format_named(raw.format);
  options.input_format = input_format_named(raw.kind);
  options.page_type = *page_type_from_name(raw.page_type);
  options.max_bytes =
      raw.max_bytes.empty() ? source::kDefaultMaxBytes : *parse_byte_size(raw.max_bytes);
  options.fetch.max_bytes =
      raw.max_bytes.empty() ? fetch::kDefaultMaxBytes : *parse_byte_size(raw.max_bytes);
  options.fetch.timeout = raw.timeout;
  if (options.fetch.user_agent.empty()) {
    options.fetch.user_agent = std::string("webclean/") + WEBCLEAN_VERSION;
  }
  if (!raw.shard.empty()) options.shard = *parse_shard(raw.shard);
  options.shard.by_site = raw.shard_by == "site";
  options.repeats = !raw.no_repeats;
  options.progress = options.quiet  ? ProgressMode::kOff
                     : raw.progress ? ProgressMode::kOn
                                    : ProgressMode::kAuto;
  return options;
}

}  // namespace webclean::cli
