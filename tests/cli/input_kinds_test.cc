// Input kinds that never fail silently (issue 14, item 5): JSON Lines on
// standard input are recognised without --input jsonl, from their first
// line, with no byte lost; a .jsonl file of other data (no html or text
// field) met in a walk is one skipped input, not hundreds of errors.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../source/warc_writer.h"
#include "run_cli.h"

using namespace webclean::testing;

namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string prose(int n) {
  return "Report " + std::to_string(n) +
         ": the council said on Tuesday that the new bridge, which has been delayed for more "
         "than two years, would open to traffic in the spring after the last inspections.";
}

std::string records(int count, const std::string& field = "text") {
  std::string lines;
  for (int i = 0; i < count; ++i) {
    lines += nlohmann::json{{"id", "r" + std::to_string(i)}, {field, prose(i)}}.dump() + "\n";
  }
  return lines;
}

// An evaluation set of snippets, named like a stream of documents.
std::string snippets(int count) {
  std::string lines;
  for (int i = 0; i < count; ++i) {
    lines += nlohmann::json{{"question", "What is " + std::to_string(i) + "?"},
                            {"answer", std::to_string(i)}}
                 .dump() +
             "\n";
  }
  return lines;
}

// webclean with `arguments` reading `file` through a pipe, as a producer
// would write it (stdin then is no regular file, and arrives in pieces).
Run piped(const TempDir& dir, const std::string& file, const std::string& arguments) {
  const std::string out = dir / "piped.out";
  const std::string err = dir / "piped.err";
  const std::string command = "cat " + quoted(file) + " | " + quoted(WEBCLEAN_BINARY) + " " +
                              arguments + " >" + quoted(out) + " 2>" + quoted(err);
  const int raw = std::system(command.c_str());
  Run result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = read_file(out);
  result.err = read_file(err);
  return result;
}

const std::string kNotStream =
    ": not a document stream (no \"html\" or \"text\" field in its first record)";

}  // namespace

TEST_CASE("JSON Lines on stdin are read as records without --input jsonl", "[cli][input-kinds]") {
  TempDir dir;
  // Blank lines before the first record, and one record with HTML.
  const std::string html = nlohmann::json{{"id", "page"}, {"html", article_page("bridge")}}.dump();
  write_file(dir / "in.jsonl", "\n  \n" + records(3) + html + "\n");
  const Run sniffed = run(dir, "-q < " + quoted(dir / "in.jsonl"));
  const Run told = run(dir, "-q --input jsonl - < " + quoted(dir / "in.jsonl"));
  REQUIRE(told.status == 0);
  CHECK(sniffed.status == 0);
  CHECK(sniffed.out == told.out);
  CHECK(lines_of(sniffed.out).size() == 4);
  CHECK(sniffed.err.empty());
}

TEST_CASE("a first record longer than the sniffed prefix on a pipe loses no byte",
          "[cli][input-kinds]") {
  TempDir dir;
  // The document starts past the first read of stdin and past the reader's
  // buffers (64 KiB), and the pipe delivers it in pieces.
  std::string long_text;
  for (int i = 0; long_text.size() < (size_t{300} << 10); ++i) long_text += prose(i) + "\n\n";
  const std::string first =
      nlohmann::json{{"id", "long"}, {"note", std::string(5000, 'x')}, {"text", long_text}}.dump();
  write_file(dir / "in.jsonl", first + "\n" + records(2));
  const Run sniffed = piped(dir, dir / "in.jsonl", "-q -j2");
  const Run told = run(dir, "-q -j2 --input jsonl " + quoted(dir / "in.jsonl"));
  REQUIRE(told.status == 0);
  CHECK(sniffed.status == 0);
  CHECK(sniffed.out == told.out);
  CHECK(lines_of(sniffed.out).size() == 3);
}

TEST_CASE("a document on stdin that starts no record stays one document, its bytes all read",
          "[cli][input-kinds]") {
  TempDir dir;
  SECTION("a page") {
    write_file(dir / "page.html", article_page("bridge"));
    const Run result = piped(dir, dir / "page.html", "-q");
    const Run named = run(dir, "-q " + quoted(dir / "page.html"));
    CHECK(result.status == 0);
    CHECK(result.out == named.out);
    CHECK(contains(result.out, "council"));
  }
  SECTION("a JSON object without an html or text field, then text") {
    write_file(dir / "notes.txt", "{\"title\": \"Notes\"}\n\n" + prose(1) + "\n");
    const Run result = piped(dir, dir / "notes.txt", "-q");
    CHECK(result.status == 0);
    CHECK(contains(result.out, "Report 1"));
  }
  SECTION("a text of one line longer than the sniffed prefix") {
    std::string line;
    for (int i = 0; line.size() < (size_t{1} << 21); ++i) line += prose(i) + " ";
    write_file(dir / "long.txt", line + "\n");
    const Run result = piped(dir, dir / "long.txt", "-q");
    const Run named = run(dir, "-q " + quoted(dir / "long.txt"));
    REQUIRE(named.status == 0);
    CHECK(result.status == 0);
    CHECK(result.out == named.out);
  }
}

TEST_CASE("records on stdin stay one document with --input text", "[cli][input-kinds]") {
  TempDir dir;
  write_file(dir / "in.jsonl", records(3));
  const Run result = run(dir, "-q -f json --input text < " + quoted(dir / "in.jsonl"));
  CHECK(result.status == 0);
  // One pretty-printed object, not three lines of records.
  CHECK(nlohmann::json::parse(result.out).contains("text"));
}

TEST_CASE("a JSONL file of other data met in a walk is reported once and skipped, not failed",
          "[cli][input-kinds]") {
  TempDir dir;
  write_file(dir / "in/docs.jsonl", records(3));
  write_file(dir / "in/evaldata.jsonl", snippets(990));
  write_file(dir / "in/more/evaldata.ndjson.gz", gzip_member("\n" + snippets(10)));
  write_file(dir / "in/page.html", article_page("bridge"));
  const std::string args = "-o " + quoted(dir / "out") + " --errors " + quoted(dir / "errors") +
                           " " + quoted(dir / "in");
  const Run first = run(dir, args);
  CHECK(first.status == 0);
  const std::vector<std::string> err = lines_of(first.err);
  REQUIRE(err.size() == 3);
  CHECK(err[0] == "webclean: " + dir / "in/evaldata.jsonl" + ": skipped" + kNotStream);
  CHECK(err[1] == "webclean: " + dir / "in/more/evaldata.ndjson.gz" + ": skipped" + kNotStream);
  CHECK(contains(err[2], " 4 documents cleaned, 0 failed, 2 skipped, "));
  CHECK(lines_of(read_file(dir / "out/docs.jsonl")).size() == 3);
  CHECK_FALSE(fs::exists(dir / "out/evaldata.jsonl"));
  CHECK(read_file(dir / "errors").empty());  // skipped, not failed

  // A resumed run skips the finished outputs and reports the same file
  // the same way: it has no output to be done by.
  const Run rerun = run(dir, args);
  CHECK(rerun.status == 0);
  const std::vector<std::string> again = lines_of(rerun.err);
  REQUIRE(again.size() == 3);
  CHECK(again[0] == err[0]);
  CHECK(again[1] == err[1]);
  CHECK(contains(again[2], " 0 documents cleaned, 0 failed, 2 skipped, 2 skipped (done), "));
  CHECK(read_file(dir / "errors").empty());
}

TEST_CASE("a JSONL file of other data named on the command line fails with one line",
          "[cli][input-kinds]") {
  TempDir dir;
  write_file(dir / "evaldata.jsonl", snippets(990));
  const Run result =
      run(dir, "--errors " + quoted(dir / "errors") + " " + quoted(dir / "evaldata.jsonl"));
  CHECK(result.status == 1);
  CHECK(lines_of(result.err) ==
        std::vector<std::string>{"webclean: " + dir / "evaldata.jsonl" + kNotStream});
  CHECK(lines_of(read_file(dir / "errors")).size() == 1);
  CHECK(result.out.empty());
}

TEST_CASE("a JSONL file whose first record has a document but later ones lack it keeps its errors",
          "[cli][input-kinds]") {
  TempDir dir;
  write_file(dir / "in/mixed.jsonl", records(2) + snippets(2));
  const Run result = run(dir, "-q " + quoted(dir / "in"));
  CHECK(result.status == 1);
  CHECK(lines_of(result.out).size() == 2);
  CHECK(lines_of(result.err).size() == 2);
  CHECK(contains(result.err, "line 3: no \"html\" or \"text\" field"));
}
