#include "source/inflate.h"

#include <zlib.h>

#include <algorithm>

#include "source/gzip.h"

namespace webclean::source {
namespace {

// Input is fed to zlib in slices because z_stream counts in 32-bit uInt.
constexpr size_t kInputSlice = size_t{1} << 20;
constexpr size_t kOutputChunk = size_t{64} << 10;

// Owns a z_stream set up for decoding.
class Inflater {
 public:
  explicit Inflater(int window_bits) { ok_ = inflateInit2(&stream_, window_bits) == Z_OK; }
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

InflateResult fail(InflateStatus status, const char* zlib_message = nullptr) {
  InflateResult result;
  result.status = status;
  if (zlib_message != nullptr) result.zlib_message = zlib_message;
  return result;
}

}  // namespace

InflateResult inflate_bounded(std::string_view data, const InflateOptions& options,
                              size_t max_bytes, std::string& out) {
  Inflater inflater(options.window_bits);
  if (!inflater.ok()) return fail(InflateStatus::kNoMemory);
  if (out.size() > max_bytes) return fail(InflateStatus::kTooLarge);
  z_stream& zs = inflater.stream();
  size_t fed = 0;            // bytes of `data` handed to zlib so far
  char chunk[kOutputChunk];  // on the stack: no allocation or zeroing per document
  for (;;) {
    if (zs.avail_in == 0 && fed < data.size()) {
      const size_t slice = std::min(kInputSlice, data.size() - fed);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + fed));
      zs.avail_in = static_cast<uInt>(slice);
      fed += slice;
    }
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = static_cast<uInt>(sizeof chunk);
    const int rc = inflate(&zs, Z_NO_FLUSH);
    const size_t produced = sizeof chunk - zs.avail_out;
    if (produced > max_bytes - out.size()) return fail(InflateStatus::kTooLarge);
    out.append(chunk, produced);
    if (rc == Z_STREAM_END) {
      const size_t consumed = fed - zs.avail_in;
      if (options.gzip_members && is_gzip(data.substr(consumed)) && inflateReset(&zs) == Z_OK)
        continue;
      return {};
    }
    if (rc == Z_OK) continue;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0 && fed == data.size())
      return fail(InflateStatus::kTruncated);
    return fail(InflateStatus::kCorrupt, zs.msg);
  }
}

std::string corrupt_data_message(std::string_view name, const InflateResult& result) {
  std::string message = "corrupt " + std::string(name) + " data";
  if (result.status == InflateStatus::kTruncated) return message + ": truncated";
  if (!result.zlib_message.empty()) message += ": " + result.zlib_message;
  return message;
}

}  // namespace webclean::source
