// Streaming gzip decoding: a streambuf that inflates another streambuf as
// it is read, member after member (a .warc.gz holds one gzip member per
// record), so that a large compressed file is never held in memory.
#ifndef WEBCLEAN_SOURCE_GZIP_STREAM_H_
#define WEBCLEAN_SOURCE_GZIP_STREAM_H_

#include <zlib.h>

#include <cstddef>
#include <istream>
#include <streambuf>
#include <string>
#include <vector>

#include "source/window_buf.h"

namespace webclean::source {

// Inflates gzip (or zlib) data from `source`, going on across concatenated
// members. Bytes after a member that do not start another one end the data
// (as gzip(1) ignores trailing garbage). Damaged data ends it with error().
class GzipBuf : public WindowBuf {
 public:
  explicit GzipBuf(std::streambuf& source);
  ~GzipBuf() override;

  // Why the data ended early ("" while it has not, or when it ended well),
  // e.g. "corrupt gzip data: truncated".
  const std::string& error() const { return error_; }
  // After an error: looks for the next member start (1f 8b 08) in the
  // compressed input, beginning just after the start of the damaged member
  // when that is still buffered, and goes on decoding from there. False
  // when there is none (the data has ended for good).
  bool resync();

 protected:
  size_t produce(char* dest, size_t room) override;

 private:
  // Makes at least `n` unread compressed bytes available (fewer at the end).
  size_t ensure_input(size_t n);
  bool next_member_follows();
  void start_member();
  void fail(const std::string& message);

  std::streambuf& source_;
  z_stream stream_{};
  bool zlib_ok_ = false;
  std::vector<char> input_;
  size_t input_end_ = 0;             // valid bytes in input_
  size_t member_start_ = 0;          // offset in input_ of the current member's start
  bool member_start_known_ = false;  // false once that start left the buffer
  bool in_member_ = false;
  bool started_ = false;  // the first member has begun
  bool ended_ = false;
  std::string error_;
};

// A std::istream over a GzipBuf, for callers that want plain stream reads.
class GzipIStream : public std::istream {
 public:
  explicit GzipIStream(std::streambuf& source) : std::istream(nullptr), buf_(source) {
    rdbuf(&buf_);
  }
  const std::string& error() const { return buf_.error(); }

 private:
  GzipBuf buf_;
};

}  // namespace webclean::source

#endif  // WEBCLEAN_SOURCE_GZIP_STREAM_H_
