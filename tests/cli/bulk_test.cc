// End-to-end tests of bulk runs (issue 3): the parallel, bounded, ordered
// pipeline, JSONL and WARC streams, resume, signals, the error log,
// sharding and progress. Each test quotes the requirement it checks.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "../source/warc_writer.h"
#include "run_cli.h"

using namespace webclean::testing;

namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

// Writes `count` article pages below `dir`, spread over two subdirectories.
void write_pages(const std::string& dir, int count) {
  for (int i = 0; i < count; ++i) {
    const std::string name = (i % 2 == 0 ? "even/" : "odd/") + std::to_string(1000 + i) + ".html";
    write_file(fs::path(dir) / name, article_page("topic " + std::to_string(i)));
  }
}

// A paragraph of prose long enough to be kept, different for each `n`.
std::string prose(int n) {
  return "Record " + std::to_string(n) +
         " says that the members of the council met on Tuesday evening and agreed, after a "
         "long debate, that the old bridge should be looked at again before the end of the "
         "year.";
}

std::string jsonl_of(const std::vector<json>& records) {
  std::string text;
  for (const json& record : records) text += record.dump() + "\n";
  return text;
}

// `count` text records with ids "r0", "r1", ... (or none when `with_ids`
// is false).
std::string text_records(int count, bool with_ids = true) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    json record = json::object();
    if (with_ids) record["id"] = "r" + std::to_string(i);
    record["text"] = prose(i);
    text += record.dump() + "\n";
  }
  return text;
}

std::vector<std::string> temporary_files(const std::string& dir) {
  std::vector<std::string> found;
  for (const auto& [name, content] : files_under(dir)) {
    if (name.find(".tmp.") != std::string::npos) found.push_back(name);
  }
  return found;
}

// The number just before `phrase` in `text` (the summary line reads "12
// documents cleaned, 0 failed, ..."); -1 when the phrase is not there.
long number_before(const std::string& text, const std::string& phrase) {
  const size_t at = text.find(phrase);
  if (at == std::string::npos) return -1;
  size_t start = at;
  while (start > 0 && std::isdigit(static_cast<unsigned char>(text[start - 1]))) --start;
  if (start == at) return -1;
  return std::stol(text.substr(start, at - start));
}

long cleaned(const Run& run) {
  return number_before(run.err, " documents cleaned");
}
long done_before(const Run& run) {
  return number_before(run.err, " skipped (done)");
}

std::vector<json> parse_lines(const std::string& text) {
  std::vector<json> parsed;
  for (const std::string& line : lines_of(text)) parsed.push_back(json::parse(line));
  return parsed;
}

// Waits until `ready` holds, for at most `seconds`.
template <typename Predicate>
bool eventually(Predicate ready, int seconds = 60) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

}  // namespace

// Requirement 1: "Output bytes are identical for any -j."
TEST_CASE("fifty documents give byte-identical output with one worker and with four",
          "[cli][bulk]") {
  TempDir dir;
  write_pages(dir / "in", 50);
  write_file(dir / "records.jsonl", text_records(50));
  for (const std::string format : {"text", "json", "jsonl"}) {
    INFO(format);
    const Run one = run(dir, "-q -j1 -f " + format + " " + quoted(dir / "in"));
    const Run four = run(dir, "-q -j4 -f " + format + " " + quoted(dir / "in"));
    CHECK(one.status == 0);
    CHECK(four.status == 0);
    CHECK_FALSE(one.out.empty());
    CHECK(one.out == four.out);
  }
  CHECK(run(dir, "-q -j1 " + quoted(dir / "in") + " -o " + quoted(dir / "out1")).status == 0);
  CHECK(run(dir, "-q -j4 " + quoted(dir / "in") + " -o " + quoted(dir / "out4")).status == 0);
  CHECK(files_under(dir / "out1").size() == 50);
  CHECK(files_under(dir / "out1") == files_under(dir / "out4"));

  const Run stream_one = run(dir, "-q -j1 " + quoted(dir / "records.jsonl"));
  const Run stream_four = run(dir, "-q -j4 " + quoted(dir / "records.jsonl"));
  CHECK(lines_of(stream_one.out).size() == 50);
  CHECK(stream_one.out == stream_four.out);
}

// With fewer workers than cores the reader thread reads and gunzips the
// files and the writer thread writes the outputs (src/cli/work.h); with a
// worker per core the workers do both. Either way a file that cannot be
// read and an output that cannot be written are one error each, and the
// other documents are written.
TEST_CASE("an unreadable input and an unwritable output fail alone with one worker and with four",
          "[cli][bulk]") {
  TempDir dir;
  write_pages(dir / "in", 6);
  write_file(dir / "in/blocked/page.html", article_page("blocked"));
  write_file(dir / "in/bad.html.gz", std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10));
  for (const std::string jobs : {"1", "4"}) {
    INFO("-j" + jobs);
    const std::string out = dir / ("out" + jobs);
    write_file(fs::path(out) / "blocked", "a file where the output folder would go");
    const Run result = run(dir, "-q -j" + jobs + " " + quoted(dir / "in") + " -o " + quoted(out));
    CHECK(result.status == 1);
    CHECK(lines_of(result.err).size() == 2);
    CHECK(result.err.find(dir / "in/bad.html.gz") != std::string::npos);
    CHECK(result.err.find(fs::path(out) / "blocked") != std::string::npos);
    // The six pages, and the file that took the folder's place.
    CHECK(files_under(out).size() == 7);
    CHECK(temporary_files(out).empty());
  }
  CHECK(files_under(dir / "out1") == files_under(dir / "out4"));
}

// Requirement 3: "JSONL records get their passthrough fields appended ...
// id, url, title, text first, then the passthrough fields that don't
// clash"; requirement 2: "JSONL field names configurable".
TEST_CASE("JSONL records come out in input order with renamed fields read and passthrough kept",
          "[cli][bulk]") {
  TempDir dir;
  std::vector<json> records;
  for (int i = 0; i < 12; ++i) {
    json record = json::object();
    record["doc_id"] = "doc-" + std::to_string(i);
    record["link"] = "https://example.org/" + std::to_string(i);
    if (i % 2 == 0) {
      record["body"] = article_page("harbour " + std::to_string(i));
    } else {
      record["plain"] = prose(i);
    }
    record["lang"] = "en";
    record["score"] = i;
    record["title"] = "a title from the input";
    records.push_back(record);
  }
  write_file(dir / "in.jsonl", jsonl_of(records));
  const Run result =
      run(dir, "-j4 --id-field doc_id --url-field link --html-field body --text-field plain " +
                   quoted(dir / "in.jsonl"));
  CHECK(result.status == 0);
  const std::vector<std::string> lines = lines_of(result.out);
  REQUIRE(lines.size() == records.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    INFO(lines[i]);
    const json output = json::parse(lines[i]);
    std::vector<std::string> keys;
    for (const auto& [key, value] : output.items()) keys.push_back(key);
    REQUIRE(keys.size() >= 7);
    CHECK(std::vector<std::string>(keys.begin(), keys.begin() + 6) ==
          std::vector<std::string>{"schema_version", "id", "url", "title", "metadata", "text"});
    CHECK(output["id"] == "doc-" + std::to_string(i));
    CHECK(output["url"] == "https://example.org/" + std::to_string(i));
    CHECK(output["lang"] == "en");
    CHECK(output["score"] == static_cast<int>(i));
    CHECK(output["title"] != "a title from the input");
    CHECK(lines[i].find("a title from the input") == std::string::npos);
    CHECK_FALSE(output.contains("doc_id"));
    CHECK_FALSE(output.contains("body"));
    CHECK_FALSE(output.contains("plain"));
    CHECK(output["text"].get<std::string>().find(i % 2 == 0 ? "council" : "Record") !=
          std::string::npos);
  }
  CHECK(number_before(result.err, " documents cleaned") == 12);
}

// Requirement 2: "auto: by name ... .jsonl, .ndjson -> jsonl ... stdin is a
// single document unless --input jsonl|warc. Directory walks also pick up
// ... .jsonl(.gz) files"; requirement 3: "With -o DIR, each stream input
// file gets one output DIR/<name>.jsonl".
TEST_CASE("streams are recognised by name in directory walks and written to NAME.jsonl",
          "[cli][bulk]") {
  TempDir dir;
  write_file(dir / "in/pages/a.html", article_page("bridge"));
  write_file(dir / "in/feeds/one.jsonl", text_records(3));
  write_file(dir / "in/feeds/two.ndjson", text_records(2));
  const Run result = run(dir, quoted(dir / "in") + " -o " + quoted(dir / "out"));
  CHECK(result.status == 0);
  const auto files = files_under(dir / "out");
  CHECK(files.size() == 3);
  CHECK(files.count("pages/a.txt") == 1);
  REQUIRE(files.count("feeds/one.jsonl") == 1);
  REQUIRE(files.count("feeds/two.jsonl") == 1);
  CHECK(parse_lines(files.at("feeds/one.jsonl")).size() == 3);
  CHECK(parse_lines(files.at("feeds/two.jsonl")).at(1)["id"] == "r1");

  // Stdin has no name: records there are told by their first line
  // (tests/cli/input_kinds_test.cc), and --input text makes them a dump.
  const Run as_document = run(dir, "--input text < " + quoted(dir / "in/feeds/one.jsonl"));
  CHECK(as_document.status == 0);
  // Cleaned as a text dump, not as records: no record gets a title.
  CHECK(as_document.out.find("\"title\"") == std::string::npos);
  const Run as_stream = run(dir, "--input jsonl < " + quoted(dir / "in/feeds/one.jsonl"));
  CHECK(as_stream.status == 0);
  CHECK(parse_lines(as_stream.out).size() == 3);
}

TEST_CASE("two streams named alike cannot share an output file", "[cli][bulk]") {
  TempDir dir;
  write_file(dir / "in/feed.jsonl", text_records(2));
  write_file(dir / "in/feed.ndjson", text_records(4));
  const Run result = run(dir, "-q " + quoted(dir / "in") + " -o " + quoted(dir / "out"));
  CHECK(result.status == 1);
  CHECK(result.err.find("feed.ndjson") != std::string::npos);
  CHECK(parse_lines(read_file(dir / "out/feed.jsonl")).size() == 2);
}

// Requirement 3: "Add -f jsonl (one compact JSON object per document per
// line)".
TEST_CASE("the jsonl format writes one compact line per document", "[cli][bulk]") {
  TempDir dir;
  write_file(dir / "in/a.html", article_page("bridge"));
  write_file(dir / "in/b.html", article_page("library"));
  const Run one = run(dir, "-f jsonl " + quoted(dir / "in/a.html"));
  CHECK(one.status == 0);
  REQUIRE(lines_of(one.out).size() == 1);
  CHECK(json::parse(one.out)["id"] == dir / "in/a.html");
  CHECK(lines_of(run(dir, "-f json " + quoted(dir / "in/a.html")).out).size() > 1);
  const Run files = run(dir, "-f jsonl " + quoted(dir / "in") + " -o " + quoted(dir / "out"));
  CHECK(files.status == 0);
  CHECK(lines_of(read_file(dir / "out/b.jsonl")).size() == 1);
}

// Requirement 1: "an endless JSONL stream on stdin must use all workers
// ... memory stays bounded on an endless stream."
TEST_CASE("a hundred thousand JSONL records on stdin are cleaned in bounded memory",
          "[cli][bulk][slow]") {
  TempDir dir;
  write_file(dir / "small.jsonl", text_records(10000));
  write_file(dir / "large.jsonl", text_records(100000));
  auto peak_rss_kb = [&](const std::string& input, const std::string& output) {
    const Ended ended =
        run_measured({"--input", "jsonl", "-j2"}, input, output, dir / "err.capture");
    CHECK(ended.status == 0);
    return ended.peak_rss_kb;
  };
  const long small = peak_rss_kb(dir / "small.jsonl", dir / "small.out");
  const long large = peak_rss_kb(dir / "large.jsonl", dir / "large.out");
  INFO("peak RSS: 10,000 records " << small << " KB, 100,000 records " << large << " KB");
  const std::vector<std::string> lines = lines_of(read_file(dir / "large.out"));
  REQUIRE(lines.size() == 100000);
  CHECK(json::parse(lines.front())["id"] == "r0");
  CHECK(json::parse(lines.back())["id"] == "r99999");
  CHECK(large < 200 * 1024);
  // The output alone is ~30 MB: a run that held it, or the input, would
  // grow by more than this.
  CHECK(large - small < 16 * 1024);
}

// Requirement 5: "A rerun skips inputs whose output file already exists
// and is newer than the input (mtime), counting them as 'skipped (done)';
// --force redoes them."
TEST_CASE("a rerun skips what is done, redoes deleted or stale outputs, and --force redoes all",
          "[cli][bulk]") {
  TempDir dir;
  write_pages(dir / "in", 6);
  write_file(dir / "in/feed.jsonl", text_records(4));
  const std::string args = quoted(dir / "in") + " -o " + quoted(dir / "out");
  const Run first = run(dir, args);
  CHECK(first.status == 0);
  CHECK(cleaned(first) == 10);
  const auto outputs = files_under(dir / "out");
  REQUIRE(outputs.size() == 7);
  const auto stamp = fs::last_write_time(dir / "out/even/1002.txt");

  const Run again = run(dir, args);
  CHECK(again.status == 0);
  CHECK(cleaned(again) == 0);
  CHECK(done_before(again) == 7);
  CHECK(fs::last_write_time(dir / "out/even/1002.txt") == stamp);

  fs::remove(dir / "out/odd/1003.txt");
  fs::remove(dir / "out/feed.jsonl");
  const Run redo = run(dir, args);
  CHECK(cleaned(redo) == 5);
  CHECK(done_before(redo) == 5);
  CHECK(files_under(dir / "out") == outputs);

  fs::last_write_time(dir / "in/even/1002.html", stamp + std::chrono::seconds(10));
  const Run stale = run(dir, args);
  CHECK(cleaned(stale) == 1);
  CHECK(fs::last_write_time(dir / "out/even/1002.txt") > stamp);

  const Run forced = run(dir, "--force " + args);
  CHECK(cleaned(forced) == 10);
  CHECK(done_before(forced) == 0);
  CHECK(files_under(dir / "out") == outputs);
}

// Requirement 5: "SIGINT/SIGTERM: stop taking new work ..., remove temp
// files of unfinished outputs, print the summary, exit 130 (SIGINT) / 143
// (SIGTERM); a rerun then finishes the job."
TEST_CASE("SIGINT during a stream removes its unfinished output and a rerun completes the job",
          "[cli][bulk]") {
  TempDir dir;
  write_pages(dir / "in", 10);
  const std::string records = text_records(200);
  const std::string feed = dir / "feed.jsonl";
  REQUIRE(::mkfifo(feed.c_str(), 0600) == 0);
  const Child child =
      spawn({"-j2", dir / "in", feed, "-o", dir / "out"}, -1, dir / "run.out", dir / "run.err");
  // Blocks until webclean opens the stream; then the stream never ends.
  const int writer = ::open(feed.c_str(), O_WRONLY | O_CLOEXEC);
  REQUIRE(writer >= 0);
  REQUIRE(::write(writer, records.data(), records.size()) == static_cast<ssize_t>(records.size()));
  // The stream's temporary output appears once its first record is
  // written, after the ten pages (outputs go in input order).
  CHECK(eventually([&] {
    const std::vector<std::string> temporary = temporary_files(dir / "out");
    return std::any_of(temporary.begin(), temporary.end(), [](const std::string& name) {
      return name.rfind(".feed.jsonl.tmp.", 0) == 0;
    });
  }));
  ::kill(child.pid, SIGINT);
  const Ended ended = wait_for(child);
  ::close(writer);
  CHECK(ended.status == 130);
  CHECK(temporary_files(dir / "out").empty());
  CHECK_FALSE(fs::exists(dir / "out/feed.jsonl"));
  CHECK(read_file(dir / "run.err").find("interrupted") != std::string::npos);
  // The records of the removed output were not written: only the pages count.
  CHECK(number_before(read_file(dir / "run.err"), " documents cleaned") == 10);

  fs::remove(feed);
  write_file(feed, records);
  const Run rerun =
      run(dir, quoted(dir / "in") + " " + quoted(feed) + " -o " + quoted(dir / "out"));
  CHECK(rerun.status == 0);
  CHECK(cleaned(rerun) == 200);
  CHECK(done_before(rerun) == 10);
  const Run clean =
      run(dir, quoted(dir / "in") + " " + quoted(feed) + " -o " + quoted(dir / "clean"));
  CHECK(clean.status == 0);
  CHECK(files_under(dir / "out") == files_under(dir / "clean"));
}

TEST_CASE("SIGTERM in the middle of a directory leaves only whole outputs and a rerun finishes",
          "[cli][bulk][slow]") {
  TempDir dir;
  const int count = 2000;
  write_pages(dir / "in", count);
  const Child child =
      spawn({"-j1", dir / "in", "-o", dir / "out"}, -1, dir / "run.out", dir / "run.err");
  CHECK(eventually([&] { return fs::exists(dir / "out/even/1000.txt"); }));
  ::kill(child.pid, SIGTERM);
  const Ended ended = wait_for(child);
  CHECK(ended.status == 143);
  CHECK(temporary_files(dir / "out").empty());
  const size_t written = files_under(dir / "out").size();
  CHECK(written < static_cast<size_t>(count));

  const Run rerun = run(dir, quoted(dir / "in") + " -o " + quoted(dir / "out"));
  CHECK(rerun.status == 0);
  CHECK(done_before(rerun) == static_cast<long>(written));
  CHECK(cleaned(rerun) + done_before(rerun) == count);
  const Run clean = run(dir, "-q " + quoted(dir / "in") + " -o " + quoted(dir / "clean"));
  CHECK(files_under(dir / "out") == files_under(dir / "clean"));
}

// Issue 6, requirement 5: "A batch killed with SIGKILL in the middle and
// rerun ends with every output correct and complete."
TEST_CASE("a batch killed with SIGKILL and rerun ends with every output whole and correct",
          "[cli][bulk][slow]") {
  TempDir dir;
  const int count = 2000;
  write_pages(dir / "in", count);
  write_file(dir / "in/records.jsonl", text_records(20000));
  const Child child =
      spawn({"-j2", dir / "in", "-o", dir / "out"}, -1, dir / "run.out", dir / "run.err");
  // Killed once the stream is being written and some files are done: its
  // temporary file and any in flight are left behind.
  CHECK(eventually([&] {
    return !temporary_files(dir / "out").empty() && files_under(dir / "out").size() > 20;
  }));
  ::kill(child.pid, SIGKILL);
  CHECK(wait_for(child).status == -1);
  // Killed before the end: fewer whole outputs than the run makes. The
  // stream is written last (input order), so its temporary may be all
  // that is missing; temporaries are not outputs.
  CHECK(files_under(dir / "out").size() - temporary_files(dir / "out").size() <
        static_cast<size_t>(count + 1));

  const Run rerun = run(dir, "-j2 " + quoted(dir / "in") + " -o " + quoted(dir / "out"));
  CHECK(rerun.status == 0);
  CHECK(temporary_files(dir / "out").empty());
  const Run clean = run(dir, "-q -j2 " + quoted(dir / "in") + " -o " + quoted(dir / "clean"));
  REQUIRE(clean.status == 0);
  CHECK(files_under(dir / "clean").size() == static_cast<size_t>(count + 1));
  CHECK(files_under(dir / "out") == files_under(dir / "clean"));
}

// Requirement 6: "One bad document never stops the batch ... with --errors
// FILE one JSON record per failure {"input","record","error"} appended".
TEST_CASE("each failure gets one stderr line and one JSON line in the --errors file",
          "[cli][bulk]") {
  TempDir dir;
  write_file(dir / "in/good.html", article_page("bridge"));
  write_file(dir / "in/bad.html.gz", std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10));
  json pdf_with_id = {{"id", "r3"}, {"text", "%PDF-1.4 not a page"}};
  json pdf_without_id = {{"text", "%PDF-1.4 not a page either"}};
  write_file(dir / "in/feed.jsonl", json{{"id", "r1"}, {"text", prose(1)}}.dump() +
                                        "\nthis line is not JSON\n" + pdf_with_id.dump() + "\n" +
                                        pdf_without_id.dump() + "\n");
  const std::string log = dir / "errors.jsonl";
  const std::string args =
      quoted(dir / "in") + " " + quoted(dir / "missing.html") + " --errors " + quoted(log);
  const Run result = run(dir, "-q " + args);
  CHECK(result.status == 1);
  const std::vector<std::string> err = lines_of(result.err);
  CHECK(err.size() == 5);
  const std::string feed = dir / "in/feed.jsonl";
  CHECK(result.err.find(feed + ": line 2: ") != std::string::npos);
  CHECK(result.err.find(feed + ": record r3: binary data") != std::string::npos);
  // A record without an id is named by its line (records.h).
  CHECK(result.err.find(feed + ": record 4: binary data") != std::string::npos);
  CHECK(result.err.find(dir / "in/bad.html.gz") != std::string::npos);
  // The good documents are still written.
  CHECK(result.out.find("council") != std::string::npos);
  CHECK(result.out.find("\"id\":\"r1\"") != std::string::npos);

  const std::vector<json> entries = parse_lines(read_file(log));
  REQUIRE(entries.size() == 5);
  std::map<std::string, json> by_record;
  for (const json& entry : entries) {
    CHECK(entry.size() == 3);
    CHECK(entry["error"].is_string());
    by_record[entry["record"].is_null() ? entry["input"].get<std::string>()
                                        : entry["record"].get<std::string>()] = entry;
  }
  CHECK(by_record.count(dir / "missing.html") == 1);
  CHECK(by_record.count(dir / "in/bad.html.gz") == 1);
  REQUIRE(by_record.count("r3") == 1);
  CHECK(by_record["r3"]["input"] == feed);
  REQUIRE(by_record.count("4") == 1);
  REQUIRE(by_record.count("2") == 1);
  CHECK(by_record["2"]["error"].get<std::string>().find("line 2") != std::string::npos);

  run(dir, "-q " + args);
  CHECK(lines_of(read_file(log)).size() == 10);
}

// Requirement 7: "N processes with I = 0..N-1 together produce exactly the
// whole, with no overlap. Bad --shard -> usage error 2."
TEST_CASE("three shards together produce exactly the unsharded output, files and records",
          "[cli][bulk]") {
  TempDir dir;
  write_pages(dir / "in", 30);
  write_file(dir / "in/feed.jsonl", text_records(40) + text_records(10, false));
  const Run whole = run(dir, "-q " + quoted(dir / "in") + " -o " + quoted(dir / "whole"));
  REQUIRE(whole.status == 0);
  const auto expected = files_under(dir / "whole");
  REQUIRE(expected.size() == 31);

  // Shards writing to one directory, as N machines sharing a disk would.
  std::string shard_lines;
  for (int i = 0; i < 3; ++i) {
    const Run part = run(dir, "-q --shard " + std::to_string(i) + "/3 " + quoted(dir / "in") +
                                  " -o " + quoted(dir / "shared"));
    CHECK(part.status == 0);
    shard_lines += read_file(dir / ("shared/feed." + std::to_string(i) + "-of-3.jsonl"));
  }
  auto documents = files_under(dir / "shared");
  for (int i = 0; i < 3; ++i) documents.erase("feed." + std::to_string(i) + "-of-3.jsonl");
  auto expected_documents = expected;
  expected_documents.erase("feed.jsonl");
  CHECK(documents == expected_documents);
  CHECK(sorted_lines(shard_lines) == sorted_lines(expected.at("feed.jsonl")));

  // Shards writing apart: no document is in two, each has some.
  size_t total = 0;
  for (int i = 0; i < 3; ++i) {
    const std::string out = dir / ("apart" + std::to_string(i));
    run(dir, "-q --shard " + std::to_string(i) + "/3 " + quoted(dir / "in") + " -o " + quoted(out));
    auto files = files_under(out);
    const std::string stream = "feed." + std::to_string(i) + "-of-3.jsonl";
    CHECK_FALSE(files.at(stream).empty());
    files.erase(stream);
    CHECK_FALSE(files.empty());
    total += files.size();
  }
  CHECK(total == 30);
}

TEST_CASE("a malformed --shard is a usage error", "[cli][bulk]") {
  TempDir dir;
  for (const char* bad : {"3/3", "1/0", "a/b", "1", "-1/3", "1/3/4", "/3", ""}) {
    INFO(bad);
    CHECK(run(dir, "--shard " + quoted(bad) + " - " + empty_stdin(dir)).status == 2);
  }
  const Run whole = run(dir, "--shard 0/1 - " + empty_stdin(dir));
  INFO(whole.err);
  CHECK(whole.status == 0);
}

// Requirement 4: "On stderr when stderr is a terminal, or with --progress;
// --quiet silences progress and the summary (never the error lines)."
TEST_CASE("the progress option draws a progress line and a summary, quiet prints neither",
          "[cli][bulk]") {
  TempDir dir;
  write_pages(dir / "in", 20);
  const Run progress = run(dir, "--progress " + quoted(dir / "in") + " -o " + quoted(dir / "a"));
  CHECK(progress.status == 0);
  CHECK(progress.err.find('\r') != std::string::npos);
  CHECK(progress.err.find("/20 documents") != std::string::npos);
  CHECK(cleaned(progress) == 20);
  CHECK(progress.err.find(" MB in, ") != std::string::npos);

  const Run plain = run(dir, quoted(dir / "in") + " -o " + quoted(dir / "b"));
  CHECK(plain.err.find('\r') == std::string::npos);
  CHECK(cleaned(plain) == 20);

  const Run quiet = run(dir, "--quiet " + quoted(dir / "in") + " -o " + quoted(dir / "c"));
  CHECK(quiet.status == 0);
  CHECK(quiet.err.empty());
  write_file(dir / "in/broken.html.gz", "\x1f\x8b");
  const Run quiet_failure = run(dir, "-q " + quoted(dir / "in") + " -o " + quoted(dir / "c"));
  CHECK(quiet_failure.status == 1);
  CHECK(lines_of(quiet_failure.err).size() == 1);

  CHECK(run(dir, "--progress --quiet " + quoted(dir / "in")).status == 2);
}

TEST_CASE("one document cleaned to stdout prints no summary", "[cli][bulk]") {
  TempDir dir;
  write_file(dir / "a.html", article_page("bridge"));
  const Run result = run(dir, quoted(dir / "a.html"));
  CHECK(result.status == 0);
  CHECK(result.err.empty());
}

// Requirement 3: "WARC records carry warc_record_id, url (target URI),
// date, http_status, title, text. Skipped records (non-HTML, 404, request
// records) produce no output line but are counted". Needs the real WARC
// reader (src/source/records.cc).
TEST_CASE("a WARC file gives one JSON line per HTML response and counts the rest as skipped",
          "[cli][bulk][warc]") {
  TempDir dir;
  const std::string page = article_page("harbour");
  WarcRecord harbour =
      response_record(2, "https://example.org/harbour",
                      http_response("HTTP/1.1 200 OK",
                                    {{"Content-Type", "text/html; charset=utf-8"},
                                     {"Content-Length", std::to_string(page.size())}},
                                    page));
  harbour.id = "<urn:uuid:2>";
  harbour.date = "2024-05-01T10:00:00Z";
  const WarcRecord missing = response_record(
      3, "https://example.org/gone",
      http_response("HTTP/1.1 404 Not Found", {{"Content-Type", "text/html"}}, "gone"));
  write_file(dir / "in/crawl.warc",
             warc_file({warcinfo_record(0, "test"),
                        get_request_record(1, "example.org", "/harbour"), harbour, missing},
                       false));
  const Run result = run(dir, quoted(dir / "in/crawl.warc"));
  CHECK(result.status == 0);
  const std::vector<json> lines = parse_lines(result.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["warc_record_id"] == "urn:uuid:2");
  CHECK(lines[0]["url"] == "https://example.org/harbour");
  CHECK(lines[0]["date"] == "2024-05-01T10:00:00Z");
  CHECK(lines[0]["http_status"] == 200);
  CHECK(lines[0]["text"].get<std::string>().find("council") != std::string::npos);
  CHECK(number_before(result.err, " skipped,") == 3);

  const Run walked = run(dir, quoted(dir / "in") + " -o " + quoted(dir / "out"));
  CHECK(walked.status == 0);
  CHECK(read_file(dir / "out/crawl.jsonl") == result.out);
}

// Issue 11: "a WARC record whose Content-Length overstates its size
// silently drops the intact records after it."
TEST_CASE("a WARC with two lying lengths gives every other record and names the two by place",
          "[cli][bulk][warc]") {
  TempDir dir;
  std::vector<WarcRecord> records;
  for (int i = 1; i <= 10; ++i) {
    const std::string page = article_page("harbour " + std::to_string(i));
    records.push_back(response_record(
        i, "https://example.org/" + std::to_string(i),
        http_response("HTTP/1.1 200 OK", {{"Content-Type", "text/html; charset=utf-8"}}, page)));
  }
  records[2].length = static_cast<long long>(records[2].block.size()) + 10;
  records[4].length = static_cast<long long>(records[4].block.size()) + 3000;
  const size_t third_at = records[0].bytes().size() + records[1].bytes().size();
  write_file(dir / "crawl.warc", warc_file(records, false));
  write_file(dir / "crawl.warc.gz", warc_file(records, true));
  for (const char* name : {"crawl.warc", "crawl.warc.gz"}) {
    INFO(name);
    const Run result = run(dir, quoted(dir / name));
    CHECK(result.status == 1);
    const std::vector<json> lines = parse_lines(result.out);
    REQUIRE(lines.size() == 8);
    CHECK(lines[2]["url"] == "https://example.org/4");
    CHECK(lines[7]["url"] == "https://example.org/10");
    CHECK(result.err.find(": record 3 (urn:uuid:10000003-0000-4000-8000-000000000000) at byte " +
                          std::to_string(third_at) + ": Content-Length ") != std::string::npos);
    CHECK(result.err.find(": record 5 (") != std::string::npos);
    CHECK(number_before(result.err, " failed") == 2);
  }
}

// Requirement 8: "Update --help text to be complete and true."
TEST_CASE("the help names every bulk option and both stream formats", "[cli][bulk]") {
  TempDir dir;
  const Run help = run(dir, "--help");
  CHECK(help.status == 0);
  for (const char* word : {"--input", "jsonl", "warc", "--id-field", "--url-field", "--html-field",
                           "--text-field", "--errors", "--force", "--shard", "--progress",
                           "--quiet", "skipped (done)", "130", "143", "warc_record_id"}) {
    INFO(word);
    CHECK(help.out.find(word) != std::string::npos);
  }
}

TEST_CASE("an output directory inside the input directory is not walked as input", "[cli][bulk]") {
  TempDir dir;
  write_pages(dir / "in", 4);
  write_file(dir / "in/feed.jsonl", text_records(3));
  const std::string args = quoted(dir / "in") + " -o " + quoted(dir / "in/clean");
  const Run first = run(dir, args);
  CHECK(first.status == 0);
  CHECK(cleaned(first) == 7);
  const Run second = run(dir, args);
  CHECK(second.status == 0);
  CHECK(cleaned(second) == 0);
  CHECK(done_before(second) == 5);
  CHECK_FALSE(fs::exists(dir / "in/clean/clean"));
}
