// What the record readers share: the input stream with byte counting and
// gzip recognised by its magic bytes, and the small text helpers both
// formats need.
#ifndef WEBCLEAN_SOURCE_RECORD_INPUT_H_
#define WEBCLEAN_SOURCE_RECORD_INPUT_H_

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "base/ascii.h"
#include "source/gzip_stream.h"
#include "source/window_buf.h"

namespace webclean::source {

// Owns a record reader's input: the caller's stream, a counter of the raw
// bytes taken from it, and an inflater on top when the data is gzip.
class RecordInput {
 public:
  explicit RecordInput(std::unique_ptr<std::istream> in);

  // The (decompressed) bytes to parse.
  WindowBuf& bytes() { return gzip_ ? static_cast<WindowBuf&>(*gzip_) : counter_; }
  size_t raw_bytes_read() const { return counter_.count(); }
  // Why the gzip data ended early, "" when it did not (or is not gzip).
  std::string stream_error() const { return gzip_ ? gzip_->error() : std::string(); }
  // After a stream error: goes on at the next gzip member, if there is one.
  bool resync_stream() { return gzip_ && gzip_->resync(); }

 private:
  std::unique_ptr<std::istream> in_;
  CountingBuf counter_;
  std::unique_ptr<GzipBuf> gzip_;
};

}  // namespace webclean::source

#endif  // WEBCLEAN_SOURCE_RECORD_INPUT_H_
