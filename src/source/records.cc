// Opening record inputs, and the stream stack the record readers share.
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <utility>
#include <vector>

#include "base/ascii.h"
#include "source/gzip.h"
#include "source/record_input.h"
#include "source/records.h"
#include "source/source.h"

namespace webclean::source {
namespace {

constexpr size_t kFdBufferBytes = size_t{64} << 10;

// Whether a read(2) of `fd` would return at once: bytes are there, or the
// end of the data (a closed pipe polls as readable too).
bool readable_now(int fd) {
  pollfd entry{fd, POLLIN, 0};
  for (;;) {
    const int n = ::poll(&entry, 1, 0);
    if (n < 0 && errno == EINTR) continue;
    return n != 0;  // an error: let read(2) report it
  }
}

// A read-only streambuf over a file descriptor; one read(2) per refill, so
// that a pipe delivers records as they arrive. It starts with the bytes
// already taken from the descriptor, if any (see peek_stdin()).
class FdBuf : public std::streambuf {
 public:
  FdBuf(int fd, bool owned, std::string taken, std::function<void()> before_wait)
      : fd_(fd),
        owned_(owned),
        buffer_(std::max(kFdBufferBytes, taken.size())),
        before_wait_(std::move(before_wait)) {
    std::copy(taken.begin(), taken.end(), buffer_.begin());
    setg(buffer_.data(), buffer_.data(), buffer_.data() + taken.size());
  }
  ~FdBuf() override {
    if (owned_) ::close(fd_);
  }
  FdBuf(const FdBuf&) = delete;
  FdBuf& operator=(const FdBuf&) = delete;

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (before_wait_ && !readable_now(fd_)) before_wait_();
    for (;;) {
      const ssize_t n = ::read(fd_, buffer_.data(), buffer_.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return traits_type::eof();  // a read error ends the data
      setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
      return traits_type::to_int_type(*gptr());
    }
  }

 private:
  int fd_;
  bool owned_;
  std::vector<char> buffer_;
  std::function<void()> before_wait_;
};

class FdStream : public std::istream {
 public:
  FdStream(int fd, bool owned, std::string taken = {}, std::function<void()> before_wait = {})
      : std::istream(nullptr), buf_(fd, owned, std::move(taken), std::move(before_wait)) {
    rdbuf(&buf_);
  }

 private:
  FdBuf buf_;
};

}  // namespace

RecordInput::RecordInput(std::unique_ptr<std::istream> in)
    : in_(std::move(in)), counter_(in_ ? in_->rdbuf() : nullptr) {
  if (is_gzip(counter_.window(2))) gzip_ = std::make_unique<GzipBuf>(counter_);
}

std::unique_ptr<std::istream> open_input(const std::string& path, std::string& error) {
  error.clear();
  if (path == "-") return open_stdin({});
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return nullptr;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
    error = S_ISDIR(info.st_mode) ? std::strerror(EISDIR) : std::strerror(errno);
    ::close(fd);
    return nullptr;
  }
  return std::make_unique<FdStream>(fd, true);
}

std::unique_ptr<std::istream> open_stdin(std::function<void()> before_wait) {
  return std::make_unique<FdStream>(STDIN_FILENO, false, take_peeked_stdin(),
                                    std::move(before_wait));
}

StreamFormat stream_format_of(std::string_view path) {
  if (base::named_as(path, {".warc", ".wet"})) return StreamFormat::kWarc;
  if (base::named_as(path, {".jsonl", ".ndjson"})) return StreamFormat::kJsonl;
  return StreamFormat::kNone;
}

}  // namespace webclean::source
