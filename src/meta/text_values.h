// Small readings of text values shared by the head's and the body's
// readers: the character references a value still holds, and words counted
// the way titles and bylines are measured.
#ifndef WEBCLEAN_META_TEXT_VALUES_H_
#define WEBCLEAN_META_TEXT_VALUES_H_

#include <string>
#include <string_view>

namespace webclean::meta {

// Character references left in a value that was escaped twice
// ("&amp;#8217;" in the page: "&#8217;" after the parser), and the ones
// JSON-LD writers copy from HTML: numeric ones and &amp; &quot; &apos; &lt; &gt;.
std::string decode_references(std::string_view text);

// Words separated by spaces (callers collapse whitespace first).
int word_count(std::string_view text);

}  // namespace webclean::meta

#endif  // WEBCLEAN_META_TEXT_VALUES_H_
