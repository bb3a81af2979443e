#include "decode/utf8.h"

#include <cstdint>
#include <cstring>

#include "base/utf8.h"

namespace webclean::decode {
namespace {

using base::Utf8Sequence;
using base::Utf8Status;

unsigned char byte_at(std::string_view s, size_t i) {
  return static_cast<unsigned char>(s[i]);
}

// Skips 8 bytes at a time while they are all ASCII: most of a page is.
size_t skip_ascii(std::string_view s, size_t i) {
  while (i + 8 <= s.size()) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
    i += 8;
  }
  while (i < s.size() && byte_at(s, i) < 0x80) ++i;
  return i;
}

}  // namespace

Utf8Scan scan_utf8(std::string_view bytes) {
  Utf8Scan scan;
  size_t i = skip_ascii(bytes, 0);
  while (i < bytes.size()) {
    const Utf8Sequence seq = base::utf8_sequence_at(bytes, i);
    ++scan.non_ascii;
    if (seq.status == Utf8Status::kValid) ++scan.valid_multibyte;
    if (seq.status == Utf8Status::kInvalid) ++scan.invalid;
    if (seq.status == Utf8Status::kTruncated) scan.truncated_tail = true;
    i = skip_ascii(bytes, i + seq.length);
  }
  return scan;
}

std::string repair_utf8(std::string_view bytes) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(bytes.size() + 16);
  size_t run_start = 0;  // start of the pending run of bytes copied unchanged
  size_t i = 0;
  while (i < bytes.size()) {
    const unsigned char lead = byte_at(bytes, i);
    if (lead != 0 && lead < 0x80) {
      ++i;
      continue;
    }
    const Utf8Sequence seq =
        lead == 0 ? Utf8Sequence{1, Utf8Status::kInvalid} : base::utf8_sequence_at(bytes, i);
    if (seq.status == Utf8Status::kValid) {
      i += seq.length;
      continue;
    }
    out.append(bytes.substr(run_start, i - run_start));
    if (lead != 0) out.append(kReplacement);
    i += seq.length;
    run_start = i;
  }
  out.append(bytes.substr(run_start));
  return out;
}

}  // namespace webclean::decode
