// Test support for the record readers: builds real WARC records, HTTP
// responses and compressed data (zlib's gzip, zlib and raw deflate,
// brotli) byte by byte, as a crawler would write them.
#ifndef WEBCLEAN_TESTS_SOURCE_WARC_WRITER_H_
#define WEBCLEAN_TESTS_SOURCE_WARC_WRITER_H_

#include <brotli/encode.h>
#include <zlib.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace webclean::testing {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// Deflates `plain` with real zlib; window_bits 15+16 gives a gzip member,
// 15 a zlib stream, -15 raw deflate.
inline std::string deflate_with(std::string_view plain, int window_bits) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    throw std::runtime_error("deflateInit2");
  }
  std::string out(deflateBound(&zs, static_cast<uLong>(plain.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
  zs.avail_in = static_cast<uInt>(plain.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate");
  return out;
}

inline std::string gzip_member(std::string_view plain) {
  return deflate_with(plain, 15 + 16);
}
inline std::string zlib_stream(std::string_view plain) {
  return deflate_with(plain, 15);
}
inline std::string raw_deflate(std::string_view plain) {
  return deflate_with(plain, -15);
}

inline std::string brotli(std::string_view plain) {
  std::string out(BrotliEncoderMaxCompressedSize(plain.size()) + 16, '\0');
  size_t size = out.size();
  if (!BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT,
                             plain.size(), reinterpret_cast<const uint8_t*>(plain.data()), &size,
                             reinterpret_cast<uint8_t*>(out.data()))) {
    throw std::runtime_error("BrotliEncoderCompress");
  }
  out.resize(size);
  return out;
}

// Splits `body` into chunks of `chunk_size` bytes for Transfer-Encoding:
// chunked; the first size line carries an extension, as some servers send.
inline std::string chunked(std::string_view body, size_t chunk_size, bool last_chunk = true) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t pos = 0; pos < body.size(); pos += chunk_size) {
    const std::string_view chunk = body.substr(pos, chunk_size);
    std::string size;
    for (size_t n = chunk.size(); n > 0; n /= 16) size.insert(size.begin(), kHex[n % 16]);
    out += size + (pos == 0 ? ";note=\"first\"" : "") + "\r\n";
    out.append(chunk);
    out += "\r\n";
  }
  if (last_chunk) out += "0\r\n\r\n";
  return out;
}

// An HTTP response message: status line, headers, empty line, body.
inline std::string http_response(std::string_view status_line, const HeaderList& headers,
                                 std::string_view body) {
  std::string out(status_line);
  out += "\r\n";
  for (const auto& [name, value] : headers) out += name + ": " + value + "\r\n";
  out += "\r\n";
  out.append(body);
  return out;
}

// One WARC record. Content-Length is the block's size unless `length` says
// otherwise (to write a lying one).
struct WarcRecord {
  std::string version = "WARC/1.0";
  std::string type = "response";
  std::string id = "<urn:uuid:00000000-0000-0000-0000-000000000000>";
  std::string uri;
  std::string date = "2024-05-01T12:00:00Z";
  std::string content_type = "application/http; msgtype=response";
  HeaderList extra;
  std::string block;
  long long length = -1;
  std::string newline = "\r\n";

  std::string bytes() const {
    std::string out = version + newline;
    out += "WARC-Type: " + type + newline;
    if (!id.empty()) out += "WARC-Record-ID: " + id + newline;
    if (!uri.empty()) out += "WARC-Target-URI: " + uri + newline;
    if (!date.empty()) out += "WARC-Date: " + date + newline;
    if (!content_type.empty()) out += "Content-Type: " + content_type + newline;
    for (const auto& [name, value] : extra) out += name + ": " + value + newline;
    const size_t real = block.size();
    out += "Content-Length: " + std::to_string(length < 0 ? real : size_t(length)) + newline;
    out += newline;
    out += block;
    out += newline + newline;
    return out;
  }
};

inline std::string record_id(int n) {
  return "<urn:uuid:" + std::to_string(10000000 + n) + "-0000-4000-8000-000000000000>";
}

// A response record for `uri` holding `http` (a whole HTTP message).
inline WarcRecord response_record(int n, std::string uri, std::string http) {
  WarcRecord record;
  record.id = record_id(n);
  record.uri = std::move(uri);
  record.block = std::move(http);
  return record;
}

// The warcinfo record a crawler writes first: who wrote the file.
inline WarcRecord warcinfo_record(int n, const std::string& software) {
  WarcRecord record;
  record.type = "warcinfo";
  record.id = record_id(n);
  record.content_type = "application/warc-fields";
  record.block = "software: " + software + "\r\nformat: WARC File Format 1.0\r\n";
  return record;
}

// The request record of a GET for `path` on `host` over https, as a
// crawler writes it before the response.
inline WarcRecord get_request_record(int n, const std::string& host, const std::string& path) {
  WarcRecord record;
  record.type = "request";
  record.id = record_id(n);
  record.uri = "https://" + host + path;
  record.content_type = "application/http; msgtype=request";
  record.block = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
  return record;
}

// A resource record: a file stored as it is, without an HTTP message.
inline WarcRecord resource_record(int n, std::string uri, std::string content_type,
                                  std::string body) {
  WarcRecord record;
  record.type = "resource";
  record.id = record_id(n);
  record.uri = std::move(uri);
  record.content_type = std::move(content_type);
  record.block = std::move(body);
  return record;
}

// A WET conversion record: the plain text extracted from record
// `refers_to`.
inline WarcRecord conversion_record(int n, std::string uri, int refers_to, std::string text) {
  WarcRecord record;
  record.type = "conversion";
  record.id = record_id(n);
  record.uri = std::move(uri);
  record.content_type = "text/plain";
  record.extra = {{"WARC-Refers-To", record_id(refers_to)}};
  record.block = std::move(text);
  return record;
}

// The records' bytes one after another; gzipped as one member per record
// when `gz`, as .warc.gz files are written.
inline std::string warc_file(const std::vector<WarcRecord>& records, bool gz) {
  std::string out;
  for (const WarcRecord& record : records) {
    out += gz ? gzip_member(record.bytes()) : record.bytes();
  }
  return out;
}

}  // namespace webclean::testing

#endif  // WEBCLEAN_TESTS_SOURCE_WARC_WRITER_H_
