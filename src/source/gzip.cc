#include "source/gzip.h"

#include <zlib.h>

#include "source/inflate.h"

namespace webclean::source {

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

std::string gunzip(std::string_view compressed, size_t max_bytes, std::string& error) {
  std::string out;
  const InflateResult result = inflate_bounded(
      compressed, InflateOptions{kGzipOrZlibWindowBits, /*gzip_members=*/true}, max_bytes, out);
  switch (result.status) {
    case InflateStatus::kOk:
      return out;
    case InflateStatus::kNoMemory:
      error = "cannot start gzip decoder (out of memory)";
      break;
    case InflateStatus::kTooLarge:
      error = "gzip data expands beyond the limit of " + std::to_string(max_bytes) + " bytes";
      break;
    case InflateStatus::kTruncated:
    case InflateStatus::kCorrupt:
      error = corrupt_data_message("gzip", result);
      break;
  }
  return {};
}

std::string zlib_library_version() {
  return zlibVersion();
}

}  // namespace webclean::source
