#include "source/http.h"

#include <brotli/decode.h>

#include <algorithm>
#include <cstdint>
#include <memory>

#include "source/gzip.h"
#include "source/inflate.h"
#include "source/record_input.h"

namespace webclean::source {
namespace {

constexpr size_t kOutputChunk = size_t{64} << 10;

// The line starting at `pos` without its "\n" or "\r\n"; `next` is set to
// the start of the following line (message.size() at the end).
std::string_view line_at(std::string_view message, size_t pos, size_t& next) {
  const size_t newline = message.find('\n', pos);
  const size_t end = newline == std::string_view::npos ? message.size() : newline;
  next = newline == std::string_view::npos ? message.size() : newline + 1;
  std::string_view line = message.substr(pos, end - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool parse_status_line(std::string_view line, HttpHead& head, std::string& error) {
  if (line.size() < 5 || !base::iequals(line.substr(0, 5), "HTTP/")) {
    error = "not an HTTP response (no HTTP/ status line)";
    return false;
  }
  const size_t space = line.find(' ');
  head.version = std::string(line.substr(0, space));
  const std::string_view rest =
      space == std::string_view::npos ? std::string_view() : base::trim(line.substr(space + 1));
  size_t digits = 0;
  while (digits < rest.size() && digits < 4 && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits != 3 || (rest.size() > 3 && rest[3] != ' ' && rest[3] != '\t')) {
    error = "bad HTTP status line \"" + std::string(line.substr(0, 80)) + "\"";
    return false;
  }
  head.status = (rest[0] - '0') * 100 + (rest[1] - '0') * 10 + (rest[2] - '0');
  head.reason = std::string(base::trim(rest.substr(3)));
  return true;
}

// Adds one header line (or a folded continuation of the previous one).
void add_header_line(std::string_view line, HttpHead& head) {
  if (line.front() == ' ' || line.front() == '\t') {
    if (head.headers.empty()) return;
    std::string& value = head.headers.back().second;
    const std::string_view more = base::trim(line);
    if (!more.empty()) value += (value.empty() ? "" : " ") + std::string(more);
    return;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;  // not a header: ignored, as browsers do
  head.headers.emplace_back(std::string(base::trim(line.substr(0, colon))),
                            std::string(base::trim(line.substr(colon + 1))));
}

// Parses a chunk size line ("1a", "1a;ext=1", "1a "). False when it is not one.
bool parse_chunk_size(std::string_view line, uint64_t& size) {
  const std::string_view digits = base::trim(line.substr(0, line.find(';')));
  if (digits.empty() || digits.size() > 15) return false;
  size = 0;
  for (const char c : digits) {
    int value = -1;
    if (c >= '0' && c <= '9') value = c - '0';
    if (c >= 'a' && c <= 'f') value = c - 'a' + 10;
    if (c >= 'A' && c <= 'F') value = c - 'A' + 10;
    if (value < 0) return false;
    size = size * 16 + static_cast<uint64_t>(value);
  }
  return true;
}

std::string too_large(size_t max_bytes) {
  return "decoded body larger than the limit of " + std::to_string(max_bytes) + " bytes";
}

// Inflates zlib-wrapped (kZlibWindowBits) or raw (kRawDeflateWindowBits) deflate data.
bool inflate_all(std::string_view data, int window_bits, size_t max_bytes, std::string& out,
                 std::string& error) {
  const InflateResult result = inflate_bounded(data, InflateOptions{window_bits}, max_bytes, out);
  switch (result.status) {
    case InflateStatus::kOk:
      return true;
    case InflateStatus::kNoMemory:
      error = "cannot start the deflate decoder (out of memory)";
      break;
    case InflateStatus::kTooLarge:
      error = too_large(max_bytes);
      break;
    case InflateStatus::kTruncated:
    case InflateStatus::kCorrupt:
      error = corrupt_data_message("deflate", result);
      break;
  }
  return false;
}

// A zlib stream starts with a CMF/FLG pair: method 8 and a multiple of 31.
bool has_zlib_header(std::string_view data) {
  if (data.size() < 2) return false;
  const unsigned cmf = static_cast<unsigned char>(data[0]);
  const unsigned flg = static_cast<unsigned char>(data[1]);
  return (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
}

bool unbrotli(std::string_view data, size_t max_bytes, std::string& out, std::string& error) {
  std::unique_ptr<BrotliDecoderState, void (*)(BrotliDecoderState*)> decoder(
      BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), BrotliDecoderDestroyInstance);
  if (!decoder) {
    error = "cannot start the brotli decoder (out of memory)";
    return false;
  }
  const auto* next_in = reinterpret_cast<const uint8_t*>(data.data());
  size_t avail_in = data.size();
  std::vector<uint8_t> chunk(kOutputChunk);
  for (;;) {
    uint8_t* next_out = chunk.data();
    size_t avail_out = chunk.size();
    const BrotliDecoderResult result = BrotliDecoderDecompressStream(
        decoder.get(), &avail_in, &next_in, &avail_out, &next_out, nullptr);
    const size_t produced = chunk.size() - avail_out;
    if (produced > max_bytes - out.size()) {
      error = too_large(max_bytes);
      return false;
    }
    out.append(reinterpret_cast<const char*>(chunk.data()), produced);
    if (result == BROTLI_DECODER_RESULT_SUCCESS) return true;
    if (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) continue;
    if (result == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
      error = "corrupt brotli data: truncated";
    } else {
      error = std::string("corrupt brotli data: ") +
              BrotliDecoderErrorString(BrotliDecoderGetErrorCode(decoder.get()));
    }
    return false;
  }
}

// The codings of a list header value ("gzip, br"), lower case, in order.
std::vector<std::string> coding_list(std::string_view value) {
  std::vector<std::string> codings;
  size_t pos = 0;
  while (pos <= value.size()) {
    const size_t comma = std::min(value.find(',', pos), value.size());
    const std::string_view coding = base::trim(value.substr(pos, comma - pos));
    if (!coding.empty()) codings.push_back(base::lower_ascii(coding));
    pos = comma + 1;
  }
  return codings;
}

}  // namespace

std::string_view HttpHead::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (base::iequals(key, name)) return value;
  }
  return {};
}

std::string HttpHead::header_list(std::string_view name) const {
  std::string joined;
  for (const auto& [key, value] : headers) {
    if (!base::iequals(key, name) || value.empty()) continue;
    if (!joined.empty()) joined += ", ";
    joined += value;
  }
  return joined;
}

size_t parse_http_head(std::string_view message, HttpHead& head, std::string& error) {
  head = HttpHead{};
  size_t next = 0;
  if (!parse_status_line(line_at(message, 0, next), head, error)) return std::string_view::npos;
  // Headers run to the first empty line; a message that ends first (cut
  // off in its headers) has an empty body.
  while (next < message.size()) {
    const std::string_view line = line_at(message, next, next);
    if (line.empty()) break;
    add_header_line(line, head);
  }
  return next;
}

bool dechunk(std::string_view body, size_t max_bytes, std::string& out, std::string& error) {
  out.clear();
  size_t pos = 0;
  while (pos < body.size()) {
    size_t next = 0;
    const std::string_view line = line_at(body, pos, next);
    pos = next;
    if (base::trim(line).empty()) continue;  // a stray blank line between chunks
    uint64_t size = 0;
    if (!parse_chunk_size(line, size)) {
      error = "bad chunk size line \"" + std::string(line.substr(0, 40)) + "\"";
      return false;
    }
    if (size == 0) return true;  // the last chunk; trailers are ignored
    const size_t take = static_cast<size_t>(std::min<uint64_t>(size, body.size() - pos));
    if (take > max_bytes - out.size()) {
      error = too_large(max_bytes);
      return false;
    }
    out.append(body.substr(pos, take));
    pos += take;
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
  }
  return true;  // no last chunk: the body ends where the data does
}

bool decode_content(std::string_view coding, std::string_view body, size_t max_bytes,
                    std::string& out, std::string& error) {
  const std::string name = base::lower_ascii(base::trim(coding));
  out.clear();
  if (name.empty() || name == "identity" || body.empty()) {
    if (body.size() > max_bytes) {
      error = too_large(max_bytes);
      return false;
    }
    out.assign(body);
    return true;
  }
  if (name == "gzip" || name == "x-gzip") {
    out = gunzip(body, max_bytes, error);
    return error.empty();
  }
  if (name == "deflate")
    return inflate_all(body, has_zlib_header(body) ? kZlibWindowBits : kRawDeflateWindowBits,
                       max_bytes, out, error);
  if (name == "br") return unbrotli(body, max_bytes, out, error);
  error = "unknown content coding \"" + std::string(base::trim(coding).substr(0, 40)) + "\"";
  return false;
}

bool decode_http_body(const HttpHead& head, std::string_view body, size_t max_bytes,
                      std::string& out, std::string& error) {
  if (body.size() > max_bytes) {
    error = too_large(max_bytes);
    return false;
  }
  out.assign(body);
  std::vector<std::string> codings = coding_list(head.header_list("Transfer-Encoding"));
  const std::vector<std::string> content = coding_list(head.header_list("Content-Encoding"));
  // Transfer codings were applied last, so they come off first.
  std::reverse(codings.begin(), codings.end());
  codings.insert(codings.end(), content.rbegin(), content.rend());
  std::string decoded;
  for (const std::string& coding : codings) {
    const bool ok = coding == "chunked" ? dechunk(out, max_bytes, decoded, error)
                                        : decode_content(coding, out, max_bytes, decoded, error);
    if (!ok) return false;
    out.swap(decoded);
  }
  return true;
}

std::string brotli_version() {
  // Major, minor and patch in 8, 12 and 12 bits (brotli's BROTLI_VERSION).
  const uint32_t version = BrotliDecoderVersion();
  return std::to_string(version >> 24) + "." + std::to_string((version >> 12) & 0xFFF) + "." +
         std::to_string(version & 0xFFF);
}

}  // namespace webclean::source
