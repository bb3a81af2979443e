// Every heuristic constant of the decode stage (charset choice, UTF-8
// repair, telling HTML from text), in one place, each with where its value
// comes from. Byte signatures, BOMs and charset names are formats, not
// heuristics: they stay where they are used.
#ifndef WEBCLEAN_DECODE_PARAMS_H_
#define WEBCLEAN_DECODE_PARAMS_H_

#include <cstddef>
#include <cstdint>

namespace webclean::decode::params {

// --- sniffing ---
// Byte sniffing (control bytes, BOM-less UTF-16 and UTF-32) looks at no
// more than this many leading bytes. Chosen by hand, not measured.
inline constexpr size_t kBinarySniffBytes = 4096;
// Telling HTML from plain text and Markdown reads this many leading bytes.
// Chosen by hand, not measured.
inline constexpr size_t kKindSniffBytes = 4096;
// A head with at least this many "](" is a Markdown dump (text), even when
// pandoc left <div> lines in it. Chosen by hand, not measured (the
// Markdown reading as a whole: readability pages as pandoc Markdown F1
// 0.729 -> 0.835).
inline constexpr size_t kMinMarkdownLinks = 3;

// --- charset ---
// The meta prescan reads no further than this: browsers read 1024 bytes
// (the HTML spec's prescan), but pages with long heads put their <meta>
// later. Chosen by hand, not measured.
inline constexpr size_t kMetaScanBytes = 4096;
// Charset detection reads at most this much: enough text for its n-gram
// statistics, bounded cost on huge inputs. Chosen by hand, not measured.
inline constexpr size_t kDetectBytes = 64 * 1024;
// ICU's confidence runs 0-100; below this its guess is noise and the
// windows-1252 default does better on the web's legacy pages. Chosen by
// hand, not measured.
inline constexpr int32_t kMinDetectConfidence = 20;
// Up to kFewInvalid invalid sequences, or kMaxInvalidPercent of the
// non-ASCII ones, are damage inside a UTF-8 document, not evidence of
// another charset. Chosen by hand, not measured.
inline constexpr size_t kFewInvalid = 8;
inline constexpr size_t kMaxInvalidPercent = 1;

// --- binary data and BOM-less UTF-16/32 (sniff.cc) ---
// Bytes are binary when at least kMinControlBytes of the sniffed head, and
// more than kMinControlPercent of it, are control bytes (not whitespace or
// ESC): text in any 8-bit or multibyte charset has next to none, random
// bytes about 10%. Chosen by hand, not measured.
inline constexpr size_t kMinControlBytes = 4;
inline constexpr size_t kMinControlPercent = 5;
// UTF-32 without a BOM: at least this share of the 4-byte units has its
// two high bytes NUL (text is mostly in the BMP). Chosen by hand, not
// measured.
inline constexpr size_t kMinUtf32BmpPercent = 90;
// UTF-16 without a BOM: at least kMinUtf16NulPercent of the units have a
// NUL in one half (ASCII and markup, even on pages in other scripts) and
// at most kMaxUtf16OtherNulPercent in the other (a NUL there is a U+0000,
// rare). Chosen by hand, not measured.
inline constexpr size_t kMinUtf16NulPercent = 40;
inline constexpr size_t kMaxUtf16OtherNulPercent = 5;

}  // namespace webclean::decode::params

#endif  // WEBCLEAN_DECODE_PARAMS_H_
