// Base: UTF-8 sequences as the Unicode standard bounds them, for the
// stages that judge bytes (Decode's evidence and repair) and those that
// check a value before trusting it (a percent-decoded JSON-LD text).
#ifndef WEBCLEAN_BASE_UTF8_H_
#define WEBCLEAN_BASE_UTF8_H_

#include <cstddef>
#include <string_view>

namespace webclean::base {

enum class Utf8Status { kValid, kInvalid, kTruncated };

struct Utf8Sequence {
  size_t length;  // of the valid sequence, or of the maximal ill-formed subpart (>= 1)
  Utf8Status status;
};

// The sequence starting at byte `i` of `s` (i < s.size()). Table 3-7 of
// the Unicode standard: the lead byte fixes the length and the range of
// the first continuation byte (which rules out overlong forms, surrogates
// and code points above U+10FFFF). Inline: Decode calls it per sequence.
inline Utf8Sequence utf8_sequence_at(std::string_view s, size_t i) {
  const auto byte_at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte_at(i);
  if (lead < 0x80) return {1, Utf8Status::kValid};
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
    return {1, Utf8Status::kInvalid};
  }
  for (size_t k = 1; k <= continuations; ++k) {
    if (i + k >= s.size()) return {k, Utf8Status::kTruncated};
    const unsigned char c = byte_at(i + k);
    if (c < low || c > high) return {k, Utf8Status::kInvalid};
    low = 0x80;
    high = 0xBF;
  }
  return {continuations + 1, Utf8Status::kValid};
}

// Whether all of `text` is well-formed UTF-8 (a cut-off last sequence
// is not).
inline bool is_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const Utf8Sequence sequence = utf8_sequence_at(text, i);
    if (sequence.status != Utf8Status::kValid) return false;
    i += sequence.length;
  }
  return true;
}

}  // namespace webclean::base

#endif  // WEBCLEAN_BASE_UTF8_H_
