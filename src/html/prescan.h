// The prescan: a memchr-driven byte scanner run before Gumbo. It removes
// the content of script, style, svg, template, noscript and comments (the
// HTML spec's rules for where raw text ends), keeping JSON-LD script bodies
// aside for metadata. Gumbo's cost is per byte, so every byte dropped here
// is speed.
#ifndef WEBCLEAN_HTML_PRESCAN_H_
#define WEBCLEAN_HTML_PRESCAN_H_

#include <string>
#include <string_view>
#include <vector>

namespace webclean::html {

struct PrescanOptions {
  // Elements whose whole balanced subtree is dropped (the rules drop them
  // anyway): nav, footer, aside. A subtree without its end tag, or holding
  // more than kMaxDroppedSubtreeShare of the page, is kept.
  std::vector<std::string> drop_subtrees;
};

// The text of the stand-in left where a subtree was dropped (U+E001).
inline constexpr std::string_view kDroppedSubtreeMark = "\xEE\x80\x81";

// The share of a page's bytes above which a subtree named for dropping is
// a layout wrapper, not a menu or a footer, and is kept.
inline constexpr double kMaxDroppedSubtreeShare = 0.4;

// Class and id values are written to Gumbo as an index into
// attribute_values: U+E000 (a private-use character no real value starts
// with) then the index in decimal. Gumbo's cost is per byte, and class
// attributes are a third of what it would otherwise see.
inline constexpr std::string_view kAttributeIndexMark = "\xEE\x80\x80";

struct Prescanned {
  std::string html;                  // the page with the dropped content removed
  std::vector<std::string> json_ld;  // bodies of <script type="application/ld+json">
  // Class and id values, as views into the prescan's input (which must
  // outlive them); values holding a character reference are not indexed.
  std::vector<std::string_view> attribute_values;
};

Prescanned prescan(std::string_view html, const PrescanOptions& options = PrescanOptions{});

// The value of an indexed class or id attribute, or `value` itself.
std::string_view resolve_attribute(std::string_view value, const Prescanned& scanned);

}  // namespace webclean::html

#endif  // WEBCLEAN_HTML_PRESCAN_H_
