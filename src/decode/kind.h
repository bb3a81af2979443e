// Decode: telling HTML from plain text by the content, not the file name:
// markup near the start decides; a Content-Type, when given, decides
// first. Asked of the raw bytes, and again of the UTF-8 text when the
// bytes said nothing clear (UTF-16, say).
#ifndef WEBCLEAN_DECODE_KIND_H_
#define WEBCLEAN_DECODE_KIND_H_

#include <string_view>

namespace webclean::decode {

enum class Kind { kHtml, kText, kUnknown };

// kHtml or kText when the evidence is clear, kUnknown when it is not
// (e.g. bytes in an encoding that is not ASCII-compatible).
Kind sniff_kind(std::string_view head, std::string_view content_type);

}  // namespace webclean::decode

#endif  // WEBCLEAN_DECODE_KIND_H_
