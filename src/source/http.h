// HTTP/1.x responses as WARC response records store them: the status
// line, the headers, and the body as it went over the wire (chunked,
// compressed). Parsing is lenient where real servers are sloppy and
// bounded everywhere: no decoded body grows past the caller's limit.
#ifndef WEBCLEAN_SOURCE_HTTP_H_
#define WEBCLEAN_SOURCE_HTTP_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace webclean::source {

struct HttpHead {
  std::string version;  // e.g. "HTTP/1.1"
  int status = 0;
  std::string reason;  // "" when the status line has none
  // Names as written; a folded header's lines are joined by one space.
  std::vector<std::pair<std::string, std::string>> headers;

  // The value of the first header named `name` (ASCII case-insensitive),
  // "" when there is none.
  std::string_view header(std::string_view name) const;
  // All values of the headers named `name`, joined by ", " (how HTTP
  // combines repeated list headers such as Content-Encoding).
  std::string header_list(std::string_view name) const;
};

// Parses the status line and the headers at the start of `message` (lines
// end in CRLF or a bare LF). Returns the offset where the body starts (the
// end of `message` when it ends inside the headers), or
// std::string_view::npos with `error` set when `message` does not start
// with an HTTP/ status line.
size_t parse_http_head(std::string_view message, HttpHead& head, std::string& error);

// Undoes Transfer-Encoding: chunked. Chunk sizes may carry extensions
// (";name=value"); trailers are ignored. A body cut short (no last chunk,
// or a last chunk shorter than its size) ends where the data ends. False
// with `error` set on a malformed size line or output past `max_bytes`.
bool dechunk(std::string_view body, size_t max_bytes, std::string& out, std::string& error);

// Undoes one content coding: gzip, x-gzip, deflate (zlib-wrapped or raw),
// br, identity (names are case-insensitive). False with `error` set on an
// unknown coding, damaged data, or output past `max_bytes`.
bool decode_content(std::string_view coding, std::string_view body, size_t max_bytes,
                    std::string& out, std::string& error);

// Decodes a response body as `head` describes it: the transfer codings,
// then the content codings, each list undone from its last coding back.
bool decode_http_body(const HttpHead& head, std::string_view body, size_t max_bytes,
                      std::string& out, std::string& error);

// The version of the brotli decoder in use, e.g. "1.0.9".
std::string brotli_version();

}  // namespace webclean::source

#endif  // WEBCLEAN_SOURCE_HTTP_H_
