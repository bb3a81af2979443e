// Outputs of record streams: the JSON Lines records of JSONL and WARC
// inputs, and files written progressively that appear only when complete.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../source/temp_dir.h"
#include "sink/sink.h"

using webclean::Result;
using webclean::sink::RecordFields;
using webclean::testing::read_file;
using webclean::testing::TempDir;

namespace {

using json = nlohmann::ordered_json;

size_t entries_in(const std::filesystem::path& dir) {
  size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++count;
  return count;
}

std::vector<std::string> keys_of(const json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.push_back(key);
  return keys;
}

Result cleaned(const std::string& title, const std::string& text) {
  Result result;
  result.metadata.title = title;
  result.text = text;
  return result;
}

}  // namespace

TEST_CASE(
    "a JSONL record is schema_version, id, url, title, metadata, text, then the passthrough "
    "fields in their order",
    "[sink]") {
  RecordFields record;
  record.id = "doc-7";
  record.url = "https://example.org/7";
  record.passthrough = R"({"lang":"en","score":3,"tags":["a","b"]})";
  const std::string line = webclean::sink::render_jsonl_record(cleaned("Seven", "Body."), record);
  REQUIRE(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);
  const json parsed = json::parse(line);
  CHECK(keys_of(parsed) == std::vector<std::string>{"schema_version", "id", "url", "title",
                                                    "metadata", "text", "lang", "score", "tags"});
  CHECK(parsed["schema_version"] == webclean::sink::kJsonSchemaVersion);
  CHECK(parsed["id"] == "doc-7");
  CHECK(parsed["title"] == "Seven");
  CHECK(parsed["metadata"]["title"] == "Seven");
  CHECK(parsed["text"] == "Body.");
  CHECK(parsed["tags"] == json::array({"a", "b"}));
}

TEST_CASE("passthrough fields named like an output field are dropped, not duplicated", "[sink]") {
  RecordFields record;
  record.id = "x";
  record.passthrough = R"({"title":"from the input","text":"raw","extra":1})";
  const std::string line =
      webclean::sink::render_jsonl_record(cleaned("Cleaned", "Clean."), record);
  CHECK(line.find("from the input") == std::string::npos);
  CHECK(line.find("raw") == std::string::npos);
  const json parsed = json::parse(line);
  CHECK(parsed["title"] == "Cleaned");
  CHECK(parsed["extra"] == 1);
}

TEST_CASE("a malformed passthrough adds nothing and breaks nothing", "[sink]") {
  RecordFields record;
  record.passthrough = "{not json";
  const json parsed =
      json::parse(webclean::sink::render_jsonl_record(cleaned("T", "Text."), record));
  CHECK(keys_of(parsed) ==
        std::vector<std::string>{"schema_version", "id", "url", "title", "metadata", "text"});
}

TEST_CASE("a WARC record carries its record id, target URI, date and HTTP status", "[sink]") {
  RecordFields record;
  record.id = "<urn:uuid:1234>";
  record.url = "https://example.org/a";
  record.date = "2024-05-01T10:00:00Z";
  record.http_status = 200;
  const json parsed =
      json::parse(webclean::sink::render_warc_record(cleaned("A page", "Its text."), record));
  CHECK(keys_of(parsed) == std::vector<std::string>{"schema_version", "warc_record_id", "url",
                                                    "date", "http_status", "title", "metadata",
                                                    "text"});
  CHECK(parsed["warc_record_id"] == "<urn:uuid:1234>");
  CHECK(parsed["http_status"] == 200);

  record.http_status = 0;  // a WET conversion record has no HTTP status
  const std::vector<std::pair<std::string, std::string>> headers = {
      {"WARC-Record-ID", "<urn:uuid:1234>"},
      {"WARC-Type", "conversion"},
      {"warc-date", "2024-05-01T10:00:00Z"},
      {"WARC-Refers-To", "<urn:uuid:1233>"}};
  record.headers = &headers;
  const json wet = json::parse(webclean::sink::render_warc_record(cleaned("", "Text."), record));
  CHECK(wet["http_status"].is_null());
  // Only the headers that are not fields of the line already.
  CHECK(wet["warc_headers"] ==
        json({{"WARC-Type", "conversion"}, {"WARC-Refers-To", "<urn:uuid:1233>"}}));
}

TEST_CASE("record lines carry the Markdown after the text only when asked for", "[sink]") {
  Result result = cleaned("T", "Kept *here*.");
  result.markdown = "Kept \\*here\\*.";
  RecordFields record;
  record.passthrough = R"({"markdown":"from the input"})";
  const json plain = json::parse(webclean::sink::render_jsonl_record(result, RecordFields{}));
  CHECK_FALSE(plain.contains("markdown"));
  const json jsonl = json::parse(webclean::sink::render_jsonl_record(result, record, true));
  CHECK(keys_of(jsonl) == std::vector<std::string>{"schema_version", "id", "url", "title",
                                                   "metadata", "text", "markdown"});
  CHECK(jsonl["markdown"] == result.markdown);
  const json warc = json::parse(webclean::sink::render_warc_record(result, RecordFields{}, true));
  CHECK(warc["markdown"] == result.markdown);
  CHECK(keys_of(warc).back() == "markdown");
}

TEST_CASE("record lines carry the blocks when the result has block reports", "[sink]") {
  Result result = cleaned("T", "Kept.");
  webclean::BlockReport block;
  block.text = "Kept.";
  block.kind = "paragraph";
  block.kept = true;
  result.blocks.push_back(block);
  const json parsed = json::parse(webclean::sink::render_jsonl_record(result, RecordFields{}));
  REQUIRE(parsed.contains("blocks"));
  CHECK(parsed["blocks"][0]["text"] == "Kept.");
}

TEST_CASE("a progressively written file appears only when committed", "[sink]") {
  TempDir dir;
  const std::string path = dir / "out/feed.jsonl";
  webclean::sink::AtomicFile file;
  REQUIRE(file.open(path).empty());
  CHECK(file.is_open());
  CHECK(file.append("one\n").empty());
  CHECK(file.append("two\n").empty());
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK(entries_in(dir / "out") == 1);  // the temporary file
  CHECK(file.commit().empty());
  CHECK_FALSE(file.is_open());
  CHECK(read_file(path) == "one\ntwo\n");
  CHECK(entries_in(dir / "out") == 1);
}

TEST_CASE("an aborted or abandoned progressive file leaves nothing behind", "[sink]") {
  TempDir dir;
  {
    webclean::sink::AtomicFile file;
    REQUIRE(file.open(dir / "a.jsonl").empty());
    CHECK(file.append("partial\n").empty());
    file.abort();
    CHECK_FALSE(file.is_open());
  }
  {
    webclean::sink::AtomicFile file;
    REQUIRE(file.open(dir / "b.jsonl").empty());
    CHECK(file.append("partial\n").empty());
  }  // destroyed without commit
  CHECK(entries_in(dir.path()) == 0);
}

TEST_CASE("committing a progressive file replaces an older one at once", "[sink]") {
  TempDir dir;
  const std::string path = dir / "feed.jsonl";
  REQUIRE(webclean::sink::write_atomically(path, "old\n").empty());
  webclean::sink::AtomicFile file;
  REQUIRE(file.open(path).empty());
  CHECK(file.append("new\n").empty());
  CHECK(read_file(path) == "old\n");
  CHECK(file.commit().empty());
  CHECK(read_file(path) == "new\n");
}

TEST_CASE("appending to or committing a file that is not open is an error", "[sink]") {
  webclean::sink::AtomicFile file;
  CHECK_FALSE(file.append("x").empty());
  CHECK_FALSE(file.commit().empty());
  const std::string error = file.open("/proc/no-such-place/x.jsonl");
  CHECK(error.rfind("/proc/no-such-place/x.jsonl: ", 0) == 0);
  CHECK_FALSE(file.is_open());
}
