#include "source/window_buf.h"

#include <algorithm>
#include <cstring>

namespace webclean::source {
namespace {

constexpr size_t kWindowBytes = size_t{64} << 10;

}  // namespace

std::string_view WindowBuf::window(size_t at_least) {
  const size_t have = static_cast<size_t>(egptr() - gptr());
  if (have >= at_least || at_least == 0) return {gptr(), have};
  const size_t wanted = std::max(kWindowBytes, at_least);
  // A buffer grown by unread() shrinks back once its bytes are read.
  if (buffer_.size() < wanted || (buffer_.size() > wanted && have <= wanted)) {
    std::vector<char> resized(wanted);
    if (have > 0) std::memcpy(resized.data(), gptr(), have);
    buffer_.swap(resized);
  } else if (have > 0) {
    std::memmove(buffer_.data(), gptr(), have);
  }
  size_t end = have;
  while (end < at_least) {
    const size_t produced = produce(buffer_.data() + end, buffer_.size() - end);
    if (produced == 0) break;
    end += produced;
  }
  setg(buffer_.data(), buffer_.data(), buffer_.data() + end);
  return {gptr(), end};
}

void WindowBuf::advance(size_t n) {
  position_ += n;
  // gbump takes an int; a window is far smaller, but step to be safe.
  while (n > 0) {
    const size_t step = std::min<size_t>(n, 1 << 30);
    gbump(static_cast<int>(step));
    n -= step;
  }
}

void WindowBuf::unread(std::string_view bytes) {
  if (bytes.empty()) return;
  const size_t have = static_cast<size_t>(egptr() - gptr());
  std::vector<char> joined(std::max(kWindowBytes, bytes.size() + have));
  std::memcpy(joined.data(), bytes.data(), bytes.size());
  if (have > 0) std::memcpy(joined.data() + bytes.size(), gptr(), have);
  buffer_.swap(joined);
  setg(buffer_.data(), buffer_.data(), buffer_.data() + bytes.size() + have);
  position_ -= std::min<uint64_t>(position_, bytes.size());
}

WindowBuf::int_type WindowBuf::underflow() {
  const std::string_view bytes = window(1);
  if (bytes.empty()) return traits_type::eof();
  return traits_type::to_int_type(bytes.front());
}

size_t CountingBuf::produce(char* dest, size_t room) {
  if (source_ == nullptr) return 0;
  const size_t n = read_some(*source_, dest, room);
  count_ += n;
  return n;
}

size_t read_some(std::streambuf& source, char* dest, size_t room) {
  if (std::streambuf::traits_type::eq_int_type(source.sgetc(),
                                               std::streambuf::traits_type::eof())) {
    return 0;
  }
  const std::streamsize buffered = source.in_avail();
  const size_t want = buffered > 0 ? std::min(room, static_cast<size_t>(buffered)) : room;
  const std::streamsize got = source.sgetn(dest, static_cast<std::streamsize>(want));
  return got > 0 ? static_cast<size_t>(got) : 0;
}

LineRead read_line(WindowBuf& in, std::string& line, size_t limit) {
  LineRead result;
  line.clear();
  for (;;) {
    const std::string_view bytes = in.window();
    if (bytes.empty()) break;
    result.got = true;
    const void* newline = std::memchr(bytes.data(), '\n', bytes.size());
    const size_t length =
        newline != nullptr ? static_cast<size_t>(static_cast<const char*>(newline) - bytes.data())
                           : bytes.size();
    const size_t keep = std::min(length, limit - line.size());
    line.append(bytes.data(), keep);
    if (keep < length) result.too_long = true;
    if (newline != nullptr) {
      in.advance(length + 1);
      break;
    }
    in.advance(length);
  }
  if (!result.too_long && !line.empty() && line.back() == '\r') line.pop_back();
  return result;
}

size_t read_bytes(WindowBuf& in, size_t n, std::string& out) {
  size_t done = 0;
  while (done < n) {
    const std::string_view bytes = in.window();
    if (bytes.empty()) break;
    const size_t take = std::min(bytes.size(), n - done);
    out.append(bytes.data(), take);
    in.advance(take);
    done += take;
  }
  return done;
}

size_t skip_bytes(WindowBuf& in, size_t n) {
  size_t done = 0;
  while (done < n) {
    const std::string_view bytes = in.window();
    if (bytes.empty()) break;
    const size_t take = std::min(bytes.size(), n - done);
    in.advance(take);
    done += take;
  }
  return done;
}

}  // namespace webclean::source
