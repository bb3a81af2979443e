// A stream's record as the command line and the Python module hand it on.
#include "records/records.h"

#include <catch2/catch.hpp>
#include <string>

#include "source/records.h"

using webclean::InputKind;
using webclean::source::Record;
namespace records = webclean::records;

TEST_CASE("a record tells the cleaner its URL, HTTP headers, kind and site", "[records]") {
  Record record;
  record.url = "https://News.Example/2025/story";
  record.content_type = "text/html; charset=iso-8859-1";
  record.content_language = "de";
  record.kind = "text";
  const webclean::DocumentInfo info = records::document_info(record, "crawl/part-1.warc.gz");
  CHECK(info.url == record.url);
  CHECK(info.content_type == record.content_type);
  CHECK(info.content_language == "de");
  CHECK(info.kind == InputKind::kText);
  CHECK(info.site == "news.example");
}

TEST_CASE("a record without a URL or a kind is guessed and counted in its file's folder",
          "[records]") {
  Record record;
  const webclean::DocumentInfo info = records::document_info(record, "crawl/gazette/day1.jsonl");
  CHECK(info.kind == InputKind::kAuto);
  CHECK(info.site == "crawl/gazette");
  record.kind = "html";
  CHECK(records::document_info(record, "x.jsonl").kind == InputKind::kHtml);
}

TEST_CASE("a record's key is its id, else its position in the stream", "[records]") {
  Record record;
  CHECK(records::record_key(record, 7) == "#7");
  record.id = "urn:uuid:1234";
  CHECK(records::record_key(record, 7) == "urn:uuid:1234");
}

TEST_CASE("the first pass reads JSON Lines and WET files, not WARC files of pages", "[records]") {
  CHECK(records::first_pass_reads("crawl/part-1.jsonl.gz", false));
  CHECK(records::first_pass_reads("crawl/part-1.WET.gz", true));
  CHECK(records::first_pass_reads("crawl/part-1.wet", true));
  CHECK_FALSE(records::first_pass_reads("crawl/part-1.warc.gz", true));
  CHECK_FALSE(records::first_pass_reads("crawl/dump.dat", true));  // --input warc
}

TEST_CASE("the fields written beside a record's output are the record's own", "[records]") {
  Record record;
  record.id = "a1";
  record.url = "https://example.org/";
  record.date = "2025-03-01T00:00:00Z";
  record.http_status = 200;
  record.passthrough = R"({"lang":"en"})";
  record.headers = {{"WARC-Type", "response"}};
  const webclean::sink::RecordFields fields = records::output_fields(record);
  CHECK(fields.id == "a1");
  CHECK(fields.url == record.url);
  CHECK(fields.date == record.date);
  CHECK(fields.http_status == 200);
  CHECK(fields.passthrough == record.passthrough);
  REQUIRE(fields.headers == &record.headers);
}
