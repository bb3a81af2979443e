// HTTP responses as WARC files store them: status lines, headers, chunked
// bodies and content codings; and the streaming gzip reader under them.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "source/gzip_stream.h"
#include "source/http.h"
#include "warc_writer.h"

using webclean::source::dechunk;
using webclean::source::decode_content;
using webclean::source::decode_http_body;
using webclean::source::GzipIStream;
using webclean::source::HttpHead;
using webclean::source::parse_http_head;
using namespace webclean::testing;

namespace {

constexpr size_t kLimit = size_t{1} << 20;

std::string page(size_t paragraphs) {
  std::string html = "<html><body>";
  for (size_t i = 0; i < paragraphs; ++i) {
    html += "<p>Paragraph " + std::to_string(i) + " of a page that compresses well.</p>\n";
  }
  return html + "</body></html>";
}

HttpHead head_of(const std::string& message, size_t& body_at) {
  HttpHead head;
  std::string error;
  body_at = parse_http_head(message, head, error);
  INFO(error);
  REQUIRE(body_at != std::string::npos);
  return head;
}

}  // namespace

TEST_CASE("a status line with a reason phrase gives version, status and reason") {
  size_t body_at = 0;
  const std::string message = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x";
  const HttpHead head = head_of(message, body_at);
  CHECK(head.version == "HTTP/1.1");
  CHECK(head.status == 200);
  CHECK(head.reason == "OK");
  CHECK(message.substr(body_at) == "<p>x");
}

TEST_CASE("HTTP/1.0 status lines and status lines without a reason phrase are read") {
  size_t body_at = 0;
  CHECK(head_of("HTTP/1.0 404 Not Found\r\n\r\n", body_at).status == 404);
  const HttpHead bare = head_of("HTTP/1.1 301\r\nLocation: /x\r\n\r\n", body_at);
  CHECK(bare.status == 301);
  CHECK(bare.reason.empty());
  CHECK(bare.header("location") == "/x");
  CHECK(head_of("HTTP/1.1 204 \r\n\r\n", body_at).status == 204);
}

TEST_CASE("lines ending in a bare LF are read like CRLF lines") {
  size_t body_at = 0;
  const std::string message = "HTTP/1.1 200 OK\nContent-Type: text/plain\n\nbody\r\n";
  const HttpHead head = head_of(message, body_at);
  CHECK(head.header("Content-Type") == "text/plain");
  CHECK(message.substr(body_at) == "body\r\n");
}

TEST_CASE("a message that is not an HTTP response is an error") {
  HttpHead head;
  std::string error;
  CHECK(parse_http_head("ICY 200 OK\r\n\r\n", head, error) == std::string::npos);
  CHECK(error.find("not an HTTP response") != std::string::npos);
  error.clear();
  CHECK(parse_http_head("HTTP/1.1 2000 Odd\r\n\r\n", head, error) == std::string::npos);
  CHECK(error.find("bad HTTP status line") != std::string::npos);
  CHECK(parse_http_head("", head, error) == std::string::npos);
}

TEST_CASE("header names match in any letter case and folded lines join the value") {
  size_t body_at = 0;
  const std::string message =
      "HTTP/1.1 200 OK\r\nX-Long: first part\r\n  second part\r\n\tthird\r\n"
      "content-TYPE: text/html;\r\n charset=utf-8\r\nno colon here\r\n\r\n";
  const HttpHead head = head_of(message, body_at);
  CHECK(head.header("x-long") == "first part second part third");
  CHECK(head.header("Content-Type") == "text/html; charset=utf-8");
  CHECK(head.header("Missing").empty());
  CHECK(head.headers.size() == 2);
}

TEST_CASE("chunk sizes with extensions are de-chunked and trailers ignored") {
  std::string out, error;
  REQUIRE(
      dechunk("4;name=value\r\nWiki\r\n5 ; x\r\npedia\r\nD\r\n in\r\n\r\nchunks\r\n"
              "0\r\nExpires: never\r\n\r\n",
              kLimit, out, error));
  CHECK(out == "Wikipedia in\r\n\r\nchunks");
}

TEST_CASE("a chunked body without its last chunk ends where the data ends") {
  std::string out, error;
  REQUIRE(dechunk("4\r\nWiki\r\n5\r\npedia\r\n", kLimit, out, error));
  CHECK(out == "Wikipedia");
  REQUIRE(dechunk("4\r\nWiki\r\n10\r\nped", kLimit, out, error));
  CHECK(out == "Wikiped");
  REQUIRE(dechunk(chunked(page(50), 100, false), kLimit, out, error));
  CHECK(out == page(50));
}

TEST_CASE("a body that is not chunked at all is an error when it claims to be") {
  std::string out, error;
  CHECK_FALSE(dechunk("<html><body>plain</body></html>", kLimit, out, error));
  CHECK(error.find("bad chunk size") != std::string::npos);
  error.clear();
  CHECK_FALSE(dechunk("ffffffffffffffffff\r\nx", kLimit, out, error));
  CHECK_FALSE(error.empty());
}

TEST_CASE("deflate bodies are decoded whether zlib-wrapped or raw") {
  const std::string html = page(40);
  std::string out, error;
  REQUIRE(decode_content("deflate", zlib_stream(html), kLimit, out, error));
  CHECK(out == html);
  REQUIRE(decode_content("Deflate", raw_deflate(html), kLimit, out, error));
  CHECK(out == html);
}

TEST_CASE("gzip, x-gzip, br and identity bodies are decoded") {
  const std::string html = page(40);
  std::string out, error;
  REQUIRE(decode_content("gzip", gzip_member(html), kLimit, out, error));
  CHECK(out == html);
  REQUIRE(decode_content("x-gzip", gzip_member(html), kLimit, out, error));
  CHECK(out == html);
  REQUIRE(decode_content(" br ", brotli(html), kLimit, out, error));
  CHECK(out == html);
  REQUIRE(decode_content("identity", html, kLimit, out, error));
  CHECK(out == html);
}

TEST_CASE("an unknown content coding is an error naming it") {
  std::string out, error;
  CHECK_FALSE(decode_content("compress", "data", kLimit, out, error));
  CHECK(error.find("compress") != std::string::npos);
}

TEST_CASE("damaged or truncated compressed bodies are errors") {
  const std::string html = page(40);
  std::string out, error;
  CHECK_FALSE(decode_content("gzip", html, kLimit, out, error));
  CHECK(error.find("gzip") != std::string::npos);
  const std::string gz = gzip_member(html);
  error.clear();
  CHECK_FALSE(decode_content("gzip", gz.substr(0, gz.size() / 2), kLimit, out, error));
  CHECK(error.find("truncated") != std::string::npos);
  const std::string br = brotli(html);
  error.clear();
  CHECK_FALSE(decode_content("br", br.substr(0, br.size() / 2), kLimit, out, error));
  CHECK(error.find("brotli") != std::string::npos);
  error.clear();
  CHECK_FALSE(decode_content("br", "not brotli at all, surely", kLimit, out, error));
  CHECK_FALSE(error.empty());
  const std::string raw = raw_deflate(html);
  error.clear();
  CHECK_FALSE(decode_content("deflate", raw.substr(0, raw.size() / 2), kLimit, out, error));
  CHECK(error.find("truncated") != std::string::npos);
}

TEST_CASE("a body that expands past the limit is an error in every coding") {
  const std::string zeros(size_t{4} << 20, '0');
  for (const std::string coding : {"gzip", "deflate", "br"}) {
    INFO(coding);
    const std::string packed = coding == "gzip"      ? gzip_member(zeros)
                               : coding == "deflate" ? zlib_stream(zeros)
                                                     : brotli(zeros);
    std::string out, error;
    CHECK_FALSE(decode_content(coding, packed, kLimit, out, error));
    CHECK(error.find("limit") != std::string::npos);
  }
}

TEST_CASE("transfer codings come off before content codings") {
  const std::string html = page(60);
  const std::string message = http_response("HTTP/1.1 200 OK",
                                            {{"Content-Encoding", "gzip"},
                                             {"Transfer-Encoding", "chunked"},
                                             {"Content-Type", "text/html"}},
                                            chunked(gzip_member(html), 64));
  size_t body_at = 0;
  const HttpHead head = head_of(message, body_at);
  std::string out, error;
  REQUIRE(decode_http_body(head, std::string_view(message).substr(body_at), kLimit, out, error));
  CHECK(out == html);
}

TEST_CASE("a list of content codings is undone from the last one back") {
  const std::string html = page(20);
  const std::string message = http_response(
      "HTTP/1.1 200 OK", {{"Content-Encoding", "deflate, br"}}, brotli(zlib_stream(html)));
  size_t body_at = 0;
  const HttpHead head = head_of(message, body_at);
  std::string out, error;
  REQUIRE(decode_http_body(head, std::string_view(message).substr(body_at), kLimit, out, error));
  CHECK(out == html);
}

TEST_CASE("the gzip stream reads concatenated members as one stream") {
  std::istringstream packed(gzip_member("first line\nsecond ") + gzip_member("line\n") +
                            gzip_member("") + gzip_member("third line\n"));
  GzipIStream in(*packed.rdbuf());
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  CHECK(lines == std::vector<std::string>{"first line", "second line", "third line"});
  CHECK(in.error().empty());
}

TEST_CASE("the gzip stream stops at trailing bytes that are not another member") {
  std::istringstream packed(gzip_member("all of it\n") + std::string(100, '\0'));
  GzipIStream in(*packed.rdbuf());
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text == "all of it\n");
  CHECK(in.error().empty());
}

TEST_CASE("the gzip stream reports a truncated member after the data before it") {
  const std::string big = page(3000);
  const std::string member = gzip_member(big);
  std::istringstream packed(gzip_member("whole\n") + member.substr(0, member.size() - 100));
  GzipIStream in(*packed.rdbuf());
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.substr(0, 6) == "whole\n");
  CHECK(text.size() < 6 + big.size());
  CHECK(in.error().find("truncated") != std::string::npos);
}
