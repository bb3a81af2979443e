#include "meta/text_values.h"

#include <re2/re2.h>

#include <cstdint>

namespace webclean::meta {
namespace {

void append_utf8(uint32_t code, std::string& out) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

}  // namespace

std::string decode_references(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  static const RE2 reference{"&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|quot|apos|lt|gt));"};
  std::string out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match[4];
  size_t at = 0;
  while (reference.Match(input, at, input.size(), RE2::UNANCHORED, match, 4)) {
    const size_t start = size_t(match[0].data() - input.data());
    out.append(text.substr(at, start - at));
    uint32_t code = 0;
    if (!match[1].empty()) code = uint32_t(std::stoul(std::string(match[1])));
    if (!match[2].empty()) code = uint32_t(std::stoul(std::string(match[2]), nullptr, 16));
    if (!match[3].empty()) {
      const std::string_view name(match[3].data(), match[3].size());
      code = name == "amp"    ? '&'
             : name == "quot" ? '"'
             : name == "apos" ? '\''
             : name == "lt"   ? '<'
                              : '>';
    }
    constexpr uint32_t kMaxCodePoint = 0x10FFFF;
    const bool valid = code != 0 && code <= kMaxCodePoint && !(code >= 0xD800 && code <= 0xDFFF);
    if (valid) {
      append_utf8(code, out);
    } else {
      out.append(match[0].data(), match[0].size());
    }
    at = start + match[0].size();
  }
  out.append(text.substr(at));
  return out;
}

int word_count(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace webclean::meta
