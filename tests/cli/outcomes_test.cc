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
      {"--input xml", R"(--input: expected auto, html, text, jsonl or warc, got "xml")"},
      {"-f yaml", R"(--format: expected text, markdown, md, json or jsonl, got "yaml")"},
      {"--rules /no/such/dir",
       R"(--rules: expected a directory of rule files, got "/no/such/dir" (no such directory))"},
  };
  TempDir dir;
  for (const Case& c : cases) {
    INFO(c.arguments);
    const Run result = run(dir, c.arguments + " - </dev/null");
    CHECK(result.status == 2);
    CHECK(contains(result.err, "webclean: " + c.message));
    CHECK_FALSE(contains(result.err, "not in range"));
  }
}
