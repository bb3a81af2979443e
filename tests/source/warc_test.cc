// WARC and WET files written here byte by byte (plain and one gzip member
// per record) and read back: which records are documents, how bodies are
// decoded, and how damaged files are survived.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "source/records.h"
#include "temp_dir.h"
#include "warc_writer.h"

using webclean::source::open_input;
using webclean::source::open_warc;
using webclean::source::Record;
using namespace webclean::testing;

namespace {

constexpr size_t kLimit = size_t{1} << 20;

struct ReadBack {
  std::vector<Record> records;
  size_t bytes_read = 0;
};

// Writes `bytes` to a file and reads every record of it.
ReadBack read_file_records(const std::string& bytes, const std::string& name,
                           size_t max_bytes = kLimit) {
  TempDir dir;
  write_file(dir / name, bytes);
  std::string error;
  auto in = open_input(dir / name, error);
  REQUIRE(error.empty());
  auto reader = open_warc(std::move(in), max_bytes);
  ReadBack back;
  Record record;
  while (reader->next(record)) {
    back.records.push_back(record);
    REQUIRE(back.records.size() < 100000);  // never loop forever
  }
  CHECK_FALSE(reader->next(record));  // stays at the end
  back.bytes_read = reader->bytes_read();
  return back;
}

std::vector<Record> read_records(const std::string& bytes, size_t max_bytes = kLimit) {
  return read_file_records(bytes, "in.warc", max_bytes).records;
}

std::string page(const std::string& title, size_t paragraphs = 5) {
  std::string html = "<!DOCTYPE html><html><head><title>" + title + "</title></head><body>";
  for (size_t i = 0; i < paragraphs; ++i) {
    html += "<p>" + title + ": paragraph " + std::to_string(i) + " of the story.</p>\n";
  }
  return html + "</body></html>";
}

WarcRecord html_response(int n, const std::string& title, size_t paragraphs = 5) {
  return response_record(
      n, "https://example.org/" + title,
      http_response("HTTP/1.1 200 OK", {{"Content-Type", "text/html; charset=utf-8"}},
                    page(title, paragraphs)));
}

std::string header_value(const Record& record, const std::string& name) {
  for (const auto& [key, value] : record.headers) {
    if (key == name) return value;
  }
  return "<none>";
}

// A small crawl: what a real WARC holds around the pages.
std::vector<WarcRecord> mixed_crawl() {
  const std::string latin1_page =
      "<html><body><p>Caf\xE9 cr\xE8me, d\xE9j\xE0 vu.</p></body></html>";
  WarcRecord story = response_record(
      3, "<https://example.org/story>",
      http_response("HTTP/1.1 200 OK",
                    {{"Server", "test"}, {"Content-Type", "text/html; charset=ISO-8859-1"}},
                    latin1_page));
  story.date = "2024-05-01T12:00:03Z";

  WarcRecord pdf = response_record(
      4, "https://example.org/paper.pdf",
      http_response("HTTP/1.1 200 OK", {{"Content-Type", "application/pdf"}}, "%PDF-1.4 ..."));
  WarcRecord missing =
      response_record(5, "https://example.org/gone",
                      http_response("HTTP/1.1 404 Not Found", {{"Content-Type", "text/html"}},
                                    "<html><body>Not found</body></html>"));

  const WarcRecord wet = conversion_record(6, "https://example.org/story", 3,
                                           "Café crème, déjà vu.\nSecond line of the text.");
  return {warcinfo_record(1, "test-writer/1.0"),
          get_request_record(2, "example.org", "/story"),
          story,
          pdf,
          missing,
          wet};
}

void check_mixed_crawl(const std::vector<Record>& records) {
  REQUIRE(records.size() == 6);
  CHECK(records[0].skipped);
  CHECK(records[0].skip_reason == "warcinfo record");
  CHECK(records[1].skipped);
  CHECK(records[1].skip_reason == "request record");
  CHECK(records[1].url == "https://example.org/story");

  const Record& story = records[2];
  CHECK_FALSE(story.skipped);
  CHECK(story.error.empty());
  CHECK(story.kind == "html");
  CHECK(story.id == "urn:uuid:10000003-0000-4000-8000-000000000000");
  CHECK(story.url == "https://example.org/story");
  CHECK(story.date == "2024-05-01T12:00:03Z");
  CHECK(story.content_type == "text/html; charset=ISO-8859-1");
  CHECK(story.http_status == 200);
  CHECK(story.bytes == "<html><body><p>Caf\xE9 cr\xE8me, d\xE9j\xE0 vu.</p></body></html>");
  CHECK(header_value(story, "WARC-Type") == "response");
  CHECK(header_value(story, "WARC-Record-ID") == record_id(3));
  CHECK(header_value(story, "WARC-Target-URI") == "<https://example.org/story>");
  CHECK(header_value(story, "WARC-Refers-To") == "<none>");
  CHECK(story.passthrough == "{}");

  CHECK(records[3].skipped);
  CHECK(records[3].skip_reason == "not HTML (application/pdf)");
  CHECK(records[3].bytes.empty());
  CHECK(records[4].skipped);
  CHECK(records[4].skip_reason == "HTTP 404");
  CHECK(records[4].http_status == 404);

  const Record& wet = records[5];
  CHECK_FALSE(wet.skipped);
  CHECK(wet.kind == "text");
  CHECK(wet.bytes == "Café crème, déjà vu.\nSecond line of the text.");
  CHECK(wet.content_type == "text/plain");
  CHECK(header_value(wet, "WARC-Refers-To") == record_id(3));
  CHECK(header_value(wet, "WARC-Type") == "conversion");
}

}  // namespace

TEST_CASE("a plain WARC yields its HTML response and WET text and skips the rest") {
  const std::string bytes = warc_file(mixed_crawl(), false);
  const ReadBack back = read_file_records(bytes, "crawl.warc");
  check_mixed_crawl(back.records);
  CHECK(back.bytes_read == bytes.size());
}

TEST_CASE("a WARC gzipped one member per record reads the same as the plain file") {
  const std::string bytes = warc_file(mixed_crawl(), true);
  const ReadBack back = read_file_records(bytes, "crawl.warc.gz");
  check_mixed_crawl(back.records);
  CHECK(back.bytes_read == bytes.size());  // compressed bytes, for progress
}

TEST_CASE("a WARC gzipped as one member for the whole file is read too") {
  check_mixed_crawl(read_records(gzip_member(warc_file(mixed_crawl(), false))));
}

TEST_CASE("a chunked and gzip-encoded response body is de-chunked and inflated") {
  const std::string html = page("chunked", 200);
  const std::string http = http_response("HTTP/1.1 200 OK",
                                         {{"Content-Type", "text/html"},
                                          {"Transfer-Encoding", "chunked"},
                                          {"Content-Encoding", "gzip"}},
                                         chunked(gzip_member(html), 500));
  for (const bool gz : {false, true}) {
    const auto records = read_records(warc_file({response_record(1, "https://x.test/", http)}, gz));
    REQUIRE(records.size() == 1);
    CHECK(records[0].error.empty());
    CHECK(records[0].kind == "html");
    CHECK(records[0].bytes == html);
  }
}

TEST_CASE("a brotli-encoded response body is decoded") {
  const std::string html = page("brotli", 100);
  const std::string http = http_response(
      "HTTP/1.1 200 OK", {{"Content-Type", "text/html"}, {"Content-Encoding", "br"}}, brotli(html));
  const auto records = read_records(warc_file({response_record(1, "https://x.test/", http)}, true));
  REQUIRE(records.size() == 1);
  CHECK(records[0].bytes == html);
}

TEST_CASE("a body its Content-Encoding cannot decode is an error record") {
  const std::string http = http_response(
      "HTTP/1.1 200 OK", {{"Content-Type", "text/html"}, {"Content-Encoding", "gzip"}},
      "<html>not gzip</html>");
  const auto records = read_records(
      warc_file({response_record(1, "https://x.test/", http), html_response(2, "next")}, false));
  REQUIRE(records.size() == 2);
  CHECK(records[0].error.find("cannot decode the HTTP body") != std::string::npos);
  CHECK(records[0].bytes.empty());
  CHECK(records[1].error.empty());
}

TEST_CASE("a response without a Content-Type is kept only when its body looks like HTML") {
  const auto records = read_records(warc_file(
      {response_record(1, "https://x.test/a", http_response("HTTP/1.1 200 OK", {}, page("a"))),
       response_record(
           2, "https://x.test/b",
           http_response("HTTP/1.1 200 OK", {{"Content-Type", "application/octet-stream"}},
                         std::string("\x89PNG\r\n\x1a\n\0\0\0", 11))),
       response_record(3, "https://x.test/c", http_response("HTTP/1.1 200 OK", {}, "plain words"))},
      false));
  REQUIRE(records.size() == 3);
  CHECK(records[0].kind == "html");
  CHECK(records[1].skip_reason == "not HTML (application/octet-stream)");
  CHECK(records[2].skip_reason == "not HTML (no Content-Type)");
}

TEST_CASE("XHTML responses are documents and a DNS response record is skipped") {
  WarcRecord dns;
  dns.type = "response";
  dns.uri = "dns:example.org";
  dns.content_type = "text/dns";
  dns.block = "20240501120000\nexample.org. 300 IN A 93.184.216.34\n";
  const auto records = read_records(warc_file(
      {dns, response_record(2, "https://x.test/x",
                            http_response("HTTP/1.1 200 OK",
                                          {{"content-type", "Application/XHTML+XML"}}, page("x")))},
      false));
  REQUIRE(records.size() == 2);
  CHECK(records[0].skip_reason == "not an HTTP response (text/dns)");
  CHECK(records[1].kind == "html");
}

TEST_CASE("resource records take their Content-Type from the WARC header") {
  const WarcRecord html = resource_record(1, "file:///site/index.html",
                                          "text/html; charset=windows-1252", page("resource"));
  WarcRecord image = html;
  image.content_type = "image/png";
  image.block = "\x89PNG";
  WarcRecord text = html;
  text.content_type = "text/plain";
  text.block = "Just text.";
  WarcRecord log = text;  // as wget writes its log into the WARC
  log.uri = "metadata://gnu.org/software/wget/warc/wget.log";
  const auto records = read_records(warc_file({html, image, text, log}, false));
  REQUIRE(records.size() == 4);
  CHECK(records[3].skipped);
  CHECK(records[3].skip_reason ==
        "crawler metadata (metadata://gnu.org/software/wget/warc/wget.log)");
  CHECK(records[0].kind == "html");
  CHECK(records[0].bytes == page("resource"));
  CHECK(records[0].content_type == "text/html; charset=windows-1252");
  CHECK(records[0].http_status == 0);
  CHECK(records[1].skip_reason == "not HTML (image/png)");
  CHECK(records[2].kind == "text");
  CHECK(records[2].bytes == "Just text.");
}

TEST_CASE("WARC/0.18 and WARC/1.1 records with bare LF line ends are read") {
  WarcRecord old = html_response(1, "old");
  old.version = "WARC/0.18";
  old.newline = "\n";
  WarcRecord newer = html_response(2, "newer");
  newer.version = "WARC/1.1";
  const auto records = read_records(warc_file({old, newer}, false));
  REQUIRE(records.size() == 2);
  CHECK(records[0].bytes == page("old"));
  CHECK(records[1].bytes == page("newer"));
}

TEST_CASE("a last record cut short is an error record and ends the stream") {
  const std::string whole = warc_file({html_response(1, "one"), html_response(2, "two")}, false);
  const WarcRecord two = html_response(2, "two");
  const std::string cut = whole.substr(0, whole.size() - 4 - 30);  // 30 bytes of block missing
  const auto records = read_records(cut);
  REQUIRE(records.size() == 2);
  CHECK(records[0].error.empty());
  const size_t length = two.block.size();
  CHECK(records[1].error == "truncated record (Content-Length " + std::to_string(length) + ", " +
                                std::to_string(length - 30) + " bytes left)");
  CHECK(records[1].id == "urn:uuid:10000002-0000-4000-8000-000000000000");
  CHECK(records[1].bytes.empty());
}

TEST_CASE("a file cut inside a record's headers ends with an error record") {
  const std::string first = warc_file({html_response(1, "one")}, false);
  const auto records = read_records(first + "WARC/1.0\r\nWARC-Type: response\r\nContent-Le");
  REQUIRE(records.size() == 2);
  CHECK(records[1].error.find("truncated record") != std::string::npos);
}

TEST_CASE("a Content-Length shorter than the block is reported and the next record still read") {
  for (const bool gz : {false, true}) {
    INFO("gzip: " << gz);
    WarcRecord lying = html_response(1, "lying");
    lying.length = static_cast<long long>(lying.block.size()) - 25;
    const auto records = read_records(
        warc_file({lying, html_response(2, "good"), html_response(3, "also-good")}, gz));
    REQUIRE(records.size() == 3);
    CHECK(records[0].id == "urn:uuid:10000001-0000-4000-8000-000000000000");
    CHECK(records[0].error.find("does not end the block") != std::string::npos);
    CHECK(records[0].bytes.empty());
    CHECK(records[1].error.empty());
    CHECK(records[1].bytes == page("good"));
    CHECK(records[2].bytes == page("also-good"));
  }
}

// The ways a crawl file is packed: plain, one gzip member per record, and
// one gzip member for the whole file.
enum class Packing { kPlain, kGzipPerRecord, kGzipWhole };

std::string pack(const std::vector<WarcRecord>& records, Packing packing) {
  const std::string plain = warc_file(records, false);
  if (packing == Packing::kPlain) return plain;
  return packing == Packing::kGzipWhole ? gzip_member(plain) : warc_file(records, true);
}

// Ten pages, one of them with its Content-Length off by `error` bytes.
std::vector<WarcRecord> ten_pages_one_lying(size_t lying, long long error) {
  std::vector<WarcRecord> records;
  for (int i = 0; i < 10; ++i) records.push_back(html_response(i + 1, "page-" + std::to_string(i)));
  records[lying].length = static_cast<long long>(records[lying].block.size()) + error;
  return records;
}

// Every record is accounted for: the lying one is one error (or, when its
// length only takes in the CR LFs that end it, read), every other one is
// read whole, in order.
void check_only_the_liar_lost(const std::vector<Record>& records, size_t lying, long long error) {
  REQUIRE(records.size() == 10);
  for (size_t i = 0; i < records.size(); ++i) {
    INFO("record " << i);
    const std::string title = "page-" + std::to_string(i);
    if (i != lying) {
      CHECK(records[i].error.empty());
      CHECK(records[i].bytes == page(title));
    } else if (error > 0 && error <= 4) {
      CHECK(records[i].bytes.substr(0, page(title).size()) == page(title));
    } else {
      CHECK("<" + records[i].id + ">" == record_id(static_cast<int>(i) + 1));
      CHECK(records[i].error.find("Content-Length") != std::string::npos);
      CHECK(records[i].bytes.empty());
    }
  }
}

TEST_CASE("a Content-Length too long by any amount loses only its own record") {
  for (const Packing packing : {Packing::kPlain, Packing::kGzipPerRecord, Packing::kGzipWhole}) {
    for (const size_t lying : {size_t{2}, size_t{4}, size_t{8}}) {
      for (const long long error : {1LL, 4LL, 5LL, 10LL, 13LL, 40LL, 300LL, 3000LL}) {
        INFO("packing " << static_cast<int>(packing) << ", record " << lying << ", +" << error);
        const auto records = read_records(pack(ten_pages_one_lying(lying, error), packing));
        check_only_the_liar_lost(records, lying, error);
      }
    }
  }
}

TEST_CASE("a Content-Length too short by any amount loses only its own record") {
  for (const Packing packing : {Packing::kPlain, Packing::kGzipPerRecord, Packing::kGzipWhole}) {
    for (const size_t lying : {size_t{0}, size_t{2}, size_t{4}, size_t{9}}) {
      const long long size = static_cast<long long>(html_response(1, "page-0").block.size());
      for (const long long error : {-1LL, -10LL, -25LL, -size / 2, -size + 1, -size}) {
        INFO("packing " << static_cast<int>(packing) << ", record " << lying << ", " << error);
        const auto records = read_records(pack(ten_pages_one_lying(lying, error), packing));
        check_only_the_liar_lost(records, lying, error);
      }
    }
  }
}

TEST_CASE("the issue's cases: +10 on record 3 and +3000 on record 5 lose only those two") {
  std::vector<WarcRecord> records = ten_pages_one_lying(2, 10);
  records[4].length = static_cast<long long>(records[4].block.size()) + 3000;
  for (const Packing packing : {Packing::kPlain, Packing::kGzipPerRecord, Packing::kGzipWhole}) {
    const auto read = read_records(pack(records, packing));
    REQUIRE(read.size() == 10);
    size_t documents = 0;
    for (const Record& record : read) documents += record.error.empty() ? 1 : 0;
    CHECK(documents == 8);
    CHECK_FALSE(read[2].error.empty());
    CHECK_FALSE(read[4].error.empty());
    CHECK(read[3].bytes == page("page-3"));
    CHECK(read[9].bytes == page("page-9"));
  }
}

TEST_CASE("a WET file with lengths wrong both ways loses only the two lying records") {
  std::vector<WarcRecord> wet = {warcinfo_record(1, "wet-writer")};
  for (int i = 0; i < 8; ++i) {
    wet.push_back(conversion_record(i + 2, "https://example.org/" + std::to_string(i), 100 + i,
                                    "Text of page " + std::to_string(i) + ".\nSecond line."));
  }
  wet[3].length = static_cast<long long>(wet[3].block.size()) + 200;
  wet[6].length = static_cast<long long>(wet[6].block.size()) - 9;
  for (const Packing packing : {Packing::kPlain, Packing::kGzipPerRecord, Packing::kGzipWhole}) {
    const auto records = read_records(pack(wet, packing));
    REQUIRE(records.size() == 9);
    for (size_t i = 1; i < records.size(); ++i) {
      INFO("record " << i);
      if (i == 3 || i == 6) {
        CHECK(records[i].error.find("Content-Length") != std::string::npos);
      } else {
        CHECK(records[i].bytes == wet[i].block);
      }
    }
  }
}

TEST_CASE("a last record whose Content-Length runs past the end of the file is truncated") {
  for (const Packing packing : {Packing::kPlain, Packing::kGzipPerRecord, Packing::kGzipWhole}) {
    const auto records = read_records(pack(ten_pages_one_lying(9, 3000), packing));
    REQUIRE(records.size() == 10);
    CHECK(records[8].bytes == page("page-8"));
    CHECK(records[9].error.find("truncated record") != std::string::npos);
  }
}

TEST_CASE("skipped records with a wrong Content-Length lose nothing after them") {
  for (const long long error : {-30LL, -5LL, 7LL, 60LL, 2000LL}) {
    INFO("error " << error);
    WarcRecord request = get_request_record(2, "example.org", "/a");
    request.length = static_cast<long long>(request.block.size()) + error;
    WarcRecord pdf =
        response_record(4, "https://example.org/big.pdf",
                        http_response("HTTP/1.1 200 OK", {{"Content-Type", "application/pdf"}},
                                      std::string(100 << 10, 'P')));
    pdf.length = static_cast<long long>(pdf.block.size()) + error;
    const std::vector<WarcRecord> crawl = {warcinfo_record(1, "test"), request,
                                           html_response(3, "after-request"), pdf,
                                           html_response(5, "after-pdf")};
    for (const Packing packing : {Packing::kPlain, Packing::kGzipPerRecord}) {
      // 64 KiB: the PDF is over the limit, so its block is skipped unread.
      const auto records = read_records(pack(crawl, packing), 64 << 10);
      REQUIRE(records.size() == 5);
      CHECK(records[1].error.find("Content-Length") != std::string::npos);
      CHECK(records[2].bytes == page("after-request"));
      CHECK(records[3].error.find("Content-Length") != std::string::npos);
      CHECK(records[4].bytes == page("after-pdf"));
    }
  }
}

TEST_CASE("a block holding a line that reads like a record header is read whole") {
  const std::string warc_in_text = "Saved from a crawl:\r\n\r\nWARC/1.0\r\nWARC-Type: response\r\n";
  WarcRecord text = conversion_record(1, "https://example.org/", 0, warc_in_text);
  WarcRecord request = get_request_record(2, "example.org", "/\r\nWARC/1.0");
  const auto records =
      read_records(warc_file({text, request, html_response(3, "next")}, false), 64 << 10);
  REQUIRE(records.size() == 3);
  CHECK(records[0].bytes == warc_in_text);
  CHECK(records[1].skipped);
  CHECK(records[2].bytes == page("next"));
}

TEST_CASE("each record gives its offset in the WARC data") {
  const std::vector<WarcRecord> crawl = ten_pages_one_lying(3, 10);
  const std::string plain = warc_file(crawl, false);
  for (const Packing packing : {Packing::kPlain, Packing::kGzipPerRecord}) {
    const auto records = read_records(pack(crawl, packing));
    REQUIRE(records.size() == 10);
    size_t offset = 0;
    for (size_t i = 0; i < crawl.size(); ++i) {
      CHECK(records[i].offset == offset);
      CHECK(plain.substr(offset, 9) == "WARC/1.0\r");
      offset += crawl[i].bytes().size();
    }
  }
}

TEST_CASE("a Content-Length over a megabyte too long on a skipped record says what it lost") {
  WarcRecord request = get_request_record(1, "example.org", "/");
  request.length = static_cast<long long>(request.block.size()) + (3 << 20);
  std::vector<WarcRecord> crawl = {request};
  for (int i = 0; i < 60; ++i) {
    crawl.push_back(
        response_record(i + 2, "https://example.org/" + std::to_string(i) + ".pdf",
                        http_response("HTTP/1.1 200 OK", {{"Content-Type", "application/pdf"}},
                                      std::string(100 << 10, 'P'))));
  }
  crawl.push_back(html_response(99, "last"));
  const auto records = read_records(warc_file(crawl, false), 64 << 10);
  REQUIRE(records.size() >= 20);
  CHECK(records[0].error.find("records in it are lost") != std::string::npos);
  CHECK(records.back().bytes == page("last"));
  for (size_t i = 1; i < records.size(); ++i) CHECK(records[i].error.empty());
}

TEST_CASE("a record over max_bytes is an error and the next record is read") {
  const size_t max_bytes = 64 << 10;
  const WarcRecord big = html_response(1, "big");
  WarcRecord huge = response_record(
      2, "https://x.test/huge",
      http_response("HTTP/1.1 200 OK", {{"Content-Type", "text/html"}}, page("huge", 4000)));
  WarcRecord pdf =
      response_record(3, "https://x.test/huge.pdf",
                      http_response("HTTP/1.1 200 OK", {{"Content-Type", "application/pdf"}},
                                    std::string(200 << 10, 'P')));
  REQUIRE(huge.block.size() > max_bytes);
  for (const bool gz : {false, true}) {
    const auto records =
        read_records(warc_file({big, huge, pdf, html_response(4, "after")}, gz), max_bytes);
    REQUIRE(records.size() == 4);
    CHECK(records[0].bytes == page("big"));
    CHECK(records[1].error == "record too large (" + std::to_string(huge.block.size()) +
                                  " bytes, limit " + std::to_string(max_bytes) + ")");
    CHECK(records[1].bytes.empty());
    CHECK(records[1].url == "https://x.test/huge");
    CHECK(records[2].skipped);  // too large too, but not a document anyway
    CHECK(records[2].skip_reason == "not HTML (application/pdf)");
    CHECK(records[2].error.empty());
    CHECK(records[3].bytes == page("after"));
  }
}

TEST_CASE("a body that decodes past max_bytes is an error") {
  const size_t max_bytes = 64 << 10;
  const std::string bomb(size_t{8} << 20, ' ');
  const std::string http = http_response(
      "HTTP/1.1 200 OK", {{"Content-Type", "text/html"}, {"Content-Encoding", "gzip"}},
      gzip_member("<html>" + bomb));
  const auto records = read_records(
      warc_file({response_record(1, "https://x.test/", http), html_response(2, "ok")}, false),
      max_bytes);
  REQUIRE(records.size() == 2);
  CHECK(records[0].error.find("limit") != std::string::npos);
  CHECK(records[1].bytes == page("ok"));
}

TEST_CASE("a truncated last gzip member is an error record, then the end") {
  const std::string good = gzip_member(html_response(1, "good").bytes());
  const std::string last = gzip_member(html_response(2, "last").bytes());
  const auto records = read_records(good + last.substr(0, last.size() / 2));
  REQUIRE(records.size() == 2);
  CHECK(records[0].bytes == page("good"));
  CHECK(records[1].error.find("gzip") != std::string::npos);
}

TEST_CASE("a truncated gzip member in the middle is reported and the next member read") {
  const std::string first = gzip_member(html_response(1, "first").bytes());
  const std::string cut = gzip_member(html_response(2, "cut", 60).bytes());
  const std::string third = gzip_member(html_response(3, "third").bytes());
  const auto records = read_records(first + cut.substr(0, cut.size() / 2) + third);
  REQUIRE(records.size() >= 3);
  CHECK(records.front().bytes == page("first"));
  CHECK_FALSE(records[1].error.empty());
  CHECK(records.back().bytes == page("third"));
  CHECK(records.back().error.empty());
}

TEST_CASE("data that is not WARC at all is one error record") {
  const auto records = read_records("<html><body>Not a crawl</body></html>\nmore\n");
  REQUIRE(records.size() == 1);
  CHECK(records[0].error.find("not a WARC record") != std::string::npos);
  CHECK(read_records("").empty());
  CHECK(read_records("\r\n\r\n").empty());
}

TEST_CASE("a record without a Content-Length is an error and the next one is read") {
  const std::string broken =
      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:x>\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"
      "<p>lost</p>\r\n\r\n";
  const auto records = read_records(broken + warc_file({html_response(2, "next")}, false));
  REQUIRE(records.size() == 2);
  CHECK(records[0].error == "no valid Content-Length");
  CHECK(records[0].id == "urn:x");
  CHECK(records[1].bytes == page("next"));
}

// The reader never pulls the input more than a couple of buffers ahead of
// the record it returns: the file streams, it is not slurped.
TEST_CASE("10,000 small records stream through, read only a buffer ahead") {
  constexpr size_t kLookahead = 256 << 10;
  for (const bool gz : {false, true}) {
    INFO("gzip: " << gz);
    std::string bytes;
    std::vector<size_t> record_ends;
    for (int i = 0; i < 10000; ++i) {
      const std::string record =
          response_record(i, "https://x.test/" + std::to_string(i),
                          http_response("HTTP/1.1 200 OK", {{"Content-Type", "text/html"}},
                                        "<p>record " + std::to_string(i) + "</p>"))
              .bytes();
      bytes += gz ? gzip_member(record) : record;
      record_ends.push_back(bytes.size());
    }
    const auto start = std::chrono::steady_clock::now();
    auto reader = open_warc(std::make_unique<std::istringstream>(bytes), 4096);
    Record record;
    size_t count = 0;
    size_t furthest_ahead = 0;
    while (reader->next(record)) {
      if (record.bytes != "<p>record " + std::to_string(count) + "</p>") break;
      const size_t read = reader->bytes_read();
      if (read > record_ends[count])
        furthest_ahead = std::max(furthest_ahead, read - record_ends[count]);
      ++count;
    }
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(count == 10000);
    CHECK(furthest_ahead <= kLookahead);
    CHECK(reader->bytes_read() == bytes.size());
    CHECK(seconds < 10.0);
  }
}

TEST_CASE("a missing file is reported by open_input") {
  std::string error;
  CHECK(open_input("/nonexistent/dir/file.warc", error) == nullptr);
  CHECK(error == "No such file or directory");
  TempDir dir;
  CHECK(open_input(dir.path().string(), error) == nullptr);
  CHECK(error == "Is a directory");
}

TEST_CASE("a WARC cut at any byte ends cleanly, plain or gzipped") {
  const std::vector<WarcRecord> records = mixed_crawl();
  for (const bool gz : {false, true}) {
    const std::string whole = warc_file(records, gz);
    for (size_t cut = 0; cut < whole.size(); ++cut) {
      auto reader = open_warc(std::make_unique<std::istringstream>(whole.substr(0, cut)), kLimit);
      Record record;
      size_t count = 0;
      while (reader->next(record) && count < 100) {
        // Every record says what it is: a document, skipped, or an error.
        REQUIRE((!record.kind.empty() || record.skipped || !record.error.empty()));
        ++count;
      }
      REQUIRE(count <= records.size() + 1);
    }
  }
}

TEST_CASE("a WARC with random bytes damaged never crashes or hangs the reader") {
  const std::string plain = warc_file(mixed_crawl(), false);
  const std::string packed = warc_file(mixed_crawl(), true);
  std::mt19937 random(20240501);
  for (int round = 0; round < 600; ++round) {
    std::string bytes = round % 2 == 0 ? plain : packed;
    const int damage = 1 + static_cast<int>(random() % 8);
    for (int i = 0; i < damage; ++i) {
      bytes[random() % bytes.size()] = static_cast<char>(random() % 256);
    }
    auto reader = open_warc(std::make_unique<std::istringstream>(bytes), 4096);
    Record record;
    size_t count = 0;
    while (reader->next(record)) {
      REQUIRE(++count < 200);
      REQUIRE(record.bytes.size() <= 4096);
    }
  }
}

TEST_CASE("a WARC response carries its HTTP Content-Language header") {
  WarcRecord german = response_record(
      7, "https://example.de/story",
      http_response("HTTP/1.1 200 OK",
                    {{"Content-Type", "text/html; charset=utf-8"}, {"Content-Language", "de-DE"}},
                    page("Bericht")));
  const std::vector<Record> records =
      read_records(warc_file({german, html_response(8, "Plain")}, false));
  REQUIRE(records.size() == 2);
  CHECK(records[0].content_language == "de-DE");
  CHECK(records[1].content_language.empty());
}
