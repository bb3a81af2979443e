// The density filter: jusText's classification (length, link density,
// stop-word density) and its context revision (short and near-good blocks
// take the class of their neighbours), then, for text dumps, the main run
// of article paragraphs.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "filter/filter.h"
#include "filter/params.h"

namespace webclean::filter {
namespace {

using block::Block;
using block::Document;
using block::Kind;
using block::Stage;

enum class Class : uint8_t { kBad, kShort, kNearGood, kGood };

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
  }
  return "bad";
}

Class classify_with_stoplist(const block::Features& f) {
  if (f.chars < params::kLengthLow) return f.link_chars > 0 ? Class::kBad : Class::kShort;
  const float stop = f.stopword_density();
  if (stop >= params::kStopwordsHigh) {
    return f.chars > params::kLengthHigh ? Class::kGood : Class::kNearGood;
  }
  if (stop >= params::kStopwordsLow) return Class::kNearGood;
  // A sentence a little short of stop words (a quote, a list of names in
  // prose) is left to its neighbours rather than condemned.
  const bool sentence = f.ends_with_punct && f.link_chars == 0;
  return sentence && stop >= params::kStopwordsSentence ? Class::kNearGood : Class::kBad;
}

// No stop-word list for the language (e.g. Chinese): sentences and length.
Class classify_without_stoplist(const block::Features& f) {
  if (f.chars < params::kLengthLow && f.sentence_ends < params::kNoListGoodSentences) {
    return f.link_chars > 0 ? Class::kBad : Class::kShort;
  }
  if (f.chars >= params::kNoListGoodChars && f.sentence_ends >= params::kNoListGoodSentences) {
    return Class::kGood;
  }
  return Class::kNearGood;
}

Class classify(const Block& b, bool has_stoplist) {
  if (b.features.link_density() > params::kMaxLinkDensity) return Class::kBad;
  return has_stoplist ? classify_with_stoplist(b.features) : classify_without_stoplist(b.features);
}

struct Classes {
  std::vector<Class> initial;  // before context
  std::vector<Class> final;
};

// Class of the nearest block before/after i that is not short (and, when
// asked, not near-good either); the document edge counts as bad.
Class neighbour(const std::vector<Class>& c, size_t i, int step, bool skip_near_good) {
  for (long j = static_cast<long>(i) + step; j >= 0 && j < static_cast<long>(c.size()); j += step) {
    const Class k = c[static_cast<size_t>(j)];
    if (k == Class::kShort) continue;
    if (skip_near_good && k == Class::kNearGood) continue;
    return k;
  }
  return Class::kBad;
}

void revise_short(const std::vector<Class>& in, std::vector<Class>& out) {
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != Class::kShort) continue;
    const Class prev = neighbour(in, i, -1, true);
    const Class next = neighbour(in, i, +1, true);
    if (prev == Class::kGood && next == Class::kGood) {
      out[i] = Class::kGood;
    } else if (prev == Class::kBad && next == Class::kBad) {
      out[i] = Class::kBad;
    } else if ((prev == Class::kBad && neighbour(in, i, -1, false) == Class::kNearGood) ||
               (next == Class::kBad && neighbour(in, i, +1, false) == Class::kNearGood)) {
      out[i] = Class::kGood;
    } else {
      out[i] = Class::kBad;
    }
  }
}

void revise_near_good(std::vector<Class>& c) {
  const std::vector<Class> before = c;
  for (size_t i = 0; i < c.size(); ++i) {
    if (before[i] != Class::kNearGood) continue;
    const Class prev = neighbour(before, i, -1, true);
    const Class next = neighbour(before, i, +1, true);
    c[i] = (prev == Class::kBad && next == Class::kBad) ? Class::kBad : Class::kGood;
  }
}

// jusText: a heading with good text soon after it is part of the article.
void keep_headings(const Document& doc, std::vector<Class>& c) {
  for (size_t i = 0; i < c.size(); ++i) {
    if (doc.blocks[i].kind != Kind::kHeading || c[i] == Class::kGood) continue;
    if (!doc.blocks[i].decision.keep || doc.blocks[i].features.link_density() > 0.5f) continue;
    uint32_t distance = 0;
    for (size_t j = i + 1; j < c.size() && distance <= params::kMaxHeadingDistance; ++j) {
      if (c[j] == Class::kGood) {
        c[i] = Class::kGood;
        break;
      }
      distance += doc.blocks[j].features.chars;
    }
  }
}

Classes classify_all(const Document& doc, bool has_stoplist) {
  Classes k;
  k.initial.reserve(doc.blocks.size());
  for (const Block& b : doc.blocks) {
    k.initial.push_back(b.decision.keep ? classify(b, has_stoplist) : Class::kBad);
  }
  k.final = k.initial;
  revise_short(k.initial, k.final);
  revise_near_good(k.final);
  keep_headings(doc, k.final);
  return k;
}

std::string reason_for(const Block& b, Class initial, Class final) {
  char buf[128];
  if (initial == final) {
    std::snprintf(buf, sizeof buf, "%s (%u chars, stop %.2f, link %.2f)", class_name(final),
                  b.features.chars, b.features.stopword_density(), b.features.link_density());
  } else {
    std::snprintf(buf, sizeof buf, "%s -> %s by its neighbours (%u chars, stop %.2f)",
                  class_name(initial), class_name(final), b.features.chars,
                  b.features.stopword_density());
  }
  return buf;
}

// Text dumps: runs of kept blocks split by gaps of dropped ones; a run far
// smaller than the main run is a teaser, standfirst or caption.
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
    char reason[96];
    std::snprintf(reason, sizeof reason, "apart from the main text (%u of %u chars)", r.chars,
                  best);
    for (size_t i = r.first; i <= r.last; ++i) {
      if (doc.blocks[i].decision.keep) doc.blocks[i].decision = {false, Stage::kContext, reason};
    }
  }
}

// Whether the stop-word list fits the document: its longer blocks must be
// made of stop words to a usual degree, else the language is wrong or the
// text is not prose in any listed language (lorem ipsum, code, a table).
bool stoplist_fits(const Document& doc) {
  if (doc.language.empty()) return false;
  uint64_t words = 0, stop_words = 0;
  for (const Block& b : doc.blocks) {
    if (!b.decision.keep || b.features.chars < params::kLengthLow) continue;
    words += b.features.words;
    stop_words += b.features.stop_words;
  }
  return words == 0 || float(stop_words) >= float(words) * params::kMinDocumentStopShare;
}

}  // namespace

void classify_density(Document& doc) {
  const bool has_stoplist = stoplist_fits(doc);
  const Classes k = classify_all(doc, has_stoplist);
  // Structure already chose the region of an HTML page; when density finds
  // no good block in it at all, trust the structure over the word counts.
  if (doc.is_html &&
      std::none_of(k.final.begin(), k.final.end(), [](Class c) { return c == Class::kGood; })) {
    return;
  }
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& b = doc.blocks[i];
    if (!b.decision.keep) continue;
    const Stage stage = k.initial[i] == k.final[i] ? Stage::kDensity : Stage::kContext;
    b.decision = {k.final[i] == Class::kGood, stage, reason_for(b, k.initial[i], k.final[i])};
  }
  if (!doc.is_html) keep_main_run(doc, k.final);
}

}  // namespace webclean::filter
