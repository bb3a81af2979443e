// Every heuristic constant of the plain-text parser (text dumps: lynx,
// w3m, html2text, pandoc Markdown), in one place, each with where its
// value comes from. Change a value here and run bench/quality.sh.
#ifndef WEBCLEAN_TEXT_PARAMS_H_
#define WEBCLEAN_TEXT_PARAMS_H_

#include <cstddef>

namespace webclean::text::params {

// --- hard-wrapped dumps (lynx -dump, w3m, html2text, mail) ---
// Every paragraph cut into lines of at most ~60-100 columns; a width found
// outside these bounds is no wrap. On corpus/text wrapped at 78 columns,
// one block per line cost F1 0.915 -> 0.837, and unwrapping gave back
// 0.909; the bounds themselves were chosen by hand around those widths,
// not measured.
inline constexpr size_t kMinWrapWidth = 40;
inline constexpr size_t kMaxWrapWidth = 120;
// Lines longer than the width: a few unbreakable ones (URLs) are allowed.
// Chosen by hand, not measured.
inline constexpr double kMaxOverlongShare = 0.02;
// Of the lines at least half the width long that are followed by another
// line of the paragraph, this share must be full (within kFullSlack
// columns of the width) for the dump to count as wrapped: a dump of whole
// paragraphs has few lines that end just there. Short lines (menus, which
// stand between the paragraphs of lynx and w3m dumps) say nothing either
// way. 0.4 and 0.6 did the same on lynx and w3m dumps of the readability
// pages; the stricter one is kept. The slack was chosen by hand.
inline constexpr double kMinFullShare = 0.6;
inline constexpr size_t kFullSlack = 20;
// Fewer such lines are too few to tell: the lines are left alone. Chosen
// by hand, not measured.
inline constexpr size_t kMinContinuedLines = 8;

// --- Markdown dumps (html2text, pandoc, LLM pipelines' reader services) ---
// A dump is read as Markdown when it holds at least this many [text](url)
// links. Reading them so took the readability pages as pandoc Markdown
// from F1 0.729 to 0.835; the count itself was chosen by hand, not
// measured.
inline constexpr size_t kMinMarkdownLinks = 5;

// --- lynx's numbered links ("[12]Home" and a closing References list) ---
// A dump is read so when it ends in such a list and holds at least this
// many markers before text: a Wikipedia article copied as text has its
// "[12]" citation marks and keeps them. Reading them so took readability's
// real pages as lynx -dump from F1 0.538 to 0.826 (text set 0.914
// unchanged); the count itself was chosen by hand, not measured.
inline constexpr size_t kMinNumberedLinks = 5;

}  // namespace webclean::text::params

#endif  // WEBCLEAN_TEXT_PARAMS_H_
