// Writes the generated part of the fuzzers' seed corpora (fuzz/seeds.sh
// adds the corpus/ documents and rules/): small WARC files, JSON Lines
// streams and HTTP responses of each shape the readers handle, built with
// the tests' WARC writer so that they are what crawlers write.
//   fuzz_seed_writer OUT_DIR   -> OUT_DIR/warc/*, OUT_DIR/jsonl/*, OUT_DIR/http/*
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "../tests/source/warc_writer.h"

namespace fs = std::filesystem;
using namespace webclean::testing;

namespace {

void write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

const std::string kPage =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Council vote</title>"
    "</head><body><nav><a href=\"/\">Home</a></nav><article><h1>Council vote</h1><p>The council "
    "met on Tuesday evening and agreed, after a long debate, that the old bridge should be "
    "looked at again before the end of the year.</p></article><footer>Share this</footer>"
    "</body></html>";
const std::string kLatin1Page = "<html><body><p>Caf\xE9 cr\xE8me, d\xE9j\xE0 vu.</p></body></html>";
const std::string kText = "Council vote\n\nThe council met on Tuesday evening and agreed.\n";

std::string ok_response(const HeaderList& headers, const std::string& body) {
  return http_response("HTTP/1.1 200 OK", headers, body);
}

// One HTTP message per coding the body decoder undoes, and sloppy heads.
std::vector<std::pair<std::string, std::string>> http_messages() {
  const HeaderList html = {{"Content-Type", "text/html; charset=utf-8"}};
  auto with = [&](std::string name, std::string value) {
    HeaderList headers = html;
    headers.emplace_back(std::move(name), std::move(value));
    return headers;
  };
  return {
      {"plain", ok_response(html, kPage)},
      {"chunked", ok_response(with("Transfer-Encoding", "chunked"), chunked(kPage, 64))},
      {"chunked_cut", ok_response(with("Transfer-Encoding", "chunked"), chunked(kPage, 50, false))},
      {"gzip", ok_response(with("Content-Encoding", "gzip"), gzip_member(kPage))},
      {"deflate", ok_response(with("Content-Encoding", "deflate"), zlib_stream(kPage))},
      {"raw_deflate", ok_response(with("Content-Encoding", "deflate"), raw_deflate(kPage))},
      {"br", ok_response(with("Content-Encoding", "br"), brotli(kPage))},
      {"gzip_chunked", ok_response({{"Content-Type", "text/html"},
                                    {"Content-Encoding", "gzip"},
                                    {"Transfer-Encoding", "chunked"}},
                                   chunked(gzip_member(kPage), 40))},
      {"two_codings",
       ok_response(with("Content-Encoding", "gzip, br"), brotli(gzip_member(kPage)))},
      {"latin1", ok_response({{"Content-Type", "text/html; charset=ISO-8859-1"}}, kLatin1Page)},
      {"folded",
       "HTTP/1.0 200 OK\nContent-Type: text/html;\n charset=utf-8\nX-Long: a\n\tb\n\n" + kPage},
      {"not_found",
       http_response("HTTP/1.1 404 Not Found", html, "<html><body>Not found</body></html>")},
      {"no_reason", "HTTP/1.1 200\r\nContent-Length: 5\r\n\r\nhello"},
  };
}

void write_http(const fs::path& dir) {
  for (const auto& [name, message] : http_messages()) write(dir / name, message);
}

std::vector<WarcRecord> crawl() {
  std::vector<WarcRecord> records = {
      warcinfo_record(1, "webclean-seeds"),
      get_request_record(2, "example.org", "/story"),
      resource_record(3, "https://example.org/page.html", "text/html", kPage),
      conversion_record(4, "https://example.org/story", 5, kText),
  };
  int n = 10;
  for (const auto& [name, message] : http_messages()) {
    records.push_back(response_record(n++, "https://example.org/" + name, message));
  }
  return records;
}

void write_warc(const fs::path& dir) {
  const std::vector<WarcRecord> records = crawl();
  write(dir / "crawl.warc", warc_file(records, false));
  write(dir / "crawl.warc.gz", warc_file(records, true));
  write(dir / "one_member.warc.gz", gzip_member(warc_file(records, false)));
  for (size_t i = 0; i < records.size(); ++i) {
    write(dir / ("record" + std::to_string(i) + ".warc"), records[i].bytes());
  }
  WarcRecord lying = records[2];
  lying.length = 20;  // too short: the reader resynchronises at the next record
  write(dir / "short_length.warc", lying.bytes() + records[3].bytes());
  WarcRecord bare_lf = records[3];
  bare_lf.newline = "\n";
  write(dir / "bare_lf.warc", bare_lf.bytes());
}

void write_jsonl(const fs::path& dir) {
  write(
      dir / "records.jsonl",
      "{\"id\": \"a1\", \"url\": \"https://example.org/a\", \"html\": \"<p>The council met on "
      "Tuesday.<\\/p>\", \"lang\": \"en\", \"score\": 1.0}\n"
      "{\"id\": 7, \"text\": \"Caf\\u00e9 cr\\u00e8me \\ud83d\\ude00\\nsecond line\", "
      "\"tags\": [\"a\", {\"b\": null}]}\r\n"
      "\n"
      "{\"url\": \"https://example.org/b\", \"text\": \"no id\", \"html\": \"<p>html wins</p>\"}\n"
      "not json\n"
      "[1, 2]\n"
      "{\"id\": \"x\"}\n");
  write(dir / "escapes.jsonl",
        "{\"id\": \"e\\\"1\\\\\", \"text\": \"tab\\tnul\\u0000 \\/ \\b\\f\\r\"}\n");
  write(dir / "records.jsonl.gz",
        gzip_member("{\"id\": \"g\", \"text\": \"" + std::string(64, 'z') +
                    "\"}\n{\"id\": \"h\", \"html\": \"<b>x</b>\"}\n"));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: fuzz_seed_writer OUT_DIR\n";
    return 2;
  }
  const fs::path out = argv[1];
  write_http(out / "http");
  write_warc(out / "warc");
  write_jsonl(out / "jsonl");
  return 0;
}
