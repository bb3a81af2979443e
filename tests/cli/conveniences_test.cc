// The small things users of a command-line tool expect: --version naming
// the libraries, a man page, shell completion, and progress they can see.
#include <pty.h>

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
  for (const char* option : {"--input", "--format", "-f", "--page-type", "--shard-by"}) {
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

namespace {

// Runs webclean with `arguments` (each one argv entry) with its stderr on
// a pseudo-terminal, as a user at a terminal sees it, stdout to `out` and
// an empty stdin. Returns what the terminal showed.
std::string run_on_terminal(const TempDir& dir, const std::vector<std::string>& arguments) {
  const std::string out = dir / "terminal.stdout";
  const std::string in = dir / "terminal.stdin";
  write_file(in, "");
  std::vector<std::string> words{WEBCLEAN_BINARY};
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  int terminal = -1;
  const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int in_fd = ::open(in.c_str(), O_RDONLY);
    const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in_fd < 0 || out_fd < 0) ::_exit(127);
    ::dup2(in_fd, 0);
    ::dup2(out_fd, 1);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  std::string shown;
  char buffer[4096];
  // Read until the child's side closes (EIO on Linux).
  for (ssize_t n; (n = ::read(terminal, buffer, sizeof buffer)) > 0;) shown.append(buffer, n);
  ::close(terminal);
  int status = 0;
  ::waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  return shown;
}

void write_text_tree(const TempDir& dir, int count) {
  for (int i = 0; i < count; ++i) {
    write_file(dir / ("in/part" + std::to_string(i % 2) + "/page" + std::to_string(i) + ".txt"),
               "Menu Home About\n\nThe council met on day " + std::to_string(i) +
                   " and talked at length about the bridge and the library.\n");
  }
}

}  // namespace

// README: "Progress on stderr when it is a terminal (or --progress):
// documents done/total ...".
TEST_CASE("a directory run on a terminal shows documents done of the total", "[cli]") {
  TempDir dir;
  write_text_tree(dir, 6);
  const std::string shown = run_on_terminal(dir, {dir / "in", "-o", dir / "out"});
  INFO(shown);
  CHECK(shown.find("\rwebclean: ") != std::string::npos);
  CHECK(shown.find("/6 documents") != std::string::npos);
  CHECK(shown.find("6 documents cleaned") != std::string::npos);
  CHECK(fs::exists(dir / "out/part1/page5.txt"));
}

TEST_CASE("the first pass over a tree of text files shows inputs done of the total", "[cli]") {
  TempDir dir;
  write_text_tree(dir, 8);
  const Run result = run(dir, "--progress " + quoted(dir / "in") + " -o " + quoted(dir / "out"));
  INFO(result.err);
  CHECK(result.status == 0);
  CHECK(result.err.find("\rwebclean: first pass (repeated lines): ") != std::string::npos);
  CHECK(result.err.find("/8 inputs") != std::string::npos);
  CHECK(result.err.find("/8 documents") != std::string::npos);
  // The pass's line is erased before the cleaning's is drawn.
  CHECK(result.err.find("inputs\r") != std::string::npos);

  const Run quiet =
      run(dir, "--quiet --force " + quoted(dir / "in") + " -o " + quoted(dir / "out"));
  CHECK(quiet.status == 0);
  CHECK(quiet.err.empty());
}
