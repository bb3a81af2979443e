// Every outcome of a run is counted and named (issue 11): option values,
// outputs that cannot be written, output lost after cleaning, and what a
// directory walk finds besides regular files. Each failure is one line
// that says what is wrong, and the summary counts only what was written.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run_cli.h"

using namespace webclean::testing;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Runs a shell command in which WEBCLEAN stands for the binary; stdout and
// stderr are captured unless the command redirects them itself.
Run shell(const TempDir& scratch, std::string command) {
  const std::string binary = quoted(WEBCLEAN_BINARY);
  for (size_t at; (at = command.find("WEBCLEAN")) != std::string::npos;) {
    command.replace(at, 8, binary);
  }
  const std::string out = scratch / "stdout.capture";
  const std::string err = scratch / "stderr.capture";
  const std::string full = "{ " + command + " ; } >" + quoted(out) + " 2>" + quoted(err);
  const int raw = std::system(full.c_str());
  Run result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = read_file(out);
  result.err = read_file(err);
  fs::remove(out);
  fs::remove(err);
  return result;
}

// A paragraph long enough to be kept, different for each number.
std::string prose(int number) {
  return "Record " + std::to_string(number) +
         ": the council met on Tuesday evening and most of the members agreed that the plan "
         "should be looked at again before the end of the year, since the residents who came "
         "to hear the debate were not convinced by the arguments that were made for it.";
}

std::string text_records(int count, const std::string& prefix = "r") {
  std::string lines;
  for (int i = 0; i < count; ++i) {
    lines += nlohmann::json{{"id", prefix + std::to_string(i)}, {"text", prose(i)}}.dump() + "\n";
  }
  return lines;
}

// The summary's "N documents cleaned, N failed, N skipped..." figures.
long figure(const std::string& err, const std::string& phrase) {
  const size_t at = err.find(phrase);
  if (at == std::string::npos) return -1;
  size_t start = at;
  while (start > 0 && std::isdigit(static_cast<unsigned char>(err[start - 1]))) --start;
  return start == at ? -1 : std::stol(err.substr(start, at - start));
}

}  // namespace

TEST_CASE("every option given a bad value says what it expected and exits with status 2",
          "[cli][outcomes]") {
  struct Case {
    std::string arguments;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"--timeout abc",
       R"(--timeout: expected a number of seconds > 0 and at most 86400, got "abc")"},
      {"--timeout 0", R"(--timeout: expected a number of seconds > 0 and at most 86400, got "0")"},
      {"--timeout inf",
       R"(--timeout: expected a number of seconds > 0 and at most 86400, got "inf")"},
      {"--timeout 1e400",
       R"(--timeout: expected a number of seconds > 0 and at most 86400, got "1e400")"},
      {"--max-time -1",
       R"(--max-time: expected a number of seconds from 0 to 86400 (0: no limit), got "-1")"},
      {"--max-time nan", R"(--max-time: expected a number of seconds from 0 to 86400)"},
      {"--max-time 1e300",
       R"(--max-time: expected a number of seconds from 0 to 86400 (0: no limit), got "1e300")"},
      {"--delay -0.5", R"(--delay: expected a number of seconds from 0 to 3600, got "-0.5")"},
      {"-j 0", R"(--jobs: expected a whole number of worker threads from 1 to 4096, got "0")"},
      {"--jobs 2.5",
       R"(--jobs: expected a whole number of worker threads from 1 to 4096, got "2.5")"},
      {"-j 99999999999999999999",
       R"(--jobs: expected a whole number of worker threads from 1 to 4096, got "99999999999999999999")"},
      {"--fetch-jobs x", R"(--fetch-jobs: expected a whole number of URLs at once from 1 to 1024)"},
      {"--per-host 2000", R"(--per-host: expected a whole number of URLs at once from 1 to 1024)"},
      {"--retries -1", R"(--retries: expected a whole number of retries from 0 to 20, got "-1")"},
      {"--max-bytes 12Q",
       R"(--max-bytes: expected a size like 512, 64K, 64M or 1G (at least 1 byte), got "12Q")"},
      {"--max-bytes 0", R"(--max-bytes: expected a size like 512, 64K, 64M or 1G)"},
      {"--max-bytes 99999999999G",
       R"(--max-bytes: expected a size like 512, 64K, 64M or 1G (at least 1 byte), got "99999999999G")"},
      {"--shard 3/3", R"(--shard: expected I/N with 0 <= I < N, like 0/4, got "3/3")"},
      {"--shard-by host", R"(--shard-by: expected document or site, got "host")"},
      {"--input xml", R"(--input: expected auto, html, text, jsonl or warc, got "xml")"},
      {"-f yaml", R"(--format: expected text, markdown, md, json or jsonl, got "yaml")"},
      {"--rules /no/such/dir",
       R"(--rules: expected a directory of rule files, got "/no/such/dir" (no such directory))"},
  };
  TempDir dir;
  for (const Case& c : cases) {
    INFO(c.arguments);
    const Run result = run(dir, c.arguments + " - " + empty_stdin(dir));
    CHECK(result.status == 2);
    CHECK(contains(result.err, "webclean: " + c.message));
    CHECK_FALSE(contains(result.err, "not in range"));
  }
}

TEST_CASE("an --urls file that cannot be opened is a usage error naming the reason",
          "[cli][outcomes]") {
  TempDir dir;
  const Run result = run(dir, "--urls " + quoted(dir / "no-such-list"));
  CHECK(result.status == 2);
  CHECK(contains(result.err,
                 "--urls " + dir / "no-such-list" + ": cannot open: No such file or directory"));
}

// A regular file where a directory must be: a reason no permission bit
// can lift, so the test means the same for root.
TEST_CASE(
    "an output directory that cannot be written is one error before any cleaning, a new one is "
    "made",
    "[cli][outcomes]") {
  TempDir dir;
  write_file(dir / "in/a.html", article_page("bridge"));
  write_file(dir / "in/b.html", article_page("library"));
  write_file(dir / "plain-file", "not a directory");
  const std::string blocked = dir / "plain-file/out";

  const Run to_directory = run(dir, quoted(dir / "in") + " -o " + quoted(blocked));
  CHECK(to_directory.status == 1);
  REQUIRE(lines_of(to_directory.err).size() == 1);
  CHECK(to_directory.err ==
        "webclean: --output " + blocked + ": cannot create files there: Not a directory\n");

  const Run to_file =
      run(dir, quoted(dir / "in/a.html") + " -o " + quoted(dir / "plain-file/sub/a.txt"));
  CHECK(to_file.status == 1);
  CHECK(to_file.err == "webclean: --output " + dir / "plain-file/sub/a.txt" +
                           ": cannot create files in " + dir / "plain-file/sub" +
                           ": Not a directory\n");

  const Run errors_log =
      run(dir, quoted(dir / "in") + " --errors " + quoted(dir / "plain-file/errors.jsonl"));
  CHECK(errors_log.status == 1);
  CHECK(errors_log.out.empty());
  CHECK(errors_log.err == "webclean: --errors " + dir / "plain-file/errors.jsonl" +
                              ": cannot open for appending: Not a directory\n");

  // A directory that does not exist yet can be made: it is, and written.
  const Run new_directory =
      run(dir, quoted(dir / "in/a.html") + " -o " + quoted(dir / "new/a.txt"));
  CHECK(new_directory.status == 0);
  CHECK(contains(read_file(dir / "new/a.txt"), "council"));
  size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir / "new")) ++entries;
  CHECK(entries == 1);  // the probe file is gone
}

// /dev/full accepts the open and fails every write with ENOSPC.
TEST_CASE("a full standard output is one error and every document not written counts as failed",
          "[cli][outcomes]") {
  TempDir dir;
  write_file(dir / "in/a.html", article_page("bridge"));
  write_file(dir / "in/b.html", article_page("library"));
  write_file(dir / "feed.jsonl", text_records(20));
  const std::string log = dir / "errors.jsonl";
  const Run result =
      shell(dir, "WEBCLEAN " + quoted(dir / "in") + " " + quoted(dir / "feed.jsonl") +
                     " --errors " + quoted(log) + " 2>&1 >/dev/full");
  CHECK(result.status == 1);
  const std::vector<std::string> err = lines_of(result.out);
  REQUIRE(err.size() == 2);
  CHECK(err[0] ==
        "webclean: standard output: No space left on device (nothing more is written; this and "
        "later documents count as failed)");
  CHECK(figure(err[1], " documents cleaned") == 0);
  CHECK(figure(err[1], " failed") == 22);
  CHECK(contains(err[1], " 0.0 MB out"));
  const std::vector<std::string> logged = lines_of(read_file(log));
  REQUIRE(logged.size() == 1);
  CHECK(nlohmann::json::parse(logged[0])["error"] == "standard output: No space left on device");
}

// A file size limit (ulimit -f, with SIGXFSZ ignored) makes writes past it
// fail with EFBIG, as a full disk would with ENOSPC.
TEST_CASE("a stream output that cannot be written counts its records as failed, not cleaned",
          "[cli][outcomes]") {
  TempDir dir;
  write_file(dir / "in/small.jsonl", text_records(3, "s"));
  // About 2 MB of output, of which the first 0.5 or 1 MB (ulimit counts
  // 512- or 1024-byte blocks) is written before the limit stops it.
  write_file(dir / "in/large.jsonl", text_records(2000, "l"));
  const Run result = shell(dir, "trap '' XFSZ; ulimit -f 1024; WEBCLEAN " + quoted(dir / "in") +
                                    " -o " + quoted(dir / "out"));
  CHECK(result.status == 1);
  const std::vector<std::string> err = lines_of(result.err);
  REQUIRE(err.size() == 2);
  CHECK(err[0] == "webclean: " + dir / "in/large.jsonl" + ": " + dir / "out/large.jsonl" +
                      ": File too large (the stream's output is lost; its records count as "
                      "failed)");
  CHECK(figure(err[1], " documents cleaned") == 3);
  CHECK(figure(err[1], " failed") == 2000);
  CHECK(fs::exists(dir / "out/small.jsonl"));
  CHECK_FALSE(fs::exists(dir / "out/large.jsonl"));
  const auto small_size = fs::file_size(dir / "out/small.jsonl");
  CHECK(contains(err[1], " 0.0 MB out"));
  CHECK(small_size < 50000);
  size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir / "out")) ++entries;
  CHECK(entries == 1);  // no temporary left behind
}

TEST_CASE("blank lines of a JSONL stream are counted as skipped in the summary",
          "[cli][outcomes]") {
  TempDir dir;
  write_file(dir / "feed.jsonl", "\n" + text_records(2) + "   \n\r\n" + text_records(1, "x"));
  const Run result = run(dir, "--progress " + quoted(dir / "feed.jsonl"));
  CHECK(result.status == 0);
  CHECK(lines_of(result.out).size() == 3);
  CHECK(contains(result.err, " 3 documents cleaned, 0 failed, 3 skipped (3 blank lines), "));
}

TEST_CASE("a FIFO in a walked directory is reported once and never opened, a named one is read",
          "[cli][outcomes]") {
  TempDir dir;
  write_file(dir / "in/a.html", article_page("bridge"));
  REQUIRE(::mkfifo((dir / "in/live.html").c_str(), 0644) == 0);
  REQUIRE(::mkfifo((dir / "in/pipe").c_str(), 0644) == 0);  // not an input's name
  // A reader opening the FIFO would wait for a writer forever: the
  // timeout only stops a broken build from hanging the suite.
  const Run result = shell(dir, "timeout 120 WEBCLEAN " + quoted(dir / "in"));
  CHECK(result.status == 0);
  CHECK(contains(result.out, "council"));
  const std::vector<std::string> err = lines_of(result.err);
  REQUIRE(err.size() == 2);
  CHECK(err[0] == "webclean: " + dir / "in/live.html" + ": skipped: a FIFO, not a regular file");
  CHECK(contains(err[1], " 1 documents cleaned, 0 failed, 1 skipped (1 not a regular file), "));

  // Named on the command line, a FIFO is read: webclean <(cmd) works.
  const std::string fifo = dir / "in/live.html";
  const Run named = shell(dir, "cat " + quoted(dir / "in/a.html") + " >" + quoted(fifo) +
                                   " & timeout 120 WEBCLEAN " + quoted(fifo) + "; wait");
  CHECK(named.status == 0);
  CHECK(contains(named.out, "council"));
  CHECK(named.err.empty());
}

TEST_CASE("a dangling symbolic link in a walked directory is an error naming it",
          "[cli][outcomes]") {
  TempDir dir;
  write_file(dir / "in/a.html", article_page("bridge"));
  fs::create_symlink(dir / "gone.html", dir / "in/dead.html");
  const Run result = run(dir, quoted(dir / "in"));
  CHECK(result.status == 1);
  CHECK(contains(result.out, "council"));
  CHECK(contains(result.err, "webclean: " + dir / "in/dead.html" +
                                 ": a symbolic link to a missing file (" + dir / "gone.html" +
                                 ")\n"));
  CHECK(contains(result.err, " 1 documents cleaned, 1 failed, "));
}

// Root lists any directory, so as root the run drops to nobody (setpriv).
TEST_CASE("a subdirectory of a walk that cannot be listed is an error and the rest is cleaned",
          "[cli][outcomes]") {
  TempDir dir;
  write_file(dir / "in/a.html", article_page("bridge"));
  write_file(dir / "in/locked/b.html", article_page("library"));
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(dir / "in/locked", fs::perms::none);
  const std::string as_user =
      ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const Run result = shell(dir, as_user + "WEBCLEAN " + quoted(dir / "in"));
  fs::permissions(dir / "in/locked", fs::perms::owner_all);
  CHECK(result.status == 1);
  CHECK(contains(result.out, "council"));
  CHECK_FALSE(contains(result.out, "library"));
  CHECK(contains(result.err, "webclean: " + dir / "in/locked" +
                                 ": cannot list directory: Permission denied\n"));
}
