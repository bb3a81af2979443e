#include "source/gzip_stream.h"

#include <algorithm>
#include <cstring>

namespace webclean::source {
namespace {

constexpr size_t kInputBytes = size_t{64} << 10;

bool is_member_start(const char* p) {
  return static_cast<unsigned char>(p[0]) == 0x1f && static_cast<unsigned char>(p[1]) == 0x8b &&
         static_cast<unsigned char>(p[2]) == 0x08;
}

}  // namespace

GzipBuf::GzipBuf(std::streambuf& source) : source_(source), input_(kInputBytes) {
  zlib_ok_ = inflateInit2(&stream_, 15 + 32) == Z_OK;
  if (!zlib_ok_) error_ = "cannot start the gzip decoder (out of memory)";
  stream_.next_in = reinterpret_cast<Bytef*>(input_.data());
  stream_.avail_in = 0;
}

GzipBuf::~GzipBuf() {
  if (zlib_ok_) inflateEnd(&stream_);
}

size_t GzipBuf::ensure_input(size_t n) {
  size_t pos = static_cast<size_t>(reinterpret_cast<char*>(stream_.next_in) - input_.data());
  while (input_end_ - pos < n) {
    if (input_end_ == input_.size()) {
      // Make room, keeping the damaged-member start for resync() if we can.
      size_t keep_from = member_start_known_ && member_start_ < pos ? member_start_ : pos;
      if (keep_from == 0) {
        keep_from = pos;
        member_start_known_ = false;
      }
      std::memmove(input_.data(), input_.data() + keep_from, input_end_ - keep_from);
      input_end_ -= keep_from;
      pos -= keep_from;
      if (member_start_known_) member_start_ -= keep_from;
    }
    const size_t got = read_some(source_, input_.data() + input_end_, input_.size() - input_end_);
    if (got == 0) break;
    input_end_ += got;
  }
  stream_.next_in = reinterpret_cast<Bytef*>(input_.data() + pos);
  stream_.avail_in = static_cast<uInt>(input_end_ - pos);
  return input_end_ - pos;
}

bool GzipBuf::next_member_follows() {
  if (ensure_input(2) < 2) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(stream_.next_in);
  return p[0] == 0x1f && p[1] == 0x8b;
}

void GzipBuf::start_member() {
  member_start_ = static_cast<size_t>(reinterpret_cast<char*>(stream_.next_in) - input_.data());
  member_start_known_ = true;
  in_member_ = true;
  started_ = true;
  inflateReset(&stream_);
}

void GzipBuf::fail(const std::string& message) {
  error_ = message;
  in_member_ = false;
}

size_t GzipBuf::produce(char* dest, size_t room) {
  if (ended_ || !error_.empty()) return 0;
  stream_.next_out = reinterpret_cast<Bytef*>(dest);
  stream_.avail_out = static_cast<uInt>(std::min<size_t>(room, kInputBytes));
  const uInt out_room = stream_.avail_out;
  while (stream_.avail_out == out_room) {
    if (!in_member_) {
      // Looked for only when more output is wanted: a member that just
      // ended is returned first, without waiting on a pipe for the next.
      const bool more = started_ ? next_member_follows() : ensure_input(1) > 0;
      if (!more) {
        ended_ = true;
        break;
      }
      start_member();
    }
    if (stream_.avail_in == 0 && ensure_input(1) == 0) {
      fail("corrupt gzip data: truncated");
      break;
    }
    const int rc = inflate(&stream_, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      in_member_ = false;
      continue;
    }
    if (rc == Z_OK || (rc == Z_BUF_ERROR && stream_.avail_in == 0)) continue;
    std::string message = "corrupt gzip data";
    if (stream_.msg != nullptr) message += std::string(": ") + stream_.msg;
    fail(message);
    break;
  }
  return out_room - stream_.avail_out;
}

bool GzipBuf::resync() {
  if (error_.empty() || !zlib_ok_) return false;
  size_t pos = static_cast<size_t>(reinterpret_cast<char*>(stream_.next_in) - input_.data());
  size_t from = member_start_known_ ? std::min(member_start_ + 1, input_end_) : pos;
  member_start_known_ = false;
  for (;;) {
    for (size_t i = from; i + 3 <= input_end_; ++i) {
      const void* hit = std::memchr(input_.data() + i, 0x1f, input_end_ - i - 2);
      if (hit == nullptr) break;
      i = static_cast<size_t>(static_cast<const char*>(hit) - input_.data());
      if (!is_member_start(input_.data() + i)) continue;
      stream_.next_in = reinterpret_cast<Bytef*>(input_.data() + i);
      stream_.avail_in = static_cast<uInt>(input_end_ - i);
      error_.clear();
      in_member_ = false;
      return true;
    }
    // Keep the last two bytes: a member start may straddle the next read.
    pos = std::max(from, input_end_ >= 2 ? input_end_ - 2 : 0);
    stream_.next_in = reinterpret_cast<Bytef*>(input_.data() + pos);
    const size_t left = input_end_ - pos;
    if (ensure_input(left + 1) <= left) return false;
    from = static_cast<size_t>(reinterpret_cast<char*>(stream_.next_in) - input_.data());
  }
}

}  // namespace webclean::source
