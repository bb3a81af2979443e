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

struct Prescanned {
  std::string html;                  // the page with the dropped content removed
  std::vector<std::string> json_ld;  // bodies of <script type="application/ld+json">
};

Prescanned prescan(std::string_view html);

}  // namespace webclean::html

#endif  // WEBCLEAN_HTML_PRESCAN_H_
