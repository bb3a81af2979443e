// Byte sniffing before any decoding: byte-order marks, magic numbers of
// binary formats, a share of control bytes no text has, and UTF-16/32 text
// written without a BOM (recognised by NUL bytes in alternating positions).
#ifndef WEBCLEAN_DECODE_SNIFF_H_
#define WEBCLEAN_DECODE_SNIFF_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace webclean::decode {

struct Bom {
  std::string_view charset;  // "UTF-8", "UTF-16LE", ...
  size_t length;             // bytes the mark takes
};

std::optional<Bom> sniff_bom(std::string_view bytes);

// The name of the binary format whose magic number opens `bytes` ("PNG
// image"), or "" when there is none.
std::string_view binary_format(std::string_view bytes);

// True when the first bytes hold more control bytes (NUL and C0 other than
// whitespace and ESC) than any text does: a few stray NULs do not count.
bool mostly_control_bytes(std::string_view bytes);

// "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE" when the NUL bytes of the
// first bytes fall in the pattern of that encoding, else "".
std::string_view sniff_bomless_wide_text(std::string_view bytes);

}  // namespace webclean::decode

#endif  // WEBCLEAN_DECODE_SNIFF_H_
