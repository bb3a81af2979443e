// The one loop over zlib's inflate() that the Source stage's whole-buffer
// decoders share: gunzip (files and stdin) and HTTP's gzip and deflate
// content codings. It is bounded: a small hostile input cannot expand into
// gigabytes of memory. The streaming reader (gzip_stream.h) has its own.
#ifndef WEBCLEAN_SOURCE_INFLATE_H_
#define WEBCLEAN_SOURCE_INFLATE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace webclean::source {

// zlib's windowBits for inflateInit2().
inline constexpr int kZlibWindowBits = 15;             // a zlib stream (RFC 1950)
inline constexpr int kRawDeflateWindowBits = -15;      // raw deflate (RFC 1951)
inline constexpr int kGzipOrZlibWindowBits = 15 + 32;  // either, told by its header

struct InflateOptions {
  int window_bits = kGzipOrZlibWindowBits;
  // After the end of a stream, go on when the bytes left start another
  // gzip member (1f 8b), as `cat a.gz b.gz` makes; other bytes left after
  // a stream are ignored either way.
  bool gzip_members = false;
};

enum class InflateStatus {
  kOk,
  kNoMemory,   // zlib could not set up its state
  kTooLarge,   // the output would pass max_bytes
  kTruncated,  // the input ends inside a stream
  kCorrupt,    // zlib rejected the data (InflateResult::zlib_message says why)
};

struct InflateResult {
  InflateStatus status = InflateStatus::kOk;
  std::string zlib_message;  // zlib's msg when kCorrupt; "" when it gave none

  bool ok() const { return status == InflateStatus::kOk; }
};

// Inflates `data` onto the end of `out`, failing as soon as `out` would
// hold more than `max_bytes`. On failure `out` holds what was decoded up to
// then (callers discard it).
InflateResult inflate_bounded(std::string_view data, const InflateOptions& options,
                              size_t max_bytes, std::string& out);

// "corrupt NAME data: truncated" for kTruncated, "corrupt NAME data" and
// zlib's message, when it gave one, after ": " for kCorrupt.
std::string corrupt_data_message(std::string_view name, const InflateResult& result);

}  // namespace webclean::source

#endif  // WEBCLEAN_SOURCE_INFLATE_H_
