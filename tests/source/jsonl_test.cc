// JSON Lines records: renamed fields, passthrough of the others in their
// order, broken lines among good ones, limits, gzip, and long streams.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "source/records.h"
#include "temp_dir.h"
#include "warc_writer.h"

using webclean::source::JsonlFields;
using webclean::source::open_input;
using webclean::source::open_jsonl;
using webclean::source::Record;
using webclean::source::RecordReader;
using namespace webclean::testing;

namespace {

constexpr size_t kLimit = size_t{1} << 20;

std::unique_ptr<RecordReader> reader_of(const std::string& bytes, JsonlFields fields = {},
                                        size_t max_bytes = kLimit) {
  return open_jsonl(std::make_unique<std::istringstream>(bytes), std::move(fields), max_bytes);
}

std::vector<Record> read_all(const std::string& bytes, JsonlFields fields = {},
                             size_t max_bytes = kLimit) {
  auto reader = reader_of(bytes, std::move(fields), max_bytes);
  std::vector<Record> records;
  Record record;
  while (reader->next(record)) {
    records.push_back(record);
    REQUIRE(records.size() < 1000);
  }
  CHECK_FALSE(reader->next(record));
  return records;
}

std::vector<std::string> keys_in_order(const std::string& json) {
  std::vector<std::string> keys;
  const nlohmann::ordered_json object = nlohmann::ordered_json::parse(json);
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

}  // namespace

TEST_CASE("fields named by the caller are read and the others pass through in order") {
  JsonlFields fields;
  fields.id = "doc_id";
  fields.url = "link";
  fields.html = "content";
  fields.text = "body";
  const auto records = read_all(
      R"({"zeta": 1.0, "doc_id": "a1", "alpha": [1, 2, {"b": null}], "link": "https://x.test/a",)"
      R"( "content": "<p>Caf\u00e9</p>", "mid": "x\"y", "id": "not the id"})"
      "\n",
      fields);
  REQUIRE(records.size() == 1);
  const Record& record = records[0];
  CHECK(record.error.empty());
  CHECK(record.id == "a1");
  CHECK(record.url == "https://x.test/a");
  CHECK(record.kind == "html");
  CHECK(record.bytes == "<p>Café</p>");
  CHECK(record.content_type == "text/html; charset=utf-8");
  CHECK(keys_in_order(record.passthrough) ==
        std::vector<std::string>{"zeta", "alpha", "mid", "id"});
  const auto passthrough = nlohmann::json::parse(record.passthrough);
  CHECK(passthrough["alpha"][2].contains("b"));
  CHECK(passthrough["mid"] == "x\"y");
  CHECK(record.passthrough.find("1.0") != std::string::npos);  // numbers as written
}

TEST_CASE("html wins over text and a record with only text is text") {
  const auto records = read_all(
      "{\"id\":\"1\",\"text\":\"plain\",\"html\":\"<p>marked</p>\"}\n"
      "{\"id\":\"2\",\"text\":\"only text\",\"html\":null}\n");
  REQUIRE(records.size() == 2);
  CHECK(records[0].kind == "html");
  CHECK(records[0].bytes == "<p>marked</p>");
  CHECK(records[0].passthrough == "{}");
  CHECK(records[1].kind == "text");
  CHECK(records[1].bytes == "only text");
  CHECK(records[1].content_type == "text/plain; charset=utf-8");
}

TEST_CASE("a broken line among good ones is an error naming its line and the rest are read") {
  const auto records = read_all(
      "{\"id\":\"a\",\"text\":\"one\"}\n"
      "{\"id\":\"b\",\"text\":\"tw\n"
      "[1, 2, 3]\n"
      "{\"id\":\"d\",\"title\":\"no body\"}\n"
      "\n"
      "   \t\n"
      "{\"id\":\"g\",\"text\":\"seven\"}\n"
      "{\"id\":\"h\",\"text\":\"\xff\xfe bad utf-8\"}\n"
      "{\"id\":\"i\",\"text\":\"nine\"} trailing\n"
      "{\"id\":\"j\",\"text\":\"ten\"}");
  REQUIRE(records.size() == 10);
  CHECK(records[0].bytes == "one");
  CHECK(records[1].error ==
        "line 2: invalid JSON at byte 21: invalid string: missing closing quote");
  CHECK(records[2].error == "line 3: not a JSON object (an array)");
  CHECK(records[3].error == "line 4: no \"html\" or \"text\" field");
  CHECK(records[3].id == "d");
  CHECK(records[4].skipped);
  CHECK(records[5].skipped);
  CHECK(records[6].id == "g");
  CHECK(records[6].bytes == "seven");
  CHECK(records[7].error == "line 8: invalid UTF-8 at byte 19");
  CHECK(records[8].error ==
        "line 9: invalid JSON at byte 28: more after the end of the JSON value");
  CHECK(records[9].id == "j");  // the last line needs no newline
}

TEST_CASE("blank lines are skipped records that keep their line number") {
  const auto records = read_all("\n{\"text\":\"a\"}\n  \r\n\t\n{\"text\":\"b\"}\n");
  REQUIRE(records.size() == 5);
  for (size_t blank : {0, 2, 3}) {
    INFO("record " << blank);
    CHECK(records[blank].skipped);
    CHECK(records[blank].skip_reason == "blank line");
    CHECK(records[blank].error.empty());
    CHECK(records[blank].id == std::to_string(blank + 1));
  }
  CHECK(records[1].bytes == "a");
  CHECK(records[4].bytes == "b");
}

TEST_CASE("each kind of broken line is named with what is wrong and where") {
  struct Case {
    std::string line;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"{\"text\":\"caf\xc3\x28\"}", "line 1: invalid UTF-8 at byte 13"},
      {"{\"te\xe9xt\":\"a\"}", "line 1: invalid UTF-8 at byte 5"},
      {"\xEF\xBB\xBF{\"text\":\"\xff\"}", "line 1: invalid UTF-8 at byte 13"},
      {"{\"text\":\"a\",}",
       "line 1: invalid JSON at byte 13: unexpected '}'; expected string literal"},
      {"{\"text\" \"a\"}",
       "line 1: invalid JSON at byte 11: unexpected string literal; expected ':'"},
      {"\"just a string\"", "line 1: not a JSON object (a string)"},
      {"42", "line 1: not a JSON object (a number)"},
      {"null", "line 1: not a JSON object (null)"},
      {"true", "line 1: not a JSON object (a boolean)"},
      {"{\"html\": 42}", "line 1: \"html\" is a number, not a string"},
      {"{\"html\": {\"p\": 1}, \"text\": \"t\"}", "line 1: \"html\" is an object, not a string"},
      {"{\"text\": [\"a\"]}", "line 1: \"text\" is an array, not a string"},
      {"{\"text\": false}", "line 1: \"text\" is a boolean, not a string"},
      {"{\"id\": {}, \"text\": \"a\"}", "line 1: \"id\" is an object, not a string or a number"},
      {"{\"url\": 7, \"text\": \"a\"}", "line 1: \"url\" is a number, not a string"},
      {"{\"html\": null}", "line 1: no \"html\" or \"text\" field"},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    const auto records = read_all(c.line + "\n");
    REQUIRE(records.size() == 1);
    CHECK(records[0].error == c.error);
    CHECK(records[0].id == "1");
  }
}

TEST_CASE("a field of the wrong type is named by the name it was configured with") {
  JsonlFields fields;
  fields.html = "content";
  fields.text = "body";
  const auto records = read_all(
      "{\"content\": 1.5}\n"
      "{\"html\": 1, \"body\": null}\n",
      fields);
  REQUIRE(records.size() == 2);
  CHECK(records[0].error == "line 1: \"content\" is a number, not a string");
  CHECK(records[1].error == "line 2: no \"content\" or \"body\" field");
}

TEST_CASE("numeric ids keep their JSON text and a missing id is the line number") {
  const auto records = read_all(
      "{\"id\": 42, \"text\": \"a\"}\n"
      "{\"id\": -1.5e3, \"text\": \"b\"}\n"
      "{\"text\": \"c\", \"url\": \"https://x.test/c\"}\n"
      "{\"id\": null, \"text\": \"d\"}\n"
      "{\"id\": [1], \"text\": \"e\"}\n"
      "{\"\\u0069d\": \"escaped key\", \"text\": \"f\"}\n");
  REQUIRE(records.size() == 6);
  CHECK(records[0].id == "42");
  CHECK(records[1].id == "-1.5e3");
  CHECK(records[2].id == "3");
  CHECK(records[2].url == "https://x.test/c");
  CHECK(records[3].id == "4");
  CHECK(records[4].error == "line 5: \"id\" is an array, not a string or a number");
  CHECK(records[5].id == "escaped key");
}

TEST_CASE("gzipped JSON Lines are inflated as they stream") {
  std::string plain;
  for (int i = 0; i < 500; ++i) {
    plain += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"record number " +
             std::to_string(i) + "\"}\n";
  }
  // Two members, split mid-line, as `cat a.gz b.gz` makes.
  const std::string packed =
      gzip_member(plain.substr(0, plain.size() / 2)) + gzip_member(plain.substr(plain.size() / 2));
  TempDir dir;
  write_file(dir / "records.jsonl.gz", packed);
  std::string error;
  auto reader = open_jsonl(open_input(dir / "records.jsonl.gz", error), {}, kLimit);
  REQUIRE(error.empty());
  Record record;
  int count = 0;
  while (reader->next(record)) {
    INFO(record.error);
    REQUIRE(record.id == "r" + std::to_string(count));
    ++count;
  }
  CHECK(count == 500);
  CHECK(reader->bytes_read() == packed.size());
}

TEST_CASE("damaged gzip JSON Lines end with an error record after the good lines") {
  std::string plain;
  for (int i = 0; i < 2000; ++i) {
    plain += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"record " + std::to_string(i) +
             " with some words to make it longer\"}\n";
  }
  const std::string packed = gzip_member(plain);
  const auto records = read_all(packed.substr(0, packed.size() / 2));
  REQUIRE(records.size() > 10);
  CHECK(records[0].id == "r0");
  CHECK(records.back().error.find("gzip") != std::string::npos);
}

TEST_CASE("a line over max_bytes is an error and the next line is read") {
  const std::string long_line = "{\"id\":\"long\",\"text\":\"" + std::string(5000, 'x') + "\"}\n";
  const auto records = read_all(
      "{\"id\":\"short\",\"text\":\"a\"}\n" + long_line + "{\"id\":\"after\",\"text\":\"b\"}\n", {},
      1000);
  REQUIRE(records.size() == 3);
  CHECK(records[0].id == "short");
  CHECK(records[1].error == "line 2: longer than --max-bytes (1000 bytes)");
  CHECK(records[1].bytes.empty());
  CHECK(records[2].id == "after");
  CHECK(records[2].bytes == "b");
}

TEST_CASE("CRLF line ends and a byte order mark are not part of the records") {
  const auto records = read_all(
      "\xEF\xBB\xBF{\"id\":\"1\",\"text\":\"one\\r\\ntwo\"}\r\n"
      "\r\n"
      "{\"id\":\"2\",\"html\":\"<p>x</p>\",\"n\":5}\r\n");
  REQUIRE(records.size() == 3);
  CHECK(records[0].error.empty());
  CHECK(records[0].bytes == "one\r\ntwo");
  CHECK(records[1].skipped);
  CHECK(records[2].id == "2");
  CHECK(records[2].passthrough == "{\"n\":5}");
}

TEST_CASE("deeply nested passthrough values neither crash nor lose the record") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const auto records = read_all("{\"id\":\"deep\",\"text\":\"t\",\"tree\":" + deep + "}\n");
  REQUIRE(records.size() == 1);
  CHECK(records[0].error.empty());
  CHECK(records[0].passthrough == "{\"tree\":" + deep + "}");
}

TEST_CASE("100,000 records stream through and are all counted") {
  std::string bytes;
  for (int i = 0; i < 100000; ++i) {
    bytes += "{\"id\":" + std::to_string(i) + ",\"url\":\"https://x.test/" + std::to_string(i) +
             "\",\"text\":\"body " + std::to_string(i) + "\",\"lang\":\"en\"}\n";
  }
  auto reader = reader_of(bytes);
  Record record;
  size_t count = 0;
  size_t errors = 0;
  size_t line_end = 0;
  size_t furthest_ahead = 0;  // input pulled past the line just returned
  std::string last_id;
  while (reader->next(record)) {
    ++count;
    if (!record.error.empty()) ++errors;
    last_id = record.id;
    line_end = bytes.find('\n', line_end) + 1;
    furthest_ahead = std::max(furthest_ahead, reader->bytes_read() - line_end);
  }
  CHECK(count == 100000);
  CHECK(errors == 0);
  CHECK(furthest_ahead <= (128 << 10));
  CHECK(last_id == "99999");
  CHECK(record.passthrough == "{}");  // reset by the last next() call
  CHECK(reader->bytes_read() == bytes.size());
}

TEST_CASE("JSON Lines with random bytes damaged never crash the reader") {
  std::string plain;
  for (int i = 0; i < 40; ++i) {
    plain += R"({"id":)" + std::to_string(i) + R"(,"html":"<p>\u00e9 \"q\" )" + std::to_string(i) +
             R"(</p>","meta":{"a":[1,{"b":"c"}]}})" + "\n";
  }
  const std::string packed = gzip_member(plain);
  std::mt19937 random(7);
  for (int round = 0; round < 400; ++round) {
    std::string bytes = round % 2 == 0 ? plain : packed;
    for (int i = 0; i < 6; ++i) bytes[random() % bytes.size()] = static_cast<char>(random() % 256);
    bytes.resize(random() % (bytes.size() + 1));
    auto reader = reader_of(bytes, {}, 200);
    Record record;
    size_t count = 0;
    while (reader->next(record)) {
      REQUIRE(++count < 100);
      if (record.error.empty() && !record.skipped) {
        REQUIRE(nlohmann::json::accept(record.passthrough));
        REQUIRE(record.kind == "html");
      }
    }
  }
}

namespace {

// A source that hands out its pieces one refill at a time, like a pipe
// whose writer sends one record and then waits.
class PieceBuf : public std::streambuf {
 public:
  explicit PieceBuf(std::vector<std::string> pieces) : pieces_(std::move(pieces)) {}
  size_t served() const { return served_; }

 protected:
  int_type underflow() override {
    if (served_ == pieces_.size()) return traits_type::eof();
    std::string& piece = pieces_[served_++];
    setg(piece.data(), piece.data(), piece.data() + piece.size());
    return traits_type::to_int_type(piece[0]);
  }

 private:
  std::vector<std::string> pieces_;
  size_t served_ = 0;
};

class PieceStream : public std::istream {
 public:
  explicit PieceStream(std::vector<std::string> pieces) : std::istream(nullptr), buf_(pieces) {
    rdbuf(&buf_);
  }
  const PieceBuf& buf() const { return buf_; }

 private:
  PieceBuf buf_;
};

}  // namespace

TEST_CASE("a record is returned before the writer sends the next one, gzipped or not") {
  const std::string first = "{\"id\":\"1\",\"text\":\"first\"}\n";
  const std::string second = "{\"id\":\"2\",\"text\":\"second\"}\n";
  for (const bool gz : {false, true}) {
    INFO("gzip: " << gz);
    auto stream = std::make_unique<PieceStream>(
        gz ? std::vector<std::string>{gzip_member(first), gzip_member(second)}
           : std::vector<std::string>{first, second});
    const PieceStream& source = *stream;
    auto reader = open_jsonl(std::move(stream), {}, kLimit);
    Record record;
    REQUIRE(reader->next(record));
    CHECK(record.id == "1");
    CHECK(source.buf().served() == 1);
    REQUIRE(reader->next(record));
    CHECK(record.id == "2");
    CHECK_FALSE(reader->next(record));
  }
}
