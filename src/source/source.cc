// Reading one document: a file or standard input, gunzipped when needed.
#include "source/source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <string_view>
#include <utility>

#include "source/gzip.h"

namespace webclean::source {
namespace {

bool ends_with_gz(std::string_view path) {
  if (path.size() < 3) return false;
  const std::string_view tail = path.substr(path.size() - 3);
  return tail[0] == '.' && (tail[1] == 'g' || tail[1] == 'G') && (tail[2] == 'z' || tail[2] == 'Z');
}

std::string too_large(size_t size, size_t max_bytes) {
  return "file too large (" + std::to_string(size) + " bytes, limit " + std::to_string(max_bytes) +
         ")";
}

// Reads `fd` to its end after the `bytes` already taken from it, failing
// once more than `max_bytes` arrive (for pipes and other streams whose size
// is not known up front).
std::string read_all(int fd, size_t max_bytes, std::string bytes, std::string& error) {
  if (bytes.size() > max_bytes) {
    error = "input too large (more than " + std::to_string(max_bytes) + " bytes)";
    return {};
  }
  char chunk[64 << 10];
  for (;;) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::strerror(errno);
      return {};
    }
    if (n == 0) return bytes;
    if (static_cast<size_t>(n) > max_bytes - bytes.size()) {
      error = "input too large (more than " + std::to_string(max_bytes) + " bytes)";
      return {};
    }
    bytes.append(chunk, static_cast<size_t>(n));
  }
}

// Gunzips `doc.bytes` in place when they are gzip data (or must be, by the
// file name).
void decompress_if_gzip(RawDocument& doc, bool named_gz, size_t max_bytes) {
  if (!doc.error.empty()) return;
  if (!is_gzip(doc.bytes)) {
    if (named_gz) doc.error = doc.bytes.empty() ? "empty gzip file" : "not gzip data";
    return;
  }
  std::string error;
  std::string plain = gunzip(doc.bytes, max_bytes, error);
  if (!error.empty()) {
    doc.bytes.clear();
    doc.error = std::move(error);
    return;
  }
  doc.bytes = std::move(plain);
}

// Reads an open file, checking the size first when it is a regular file;
// `taken` are bytes of it read already.
void read_descriptor(int fd, size_t max_bytes, RawDocument& doc, std::string taken = {}) {
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    doc.error = std::strerror(errno);
    return;
  }
  if (S_ISDIR(info.st_mode)) {
    doc.error = std::strerror(EISDIR);
    return;
  }
  if (S_ISREG(info.st_mode) && static_cast<uint64_t>(info.st_size) > max_bytes) {
    doc.error = too_large(static_cast<size_t>(info.st_size), max_bytes);
    return;
  }
  doc.bytes = read_all(fd, max_bytes, std::move(taken), doc.error);
}

// What peek_stdin() read: stdin is one per process, and so is this.
struct PeekedStdin {
  std::mutex mutex;
  bool peeked = false;
  bool taken = false;
  std::string bytes;
};

PeekedStdin& peeked_stdin() {
  static PeekedStdin peeked;
  return peeked;
}

bool has_complete_nonblank_line(std::string_view bytes) {
  for (size_t start = 0;;) {
    const size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) return false;
    const std::string_view line = bytes.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) return true;
    start = end + 1;
  }
}

}  // namespace

RawDocument read_file(const std::string& path, size_t max_bytes) {
  RawDocument doc;
  doc.id = path;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    doc.error = std::strerror(errno);
    return doc;
  }
  read_descriptor(fd, max_bytes, doc);
  ::close(fd);
  decompress_if_gzip(doc, ends_with_gz(path), max_bytes);
  return doc;
}

RawDocument read_stdin(size_t max_bytes) {
  RawDocument doc;
  doc.id = "-";
  read_descriptor(STDIN_FILENO, max_bytes, doc, take_peeked_stdin());
  decompress_if_gzip(doc, false, max_bytes);
  return doc;
}

std::string_view peek_stdin(size_t limit) {
  PeekedStdin& peeked = peeked_stdin();
  std::lock_guard lock(peeked.mutex);
  if (peeked.peeked) return peeked.bytes;
  peeked.peeked = true;
  std::string& bytes = peeked.bytes;
  char chunk[4096];
  while (bytes.size() < limit && !has_complete_nonblank_line(bytes)) {
    // One read(2) at a time: a pipe gives what it has and is not waited
    // on past the line.
    const ssize_t n = ::read(STDIN_FILENO, chunk, std::min(sizeof chunk, limit - bytes.size()));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the end, or an error the reader will meet again
    bytes.append(chunk, static_cast<size_t>(n));
  }
  return bytes;
}

std::string take_peeked_stdin() {
  PeekedStdin& peeked = peeked_stdin();
  std::lock_guard lock(peeked.mutex);
  // Kept for peek_stdin(), whose answer must not change.
  if (peeked.taken) return {};
  peeked.taken = true;
  return peeked.bytes;
}

}  // namespace webclean::source
