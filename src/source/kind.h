// Telling HTML from plain text by the content, not the file name: markup
// near the start decides. A Content-Type, when given, decides first.
#ifndef WEBCLEAN_SOURCE_KIND_H_
#define WEBCLEAN_SOURCE_KIND_H_

#include <string_view>

#include "webclean/cleaner.h"

namespace webclean {

// kHtml or kText when the evidence is clear, kAuto when it is not (e.g.
// bytes in an encoding that is not ASCII-compatible).
InputKind sniff_kind(std::string_view head, std::string_view content_type);

}  // namespace webclean

#endif  // WEBCLEAN_SOURCE_KIND_H_
