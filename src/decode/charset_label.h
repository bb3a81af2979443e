// Charset labels: where pages name their charset (a Content-Type value, an
// HTML <meta> in the first bytes) and how a label maps onto the converter a
// browser would use (the WHATWG Encoding Standard's aliases).
#ifndef WEBCLEAN_DECODE_CHARSET_LABEL_H_
#define WEBCLEAN_DECODE_CHARSET_LABEL_H_

#include <string>
#include <string_view>

namespace webclean::decode {

// The value of the first `charset=` parameter in a Content-Type-like value,
// quotes removed ("" when there is none). Loose on purpose, as browsers are:
// the same algorithm reads <meta content="...">.
std::string charset_parameter(std::string_view value);

// The charset named by a <meta charset> or <meta http-equiv="Content-Type">
// in the first 4 KB of an HTML page, or "". Skips comments and the
// attributes of other tags, as the HTML spec's encoding prescan does.
std::string meta_charset(std::string_view html);

// The label without surrounding whitespace and quotes.
std::string_view trim_label(std::string_view label);

// The label trimmed and ASCII lower-cased.
std::string normalize_label(std::string_view label);

// The name of the converter a browser uses for a normalised label, per the
// WHATWG aliases ("latin1" -> "windows-1252", "gb2312" -> "GB18030"), or ""
// when the table does not list it (ICU's own alias lookup may still know it).
std::string_view whatwg_charset(std::string_view normalized_label);

}  // namespace webclean::decode

#endif  // WEBCLEAN_DECODE_CHARSET_LABEL_H_
