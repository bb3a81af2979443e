// The small things users of a command-line tool expect: --version naming
// the libraries, a man page, shell completion, and progress they can see.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "run_cli.h"
#include "webclean/webclean.h"

using namespace webclean::testing;

TEST_CASE("the version names webclean first and then each library it runs with", "[cli]") {
  TempDir dir;
  for (const char* flag : {"-V", "--version"}) {
    const Run version = run(dir, flag);
    CHECK(version.status == 0);
    const std::vector<std::string> lines = lines_of(version.out);
    REQUIRE(lines.size() == 7);
    // Scripts read the first line: it stays "webclean X.Y.Z".
    CHECK(lines[0] == std::string("webclean ") + webclean_version());
    const std::vector<std::string> libraries{"Gumbo", "ICU", "RE2", "libcurl", "zlib", "brotli"};
    for (size_t i = 0; i < libraries.size(); ++i) {
      INFO(lines[i + 1]);
      // A number, or for RE2 without a recorded version its ABI number.
      const std::regex line("^" + libraries[i] + " (ABI )?[0-9]+(\\.[0-9]+)*( .*)?$");
      CHECK(std::regex_match(lines[i + 1], line));
    }
  }
}

namespace {

namespace fs = std::filesystem;

// The options `webclean --help` lists, short and long: the first word of
// each line of the option list ("  -o,--output PATH" gives -o, --output).
std::set<std::string> help_options(const TempDir& dir) {
  const Run help = run(dir, "--help");
  REQUIRE(help.status == 0);
  std::set<std::string> options;
  const std::regex option_line("^ +(-[-A-Za-z,]+)");
  for (const std::string& line : lines_of(help.out)) {
    std::smatch match;
    if (!std::regex_search(line, match, option_line)) continue;
    std::istringstream names(match[1].str());
    for (std::string name; std::getline(names, name, ',');) options.insert(name);
  }
  return options;
}

std::string completion_file() {
  return std::string(WEBCLEAN_SOURCE_DIR) + "/contrib/bash-completion/webclean";
}

// What the bash completion offers for the command line `words` (the last
// word is the one being completed), run by bash in `dir`.
std::set<std::string> completions(const TempDir& dir, const std::vector<std::string>& words) {
  std::string array;
  for (const std::string& word : words) array += " " + quoted(word);
  write_file(dir / "complete.sh", "source " + quoted(completion_file()) + "\nCOMP_WORDS=(" + array +
                                      ")\nCOMP_CWORD=" + std::to_string(words.size() - 1) +
                                      "\n_webclean\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n");
  const std::string out = dir / "complete.out";
  const std::string command =
      "cd " + quoted(dir.path().string()) + " && bash complete.sh >" + quoted(out) + " 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);
  std::set<std::string> offered;
  for (const std::string& line : lines_of(read_file(out))) {
    if (!line.empty()) offered.insert(line);
  }
  return offered;
}

// The values webclean accepts for `option`, from its complaint about a
// bad one: "... expected text, markdown, md, json or jsonl, got ...".
std::set<std::string> accepted_values(const TempDir& dir, const std::string& option) {
  const Run bad = run(dir, option + " no-such-value - " + empty_stdin(dir));
  REQUIRE(bad.status == 2);
  const std::regex expected("expected ([a-z, ]+), got");
  std::smatch match;
  REQUIRE(std::regex_search(bad.err, match, expected));
  std::set<std::string> values;
  std::istringstream names(std::regex_replace(match[1].str(), std::regex(",| or "), " "));
  for (std::string name; names >> name;) values.insert(name);
  return values;
}

}  // namespace

TEST_CASE("the bash completion offers exactly the options the help lists", "[cli]") {
  TempDir dir;
  const std::set<std::string> listed = help_options(dir);
  REQUIRE(listed.count("--format") == 1);
  REQUIRE(listed.count("-V") == 1);
  CHECK(completions(dir, {"webclean", "-"}) == listed);
}

TEST_CASE("the bash completion offers the values each fixed-value option accepts", "[cli]") {
  TempDir dir;
  for (const char* option : {"--input", "--format", "-f", "--page-type"}) {
    INFO(option);
    CHECK(completions(dir, {"webclean", option, ""}) == accepted_values(dir, option));
  }
  CHECK(completions(dir, {"webclean", "--format", "=", "j"}) ==
        std::set<std::string>{"json", "jsonl"});
}

TEST_CASE("the bash completion offers file names for inputs and directories for rules", "[cli]") {
  TempDir dir;
  write_file(dir / "page one.html", "<p>x</p>");
  write_file(dir / "rules-extra/a.rules", "");
  CHECK(completions(dir, {"webclean", "pa"}) == std::set<std::string>{"page one.html"});
  CHECK(completions(dir, {"webclean", "--rules", "r"}) == std::set<std::string>{"rules-extra"});
  CHECK(completions(dir, {"webclean", "--jobs", ""}).empty());
}

TEST_CASE("the man page built with the command line describes every option", "[cli]") {
  const fs::path page = fs::path(WEBCLEAN_BINARY).parent_path() / "webclean.1";
  if (!fs::exists(page)) {
    WARN("no webclean.1 next to the binary: help2man was not found at configure time");
    return;
  }
  const std::string man = read_file(page);
  CHECK(man.find(".TH WEBCLEAN \"1\"") != std::string::npos);
  CHECK(man.find(std::string("\"webclean ") + webclean_version() + "\"") != std::string::npos);
  TempDir dir;
  for (const std::string& option : help_options(dir)) {
    // groff writes each "-" of an option as "\-".
    const std::string escaped = std::regex_replace(option, std::regex("-"), "\\-");
    INFO(option);
    CHECK(man.find(escaped) != std::string::npos);
  }
}
