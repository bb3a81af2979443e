// The ICU side of decoding: converters opened by label, conversion of a
// legacy charset to UTF-8, charset detection for undeclared bytes, and NFC
// normalisation.
#ifndef WEBCLEAN_DECODE_ICU_CONVERT_H_
#define WEBCLEAN_DECODE_ICU_CONVERT_H_

#include <unicode/ucnv.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace webclean::decode {

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct Charset {
  ConverterPtr converter;
  std::string name;  // canonical: "windows-1252", "GB18030", "ISO-8859-2", ...
};

// The converter for a label after the WHATWG aliases, or nullopt when ICU
// has none by that name.
std::optional<Charset> open_charset(std::string_view label);

// True when the charset decodes printable ASCII, tab and newlines to
// themselves, so all-ASCII bytes need no conversion (false for EBCDIC,
// UTF-7, HZ, UTF-16...).
bool decodes_ascii_unchanged(UConverter* converter);

// The bytes converted to UTF-8, unmappable and ill-formed input replaced by
// U+FFFD; nullopt if ICU fails outright.
std::optional<std::string> convert_to_utf8(UConverter* converter, std::string_view bytes);

// The charset ICU's detector names with enough confidence, skipping the
// Unicode encodings (the caller has ruled them out), or "" when unsure.
std::string detect_charset(std::string_view bytes);

// Puts valid UTF-8 text into Normalization Form C; a cheap check first, as
// nearly all text already is.
void normalize_nfc(std::string& text);

}  // namespace webclean::decode

#endif  // WEBCLEAN_DECODE_ICU_CONVERT_H_
