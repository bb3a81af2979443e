// Opening record inputs, and the stream stack the record readers share.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "source/gzip.h"
#include "source/record_input.h"
#include "source/records.h"

namespace webclean::source {
namespace {

constexpr size_t kFdBufferBytes = size_t{64} << 10;

// A read-only streambuf over a file descriptor; one read(2) per refill, so
// that a pipe delivers records as they arrive.
class FdBuf : public std::streambuf {
 public:
  FdBuf(int fd, bool owned) : fd_(fd), owned_(owned), buffer_(kFdBufferBytes) {}
  ~FdBuf() override {
    if (owned_) ::close(fd_);
  }
  FdBuf(const FdBuf&) = delete;
  FdBuf& operator=(const FdBuf&) = delete;

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
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
};

class FdStream : public std::istream {
 public:
  FdStream(int fd, bool owned) : std::istream(nullptr), buf_(fd, owned) { rdbuf(&buf_); }

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
  if (path == "-") return std::make_unique<FdStream>(STDIN_FILENO, false);
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

}  // namespace webclean::source
