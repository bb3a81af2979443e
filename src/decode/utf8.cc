#include "decode/utf8.h"

#include <cstdint>
#include <cstring>

namespace webclean::decode {
namespace {

enum class Status { kValid, kInvalid, kTruncated };

struct Sequence {
  size_t length;  // of the valid sequence, or of the maximal ill-formed subpart (>= 1)
  Status status;
};

unsigned char byte_at(std::string_view s, size_t i) {
  return static_cast<unsigned char>(s[i]);
}

// Table 3-7 of the Unicode standard: the lead byte fixes the length and the
// range of the first continuation byte (which rules out overlong forms,
// surrogates and code points above U+10FFFF).
Sequence sequence_at(std::string_view s, size_t i) {
  const unsigned char lead = byte_at(s, i);
  if (lead < 0x80) return {1, Status::kValid};
  size_t continuations = 0;
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    continuations = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    continuations = 2;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    continuations = 3;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return {1, Status::kInvalid};
  }
  for (size_t k = 1; k <= continuations; ++k) {
    if (i + k >= s.size()) return {k, Status::kTruncated};
    const unsigned char c = byte_at(s, i + k);
    if (c < low || c > high) return {k, Status::kInvalid};
    low = 0x80;
    high = 0xBF;
  }
  return {continuations + 1, Status::kValid};
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
    const Sequence seq = sequence_at(bytes, i);
    ++scan.non_ascii;
    if (seq.status == Status::kValid) ++scan.valid_multibyte;
    if (seq.status == Status::kInvalid) ++scan.invalid;
    if (seq.status == Status::kTruncated) scan.truncated_tail = true;
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
    const Sequence seq = lead == 0 ? Sequence{1, Status::kInvalid} : sequence_at(bytes, i);
    if (seq.status == Status::kValid) {
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
