#include "decode/decode.h"

#include <algorithm>

#include <optional>

#include "decode/charset_label.h"
#include "decode/icu_convert.h"
#include "decode/params.h"
#include "decode/sniff.h"
#include "decode/utf8.h"

namespace webclean::decode {
namespace {

constexpr std::string_view kUtf8 = "UTF-8";
constexpr std::string_view kFallbackCharset = "windows-1252";

Decoded binary(std::string_view what) {
  return {{}, {}, "binary data (" + std::string(what) + ")"};
}

bool is_wide_unicode(std::string_view charset) {
  return charset.starts_with("UTF-16") || charset.starts_with("UTF-32");
}

// Invalid sequences counted as evidence against UTF-8. A sequence cut off
// at the very end is a truncated download when other sequences vouch for
// UTF-8; alone it is as likely a Latin-1 letter at the end.
size_t invalid_sequences(const Utf8Scan& scan) {
  const bool tail_counts = scan.truncated_tail && scan.valid_multibyte == 0;
  return scan.invalid + (tail_counts ? 1 : 0);
}

bool few_invalid(const Utf8Scan& scan) {
  const size_t invalid = invalid_sequences(scan);
  return invalid <= params::kFewInvalid ||
         invalid * 100 <= scan.non_ascii * params::kMaxInvalidPercent;
}

// Whether the bytes are UTF-8, tolerating a little damage when valid
// multibyte sequences vouch for UTF-8: at least one when the bytes were
// declared UTF-8, twice as many as the invalid ones otherwise.
bool reads_as_utf8(const Utf8Scan& scan, bool declared_utf8) {
  const size_t invalid = invalid_sequences(scan);
  if (invalid == 0) return true;
  if (scan.valid_multibyte == 0 || !few_invalid(scan)) return false;
  return declared_utf8 || scan.valid_multibyte >= 2 * invalid;
}

// Legacy text is practically never valid UTF-8 with multibyte sequences by
// chance (in GB2312 text, most sequences are invalid), so such bytes overrule
// a legacy declaration, as for a page declaring gb2312 whose bytes are UTF-8.
// A stray invalid byte among many valid sequences does not save the
// declaration.
bool contradicts_legacy_declaration(const Utf8Scan& scan) {
  const size_t invalid = invalid_sequences(scan);
  if (invalid == 0) return scan.valid_multibyte > 0;
  return few_invalid(scan) && scan.valid_multibyte >= 10 * invalid;
}

void strip_leading_bom(std::string& text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
}

Decoded decode_utf8(std::string_view bytes, const Utf8Scan& scan) {
  const bool clean = scan.well_formed() && bytes.find('\0') == std::string_view::npos;
  std::string text = clean ? std::string(bytes) : repair_utf8(bytes);
  strip_leading_bom(text);
  return {std::move(text), std::string(kUtf8), {}};
}

// `ascii_only`: the bytes are all ASCII and hold no ESC (which would start
// an ISO-2022 shift), so an ASCII-compatible charset leaves them as they are.
Decoded decode_with(std::string_view bytes, Charset& charset, bool ascii_only) {
  std::string text;
  const bool unchanged = ascii_only && decodes_ascii_unchanged(charset.converter.get());
  if (unchanged) {
    text.assign(bytes);
  } else if (auto converted = convert_to_utf8(charset.converter.get(), bytes)) {
    text = std::move(*converted);
  } else {
    return decode_utf8(bytes, scan_utf8(bytes));
  }
  std::erase(text, '\0');
  strip_leading_bom(text);
  return {std::move(text), std::move(charset.name), {}};
}

// Bytes whose charset is fixed (by a BOM or the NUL pattern of UTF-16/32).
Decoded decode_as(std::string_view bytes, std::string_view charset_name) {
  if (charset_name == kUtf8) return decode_utf8(bytes, scan_utf8(bytes));
  std::optional<Charset> charset = open_charset(charset_name);
  if (!charset) return decode_utf8(bytes, scan_utf8(bytes));
  return decode_with(bytes, *charset, /*ascii_only=*/false);
}

struct Evidence {
  std::string_view bytes;
  Utf8Scan scan;
  bool ascii_only;
};

enum class Verdict { kUseCharset, kUseUtf8, kIgnore };

Verdict weigh_declaration(const Charset& charset, const Evidence& evidence, bool from_meta) {
  // A <meta> cannot declare UTF-16: the page was read as ASCII to find it.
  const bool utf8 = charset.name == kUtf8 || (from_meta && is_wide_unicode(charset.name));
  if (utf8) {
    const bool valid = reads_as_utf8(evidence.scan, /*declared_utf8=*/true);
    return valid ? Verdict::kUseUtf8 : Verdict::kIgnore;
  }
  if (is_wide_unicode(charset.name)) {
    // No BOM and no NUL pattern: only bytes that are not UTF-8 could be it.
    return evidence.scan.well_formed() ? Verdict::kIgnore : Verdict::kUseCharset;
  }
  return contradicts_legacy_declaration(evidence.scan) ? Verdict::kUseUtf8 : Verdict::kUseCharset;
}

// The charset name, also when a caller passes a whole Content-Type value.
std::string declared_label(std::string_view declared) {
  if (declared.find('=') == std::string_view::npos) return std::string(declared);
  return charset_parameter(declared);
}

// UTF-16 text in a script without ASCII (no NUL pattern) has control bytes
// all over; a declaration saying so is not to be called binary.
bool declares_wide_unicode(std::string_view declared) {
  const std::string label = normalize_label(declared_label(declared));
  const std::string_view alias = whatwg_charset(label);
  return is_wide_unicode(alias) || label.starts_with("utf-16") || label.starts_with("utf-32");
}

// Tries the declaration from outside, then the page's <meta>, in that order.
std::optional<Decoded> decode_declared(const Evidence& evidence, std::string_view declared,
                                       bool look_for_meta) {
  for (const bool from_meta : {false, true}) {
    if (from_meta && !look_for_meta) break;
    const std::string label = from_meta ? meta_charset(evidence.bytes) : declared_label(declared);
    std::optional<Charset> charset = open_charset(label);
    if (!charset) continue;
    switch (weigh_declaration(*charset, evidence, from_meta)) {
      case Verdict::kUseCharset:
        return decode_with(evidence.bytes, *charset, evidence.ascii_only);
      case Verdict::kUseUtf8:
        return decode_utf8(evidence.bytes, evidence.scan);
      case Verdict::kIgnore:
        break;
    }
  }
  return std::nullopt;
}

Decoded decode_detected(const Evidence& evidence) {
  const std::string detected = detect_charset(evidence.bytes);
  std::optional<Charset> charset = open_charset(detected);
  if (!charset) charset = open_charset(kFallbackCharset);
  if (!charset) return decode_utf8(evidence.bytes, evidence.scan);
  return decode_with(evidence.bytes, *charset, evidence.ascii_only);
}

// 7-bit ISO-2022 text passes for ASCII; only its ESC shifts give it away.
std::optional<Decoded> decode_iso2022(const Evidence& evidence) {
  const std::string detected = detect_charset(evidence.bytes);
  if (!detected.starts_with("ISO-2022")) return std::nullopt;
  std::optional<Charset> charset = open_charset(detected);
  if (!charset) return std::nullopt;
  return decode_with(evidence.bytes, *charset, /*ascii_only=*/false);
}

Decoded decode_narrow(std::string_view bytes, std::string_view declared, bool look_for_meta) {
  const Utf8Scan scan = scan_utf8(bytes);
  const bool has_escape = bytes.find('\x1B') != std::string_view::npos;
  const Evidence evidence{bytes, scan, scan.all_ascii() && !has_escape};
  if (auto decoded = decode_declared(evidence, declared, look_for_meta)) return std::move(*decoded);
  if (has_escape && scan.all_ascii()) {
    if (auto decoded = decode_iso2022(evidence)) return std::move(*decoded);
  }
  if (reads_as_utf8(scan, /*declared_utf8=*/false)) return decode_utf8(bytes, scan);
  return decode_detected(evidence);
}

Decoded decode_bytes(std::string_view bytes, std::string_view declared, bool look_for_meta) {
  if (bytes.empty()) return {{}, std::string(kUtf8), {}};
  if (const auto bom = sniff_bom(bytes)) return decode_as(bytes.substr(bom->length), bom->charset);
  if (const auto format = binary_format(bytes); !format.empty()) return binary(format);
  if (const auto wide = sniff_bomless_wide_text(bytes); !wide.empty()) {
    return decode_as(bytes, wide);
  }
  if (mostly_control_bytes(bytes) && !declares_wide_unicode(declared)) {
    return binary("control bytes");
  }
  return decode_narrow(bytes, declared, look_for_meta);
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; });
}

}  // namespace

Decoded to_utf8(std::string_view bytes, std::string_view declared, bool look_for_meta,
                Normalization normalization) {
  Decoded decoded = decode_bytes(bytes, declared, look_for_meta);
  if (normalization == Normalization::kNfc) to_nfc(decoded.text);
  return decoded;
}

void to_nfc(std::string& text) {
  if (!is_ascii(text)) normalize_nfc(text);
}

std::string charset_from_content_type(std::string_view content_type) {
  const std::string value = charset_parameter(content_type);
  return std::string(trim_label(value));
}

}  // namespace webclean::decode
