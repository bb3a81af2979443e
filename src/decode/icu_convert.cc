#include "decode/icu_convert.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

#include <array>
#include <cstdint>

#include "decode/charset_label.h"
#include "decode/decode.h"
#include "decode/params.h"

namespace webclean::decode {
namespace {

struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

std::string standard_name(UConverter* converter) {
  UErrorCode status = U_ZERO_ERROR;
  const char* internal = ucnv_getName(converter, &status);
  if (U_FAILURE(status)) return {};
  for (const char* standard : {"MIME", "IANA"}) {
    status = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(internal, standard, &status);
    if (U_SUCCESS(status) && name != nullptr) return name;
  }
  return internal;
}

bool is_unicode_encoding(std::string_view name) {
  return name.starts_with("UTF-") || name.starts_with("utf-");
}

}  // namespace

std::optional<Charset> open_charset(std::string_view label) {
  const std::string normalized = normalize_label(label);
  if (normalized.empty()) return std::nullopt;
  const std::string_view alias = whatwg_charset(normalized);
  const std::string icu_name(alias.empty() ? std::string_view(normalized) : alias);
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(icu_name.c_str(), &status));
  if (U_FAILURE(status) || !converter) return std::nullopt;
  std::string name = alias.empty() ? standard_name(converter.get()) : icu_name;
  return Charset{std::move(converter), std::move(name)};
}

bool decodes_ascii_unchanged(UConverter* converter) {
  static constexpr std::string_view kProbe =
      "\t\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ"
      "[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
  std::array<UChar, kProbe.size() + 8> decoded{};
  UErrorCode status = U_ZERO_ERROR;
  ucnv_resetToUnicode(converter);
  const int32_t length =
      ucnv_toUChars(converter, decoded.data(), static_cast<int32_t>(decoded.size()), kProbe.data(),
                    static_cast<int32_t>(kProbe.size()), &status);
  ucnv_resetToUnicode(converter);
  if (U_FAILURE(status) || length != static_cast<int32_t>(kProbe.size())) return false;
  for (size_t k = 0; k < kProbe.size(); ++k) {
    if (decoded[k] != static_cast<UChar>(kProbe[k])) return false;
  }
  return true;
}

std::optional<std::string> convert_to_utf8(UConverter* converter, std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr utf8(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_resetToUnicode(converter);
  std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
  char* target = out.data();
  const char* source = bytes.data();
  std::array<UChar, 1024> pivot;
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  bool reset = true;
  while (true) {
    status = U_ZERO_ERROR;
    ucnv_convertEx(utf8.get(), converter, &target, out.data() + out.size(), &source,
                   bytes.data() + bytes.size(), pivot.data(), &pivot_source, &pivot_target,
                   pivot.data() + pivot.size(), reset, /*flush=*/true, &status);
    reset = false;
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    const size_t written = static_cast<size_t>(target - out.data());
    out.resize(out.size() * 2);
    target = out.data() + written;
  }
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<size_t>(target - out.data()));
  return out;
}

std::string detect_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return {};
  const std::string_view sample = bytes.substr(0, params::kDetectBytes);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  ucsdet_enableInputFilter(detector.get(), true);  // ignore <markup>
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  if (U_FAILURE(status)) return {};
  for (int32_t k = 0; k < count; ++k) {
    status = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[k], &status);
    const int32_t confidence = ucsdet_getConfidence(matches[k], &status);
    if (U_FAILURE(status) || name == nullptr) continue;
    if (confidence < params::kMinDetectConfidence) break;  // matches come best first
    // The EBCDIC guesses (IBM420/424) are false positives on web text.
    if (!is_unicode_encoding(name) && !std::string_view(name).starts_with("IBM4")) return name;
  }
  return {};
}

void normalize_nfc(std::string& text) {
  // ICU measures strings in int32_t; inputs are capped far below upstream.
  if (text.size() > static_cast<size_t>(INT32_MAX)) return;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return;
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(piece, status) || U_FAILURE(status)) return;
  std::string normalized;
  normalized.reserve(text.size());
  icu::StringByteSink<std::string> sink(&normalized);
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_SUCCESS(status)) text = std::move(normalized);
}

std::string icu_version() {
  UVersionInfo version;
  u_getVersion(version);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(version, text);
  return text;
}

}  // namespace webclean::decode
