// Output files: naming them after their inputs, and writing them so that
// an interrupted run never leaves a half-written one behind: all output
// goes to a temporary file that is renamed when it is complete.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include "sink/sink.h"

namespace webclean::sink {
namespace {

namespace fs = std::filesystem;

bool ends_with_gz(std::string_view name) {
  if (name.size() < 3) return false;
  const std::string_view tail = name.substr(name.size() - 3);
  return tail[0] == '.' && (tail[1] == 'g' || tail[1] == 'G') && (tail[2] == 'z' || tail[2] == 'Z');
}

std::string failure(const std::string& path, int error_number) {
  return path + ": " + std::strerror(error_number);
}

bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    content.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Creates a new, empty temporary file next to `path`, named
// ".<name>.tmp.<host>.<pid>.<random>" so that concurrent runs and threads,
// on this machine or on others writing to the same disk, never share one.
// O_EXCL rather than mkstemp so that the file gets the usual 0666 & ~umask
// permissions.
int create_temporary(const fs::path& path, std::string& temporary) {
  std::random_device random;
  const std::string& host = temporary_host();
  for (int attempt = 0; attempt < 100; ++attempt) {
    const uint64_t tag = (uint64_t{random()} << 32) | random();
    char suffix[128];
    std::snprintf(suffix, sizeof suffix, ".tmp.%s.%ld.%016llx", host.c_str(),
                  static_cast<long>(::getpid()), static_cast<unsigned long long>(tag));
    temporary = (path.parent_path() / ("." + path.filename().string() + suffix)).string();
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

struct TemporaryOwner {
  // temporary_host() of the machine that made it; "" in a name from before
  // the host was in names, taken for this machine's.
  std::string host;
  long pid = 0;  // 0: the name is not one of ours
};

// The owner named in a temporary's name ".<name>.tmp.<host>.<pid>.<16 hex
// digits>", or ".<name>.tmp.<pid>.<16 hex digits>".
TemporaryOwner temporary_owner(const std::string& name) {
  constexpr size_t kTagDigits = 16;
  if (name.size() < 2 + kTagDigits || name[0] != '.') return {};
  const size_t tag_dot = name.size() - kTagDigits - 1;
  if (name[tag_dot] != '.') return {};
  for (size_t i = tag_dot + 1; i < name.size(); ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(name[i]))) return {};
  }
  const size_t pid_dot = name.rfind('.', tag_dot - 1);
  if (pid_dot == std::string::npos || pid_dot < 5) return {};
  TemporaryOwner owner;
  if (name.compare(pid_dot - 4, 4, ".tmp") != 0) {
    const size_t host_dot = name.rfind('.', pid_dot - 1);
    if (host_dot == std::string::npos || host_dot < 5 ||
        name.compare(host_dot - 4, 4, ".tmp") != 0) {
      return {};
    }
    owner.host = name.substr(host_dot + 1, pid_dot - host_dot - 1);
  }
  long pid = 0;
  for (size_t i = pid_dot + 1; i < tag_dot; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(name[i])) || pid > 100000000) return {};
    pid = pid * 10 + (name[i] - '0');
  }
  owner.pid = pid;
  return owner;
}

bool process_is_alive(long pid) {
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

}  // namespace

// Read once: every output file's temporary carries it.
const std::string& temporary_host() {
  static const std::string host = [] {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return std::string("host");
    std::string read(name);
    for (char& c : read) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') c = '-';
    }
    return read;
  }();
  return host;
}

size_t remove_stale_temporaries(const std::string& directory) {
  std::error_code ec;
  size_t removed = 0;
  const std::string& host = temporary_host();
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    const TemporaryOwner owner = temporary_owner(it->path().filename().string());
    // Another machine's process cannot be checked from here: its files stay.
    if (owner.pid <= 0 || (!owner.host.empty() && owner.host != host)) continue;
    if (owner.pid == ::getpid() || process_is_alive(owner.pid)) continue;
    std::error_code remove_error;
    if (it->is_regular_file(remove_error) && fs::remove(it->path(), remove_error)) ++removed;
  }
  return removed;
}

std::string output_relative_path(std::string_view relative, std::string_view extension) {
  const size_t slash = relative.rfind('/');
  const size_t name_start = slash == std::string_view::npos ? 0 : slash + 1;
  std::string_view stem = relative.substr(name_start);
  if (ends_with_gz(stem) && stem.size() > 3) stem.remove_suffix(3);
  // A leading dot starts a hidden name, not an extension.
  const size_t dot = stem.rfind('.');
  if (dot != std::string_view::npos && dot > 0) stem = stem.substr(0, dot);
  std::string output(relative.substr(0, name_start));
  output += stem;
  output += extension;
  return output;
}

std::string write_atomically(const std::string& path, std::string_view content) {
  AtomicFile file;
  std::string error = file.open(path);
  if (error.empty()) error = file.append(content);
  if (error.empty()) error = file.commit();
  return error;
}

AtomicFile::~AtomicFile() {
  abort();
}

std::string AtomicFile::open(const std::string& path) {
  abort();
  const fs::path target(path);
  if (!target.has_filename()) return failure(path, EISDIR);
  std::error_code ec;
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path(), ec);
    if (ec) return path + ": " + ec.message();
  }
  fd_ = create_temporary(target, temporary_);
  if (fd_ < 0) return failure(path, errno);
  path_ = path;
  return {};
}

std::string AtomicFile::append(std::string_view content) {
  if (fd_ < 0) return failure(path_, EBADF);
  if (write_all(fd_, content)) return {};
  const int error_number = errno;
  abort();
  return failure(path_, error_number);
}

std::string AtomicFile::commit() {
  if (fd_ < 0) return failure(path_, EBADF);
  int error_number = 0;
  if (::close(fd_) != 0) error_number = errno;
  fd_ = -1;
  if (error_number == 0 && std::rename(temporary_.c_str(), path_.c_str()) != 0)
    error_number = errno;
  if (error_number == 0) {
    temporary_.clear();
    return {};
  }
  ::unlink(temporary_.c_str());
  temporary_.clear();
  return failure(path_, error_number);
}

void AtomicFile::abort() {
  if (fd_ < 0) return;
  ::close(fd_);
  fd_ = -1;
  ::unlink(temporary_.c_str());
  temporary_.clear();
}

}  // namespace webclean::sink
