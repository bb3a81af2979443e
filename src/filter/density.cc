// The density filter: jusText's classification (length, link density,
// stop-word density) and its context revision (short and near-good blocks
// take the class of their neighbours), then, for text dumps, the main run
// of article paragraphs.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "filter/filter.h"
#include "filter/params.h"

namespace webclean::filter {
namespace {

using block::Block;
using block::Document;
using block::Kind;
using block::Stage;

// kAbsent: outside the article region, not a neighbour of anything.
enum class Class : uint8_t { kBad, kShort, kNearGood, kGood, kAbsent };

const char* class_name(Class c) {
  switch (c) {
    case Class::kBad:
      return "bad";
    case Class::kShort:
      return "short";
    case Class::kNearGood:
      return "near-good";
    case Class::kGood:
      return "good";
    case Class::kAbsent:
      return "absent";
  }
  return "bad";
}

// A block that a rule named as boilerplate, as opposed to one that density
// judges. (Lines the repetition filter dropped are not: density takes them
// as absent, see classify_all.)
bool named_boilerplate(const Block& b) {
  return b.decision.stage == Stage::kRules;
}

// A short block that is one whole sentence of several words: a closing
// line of an article ("Some information was provided by AP.") rather than
// a label; it takes the class of its neighbours like near-good text.
bool is_short_sentence(const block::Features& f) {
  return f.ends_with_punct && f.starts_upper && f.link_chars == 0 &&
         f.words >= params::kShortSentenceWords;
}

// Which test gave a block its class, with the measured values and the
// constants they crossed (filter/params.h), for --explain: a printf
// format and up to four numbers.
struct Why {
  const char* format = nullptr;
  double a = 0, b = 0, c = 0, d = 0;
};

Class classify_with_stoplist(const block::Features& f, Why& why) {
  if (f.chars < params::kLengthLow) {
    if (f.link_chars > 0) {
      why = {"%.0f chars < kLengthLow %.0f, with links", double(f.chars), params::kLengthLow};
      return Class::kBad;
    }
    if (is_short_sentence(f)) {
      why = {"%.0f chars < kLengthLow %.0f, a whole sentence of %.0f >= kShortSentenceWords %.0f",
             double(f.chars), params::kLengthLow, double(f.words), params::kShortSentenceWords};
      return Class::kNearGood;
    }
    why = {"%.0f chars < kLengthLow %.0f", double(f.chars), params::kLengthLow};
    return Class::kShort;
  }
  const float stop = f.stopword_density();
  if (stop >= params::kStopwordsHigh) {
    if (f.chars > params::kLengthHigh) {
      why = {"stop %.2f >= kStopwordsHigh %.2f, %.0f chars > kLengthHigh %.0f", stop,
             params::kStopwordsHigh, double(f.chars), params::kLengthHigh};
      return Class::kGood;
    }
    why = {"stop %.2f >= kStopwordsHigh %.2f, %.0f chars <= kLengthHigh %.0f", stop,
           params::kStopwordsHigh, double(f.chars), params::kLengthHigh};
    return Class::kNearGood;
  }
  if (stop >= params::kStopwordsLow) {
    why = {"stop %.2f >= kStopwordsLow %.2f", stop, params::kStopwordsLow};
    return Class::kNearGood;
  }
  // A sentence a little short of stop words (a quote, a list of names in
  // prose) is left to its neighbours rather than condemned.
  const bool sentence = f.ends_with_punct && f.link_chars == 0;
  if (sentence && stop >= params::kStopwordsSentence) {
    why = {"stop %.2f < kStopwordsLow %.2f, a sentence at >= kStopwordsSentence %.2f", stop,
           params::kStopwordsLow, params::kStopwordsSentence};
    return Class::kNearGood;
  }
  why = {"stop %.2f < kStopwordsLow %.2f", stop, params::kStopwordsLow};
  return Class::kBad;
}

// No stop-word list for the language (e.g. Chinese): sentences and length.
Class classify_without_stoplist(const block::Features& f, Why& why) {
  if (f.chars < params::kLengthLow && f.sentence_ends < params::kNoListGoodSentences) {
    why = {"no stop-word list: %.0f chars < kLengthLow %.0f, no sentence", double(f.chars),
           params::kLengthLow};
    return f.link_chars > 0 ? Class::kBad : Class::kShort;
  }
  if (f.chars >= params::kNoListGoodChars && f.sentence_ends >= params::kNoListGoodSentences) {
    why = {"no stop-word list: %.0f chars >= kNoListGoodChars %.0f, %.0f sentences",
           double(f.chars), params::kNoListGoodChars, double(f.sentence_ends)};
    return Class::kGood;
  }
  why = {"no stop-word list: %.0f chars < kNoListGoodChars %.0f or no sentence", double(f.chars),
         params::kNoListGoodChars};
  return Class::kNearGood;
}

Class classify(const Block& b, bool has_stoplist, Why& why) {
  if (b.features.link_density() > params::kMaxLinkDensity) {
    why = {"link %.2f > kMaxLinkDensity %.2f", b.features.link_density(), params::kMaxLinkDensity};
    return Class::kBad;
  }
  return has_stoplist ? classify_with_stoplist(b.features, why)
                      : classify_without_stoplist(b.features, why);
}

Class classify(const Block& b, bool has_stoplist) {
  Why why;
  return classify(b, has_stoplist, why);
}

// Inside an article region structure has judged the prose already: any
// block of some length with few links is good, links make a block bad,
// and short blocks are left to their neighbours.
Class classify_in_region(const Block& b, Why& why) {
  const block::Features& f = b.features;
  if (f.link_density() > params::kRegionMaxLinkDensity) {
    why = {"in the region, link %.2f > kRegionMaxLinkDensity %.2f", f.link_density(),
           params::kRegionMaxLinkDensity};
    return Class::kBad;
  }
  if (f.chars < params::kLengthLow) {
    if (f.link_density() > params::kMaxLinkDensity) {
      why = {"in the region, %.0f chars < kLengthLow %.0f, link %.2f > kMaxLinkDensity %.2f",
             double(f.chars), params::kLengthLow, f.link_density(), params::kMaxLinkDensity};
      return Class::kBad;
    }
    why = {"in the region, %.0f chars < kLengthLow %.0f", double(f.chars), params::kLengthLow};
    return Class::kShort;
  }
  why = {"in the region, %.0f chars >= kLengthLow %.0f", double(f.chars), params::kLengthLow};
  return Class::kGood;
}

// A span of blocks [first, last] and its total extent score.
struct Span {
  size_t first = 0, last = 0;
  double score = 0;
};

struct Classes {
  std::vector<Class> initial;  // before context
  std::vector<Class> final;
  std::vector<Why> why;  // what gave each block its initial class
  // The context step that last changed a block's class, and why.
  std::vector<const char*> context;
  // The near-good chars of the run a block was promoted in
  // (promote_near_good_runs), 0 for the others.
  std::vector<uint32_t> run_chars;
  // Text dumps: the spans of the article (the first is the main one) and,
  // for each block, the index of its span or -1 when outside them all.
  std::vector<Span> spans;
  std::vector<int> span_of;
  // The line that ends the article (an ends-article rule's, after the
  // main span), or SIZE_MAX when there is none.
  size_t article_end = SIZE_MAX;
};

// For every block, the class of the nearest block before it (step -1) or
// after it (step +1) that is not short (and, when asked, not near-good
// either), or `edge` past the end. One sweep, so that a page of a hundred
// thousand short blocks costs no more than its length.
std::vector<Class> nearest(const std::vector<Class>& c, int step, bool skip_near_good, Class edge) {
  std::vector<Class> out(c.size(), edge);
  Class last = edge;
  const size_t n = c.size();
  for (size_t s = 0; s < n; ++s) {
    const size_t i = step < 0 ? s : n - 1 - s;
    out[i] = last;
    const Class k = c[i];
    if (k == Class::kShort || k == Class::kAbsent) continue;
    if (skip_near_good && k == Class::kNearGood) continue;
    last = k;
  }
  return out;
}

// The class that the document's (or region's) start and end count as.
struct Edges {
  Class start, end;
};

void revise_short(const std::vector<Class>& in, std::vector<Class>& out, Edges edge,
                  std::vector<const char*>& context) {
  const std::vector<Class> prev = nearest(in, -1, true, edge.start);
  const std::vector<Class> next = nearest(in, +1, true, edge.end);
  const std::vector<Class> prev_any = nearest(in, -1, false, edge.start);
  const std::vector<Class> next_any = nearest(in, +1, false, edge.end);
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != Class::kShort) continue;
    if (prev[i] == Class::kGood && next[i] == Class::kGood) {
      out[i] = Class::kGood;
      context[i] = "good on both sides (revise_short)";
    } else if (prev[i] == Class::kBad && next[i] == Class::kBad) {
      out[i] = Class::kBad;
      context[i] = "bad on both sides (revise_short)";
    } else if ((prev[i] == Class::kBad && prev_any[i] == Class::kNearGood) ||
               (next[i] == Class::kBad && next_any[i] == Class::kNearGood)) {
      out[i] = Class::kGood;
      context[i] = "near-good text between it and the bad side (revise_short)";
    } else {
      // Inside an article region (good edges) a short block next to prose
      // on one side is a subheading or a caption: it stays.
      out[i] = edge.end == Class::kGood ? Class::kGood : Class::kBad;
      context[i] = edge.end == Class::kGood ? "good on one side, inside the text (revise_short)"
                                            : "good on one side only (revise_short)";
    }
  }
}

void revise_near_good(std::vector<Class>& c, Edges edge, std::vector<const char*>& context) {
  const std::vector<Class> prev = nearest(c, -1, true, edge.start);
  const std::vector<Class> next = nearest(c, +1, true, edge.end);
  for (size_t i = 0; i < c.size(); ++i) {
    if (c[i] != Class::kNearGood) continue;
    const bool between_bad = prev[i] == Class::kBad && next[i] == Class::kBad;
    c[i] = between_bad ? Class::kBad : Class::kGood;
    context[i] = between_bad ? "bad on both sides (revise_near_good)"
                             : "good on one side (revise_near_good)";
  }
}

// jusText: a heading with good text soon after it is part of the article.
// A manual's headings are often links to themselves (an anchor to copy),
// an article's ranked list titles each item with a link to what it ranks:
// there a heading of links is still a heading (kDocsHeadingMaxLinkDensity).
void keep_headings(const Document& doc, std::vector<Class>& c, std::vector<const char*>& context) {
  const bool any_heading =
      doc.page_type == PageType::kDocumentation || doc.page_type == PageType::kArticle;
  const float max_links =
      any_heading ? params::kDocsHeadingMaxLinkDensity : params::kHeadingMaxLinkDensity;
  for (size_t i = 0; i < c.size(); ++i) {
    if (doc.blocks[i].kind != Kind::kHeading || c[i] == Class::kGood) continue;
    if (!doc.blocks[i].decision.keep || doc.blocks[i].features.link_density() > max_links) {
      continue;
    }
    uint32_t distance = 0;
    for (size_t j = i + 1; j < c.size() && distance <= params::kMaxHeadingDistance; ++j) {
      if (c[j] == Class::kGood) {
        c[i] = Class::kGood;
        context[i] = "a heading within kMaxHeadingDistance chars of good text (keep_headings)";
        break;
      }
      distance += doc.blocks[j].features.chars;
    }
  }
}

// What a block adds to an article (prose) or costs (boilerplate) when the
// article's extent is sought (kExtentLineCost and the char costs).
double extent_score(const Block& b, Class c) {
  const float chars = float(b.features.chars);
  switch (c) {
    case Class::kGood:
      return chars;
    case Class::kNearGood:
      return params::kExtentNearGoodWeight * chars;
    case Class::kShort:
      return -(params::kExtentLineCost + params::kExtentShortCharCost * chars);
    case Class::kBad:
      return -(params::kExtentLineCost + params::kExtentBadCharCost * chars);
    case Class::kAbsent:
      return 0;
  }
  return 0;
}

// The span of greatest total score in [from, to) (Kadane's maximum
// subarray); score 0 when no block scores above zero.
Span best_span(const std::vector<double>& score, size_t from, size_t to) {
  Span best, current{from, from, 0};
  for (size_t i = from; i < to; ++i) {
    if (current.score <= 0) current = {i, i, 0};
    current.score += score[i];
    current.last = i;
    if (current.score > best.score) best = current;
  }
  return best;
}

// "1. ", "12) ", or "3." alone on its line (the number of an <ol> item
// dumped apart from its text): the number of a numbered list item, or -1.
int item_number(std::string_view text) {
  size_t digits = 0;
  while (digits < text.size() && digits < 3 && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits >= text.size()) return -1;
  if (text[digits] != '.' && text[digits] != ')') return -1;
  if (digits + 1 < text.size() && text[digits + 1] != ' ') return -1;
  return std::atoi(std::string(text.substr(0, digits)).c_str());
}

bool ends_with_colon(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return !text.empty() && text.back() == ':';
}

// "Difficulty: Beginner": the label of a labelled line (a few words before
// a colon, a value after it), or "".
std::string_view label_of(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > params::kRecordMaxLabelChars ||
      colon + 2 >= text.size()) {
    return {};
  }
  return text.substr(0, colon);
}

// A listing of records dumped field by field ("Burroughs Park",
// "Difficulty: Beginner", "Length: 5 miles", ...): a label that comes back
// kRecordMinRepeats times or more at a steady pace marks the records, from
// the first one's start (a period before its first label) to the last
// one's end.
template <typename Mark>
void mark_labelled_records(const Document& doc, const std::vector<Class>& c, Mark mark) {
  std::unordered_map<std::string_view, std::vector<size_t>> at;
  for (size_t i = 0; i < c.size(); ++i) {
    if (named_boilerplate(doc.blocks[i])) continue;
    if (const std::string_view label = label_of(doc.blocks[i].text); !label.empty()) {
      at[label].push_back(i);
    }
  }
  for (const auto& [label, positions] : at) {
    if (positions.size() < params::kRecordMinRepeats) continue;
    // The records' pace: the smallest gap between two of them, which
    // every gap must stay within kRecordMaxGapSpread times of.
    size_t least = SIZE_MAX, most = 0;
    for (size_t k = 1; k < positions.size(); ++k) {
      least = std::min(least, positions[k] - positions[k - 1]);
      most = std::max(most, positions[k] - positions[k - 1]);
    }
    if (least < 2 || most > least * params::kRecordMaxGapSpread) continue;
    const size_t first = positions.front() >= least - 1 ? positions.front() - (least - 1) : 0;
    mark(first, std::min(c.size() - 1, positions.back() + least - 1));
  }
}

// The blocks of lists the article introduces: the lines after a line that
// ends in a colon ("the best offers:") up to the next prose paragraph, and
// a numbered list (1., 2., 3., ...) from its first item to its last. They
// neither add to the extent nor cost it, and an extent that reaches such a
// list takes all of it.
std::vector<bool> introduced_lists(const Document& doc, const std::vector<Class>& c) {
  std::vector<bool> in_list(c.size(), false);
  const auto is_rule_line = [&](size_t i) { return named_boilerplate(doc.blocks[i]); };
  for (size_t i = 0; i + 1 < c.size(); ++i) {
    if (is_rule_line(i) || !ends_with_colon(doc.blocks[i].text)) continue;
    for (size_t j = i + 1, n = 0; j < c.size() && n < params::kListMaxItems; ++j, ++n) {
      if (c[j] == Class::kGood || is_rule_line(j)) break;
      in_list[j] = true;
    }
  }
  const auto mark = [&](size_t first, size_t last) {
    for (size_t j = first; j <= last; ++j) in_list[j] = in_list[j] || !is_rule_line(j);
  };
  // Numbered items: a list ends where its numbering does (or a new 1. starts).
  size_t first = 0, last = 0;
  int next = 0;  // the number the list's next item would have; 0: no list
  for (size_t i = 0; i <= c.size(); ++i) {
    const int number = i < c.size() ? item_number(doc.blocks[i].text) : -1;
    if (next > 0 && number == next) {
      last = i;
      ++next;
      continue;
    }
    if (number != 1 && i < c.size()) continue;
    if (next > params::kListMinItems) mark(first, last);
    first = last = i;
    next = 2;
  }
  // A table dumped one cell per line: a run of short lines, a share of
  // them holding figures (prices, dates, measures), unlike a menu's words.
  for (size_t i = 0; i < c.size();) {
    size_t end = i, figures = 0;
    while (end < c.size() && c[end] == Class::kShort && !is_rule_line(end)) {
      const std::string& text = doc.blocks[end].text;
      figures +=
          std::any_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      ++end;
    }
    const size_t cells = end - i;
    if (cells >= params::kTableMinCells && float(figures) >= params::kTableMinFigureShare * cells) {
      mark(i, end - 1);
    }
    i = end == i ? i + 1 : end;
  }
  mark_labelled_records(doc, c, mark);
  return in_list;
}

// Code: a share of symbols that prose and menus seldom write.
bool looks_like_code(const Block& b) {
  uint32_t symbols = 0;
  for (const char ch : b.text) symbols += std::strchr("{}[]()<>=;", ch) != nullptr && ch != 0;
  return symbols >= params::kCodeMinSymbols &&
         float(symbols) >= params::kCodeMinSymbolShare * float(b.features.chars);
}

// The first line an ends-article rule names from `start` on (the main
// span's end: a comment count in the byline is no end), within
// kArticleEndMaxBlocks, or SIZE_MAX.
size_t article_end(const Document& doc, size_t start) {
  const size_t end = std::min(doc.blocks.size(), start + params::kArticleEndMaxBlocks + 1);
  for (size_t i = start; i < end; ++i) {
    if (doc.blocks[i].ends_article) return i;
  }
  return SIZE_MAX;
}

// Text dumps: the article's extent is the span of blocks that adds most
// prose for the least boilerplate (Finn, Kushmerick and Smyth 2001, "Fact
// or fiction": body text extraction as a maximum subarray), so a bad line
// or a list inside the article does not cut it in two; the spans beyond
// it that score kMinRunShare of it (kMinPostShare on a thread) are kept
// as further parts.
std::vector<Span> article_spans(const Document& doc, const std::vector<Class>& c) {
  const std::vector<bool> in_list = introduced_lists(doc, c);
  std::vector<double> score(c.size());
  for (size_t i = 0; i < c.size(); ++i) {
    score[i] = extent_score(doc.blocks[i], c[i]);
    if (in_list[i]) score[i] = std::max(0.0, score[i]);
    if (c[i] == Class::kBad && doc.blocks[i].decision.keep && looks_like_code(doc.blocks[i])) {
      score[i] = 0;
    }
    // Two lines in a row that rules name as boilerplate are a box of it
    // (a related list, a share bar): the article does not go on across.
    // The same line again ("Credit: Serious Eats" under each photo of a
    // gallery) labels the article's items and is no box.
    if (named_boilerplate(doc.blocks[i]) && i > 0 && named_boilerplate(doc.blocks[i - 1]) &&
        doc.blocks[i].text != doc.blocks[i - 1].text) {
      score[i] = -params::kExtentWall;
    }
    // An ends-article line (a comment section's heading) is a wall too.
    if (doc.blocks[i].ends_article) score[i] = -params::kExtentWall;
  }
  const Span main = best_span(score, 0, score.size());
  if (main.score <= 0) return {};
  std::vector<Span> spans{main};
  // A thread is many posts between their chrome lines, none the article.
  const float share =
      doc.page_type == PageType::kForum ? params::kMinPostShare : params::kMinRunShare;
  std::vector<std::pair<size_t, size_t>> todo{{0, main.first}, {main.last + 1, score.size()}};
  while (!todo.empty()) {
    const auto [from, to] = todo.back();
    todo.pop_back();
    if (from >= to) continue;
    const Span s = best_span(score, from, to);
    if (s.score <= 0 || s.score < main.score * share) continue;
    spans.push_back(s);
    todo.push_back({from, s.first});
    todo.push_back({s.last + 1, to});
  }
  for (Span& s : spans) {
    while (s.last + 1 < c.size() && in_list[s.last + 1]) ++s.last;
    while (s.first > 0 && in_list[s.first - 1] && in_list[s.first]) --s.first;
  }
  return spans;
}

// Many short paragraphs in a row make an article as one long one does
// (tabloid and blog style): a run of near-good and short blocks with
// kNearGoodRunChars of near-good text is good.
void promote_near_good_runs(const Document& doc, std::vector<Class>& c, Classes& k) {
  const auto skipped = [&](size_t i) {
    return c[i] == Class::kNearGood || c[i] == Class::kShort || c[i] == Class::kAbsent;
  };
  for (size_t i = 0; i < c.size();) {
    if (!skipped(i)) {
      ++i;
      continue;
    }
    size_t end = i;
    uint32_t chars = 0;
    for (; end < c.size() && skipped(end); ++end) {
      if (c[end] == Class::kNearGood) chars += doc.blocks[end].features.chars;
    }
    for (; i < end; ++i) {
      if (chars < params::kNearGoodRunChars || c[i] != Class::kNearGood) continue;
      c[i] = Class::kGood;
      k.context[i] = "in a run of near-good text (promote_near_good_runs)";
      k.run_chars[i] = chars;
    }
  }
}

// A line that rules drop, alone between lines they keep, after the article
// has begun ("READ MORE: ...", an ad line): it goes alone and is no one's
// neighbour, so the paragraphs after it stay with the article.
void pass_over_interleaved_rule_lines(const Document& doc, std::vector<Class>& c) {
  const auto by_rules = [&](size_t i) { return i < c.size() && named_boilerplate(doc.blocks[i]); };
  Class last = Class::kBad;
  for (size_t i = 0; i < c.size(); ++i) {
    if (c[i] == Class::kAbsent || c[i] == Class::kShort || c[i] == Class::kNearGood) continue;
    const bool alone = by_rules(i) && (i == 0 || !by_rules(i - 1)) && !by_rules(i + 1);
    if (alone && last == Class::kGood) {
      c[i] = Class::kAbsent;
      continue;
    }
    last = c[i];
  }
}

// Text dumps: the blocks outside the article's extent are no one's
// neighbours; inside it, a block that is not prose by its words (a table
// cell, a line of code, a spec line) takes its neighbours' class as a
// short one does, and rule lines interleaved with the article go alone.
// The extent's end counts as a good neighbour; so does its start, unless
// the extent opens the dump (kExtentTopBlocks), where a dek or teaser
// before the first boilerplate line is not taken for the article.
Edges judge_extent(const Document& doc, Classes& k, std::vector<Class>& judged) {
  k.spans = article_spans(doc, k.initial);
  // What follows the main span's end line (its comments) is no part of it.
  if (!k.spans.empty()) k.article_end = article_end(doc, k.spans.front().last);
  std::erase_if(k.spans, [&](const Span& s) { return s.first > k.article_end; });
  k.span_of.assign(judged.size(), -1);
  for (size_t s = 0; s < k.spans.size(); ++s) {
    for (size_t i = k.spans[s].first; i <= k.spans[s].last; ++i) k.span_of[i] = int(s);
  }
  for (size_t i = 0; i < judged.size(); ++i) {
    if (k.span_of[i] < 0) {
      judged[i] = Class::kAbsent;
    } else if (judged[i] == Class::kBad && doc.blocks[i].decision.keep) {
      judged[i] = Class::kShort;
    }
  }
  promote_near_good_runs(doc, judged, k);
  pass_over_interleaved_rule_lines(doc, judged);
  const bool at_top = !k.spans.empty() && k.spans.front().first < params::kExtentTopBlocks;
  return {at_top ? Class::kBad : Class::kGood, Class::kGood};
}

Classes classify_all(const Document& doc, bool has_stoplist, bool in_region) {
  Classes k;
  k.initial.reserve(doc.blocks.size());
  k.why.resize(doc.blocks.size());
  for (const Block& b : doc.blocks) {
    Why& why = k.why[k.initial.size()];
    if (b.outside_region || b.declared || b.decision.stage == Stage::kRepetition) {
      // Outside the region, on no part of the page (a JSON-LD
      // description), or the site's frame that recurs on its other pages:
      // no block's neighbour, as if the page had not said it.
      k.initial.push_back(Class::kAbsent);
    } else if (b.in_post && b.decision.keep) {
      k.initial.push_back(Class::kGood);  // a post of a thread is kept whole
    } else if (b.decision.stage == Stage::kMetadata && !doc.is_html) {
      // A text dump's title, byline and dateline lines stay out of the
      // text but are neighbours as what they look like (a headline is
      // near-good): taking the title out must not cut the article from its
      // lead (text set F1 0.908 as bad neighbours, 0.915 so). On HTML pages
      // they stay bad neighbours (trafilatura set P 0.931, 0.929 so).
      k.initial.push_back(classify(b, has_stoplist, why));
    } else if (!b.decision.keep) {
      k.initial.push_back(Class::kBad);
    } else {
      k.initial.push_back(in_region ? classify_in_region(b, why) : classify(b, has_stoplist, why));
    }
  }
  // In a text dump the blocks outside the article's extent are no one's
  // neighbours, and its edges are good ones, as a region's are.
  // A text dump is judged inside its article's extent (judge_extent).
  std::vector<Class> judged = k.initial;
  Edges edge{in_region ? Class::kGood : Class::kBad, in_region ? Class::kGood : Class::kBad};
  // Without a stop-word list (Chinese, Japanese) a line's class says too
  // little of whether it is prose to weigh an extent by: jusText alone.
  k.context.assign(judged.size(), nullptr);
  k.run_chars.assign(judged.size(), 0);
  if (!doc.is_html && has_stoplist) edge = judge_extent(doc, k, judged);
  k.final = judged;
  revise_short(judged, k.final, edge, k.context);
  revise_near_good(k.final, edge, k.context);
  keep_headings(doc, k.final, k.context);
  return k;
}

std::string reason_for(const Block& b, const Classes& k, size_t i) {
  // The test that gave the initial class, with its numbers first (what
  // --explain's column shows): "stop 0.18 < kStopwordsLow 0.30".
  char test[192];
  if (const Why& why = k.why[i]; why.format != nullptr) {
    std::snprintf(test, sizeof test, why.format, why.a, why.b, why.c, why.d);
  } else {  // a block density did not judge by itself (absent from it)
    std::snprintf(test, sizeof test, "%u chars, stop %.2f, link %.2f", b.features.chars,
                  b.features.stopword_density(), b.features.link_density());
  }
  std::string reason;
  const Class initial = k.initial[i], final = k.final[i];
  if (initial == final) {
    reason = std::string(class_name(final)) + ": " + test;
  } else {
    const char* context =
        k.context[i] != nullptr ? k.context[i] : "by its neighbours (judge_extent)";
    reason = std::string(class_name(initial)) + " -> " + class_name(final) + ": " + context + "; " +
             test;
  }
  if (k.run_chars[i] > 0) {
    char run[96];
    std::snprintf(run, sizeof run, "; run of %u near-good chars >= kNearGoodRunChars %u",
                  k.run_chars[i], params::kNearGoodRunChars);
    reason += run;
  }
  if (b.in_card) reason += "; in a card, its link not counted (kCardLinkMinBlocks)";
  return reason;
}

// Text dumps without a stop-word list, whose classes are too coarse to
// weigh an extent by: runs of kept blocks split by gaps of dropped ones;
// a run far smaller than the main run is a teaser, standfirst or caption.
void keep_main_run(Document& doc, const std::vector<Class>& c) {
  struct Run {
    size_t first, last;
    uint32_t chars;
  };
  std::vector<Run> runs;
  int gap = params::kRunGapBlocks;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    if (!doc.blocks[i].decision.keep) {
      ++gap;
      continue;
    }
    if (gap >= params::kRunGapBlocks || runs.empty()) runs.push_back({i, i, 0});
    gap = 0;
    runs.back().last = i;
    if (c[i] == Class::kGood) runs.back().chars += doc.blocks[i].features.chars;
  }
  if (runs.size() < 2) return;
  uint32_t best = 0;
  for (const Run& r : runs) best = std::max(best, r.chars);
  for (const Run& r : runs) {
    if (float(r.chars) >= float(best) * params::kMinRunShare) continue;
    char reason[160];
    std::snprintf(reason, sizeof reason,
                  "apart from the main text: %u good chars < kMinRunShare %.2f of the main "
                  "run's %u (keep_main_run)",
                  r.chars, double(params::kMinRunShare), best);
    for (size_t i = r.first; i <= r.last; ++i) {
      if (doc.blocks[i].decision.keep) doc.blocks[i].decision = {false, Stage::kContext, reason};
    }
  }
}

// Why a block outside the article's extent went.
std::string outside_reason(const Document& doc, const Classes& k, size_t i) {
  if (i > k.article_end) {
    const std::string& rule = doc.blocks[k.article_end].decision.reason;
    return "after the article's end at block " + std::to_string(k.article_end + 1) + " (" +
           rule.substr(0, rule.find(' ')) + ", article_end)";
  }
  if (k.spans.empty()) {
    return "no article: no span of blocks adds more prose than boilerplate (article_spans)";
  }
  const Span& main = k.spans.front();
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "outside the article's extent (blocks %zu-%zu, score %.0f; article_spans)",
                main.first + 1, main.last + 1, main.score);
  return buf;
}

// Whether the stop-word list fits the document: its longer blocks must be
// made of stop words to a usual degree, else the language is wrong or the
// text is not prose in any listed language (lorem ipsum, code, a table).
bool stoplist_fits(const Document& doc) {
  if (doc.language.empty()) return false;
  double words = 0, stop_words = 0;
  for (const Block& b : doc.blocks) {
    if (!b.decision.keep || b.features.chars < params::kLengthLow || b.features.words == 0) {
      continue;
    }
    // One huge block (a URL blob, a wall of code) counts as one long
    // paragraph, not as the document's language.
    const double share = std::min(1.0, double(params::kMaxFitWords) / b.features.words);
    words += b.features.words * share;
    stop_words += b.features.stop_words * share;
  }
  return words == 0 || stop_words >= words * params::kMinDocumentStopShare;
}

// The lead: a standfirst or first paragraph often sits in the article's
// header, a sibling box that the region did not take. Prose just before
// the region, with no run of boilerplate between, belongs to the article.
void recover_lead(Document& doc, bool has_stoplist) {
  size_t first = doc.blocks.size();
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    if (!doc.blocks[i].outside_region && doc.blocks[i].decision.keep) {
      first = i;
      break;
    }
  }
  int bad_run = 0;
  for (size_t i = first, steps = 0; i-- > 0 && steps < params::kLeadMaxBlocks; ++steps) {
    Block& b = doc.blocks[i];
    if (b.declared) continue;  // on no part of the page
    if (!b.outside_region) {
      if (!b.decision.keep) ++bad_run;
    } else {
      const Class c = classify(b, has_stoplist);
      const bool prose = c == Class::kGood || (c == Class::kNearGood && b.features.ends_with_punct);
      if (prose) {
        b.decision = {true, Stage::kContext,
                      "lead of the article, just before its region (recover_lead)"};
        bad_run = 0;
      } else if (c == Class::kBad) {
        ++bad_run;
      }
    }
    if (bad_run >= params::kLeadMaxBadRun) break;
  }
}

// When density leaves nothing at all (a page of one short line, a list of
// short items, lorem ipsum), an empty result helps no one: keep what the
// rules let through, links and the title line aside.
void keep_something(Document& doc) {
  for (const Block& b : doc.blocks) {
    if (b.decision.keep) return;
  }
  size_t candidates = 0;
  for (const Block& b : doc.blocks) {
    candidates += !named_boilerplate(b) && b.decision.stage != Stage::kRepetition &&
                  b.decision.stage != Stage::kMetadata &&
                  b.features.link_density() <= params::kRegionMaxLinkDensity;
  }
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& b = doc.blocks[i];
    if (named_boilerplate(b) || b.decision.stage == Stage::kRepetition ||
        b.decision.stage == Stage::kMetadata) {
      continue;
    }
    if (b.features.link_density() > params::kRegionMaxLinkDensity) continue;
    if (i == 0 && !doc.is_html && candidates > 1) continue;  // a dump's first line is its title
    b.decision = {true, Stage::kContext,
                  "kept: nothing else in the document passed (keep_something)"};
  }
}

// Pages of several sections (about pages, product pages, guides) spread
// their text over sibling boxes that no single region holds. A block
// outside the region that is plainly prose on its own (long, rich in stop
// words, few links) and not amid boilerplate is article text too.
void recover_prose(Document& doc, bool has_stoplist) {
  std::vector<Class> c;
  c.reserve(doc.blocks.size());
  for (const Block& b : doc.blocks) {
    if (!b.outside_region) {
      c.push_back(b.decision.keep ? Class::kGood : Class::kBad);
    } else {
      c.push_back(classify(b, has_stoplist));
    }
  }
  const std::vector<Class> prev = nearest(c, -1, false, Class::kBad);
  const std::vector<Class> next = nearest(c, +1, false, Class::kBad);
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& b = doc.blocks[i];
    // Already kept (the lead): its reason stands.
    if (!b.outside_region || b.declared || b.decision.keep || c[i] != Class::kGood) continue;
    if (prev[i] == Class::kBad && next[i] == Class::kBad) continue;
    b.decision = {true, Stage::kContext,
                  "prose outside the region, beside other prose (recover_prose)"};
  }
}

}  // namespace

void classify_density(Document& doc, bool in_region) {
  const bool has_stoplist = stoplist_fits(doc);
  const Classes k = classify_all(doc, has_stoplist, in_region);
  // Structure already chose the region of an HTML page; when density finds
  // no good block in it at all, trust the structure over the word counts.
  if (doc.is_html &&
      std::none_of(k.final.begin(), k.final.end(), [](Class c) { return c == Class::kGood; })) {
    for (Block& b : doc.blocks) {
      if (b.decision.keep && b.decision.stage == Stage::kNone) {
        b.decision = {true, Stage::kDensity,
                      "no block of the page is good: the structure's choice stands "
                      "(classify_density)"};
      }
    }
    return;
  }
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& b = doc.blocks[i];
    if (!b.decision.keep || b.in_post) continue;
    if (!k.span_of.empty() && k.span_of[i] < 0) {
      b.decision = {false, Stage::kContext, outside_reason(doc, k, i)};
      continue;
    }
    const Stage stage = k.initial[i] == k.final[i] ? Stage::kDensity : Stage::kContext;
    b.decision = {k.final[i] == Class::kGood, stage, reason_for(b, k, i)};
  }
  if (!doc.is_html && !has_stoplist) keep_main_run(doc, k.final);
  // A thread's region is its posts: nothing outside them is brought back.
  const bool thread = !doc.post_roots.empty();
  if (in_region && !thread) recover_lead(doc, has_stoplist);
  if (in_region && !thread) recover_prose(doc, has_stoplist);
  keep_something(doc);
}

}  // namespace webclean::filter
