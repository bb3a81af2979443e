#include "decode/kind.h"

#include "base/ascii.h"
#include "decode/params.h"

#include <array>
#include <string>

namespace webclean::decode {
namespace {

// HTML's tag open state: '<' starts markup only before a letter, '!', '/'
// or '?'; "<3 love" and "< 5" are text.
bool opens_tag(std::string_view s, size_t at) {
  if (at + 1 >= s.size() || s[at] != '<') return false;
  const char c = s[at + 1];
  return (c >= 'a' && c <= 'z') || c == '!' || c == '/' || c == '?';
}

// An element without content: a tag that closes itself or a void one.
bool is_empty_element(std::string_view tag) {
  if (tag.size() >= 2 && tag.substr(tag.size() - 2) == "/>") return true;
  const size_t name_end = tag.find_first_of(" \t/>", 1);
  const std::string_view name = tag.substr(1, name_end - 1);
  for (std::string_view empty : {"img", "br", "hr", "input", "link", "source", "embed", "wbr"}) {
    if (name == empty) return true;
  }
  return false;
}

// w3m -dump prints a <noscript>'s markup as text: a dump may open with a
// line that is one empty element ("<img src=... />") and hold no tag after
// it. (A page that opens with a <style> and kilobytes of CSS is a page.)
bool is_lone_tag_line(std::string_view s, size_t first) {
  size_t end = s.find('\n', first);
  if (end == std::string_view::npos) end = s.size();
  const std::string_view line = s.substr(first, s.find_last_not_of(" \t\r", end - 1) + 1 - first);
  if (line.size() < 3 || line.back() != '>' || line.find('<', 1) != std::string_view::npos ||
      !is_empty_element(line)) {
    return false;
  }
  for (size_t at = s.find('<', end); at != std::string_view::npos; at = s.find('<', at + 1)) {
    if (opens_tag(s, at)) return false;
  }
  return true;
}

}  // namespace

Kind sniff_kind(std::string_view head, std::string_view content_type) {
  const std::string type = base::lower_ascii(content_type.substr(0, content_type.find(';')));
  if (type.find("html") != std::string::npos || type.find("xml") != std::string::npos) {
    return Kind::kHtml;
  }
  if (type.rfind("text/", 0) == 0) return Kind::kText;
  const std::string start = base::lower_ascii(head.substr(0, params::kKindSniffBytes));
  // Markers a text dump does not contain but nearly every page does.
  static constexpr std::array<std::string_view, 7> kMarkers = {
      "<!doctype html", "<html", "<head", "<body", "<meta ", "<title", "<p>"};
  for (std::string_view marker : kMarkers) {
    if (start.find(marker) != std::string::npos) return Kind::kHtml;
  }
  // Markdown dumps keep some raw tags (pandoc leaves its <div>s) among
  // their [text](url) links; a page fragment has the tags alone.
  size_t markdown_links = 0;
  for (size_t at = 0; (at = start.find("](", at)) != std::string::npos; at += 2) ++markdown_links;
  if (markdown_links >= params::kMinMarkdownLinks) return Kind::kText;
  for (std::string_view marker : {"<div", "<br"}) {
    if (start.find(marker) != std::string::npos) return Kind::kHtml;
  }
  size_t first = start.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string::npos && opens_tag(start, first) &&
      start.find('>', first) != std::string::npos && !is_lone_tag_line(start, first)) {
    return Kind::kHtml;
  }
  // A NUL in the head: maybe UTF-16; decide after decoding.
  if (start.find('\0') != std::string::npos) return Kind::kUnknown;
  return Kind::kText;
}

}  // namespace webclean::decode
