// UTF-8 validation and repair for the Decode stage: one pass that counts
// valid and invalid sequences (the evidence for "is this UTF-8?"), and a
// copy that turns each invalid sequence into U+FFFD.
#ifndef WEBCLEAN_DECODE_UTF8_H_
#define WEBCLEAN_DECODE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace webclean::decode {

struct Utf8Scan {
  size_t non_ascii = 0;         // sequences (valid or not) starting with a byte >= 0x80
  size_t valid_multibyte = 0;   // well-formed sequences of 2 to 4 bytes
  size_t invalid = 0;           // ill-formed sequences, not counting a truncated tail
  bool truncated_tail = false;  // the input ends inside an otherwise valid sequence

  bool all_ascii() const { return non_ascii == 0; }
  bool well_formed() const { return invalid == 0 && !truncated_tail; }
};

Utf8Scan scan_utf8(std::string_view bytes);

// The bytes as UTF-8 with every maximal ill-formed subpart replaced by one
// U+FFFD (the Unicode recommended practice) and NUL bytes dropped.
std::string repair_utf8(std::string_view bytes);

}  // namespace webclean::decode

#endif  // WEBCLEAN_DECODE_UTF8_H_
