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

// A short block that is one whole sentence of several words: a closing
// line of an article ("Some information was provided by AP.") rather than
// a label; it takes the class of its neighbours like near-good text.
bool is_short_sentence(const block::Features& f) {
  return f.ends_with_punct && f.starts_upper && f.link_chars == 0 &&
         f.words >= params::kShortSentenceWords;
}

Class classify_with_stoplist(const block::Features& f) {
  if (f.chars < params::kLengthLow) {
    if (f.link_chars > 0) return Class::kBad;
    return is_short_sentence(f) ? Class::kNearGood : Class::kShort;
  }
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

// Inside an article region structure has judged the prose already: any
// block of some length with few links is good, links make a block bad,
// and short blocks are left to their neighbours.
Class classify_in_region(const Block& b) {
  const block::Features& f = b.features;
  if (f.link_density() > params::kRegionMaxLinkDensity) return Class::kBad;
  if (f.chars < params::kLengthLow) {
    return f.link_density() > params::kMaxLinkDensity ? Class::kBad : Class::kShort;
  }
  return Class::kGood;
}

struct Classes {
  std::vector<Class> initial;  // before context
  std::vector<Class> final;
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

void revise_short(const std::vector<Class>& in, std::vector<Class>& out, Class edge) {
  const std::vector<Class> prev = nearest(in, -1, true, edge);
  const std::vector<Class> next = nearest(in, +1, true, edge);
  const std::vector<Class> prev_any = nearest(in, -1, false, edge);
  const std::vector<Class> next_any = nearest(in, +1, false, edge);
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != Class::kShort) continue;
    if (prev[i] == Class::kGood && next[i] == Class::kGood) {
      out[i] = Class::kGood;
    } else if (prev[i] == Class::kBad && next[i] == Class::kBad) {
      out[i] = Class::kBad;
    } else if ((prev[i] == Class::kBad && prev_any[i] == Class::kNearGood) ||
               (next[i] == Class::kBad && next_any[i] == Class::kNearGood)) {
      out[i] = Class::kGood;
    } else {
      // Inside an article region (good edges) a short block next to prose
      // on one side is a subheading or a caption: it stays.
      out[i] = edge == Class::kGood ? Class::kGood : Class::kBad;
    }
  }
}

void revise_near_good(std::vector<Class>& c, Class edge) {
  const std::vector<Class> prev = nearest(c, -1, true, edge);
  const std::vector<Class> next = nearest(c, +1, true, edge);
  for (size_t i = 0; i < c.size(); ++i) {
    if (c[i] != Class::kNearGood) continue;
    c[i] = (prev[i] == Class::kBad && next[i] == Class::kBad) ? Class::kBad : Class::kGood;
  }
}

// jusText: a heading with good text soon after it is part of the article.
// A manual's headings are often links to themselves (an anchor to copy),
// an article's ranked list titles each item with a link to what it ranks:
// there a heading of links is still a heading (kDocsHeadingMaxLinkDensity).
void keep_headings(const Document& doc, std::vector<Class>& c) {
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
        break;
      }
      distance += doc.blocks[j].features.chars;
    }
  }
}

Classes classify_all(const Document& doc, bool has_stoplist, bool in_region) {
  Classes k;
  k.initial.reserve(doc.blocks.size());
  for (const Block& b : doc.blocks) {
    if (b.outside_region || b.declared) {
      // Outside the region, or on no part of the page (a JSON-LD
      // description): no block's neighbour.
      k.initial.push_back(Class::kAbsent);
    } else if (b.in_post && b.decision.keep) {
      k.initial.push_back(Class::kGood);  // a post of a thread is kept whole
    } else if (b.decision.stage == Stage::kMetadata && !doc.is_html) {
      // A text dump's title, byline and dateline lines stay out of the
      // text but are neighbours as what they look like (a headline is
      // near-good): taking the title out must not cut the article from its
      // lead (text set F1 0.908 as bad neighbours, 0.915 so). On HTML pages
      // they stay bad neighbours (trafilatura set P 0.931, 0.929 so).
      k.initial.push_back(classify(b, has_stoplist));
    } else if (!b.decision.keep) {
      k.initial.push_back(Class::kBad);
    } else {
      k.initial.push_back(in_region ? classify_in_region(b) : classify(b, has_stoplist));
    }
  }
  k.final = k.initial;
  const Class edge = in_region ? Class::kGood : Class::kBad;
  revise_short(k.initial, k.final, edge);
  revise_near_good(k.final, edge);
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
  return b.in_card ? std::string(buf) + "; in a card, its link not counted (kCardLinkMinBlocks)"
                   : std::string(buf);
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
        b.decision = {true, Stage::kContext, "lead of the article, just before its region"};
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
    candidates += b.decision.stage != Stage::kRules && b.decision.stage != Stage::kMetadata &&
                  b.features.link_density() <= params::kRegionMaxLinkDensity;
  }
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& b = doc.blocks[i];
    if (b.decision.stage == Stage::kRules || b.decision.stage == Stage::kMetadata) continue;
    if (b.features.link_density() > params::kRegionMaxLinkDensity) continue;
    if (i == 0 && !doc.is_html && candidates > 1) continue;  // a dump's first line is its title
    b.decision = {true, Stage::kContext, "kept: nothing else in the document passed"};
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
    b.decision = {true, Stage::kContext, "prose outside the region, beside other prose"};
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
    return;
  }
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& b = doc.blocks[i];
    if (!b.decision.keep || b.in_post) continue;
    const Stage stage = k.initial[i] == k.final[i] ? Stage::kDensity : Stage::kContext;
    b.decision = {k.final[i] == Class::kGood, stage, reason_for(b, k.initial[i], k.final[i])};
  }
  // A thread's region is its posts: nothing outside them is brought back.
  const bool thread = !doc.post_roots.empty();
  if (in_region && !thread) recover_lead(doc, has_stoplist);
  if (in_region && !thread) recover_prose(doc, has_stoplist);
  if (!doc.is_html) keep_main_run(doc, k.final);
  keep_something(doc);
}

}  // namespace webclean::filter
