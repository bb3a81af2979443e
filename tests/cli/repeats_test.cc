// The repetition filter of bulk runs (issue 13): a batch of dumps of one
// site loses the lines that its dumps share, in a first pass over files
// and JSONL files, the same at any -j; --no-repeats and --repeat-min.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "../hostile_scale.h"
#include "run_cli.h"

using namespace webclean::testing;

namespace {

namespace fs = std::filesystem;

// The site's frame above every story: a tagline that reads like prose and
// a menu line, which density alone keeps with the story below them.
const char* const kFrame[] = {
    "The Riverside Gazette has brought you the news of the river towns every morning since 1871.",
    "Our town pages"};

// A story of three paragraphs of its own, the same for no two `n`.
std::string story(int n) {
  std::string text;
  for (int p = 0; p < 3; ++p) {
    text += "Story " + std::to_string(n) + ", part " + std::to_string(p) +
            ": the council said on Tuesday that the new bridge, which has been delayed for "
            "more than two years, would open to traffic in the spring after the inspections.\n\n";
  }
  return text;
}

// A dump of one story below the site's frame.
std::string dump(int n) {
  std::string text = "Bridge news " + std::to_string(n) + "\n\n";
  for (const char* line : kFrame) text += std::string(line) + "\n\n";
  return text + story(n) + "The weekly puzzle\n";
}

void write_site(const fs::path& dir, int count) {
  for (int i = 0; i < count; ++i)
    write_file(dir / ("story-" + std::to_string(i) + ".txt"), dump(i));
}

bool has_frame(const std::string& text) {
  for (const char* line : kFrame) {
    if (text.find(line) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a batch of dumps of one site loses the lines its dumps share and keeps their stories",
          "[cli][repeats]") {
  TempDir scratch;
  write_site(scratch / "gazette", 5);
  const Run r =
      run(scratch, "-q -j2 -o " + quoted(scratch / "out") + " " + quoted(scratch / "gazette"));
  REQUIRE(r.status == 0);
  const std::string text = read_file(scratch / "out/story-3.txt");
  CHECK(text.find("Story 3, part 2") != std::string::npos);
  CHECK_FALSE(has_frame(text));
}

TEST_CASE("the explanation names the number of documents and the site, the folder of the files",
          "[cli][repeats]") {
  TempDir scratch;
  write_site(scratch / "gazette", 5);
  const Run r = run(
      scratch, "-q --explain -o " + quoted(scratch / "out") + " " + quoted(scratch / "gazette"));
  REQUIRE(r.status == 0);
  const std::string explained = read_file(scratch / "out/story-1.txt");
  CHECK(explained.find("repeated on 5 documents of " + (scratch / "gazette")) != std::string::npos);
}

TEST_CASE("with --no-repeats the shared lines are left to the other filters", "[cli][repeats]") {
  TempDir scratch;
  write_site(scratch / "gazette", 5);
  const Run r = run(
      scratch, "-q --no-repeats -o " + quoted(scratch / "out") + " " + quoted(scratch / "gazette"));
  REQUIRE(r.status == 0);
  CHECK(has_frame(read_file(scratch / "out/story-3.txt")));
}

TEST_CASE("a --repeat-min above the number of documents keeps the shared lines", "[cli][repeats]") {
  TempDir scratch;
  write_site(scratch / "gazette", 5);
  const std::string out = scratch / "out";
  const std::string dir = scratch / "gazette";
  CHECK(run(scratch, "-q --repeat-min 6 -o " + quoted(out) + " " + quoted(dir)).status == 0);
  CHECK(has_frame(read_file(scratch / "out/story-3.txt")));
  CHECK(run(scratch, "-q --force --repeat-min 5 -o " + quoted(out) + " " + quoted(dir)).status ==
        0);
  CHECK_FALSE(has_frame(read_file(scratch / "out/story-3.txt")));
  CHECK(run(scratch, "-q --repeat-min 1 " + quoted(dir)).status != 0);  // below 2: a usage error
}

TEST_CASE("the output is the same with one worker and with two, sharded or not", "[cli][repeats]") {
  TempDir scratch;
  write_site(scratch / "gazette", 8);
  const std::string dir = scratch / "gazette";
  const Run one = run(scratch, "-q -j1 " + quoted(dir));
  const Run two = run(scratch, "-q -j2 " + quoted(dir));
  REQUIRE(one.status == 0);
  CHECK(one.out == two.out);
  CHECK_FALSE(has_frame(one.out));
  // A shard of the run judges its documents by the whole batch.
  const Run shard = run(scratch, "-q -j2 --shard 0/2 " + quoted(dir));
  REQUIRE(shard.status == 0);
  CHECK_FALSE(shard.out.empty());
  CHECK_FALSE(has_frame(shard.out));
}

// Issue 16: "--shard I/N --shard-by site assigns documents by the host of
// their URL (or the folder for files), so the repetition filter sees all of
// a site in one shard."
TEST_CASE("shards split by site hold whole sites and together give the whole run's output",
          "[cli][repeats]") {
  TempDir scratch;
  std::string jsonl;
  for (int site = 0; site < 6; ++site) {
    write_site(fs::path(scratch / "in") / ("site" + std::to_string(site)), 4);
    for (int i = 0; i < 4; ++i) {
      const std::string host = "host" + std::to_string(site) + ".example";
      nlohmann::json record = {{"id", host + "/" + std::to_string(i)},
                               {"url", "https://" + host + "/" + std::to_string(i)},
                               {"text", dump(10 * site + i)}};
      jsonl += record.dump() + "\n";
    }
  }
  write_file(scratch / "in/pages.jsonl", jsonl);
  const std::string in = scratch / "in";
  REQUIRE(run(scratch, "-q -o " + quoted(scratch / "whole") + " " + quoted(in)).status == 0);
  std::map<std::string, std::string> whole = files_under(scratch / "whole");
  REQUIRE(whole.size() == 25);
  const std::string whole_records = whole.at("pages.jsonl");
  whole.erase("pages.jsonl");

  std::map<std::string, std::string> files;
  std::string records;
  std::map<std::string, std::set<int>> shards_of;  // site folder or host -> shards holding it
  for (int i = 0; i < 3; ++i) {
    const std::string out = scratch / ("shard" + std::to_string(i));
    const Run part = run(scratch, "-q --shard " + std::to_string(i) + "/3 --shard-by site -o " +
                                      quoted(out) + " " + quoted(in));
    REQUIRE(part.status == 0);
    const std::string stream = "pages." + std::to_string(i) + "-of-3.jsonl";
    for (const auto& [name, text] : files_under(out)) {
      if (name == stream) continue;
      CHECK_FALSE(has_frame(text));  // the shard counted its sites' lines
      shards_of[name.substr(0, name.find('/'))].insert(i);
      files[name] = text;
    }
    const std::string lines = read_file(fs::path(out) / stream);
    records += lines;
    std::istringstream in_lines(lines);
    for (std::string line; std::getline(in_lines, line);) {
      const nlohmann::json answer = nlohmann::json::parse(line);
      CHECK_FALSE(has_frame(answer["text"].get<std::string>()));
      const std::string id = answer["id"];
      shards_of[id.substr(0, id.find('/'))].insert(i);
    }
  }
  CHECK(files == whole);
  CHECK(sorted_lines(records) == sorted_lines(whole_records));
  REQUIRE(shards_of.size() == 12);  // six folders, six hosts
  std::set<int> used;
  for (const auto& [site, shards] : shards_of) {
    INFO(site);
    CHECK(shards.size() == 1);
    used.insert(*shards.begin());
  }
  CHECK(used.size() > 1);
}

TEST_CASE("records of a JSONL file are counted by the host of their URL", "[cli][repeats]") {
  TempDir scratch;
  std::string jsonl;
  for (int i = 0; i < 4; ++i) {
    nlohmann::json record = {{"id", "g" + std::to_string(i)},
                             {"url", "https://gazette.example/" + std::to_string(i)},
                             {"text", dump(i)}};
    jsonl += record.dump() + "\n";
  }
  // The same frame on two pages of another site: too few to count.
  for (int i = 4; i < 6; ++i) {
    nlohmann::json record = {{"id", "o" + std::to_string(i)},
                             {"url", "https://other.example/" + std::to_string(i)},
                             {"text", dump(i)}};
    jsonl += record.dump() + "\n";
  }
  write_file(scratch / "pages.jsonl", jsonl);
  const Run r = run(scratch, "-q -f jsonl " + quoted(scratch / "pages.jsonl"));
  REQUIRE(r.status == 0);
  std::istringstream lines(r.out);
  int gazette = 0, other = 0;
  for (std::string line; std::getline(lines, line);) {
    const nlohmann::json answer = nlohmann::json::parse(line);
    const std::string text = answer["text"];
    if (answer["id"].get<std::string>()[0] == 'g') {
      ++gazette;
      CHECK_FALSE(has_frame(text));
    } else {
      ++other;
      CHECK(has_frame(text));
    }
  }
  CHECK(gazette == 4);
  CHECK(other == 2);
}

TEST_CASE("one document alone is no bulk run: nothing is counted", "[cli][repeats]") {
  TempDir scratch;
  write_file(scratch / "story.txt", dump(0));
  const Run r = run(scratch, "-q --explain " + quoted(scratch / "story.txt"));
  REQUIRE(r.status == 0);
  CHECK(r.out.find("repeated on") == std::string::npos);
}

TEST_CASE(
    "with --stdin-repeats JSONL on standard input is judged after a warm-up window, the "
    "same at any -j",
    "[cli][repeats]") {
  TempDir scratch;
  // More records than the warm-up window holds (kWarmupRecords, 500).
  std::string jsonl;
  for (int i = 0; i < 620; ++i) {
    nlohmann::json record = {{"id", std::to_string(i)},
                             {"url", "https://gazette.example/" + std::to_string(i)},
                             {"text", dump(i)}};
    jsonl += record.dump() + "\n";
  }
  write_file(scratch / "in.jsonl", jsonl);
  const std::string in = "--stdin-repeats --input jsonl - <" + quoted(scratch / "in.jsonl");
  const Run one = run(scratch, "-q -j1 -f jsonl " + in);
  const Run two = run(scratch, "-q -j2 -f jsonl " + in);
  REQUIRE(one.status == 0);
  CHECK(one.out == two.out);
  std::istringstream lines(one.out);
  int records = 0, framed = 0;
  for (std::string line; std::getline(lines, line); ++records) {
    framed += has_frame(nlohmann::json::parse(line)["text"].get<std::string>());
  }
  CHECK(records == 620);
  CHECK(framed == 0);
  const Run off = run(scratch, "-q -j2 -f jsonl --input jsonl - <" + quoted(scratch / "in.jsonl"));
  CHECK(has_frame(off.out));  // without --stdin-repeats
}

// Issue 13: "memory stays bounded on an endless stream (test it as the
// JSONL stream test does)". Each record brings 40 lines no other record
// has, so the index reaches its cap of 65,536 lines for the site within
// the smaller run already: the larger one, with 10x (4x under the
// sanitizers) as many new lines, must not grow with them.
TEST_CASE("with --stdin-repeats an endless stream of new lines is counted in bounded memory",
          "[cli][repeats][slow]") {
  TempDir scratch;
  const auto records = [](int count) {
    std::string jsonl;
    for (int i = 0; i < count; ++i) {
      std::string text = std::string(kFrame[0]) + "\n\n" + kFrame[1] + "\n\n";
      for (int k = 0; k < 40; ++k) {
        text += "Item " + std::to_string(k) + " of record " + std::to_string(i) + "\n\n";
      }
      text += story(i);
      nlohmann::json record = {{"id", std::to_string(i)},
                               {"url", "https://gazette.example/" + std::to_string(i)},
                               {"text", text}};
      jsonl += record.dump() + "\n";
    }
    return jsonl;
  };
  const int small_count = 2000;
  const int large_count = kHostileScale == 1 ? 20000 : 8000;
  write_file(scratch / "small.jsonl", records(small_count));
  write_file(scratch / "large.jsonl", records(large_count));
  const auto peak_rss_kb = [&](const fs::path& input, const fs::path& output) {
    const Ended ended =
        run_measured({"-q", "-j2", "--stdin-repeats", "--input", "jsonl", "-f", "jsonl", "-"},
                     input, output, scratch / "err.capture");
    CHECK(ended.status == 0);
    return ended.peak_rss_kb;
  };
  const long small = peak_rss_kb(scratch / "small.jsonl", scratch / "small.out");
  const long large = peak_rss_kb(scratch / "large.jsonl", scratch / "large.out");
  INFO("peak RSS: " << small_count << " records " << small << " KB, " << large_count << " records "
                    << large << " KB");
  std::istringstream lines(read_file(scratch / "large.out"));
  int count = 0, framed = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    framed += has_frame(nlohmann::json::parse(line)["text"].get<std::string>());
  }
  CHECK(count == large_count);
  CHECK(framed == 0);
  // Uncapped, the larger run's new lines would take 20 MB or more.
  CHECK(large - small < 12 * 1024);
}
