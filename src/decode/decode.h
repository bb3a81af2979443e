// Decode: raw bytes in any charset to valid UTF-8, NFC-normalised.
// Order of evidence: BOM, then the caller's declared charset (HTTP), then
// <meta charset>/http-equiv for HTML, else ICU detection; a declared
// charset that the bytes contradict (valid UTF-8 declared gb2312) loses.
#ifndef WEBCLEAN_DECODE_DECODE_H_
#define WEBCLEAN_DECODE_DECODE_H_

#include <string>
#include <string_view>

namespace webclean::decode {

struct Decoded {
  std::string text;     // valid UTF-8, NFC; invalid input sequences become U+FFFD
  std::string charset;  // canonical name of the charset decoded from, e.g. "UTF-8"
  std::string error;    // non-empty when the bytes are not text (binary data)
};

// `declared` is a charset name from outside the bytes (HTTP Content-Type,
// a WARC header), may be empty. `look_for_meta` scans the first bytes for an
// HTML <meta charset> declaration.
enum class Normalization { kNfc, kNone };

// kNone leaves NFC to the caller: the Cleaner normalises only the text it
// keeps (a page's blocks are a tenth of its bytes), with to_nfc().
Decoded to_utf8(std::string_view bytes, std::string_view declared, bool look_for_meta,
                Normalization normalization = Normalization::kNfc);

// Normalises valid UTF-8 to NFC in place (all-ASCII text is left alone).
void to_nfc(std::string& text);

// The charset named in a Content-Type value ("text/html; charset=latin1"),
// or "" when it names none.
std::string charset_from_content_type(std::string_view content_type);

// The version of the ICU in use, e.g. "72.1".
std::string icu_version();

}  // namespace webclean::decode

#endif  // WEBCLEAN_DECODE_DECODE_H_
