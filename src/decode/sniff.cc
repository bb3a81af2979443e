#include "decode/sniff.h"

#include <algorithm>

#include "decode/params.h"

namespace webclean::decode {
namespace {

std::string_view head(std::string_view bytes) {
  return bytes.substr(0, params::kBinarySniffBytes);
}

bool is_nul(std::string_view s, size_t i) {
  return s[i] == '\0';
}

struct Magic {
  size_t offset;
  std::string_view bytes;
  std::string_view format;
};

}  // namespace

std::optional<Bom> sniff_bom(std::string_view bytes) {
  using namespace std::string_view_literals;
  // UTF-32LE before UTF-16LE: its mark starts with the UTF-16LE one.
  static constexpr Bom kUtf32Le{"UTF-32LE", 4}, kUtf32Be{"UTF-32BE", 4}, kUtf8{"UTF-8", 3},
      kUtf16Le{"UTF-16LE", 2}, kUtf16Be{"UTF-16BE", 2};
  if (bytes.starts_with("\xFF\xFE\0\0"sv)) return kUtf32Le;
  if (bytes.starts_with("\0\0\xFE\xFF"sv)) return kUtf32Be;
  if (bytes.starts_with("\xEF\xBB\xBF"sv)) return kUtf8;
  if (bytes.starts_with("\xFF\xFE"sv)) return kUtf16Le;
  if (bytes.starts_with("\xFE\xFF"sv)) return kUtf16Be;
  return std::nullopt;
}

std::string_view binary_format(std::string_view bytes) {
  using namespace std::string_view_literals;
  static constexpr Magic kMagics[] = {
      {0, "\x89PNG\r\n\x1A\n"sv, "PNG image"},
      {0, "\xFF\xD8\xFF"sv, "JPEG image"},
      {0, "GIF87a"sv, "GIF image"},
      {0, "GIF89a"sv, "GIF image"},
      {8, "WEBP"sv, "WebP image"},
      {0, "%PDF-"sv, "PDF document"},
      {0, "PK\x03\x04"sv, "ZIP archive"},
      {0, "PK\x05\x06"sv, "ZIP archive"},
      {0, "\x1F\x8B"sv, "gzip data"},
      {0,
       "\xFD"
       "7zXZ\0"sv,
       "xz data"},
      {0, "7z\xBC\xAF\x27\x1C"sv, "7z archive"},
      {0, "\x28\xB5\x2F\xFD"sv, "zstd data"},
      {0,
       "\x7F"
       "ELF"sv,
       "ELF executable"},
      {0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "MS Office document"},
      {0, "SQLite format 3\0"sv, "SQLite database"},
      {0, "wOFF"sv, "web font"},
      {0, "wOF2"sv, "web font"},
      {4, "ftyp"sv, "MP4 media"},
      {0, "OggS\0"sv, "Ogg media"},
  };
  for (const Magic& magic : kMagics) {
    if (bytes.size() >= magic.offset && bytes.substr(magic.offset).starts_with(magic.bytes)) {
      return magic.format;
    }
  }
  return {};
}

bool mostly_control_bytes(std::string_view bytes) {
  const std::string_view sample = head(bytes);
  const auto is_control = [](char c) {
    const auto b = static_cast<unsigned char>(c);
    // Tab, LF, VT, FF, CR are whitespace; ESC starts ISO-2022 shifts.
    return b < 0x20 && !(b >= 0x09 && b <= 0x0D) && b != 0x1B;
  };
  const auto controls =
      static_cast<size_t>(std::count_if(sample.begin(), sample.end(), is_control));
  // Text in any 8-bit or multibyte charset has next to none; random bytes ~10%.
  return controls >= params::kMinControlBytes &&
         controls * 100 > sample.size() * params::kMinControlPercent;
}

std::string_view sniff_bomless_wide_text(std::string_view bytes) {
  const std::string_view sample = head(bytes);
  const size_t units32 = sample.size() / 4;
  size_t le32 = 0, be32 = 0;
  for (size_t k = 0; k < units32 * 4; k += 4) {
    // Text is mostly in the BMP: the two high bytes of each unit are NUL.
    if (is_nul(sample, k + 2) && is_nul(sample, k + 3) && !is_nul(sample, k)) ++le32;
    if (is_nul(sample, k) && is_nul(sample, k + 1) && !is_nul(sample, k + 3)) ++be32;
  }
  if (units32 > 0 && le32 * 100 >= units32 * params::kMinUtf32BmpPercent) return "UTF-32LE";
  if (units32 > 0 && be32 * 100 >= units32 * params::kMinUtf32BmpPercent) return "UTF-32BE";

  const size_t units16 = sample.size() / 2;
  size_t even_nuls = 0, odd_nuls = 0;
  for (size_t k = 0; k < units16 * 2; k += 2) {
    if (is_nul(sample, k)) ++even_nuls;
    if (is_nul(sample, k + 1)) ++odd_nuls;
  }
  // ASCII in UTF-16 has a NUL high byte; markup keeps the share high even
  // for pages in other scripts. A NUL in both halves is a U+0000, rare.
  const auto wide = [units16](size_t nuls) {
    return nuls * 100 >= units16 * params::kMinUtf16NulPercent;
  };
  const auto rare = [units16](size_t nuls) {
    return nuls * 100 <= units16 * params::kMaxUtf16OtherNulPercent;
  };
  if (units16 >= 2 && wide(odd_nuls) && rare(even_nuls)) return "UTF-16LE";
  if (units16 >= 2 && wide(even_nuls) && rare(odd_nuls)) return "UTF-16BE";
  return {};
}

}  // namespace webclean::decode
