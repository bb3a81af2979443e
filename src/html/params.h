// Every heuristic constant of the HTML stage (the prescan, the walk and the
// body hints), in one place, each with where its value comes from. The
// prescan's markers (kTextIndexOpen...) are an encoding, not heuristics:
// they stay in prescan.h.
#ifndef WEBCLEAN_HTML_PARAMS_H_
#define WEBCLEAN_HTML_PARAMS_H_

#include <cstddef>
#include <cstdint>

namespace webclean::html::params {

// --- the prescan ---
// A dropped subtree's preview (PrescanOptions::keep_dropped_texts, shown
// by --explain) is cut to this many bytes (and "..."): a line or two of
// what the stand-in stood for. Chosen by hand, not measured.
inline constexpr size_t kMaxDroppedPreviewBytes = 300;

// Elements nested deeper than this are left out (their text stays): real
// pages stay under a few hundred; Gumbo's cost grows with the square of it
// (a million-deep page took Gumbo hours). Chosen by hand well above real
// pages, not measured.
inline constexpr size_t kMaxDepth = 2000;

// Start tags past this many are left out (their text stays). The largest
// page of the corpus has 10,000 elements, the longest Wikipedia articles
// about 60,000; Gumbo and the block model need about 650 bytes an element,
// so a page of a million unclosed <table>s would otherwise take 1.3 GB.
inline constexpr size_t kMaxElements = 250000;

// A <noscript data-path> (or <noscript id=flarum-content>) holding at
// least this many bytes is the page itself as served without JavaScript
// (Discourse's and Flarum's crawler views: every post of a thread is there), not a tracking pixel
// (a Google Tag Manager <iframe> is under 250 bytes) or an "enable JavaScript" notice (under 1 KB):
// its tags are dropped and its content is parsed as part of the page. Other <noscript>s go with
// their content: big ones without the attribute repeat the page's text (seen on wcxb-dev: 3 pages
// lost 0.04 to 0.3 of F1 when every <noscript> of 4 KB or more was kept). With it, wcxb-dev's
// forum F1 went 0.436 -> 0.492 (tune half 0.417 -> 0.468, held-out 0.455 -> 0.517).
inline constexpr size_t kMinNoscriptPageBytes = 4096;

// The share of a page's bytes above which a subtree named for dropping is
// a layout wrapper, not a menu or a footer, and is kept. Chosen by hand,
// not measured.
inline constexpr double kMaxDroppedSubtreeShare = 0.4;

// Text runs of at least this many bytes reach Gumbo as an index into the
// prescan's text table; shorter runs cost less than their index. Chosen by
// hand, not measured (the change as a whole took Gumbo from 0.80G to 0.59G
// instructions per 100 pages). It changes speed only, not the output.
inline constexpr size_t kMinIndexedText = 24;

// --- the walk ---
// data-* attributes naming a type or component are copied for attribute
// rules when their value is at most this long: a name ("product-card"),
// not serialized state. Chosen by hand, not measured.
inline constexpr size_t kMaxDataValue = 64;

// --- body hints: bylines, dates and kickers for the metadata stage ---
// Readability counts a byline only under 100 characters; more is prose.
inline constexpr uint32_t kMaxBylineChars = 100;
// UTF-8: at most 4 bytes a character.
inline constexpr size_t kMaxBylineBytes = 4 * kMaxBylineChars;
// A date element's text ("Published on Monday, July 4, 2011 ...") is read
// up to this many bytes. Chosen by hand, not measured.
inline constexpr size_t kMaxDateBytes = 200;
// Hints kept per page: the first few are the article's. Chosen by hand,
// not measured.
inline constexpr size_t kMaxBylineHints = 8;
inline constexpr size_t kMaxDateHints = 16;
inline constexpr size_t kMaxKickerHints = 4;
// A kicker is a topic line, not a paragraph. Chosen by hand, not measured.
inline constexpr size_t kMaxKickerBytes = 400;
// How far up from a kicker its h1 may be (h1 > span > span.kicker). Chosen
// by hand from that shape, not measured.
inline constexpr int kMaxKickerDepthInH1 = 3;
// Subtree nodes read for byline and date texts on one page: a page with
// thousands of "author" elements costs no more than this. Chosen by hand,
// not measured.
inline constexpr size_t kMaxNodesScanned = 50000;

}  // namespace webclean::html::params

#endif  // WEBCLEAN_HTML_PARAMS_H_
