// Byte streams under the record readers: a streambuf whose buffered bytes
// the readers scan in place (memchr for line ends, bulk copies for blocks),
// so that lines and records are read without per-byte calls and without
// ever holding more than one buffer of input beyond the current record.
#ifndef WEBCLEAN_SOURCE_WINDOW_BUF_H_
#define WEBCLEAN_SOURCE_WINDOW_BUF_H_

#include <cstddef>
#include <cstdint>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace webclean::source {

// A read-only streambuf filled in chunks by produce(); usable as the
// streambuf of a std::istream.
class WindowBuf : public std::streambuf {
 public:
  WindowBuf() = default;
  WindowBuf(const WindowBuf&) = delete;
  WindowBuf& operator=(const WindowBuf&) = delete;

  // The bytes buffered and not yet consumed, refilled first when fewer than
  // `at_least` are (`at_least` is small: a few bytes of lookahead). Shorter
  // than `at_least` only at the end of the data; empty there.
  std::string_view window(size_t at_least = 1);
  // Consumes `n` bytes of the window (n <= window().size()).
  void advance(size_t n);
  // Puts `bytes` back in front of the window, to be read again: a reader
  // that took too much (a record whose length overstates it) resumes where
  // the data really goes on.
  void unread(std::string_view bytes);
  // Bytes consumed so far, less those put back.
  uint64_t position() const { return position_; }

 protected:
  // Writes up to `room` (> 0) new bytes at `dest`; returns how many, 0 at
  // the end of the data. May return fewer than `room` without being at the
  // end (a pipe delivers what it has).
  virtual size_t produce(char* dest, size_t room) = 0;

  int_type underflow() override;

 private:
  std::vector<char> buffer_;
  uint64_t position_ = 0;
};

// Passes another streambuf's bytes through, counting them (for progress).
class CountingBuf : public WindowBuf {
 public:
  explicit CountingBuf(std::streambuf* source) : source_(source) {}
  // Bytes taken from the source so far (at most one buffer ahead of what
  // the reader has consumed).
  size_t count() const { return count_; }

 protected:
  size_t produce(char* dest, size_t room) override;

 private:
  std::streambuf* source_;
  size_t count_ = 0;
};

// Reads up to `room` bytes from `source`: what it has buffered, or one
// refill's worth, so that a pipe is not waited on for more than it has.
size_t read_some(std::streambuf& source, char* dest, size_t room);

struct LineRead {
  bool got = false;       // false: the data had ended, nothing was read
  bool too_long = false;  // the line went on past `limit`; `line` holds its start
};

// Reads up to and including the next '\n' into `line` (replacing it),
// without the '\n' and a '\r' before it. Keeps at most `limit` bytes: the
// rest of a longer line is consumed without being stored.
LineRead read_line(WindowBuf& in, std::string& line, size_t limit);

// Appends up to `n` bytes to `out`; returns how many there were.
size_t read_bytes(WindowBuf& in, size_t n, std::string& out);

// Consumes up to `n` bytes without storing them; returns how many there were.
size_t skip_bytes(WindowBuf& in, size_t n);

}  // namespace webclean::source

#endif  // WEBCLEAN_SOURCE_WINDOW_BUF_H_
