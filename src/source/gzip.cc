#include "source/gzip.h"

#include <zlib.h>

#include <algorithm>

namespace webclean::source {
namespace {

// Input is fed to zlib in slices because z_stream counts in 32-bit uInt.
constexpr size_t kInputSlice = size_t{1} << 20;
constexpr size_t kOutputChunk = size_t{64} << 10;

// Owns a z_stream set up for gzip (and zlib) decoding.
class Inflater {
 public:
  Inflater() { ok_ = inflateInit2(&stream_, 15 + 32) == Z_OK; }
  ~Inflater() {
    if (ok_) inflateEnd(&stream_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  bool ok() const { return ok_; }
  z_stream& stream() { return stream_; }

 private:
  z_stream stream_{};
  bool ok_ = false;
};

std::string corrupt(const z_stream& stream) {
  std::string message = "corrupt gzip data";
  if (stream.msg != nullptr) message += std::string(": ") + stream.msg;
  return message;
}

}  // namespace

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

std::string gunzip(std::string_view compressed, size_t max_bytes, std::string& error) {
  Inflater inflater;
  if (!inflater.ok()) {
    error = "cannot start gzip decoder (out of memory)";
    return {};
  }
  z_stream& zs = inflater.stream();
  size_t fed = 0;  // bytes of `compressed` handed to zlib so far
  std::string out;
  char chunk[kOutputChunk];
  for (;;) {
    if (zs.avail_in == 0 && fed < compressed.size()) {
      const size_t slice = std::min(kInputSlice, compressed.size() - fed);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data() + fed));
      zs.avail_in = static_cast<uInt>(slice);
      fed += slice;
    }
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof chunk;
    const int rc = inflate(&zs, Z_NO_FLUSH);
    const size_t produced = sizeof chunk - zs.avail_out;
    if (produced > max_bytes - out.size()) {
      error = "gzip data expands beyond the limit of " + std::to_string(max_bytes) + " bytes";
      return {};
    }
    out.append(chunk, produced);
    if (rc == Z_STREAM_END) {
      const size_t consumed = fed - zs.avail_in;
      // Another member follows (concatenated .gz files): decode it too.
      if (is_gzip(compressed.substr(consumed)) && inflateReset(&zs) == Z_OK) continue;
      return out;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0 && fed == compressed.size()) {
      error = "corrupt gzip data: truncated";
      return {};
    }
    if (rc != Z_OK) {
      error = corrupt(zs);
      return {};
    }
  }
}

std::string zlib_library_version() {
  return zlibVersion();
}

}  // namespace webclean::source
