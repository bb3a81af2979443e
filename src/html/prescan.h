// The prescan: a memchr-driven byte scanner run before Gumbo. It removes
// the content of script, style, svg, template, noscript and comments (the
// HTML spec's rules for where raw text ends), keeping JSON-LD script bodies
// aside for metadata. Gumbo's cost is per byte, so every byte dropped here
// is speed.
#ifndef WEBCLEAN_HTML_PRESCAN_H_
#define WEBCLEAN_HTML_PRESCAN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "block/block.h"
#include "html/params.h"

namespace webclean::html {

struct PrescanOptions {
  // Elements whose whole balanced subtree is dropped (the rules drop them
  // anyway): nav, footer, aside. A subtree without its end tag, or holding
  // more than params::kMaxDroppedSubtreeShare of the page, is kept.
  std::vector<std::string> drop_subtrees;
  // Keep the value of href attributes, and <base href>: links are written
  // with their targets. Otherwise an href is kept as a bare flag.
  bool keep_link_targets = false;
  // Keep a text preview of each dropped subtree (Prescanned::dropped_texts),
  // for block reports: what the stand-in stood for.
  bool keep_dropped_texts = false;
};

// The text of the stand-in left where a subtree was dropped.
inline constexpr std::string_view kDroppedSubtreeMark = block::kDroppedSubtreeText;

// Class and id values are written to Gumbo as an index into
// attribute_values: U+E000 (a private-use character no real value starts
// with) then the index in decimal. Gumbo's cost is per byte, and class
// attributes are a third of what it would otherwise see.
inline constexpr std::string_view kAttributeIndexMark = "\xEE\x80\x80";

// Long runs of text likewise reach Gumbo as an index into the text table,
// between U+E002 and U+E003: Gumbo reads text a character at a time, and
// the text of a page is half of what it would otherwise see. Runs holding a
// character reference ('&') are left for Gumbo to decode; so are runs
// shorter than params::kMinIndexedText.
inline constexpr std::string_view kTextIndexOpen = "\xEE\x80\x82";
inline constexpr std::string_view kTextIndexClose = "\xEE\x80\x83";

struct Prescanned {
  std::string html;                  // the page with the dropped content removed
  std::vector<std::string> json_ld;  // bodies of <script type="application/ld+json">
  // With PrescanOptions::keep_dropped_texts: each dropped subtree's text
  // (tags, comments, scripts and styles left out), in page order, as many
  // as the stand-ins in `html`.
  std::vector<std::string> dropped_texts;
  // Class and id values, as views into the prescan's input (which must
  // outlive them); values holding a character reference are not indexed.
  std::vector<std::string_view> attribute_values;
  // Indexed text runs: text_store holds them end to end, text_runs their
  // (offset, length) in it.
  std::string text_store;
  std::vector<std::pair<uint32_t, uint32_t>> text_runs;

  std::string_view text_run(size_t index) const {
    if (index >= text_runs.size()) return {};
    return std::string_view(text_store).substr(text_runs[index].first, text_runs[index].second);
  }
};

Prescanned prescan(std::string_view html, const PrescanOptions& options = PrescanOptions{});

// Where a piece of a text node's text came from: written in the text as
// Gumbo read it, or an indexed run put back from the prescan's text table.
enum class TextPiece { kAsWritten, kIndexed };

// Expands the indexed runs (kTextIndexOpen, the index in decimal,
// kTextIndexClose) of a text node's `text`: calls on_piece(piece, kind) for
// each stretch written as is and for each run it stands for, in order. An
// index not closed runs to the end of the text; one past the table is "".
template <typename OnPiece>
void expand_text_runs(std::string_view text, const Prescanned& scanned, OnPiece&& on_piece) {
  while (!text.empty()) {
    const size_t open = text.find(kTextIndexOpen);
    on_piece(text.substr(0, open), TextPiece::kAsWritten);
    if (open == std::string_view::npos) return;
    text.remove_prefix(open + kTextIndexOpen.size());
    const size_t close = text.find(kTextIndexClose);
    size_t index = 0;
    for (char c : text.substr(0, close))
      index = index * 10 + size_t(c >= '0' && c <= '9' ? c - '0' : 0);
    on_piece(scanned.text_run(index), TextPiece::kIndexed);
    if (close == std::string_view::npos) return;
    text.remove_prefix(close + kTextIndexClose.size());
  }
}

// The value of an indexed class or id attribute, or `value` itself.
std::string_view resolve_attribute(std::string_view value, const Prescanned& scanned);

}  // namespace webclean::html

#endif  // WEBCLEAN_HTML_PRESCAN_H_
