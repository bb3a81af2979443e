// The structure filter: Readability's candidate scoring on the node tree.
// Paragraph blocks give points (length, commas) to their ancestors; the
// container with the best link-density-scaled score, grown by its related
// siblings, is the article region. Inside it, link-heavy boxes are cleaned.
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "filter/filter.h"
#include "filter/params.h"

namespace webclean::filter {
namespace {

using block::Block;
using block::Document;
using block::Kind;
using block::Node;

// Text totals of a node's subtree, counting only blocks still kept.
struct Totals {
  uint32_t chars = 0;
  uint32_t link_chars = 0;
  uint32_t commas = 0;
  uint32_t heading_chars = 0;
  uint32_t paragraphs = 0;  // <p> nodes with kept text
  float link_density() const { return chars ? float(link_chars) / float(chars) : 0.f; }
};

struct Tree {
  std::vector<Totals> totals;
  std::vector<std::vector<int32_t>> children;
};

Tree build_tree(const Document& doc) {
  Tree tree;
  tree.totals.resize(doc.nodes.size());
  tree.children.resize(doc.nodes.size());
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent >= 0) tree.children[static_cast<size_t>(parent)].push_back(static_cast<int32_t>(i));
  }
  for (const Block& b : doc.blocks) {
    if (!b.decision.keep || b.node < 0) continue;
    Totals& t = tree.totals[static_cast<size_t>(b.node)];
    t.chars += b.features.chars;
    t.link_chars += b.features.link_chars;
    t.commas += b.features.commas;
    if (b.kind == Kind::kHeading) t.heading_chars += b.features.chars;
  }
  // Nodes are parents-first: one backward pass sums subtrees.
  for (size_t i = doc.nodes.size(); i-- > 0;) {
    Totals& t = tree.totals[i];
    if (doc.nodes[i].tag == "p" && t.chars > 0) ++t.paragraphs;
    const int32_t parent = doc.nodes[i].parent;
    if (parent < 0) continue;
    Totals& up = tree.totals[static_cast<size_t>(parent)];
    up.chars += t.chars;
    up.link_chars += t.link_chars;
    up.commas += t.commas;
    up.heading_chars += t.heading_chars;
    up.paragraphs += t.paragraphs;
  }
  return tree;
}

float tag_score(const std::string& tag) {
  if (tag == "div") return params::kDivTagScore;
  if (tag == "pre" || tag == "td" || tag == "blockquote") return params::kProseTagScore;
  if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" ||
      tag == "li" || tag == "form") {
    return params::kListTagScore;
  }
  if ((tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') || tag == "th") {
    return params::kHeadingTagScore;
  }
  return 0;
}

class ClassWeigher {
 public:
  ClassWeigher()
      : positive_(params::kPositiveClass, options()),
        negative_(params::kNegativeClass, options()) {}
  float weight(const Node& node) const {
    float w = 0;
    for (const std::string* field : {&node.classes, &node.id}) {
      if (field->empty()) continue;
      if (RE2::PartialMatch(*field, negative_)) w -= params::kClassWeight;
      if (RE2::PartialMatch(*field, positive_)) w += params::kClassWeight;
    }
    return w;
  }

 private:
  static RE2::Options options() {
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    return o;
  }
  RE2 positive_;
  RE2 negative_;
};

const ClassWeigher& class_weigher() {
  static const ClassWeigher weigher;  // compiled once, read-only afterwards
  return weigher;
}

// Tags whose element is the paragraph itself: their score goes to the parent.
bool is_paragraph_element(const std::string& tag) {
  return tag == "p" || tag == "pre" || tag == "td" || tag == "th" || tag == "li" || tag == "dd" ||
         tag == "dt" || tag == "blockquote" || tag == "figcaption" ||
         (tag.size() == 2 && tag[0] == 'h');
}

bool scores(const Block& b) {
  if (!b.decision.keep || b.node < 0) return false;
  if (b.features.chars < params::kMinScoredChars) return false;
  if (b.kind == Kind::kListItem || b.kind == Kind::kCaption) return false;
  if (b.kind == Kind::kHeading && b.heading_level == 1) return false;
  return true;
}

struct Scores {
  std::vector<float> score;
  std::vector<bool> scored;
};

Scores score_candidates(const Document& doc, const Tree& tree) {
  Scores s{std::vector<float>(doc.nodes.size(), 0.f), std::vector<bool>(doc.nodes.size(), false)};
  const ClassWeigher& weigher = class_weigher();
  for (const Block& b : doc.blocks) {
    if (!scores(b)) continue;
    const Node& own = doc.nodes[static_cast<size_t>(b.node)];
    int32_t ancestor = is_paragraph_element(own.tag) ? own.parent : b.node;
    // A paragraph of links (a list of names, a tag cloud) is not article
    // text however many commas it has: its points shrink with its links.
    const uint32_t length_points =
        std::min(b.features.chars / params::kCharsPerPoint, params::kMaxLengthPoints);
    const float points = (1.f + float(b.features.commas + 1) + float(length_points)) *
                         (1.f - b.features.link_density());
    for (int level = 0; ancestor >= 0 && level < params::kScoreAncestorLevels; ++level) {
      const size_t a = static_cast<size_t>(ancestor);
      const Node& node = doc.nodes[a];
      if (node.tag == "html") break;
      if (!s.scored[a]) {
        s.scored[a] = true;
        s.score[a] = tag_score(node.tag) + weigher.weight(node);
      }
      const float divider = level == 0 ? 1.f : level == 1 ? 2.f : float(level) * 3.f;
      s.score[a] += points / divider;
      ancestor = node.parent;
    }
  }
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    if (s.scored[i]) s.score[i] *= 1.f - tree.totals[i].link_density();
  }
  return s;
}

int32_t best_candidate(const Scores& s) {
  int32_t best = -1;
  for (size_t i = 0; i < s.score.size(); ++i) {
    if (s.scored[i] && (best < 0 || s.score[i] > s.score[static_cast<size_t>(best)])) {
      best = static_cast<int32_t>(i);
    }
  }
  return best;
}

// Readability: when three or more near-top candidates share an ancestor,
// the article is that ancestor (it was split into several containers).
int32_t common_ancestor_of_alternatives(const Document& doc, const Scores& s, int32_t top) {
  const float top_score = s.score[static_cast<size_t>(top)];
  std::vector<int32_t> alternatives;
  for (size_t i = 0; i < s.score.size(); ++i) {
    if (s.scored[i] && static_cast<int32_t>(i) != top &&
        s.score[i] >= top_score * params::kAlternativeShare) {
      alternatives.push_back(static_cast<int32_t>(i));
    }
  }
  if (static_cast<int>(alternatives.size()) < params::kMinAlternatives) return top;
  for (int32_t up = doc.nodes[static_cast<size_t>(top)].parent; up >= 0;
       up = doc.nodes[static_cast<size_t>(up)].parent) {
    if (doc.nodes[static_cast<size_t>(up)].tag == "body") break;
    int contained = 0;
    for (int32_t alt : alternatives) contained += block::is_within(doc, alt, up) ? 1 : 0;
    if (contained >= params::kMinAlternatives) return up;
  }
  return top;
}

// Readability: climb while the parent scores better than the candidate,
// and past parents that wrap nothing but the candidate.
int32_t climb(const Document& doc, const Scores& s, const Tree& tree, int32_t top) {
  float last = s.score[static_cast<size_t>(top)];
  const float threshold = last / params::kClimbScoreDivisor;
  for (int32_t up = doc.nodes[static_cast<size_t>(top)].parent; up >= 0;
       up = doc.nodes[static_cast<size_t>(up)].parent) {
    const size_t u = static_cast<size_t>(up);
    if (doc.nodes[u].tag == "body" || doc.nodes[u].tag == "html") break;
    if (!s.scored[u]) continue;
    if (s.score[u] < threshold) break;
    if (s.score[u] > last) {
      top = up;
      break;
    }
    last = s.score[u];
  }
  for (int32_t up = doc.nodes[static_cast<size_t>(top)].parent; up >= 0;
       up = doc.nodes[static_cast<size_t>(up)].parent) {
    const size_t u = static_cast<size_t>(up);
    if (doc.nodes[u].tag == "body" || doc.nodes[u].tag == "html") break;
    if (tree.children[u].size() != 1) break;
    top = up;
  }
  return top;
}

// The first block text below a node, for the sibling paragraph test.
bool reads_like_sentence(const Document& doc, int32_t node) {
  for (const Block& b : doc.blocks) {
    if (b.node == node && b.decision.keep)
      return b.features.sentence_ends > 0 || b.features.ends_with_punct;
  }
  return false;
}

std::vector<int32_t> region_roots(const Document& doc, const Scores& s, const Tree& tree,
                                  int32_t top) {
  const int32_t parent = doc.nodes[static_cast<size_t>(top)].parent;
  if (parent < 0) return {top};
  const float top_score = s.score[static_cast<size_t>(top)];
  const float threshold =
      std::max(params::kSiblingMinScore, top_score * params::kSiblingScoreShare);
  const std::string& top_class = doc.nodes[static_cast<size_t>(top)].classes;
  std::vector<int32_t> roots;
  for (int32_t sibling : tree.children[static_cast<size_t>(parent)]) {
    const size_t i = static_cast<size_t>(sibling);
    if (sibling == top) {
      roots.push_back(sibling);
      continue;
    }
    float bonus = 0;
    if (!top_class.empty() && doc.nodes[i].classes == top_class) bonus = top_score * 0.2f;
    if (s.scored[i] && s.score[i] + bonus >= threshold) {
      roots.push_back(sibling);
      continue;
    }
    if (doc.nodes[i].tag != "p") continue;
    const Totals& t = tree.totals[i];
    if (t.chars > params::kSiblingLongChars && t.link_density() < params::kSiblingLongLinkDensity) {
      roots.push_back(sibling);
    } else if (t.chars > 0 && t.chars <= params::kSiblingLongChars && t.link_chars == 0 &&
               reads_like_sentence(doc, sibling)) {
      roots.push_back(sibling);
    }
  }
  return roots;
}

bool is_list(const std::string& tag) {
  return tag == "ul" || tag == "ol";
}

bool is_cleanable(const std::string& tag) {
  return tag == "div" || tag == "section" || tag == "form" || tag == "fieldset" || tag == "table" ||
         is_list(tag) || tag == "aside";
}

// Readability's conditional cleaning, without the image and embed counts
// this model does not keep: negative class hints, and link-heavy boxes.
// Empty when the box stays.
std::string clean_reason(const Node& node, const Totals& t, float content_score) {
  const float weight = class_weigher().weight(node);
  // Readability: the hint counts against the text the box was scored for.
  // A box of plain prose is kept whatever its class says: page builders
  // name every box "widget" and every field "media" or "meta".
  const bool prose =
      t.chars >= params::kProseBoxChars && t.link_density() < params::kMaxLinkDensityProse;
  char reason[200];
  if (weight + content_score < 0 && !prose) {
    // Lists and forms start with a negative score (Readability's
    // initializeNode); say which of the two condemned the box.
    std::snprintf(reason, sizeof reason,
                  "%s inside the article: class weight %.0f + score %.1f < 0, not prose "
                  "(kProseBoxChars %u; clean_reason)",
                  weight < 0 ? "negative class hint" : "negative score (a list or form)",
                  double(weight), double(content_score), params::kProseBoxChars);
    return reason;
  }
  if (t.commas >= params::kCleanMinCommas) return {};
  const float density = t.link_density();
  if (!is_list(node.tag) && weight < params::kClassWeight &&
      density > params::kLowWeightLinkDensity) {
    std::snprintf(reason, sizeof reason,
                  "link-heavy box inside the article: link %.2f > kLowWeightLinkDensity %.2f, "
                  "class weight %.0f < kClassWeight %.0f, %u commas < kCleanMinCommas %u "
                  "(clean_reason)",
                  double(density), double(params::kLowWeightLinkDensity), double(weight),
                  double(params::kClassWeight), t.commas, params::kCleanMinCommas);
    return reason;
  }
  if (density > params::kListLinkDensity) {
    std::snprintf(reason, sizeof reason,
                  "link-heavy list inside the article: link %.2f > kListLinkDensity %.2f, "
                  "%u commas < kCleanMinCommas %u (clean_reason)",
                  double(density), double(params::kListLinkDensity), t.commas,
                  params::kCleanMinCommas);
    return reason;
  }
  return {};
}

void drop_outside(Document& doc, const std::vector<int32_t>& roots, int32_t top) {
  char reason[256];
  std::snprintf(reason, sizeof reason,
                "outside the main content (%s, the best-scored candidate's region; region_roots)",
                block::describe(doc.nodes[static_cast<size_t>(top)]).c_str());
  for (Block& b : doc.blocks) {
    if (!b.decision.keep) continue;
    bool inside = false;
    for (int32_t root : roots)
      inside = inside || (b.node >= 0 && block::is_within(doc, b.node, root));
    if (inside) continue;
    b.decision = {false, block::Stage::kStructure, reason};
    b.outside_region = true;
  }
}

void clean_inside(Document& doc, const Tree& tree, const Scores& s,
                  const std::vector<int32_t>& roots) {
  // For each node, the index in `reasons` of why its box went, or -1.
  std::vector<int32_t> dropped(doc.nodes.size(), -1);
  std::vector<std::string> reasons;
  std::vector<bool> in_region(doc.nodes.size(), false);
  for (int32_t root : roots) in_region[static_cast<size_t>(root)] = true;
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const int32_t parent = doc.nodes[i].parent;
    const bool parent_in = parent >= 0 && in_region[static_cast<size_t>(parent)];
    if (!in_region[i] && !parent_in) continue;
    in_region[i] = true;
    dropped[i] = parent_in ? dropped[static_cast<size_t>(parent)] : -1;
    if (dropped[i] < 0 && parent_in && is_cleanable(doc.nodes[i].tag)) {
      std::string reason =
          clean_reason(doc.nodes[i], tree.totals[i], s.scored[i] ? s.score[i] : 0.f);
      if (reason.empty()) continue;
      dropped[i] = static_cast<int32_t>(reasons.size());
      reasons.push_back(std::move(reason));
    }
  }
  // Cleaning tidies the article; it never takes all of it (a page whose
  // article is one list inside a wrapper lost its whole text).
  const auto cleaned = [&](const Block& b) {
    return b.decision.keep && b.node >= 0 && dropped[static_cast<size_t>(b.node)] >= 0;
  };
  bool something_left = false;
  for (const Block& b : doc.blocks)
    something_left = something_left || (b.decision.keep && !cleaned(b));
  if (!something_left) return;
  for (Block& b : doc.blocks) {
    if (cleaned(b)) {
      const int32_t why = dropped[static_cast<size_t>(b.node)];
      b.decision = {false, block::Stage::kStructure, reasons[static_cast<size_t>(why)]};
    }
  }
}

// For each node, the outermost <blockquote> around it (itself included)
// inside a post, or -1.
std::vector<int32_t> quote_boxes(const Document& doc, const std::vector<bool>& in_post) {
  std::vector<int32_t> quote(doc.nodes.size(), -1);
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    if (!in_post[i]) continue;
    const int32_t parent = doc.nodes[i].parent;
    if (parent >= 0) quote[i] = quote[static_cast<size_t>(parent)];
    if (quote[i] < 0 && doc.nodes[i].tag == "blockquote") quote[i] = static_cast<int32_t>(i);
  }
  return quote;
}

// The first block of a quote box names the poster quoted.
bool opens_with_attribution(const Block& b) {
  static const RE2 attribution(params::kQuoteAttribution, RE2::Quiet);  // read-only
  re2::StringPiece before;
  return RE2::PartialMatch(b.text, attribution, &before) &&
         before.size() <= params::kQuoteAttributionMaxChars;
}

// The posts the rules filter found are the answers of an FAQ: they lie
// in a schema.org FAQPage, whose Answers' itemprop=text the [post] rules
// take for posts. On a service page that is one of its sections, not a
// thread.
bool answers_of_faq(const Document& doc) {
  if (doc.post_roots.empty()) return false;
  for (int32_t root : doc.post_roots) {
    bool in_faq = false;
    for (int32_t up = root; up >= 0 && !in_faq; up = doc.nodes[static_cast<size_t>(up)].parent) {
      in_faq = doc.nodes[static_cast<size_t>(up)].itemtype.find("FAQPage") != std::string::npos;
    }
    if (!in_faq) return false;
  }
  return true;
}

// A thread (doc.post_roots, found by the rules filter): every post is
// content, whole and in order, and nothing else is: the region is the
// posts, less the quotes of other posts inside them (a blockquote that
// opens with "X wrote:"; kQuoteAttribution).
void keep_posts(Document& doc) {
  std::vector<bool> in_post(doc.nodes.size(), false);
  for (int32_t root : doc.post_roots) in_post[static_cast<size_t>(root)] = true;
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent >= 0 && in_post[static_cast<size_t>(parent)]) in_post[i] = true;
  }
  const std::vector<int32_t> quote = quote_boxes(doc, in_post);
  // Per quote box: 0 not seen yet, 1 a quote of another post, 2 not.
  std::vector<uint8_t> quoted(doc.nodes.size(), 0);
  const std::string kept = "post of " + doc.thread_reason;
  const std::string dropped = "outside the posts of " + doc.thread_reason;
  const std::string quoted_post =
      "a quote of another post (kQuoteAttribution) in " + doc.thread_reason;
  const std::string repeated =
      "repeats an earlier post word for word (kRepeatedPostLineMinChars) in " + doc.thread_reason;
  std::unordered_set<std::string> seen;  // the texts of the posts' blocks kept so far
  for (Block& b : doc.blocks) {
    if (!b.decision.keep) continue;
    if (b.node < 0 || !in_post[static_cast<size_t>(b.node)]) {
      b.decision = {false, block::Stage::kStructure, dropped};
      b.outside_region = true;
      continue;
    }
    const int32_t box = quote[static_cast<size_t>(b.node)];
    if (box >= 0 && quoted[static_cast<size_t>(box)] == 0)
      quoted[static_cast<size_t>(box)] = opens_with_attribution(b) ? 1 : 2;
    if (box >= 0 && quoted[static_cast<size_t>(box)] == 1) {
      b.decision = {false, block::Stage::kStructure, quoted_post};
      continue;
    }
    if (b.features.chars >= params::kRepeatedPostLineMinChars && !seen.insert(b.text).second) {
      b.decision = {false, block::Stage::kStructure, repeated};
      continue;
    }
    b.decision = {true, block::Stage::kStructure, kept};
    b.in_post = true;
  }
}

// Boxes of one shape (tag and classes) holding text: candidates for the
// posts of a thread whose platform no [post] rule knows.
struct Shape {
  std::string name;            // "div.post-body"
  std::vector<int32_t> roots;  // the outermost boxes of the shape, in page order
  uint32_t chars = 0;
  uint32_t largest = 0;  // chars of its largest box
  uint32_t prose = 0;    // chars of prose paragraphs (kProseParagraphChars)
};

// The shapes of the boxes with classes that hold kept text. A box inside
// another of its shape is a part of it (a quoted post), not a post.
std::vector<Shape> shapes_with_text(const Document& doc, const std::vector<KeptText>& text) {
  std::vector<Shape> shapes;
  std::unordered_map<std::string, size_t> index;
  std::vector<int32_t> shape_of(doc.nodes.size(), -1);
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const Node& node = doc.nodes[i];
    if (node.classes.empty() || text[i].chars == 0) continue;
    const auto [it, added] = index.try_emplace(node.tag + '.' + node.classes, shapes.size());
    if (added) shapes.push_back(Shape{it->first, {}, 0, 0, 0});
    shape_of[i] = static_cast<int32_t>(it->second);
    bool nested = false;
    for (int32_t up = node.parent; up >= 0 && !nested;
         up = doc.nodes[static_cast<size_t>(up)].parent) {
      nested = shape_of[static_cast<size_t>(up)] == shape_of[i];
    }
    if (nested) continue;
    Shape& shape = shapes[it->second];
    shape.roots.push_back(static_cast<int32_t>(i));
    shape.chars += text[i].chars;
    shape.largest = std::max(shape.largest, text[i].chars);
    shape.prose += text[i].prose_chars;
  }
  return shapes;
}

// A forum page whose platform no [post] rule knows (a board of the site's
// own, its classes hashed by styled-components): its posts are the boxes
// of one shape that recur, together hold most of the page's text, and
// none of which holds most of theirs (kRepeatedPosts*). Fills
// doc.post_roots and doc.thread_reason as the rules filter does for a
// thread it recognises; false when there are no such boxes.
bool find_repeated_posts(Document& doc) {
  const uint32_t total = kept_chars(doc);
  if (total == 0) return false;
  const std::vector<Shape> shapes = shapes_with_text(doc, kept_text_below(doc));
  const Shape* best = nullptr;
  for (const Shape& shape : shapes) {
    if (shape.roots.size() < params::kRepeatedPostsMinCount || shape.prose == 0 ||
        float(shape.chars) < float(total) * params::kRepeatedPostsMinShare ||
        float(shape.largest) > float(shape.chars) * params::kRepeatedPostsMaxShare) {
      continue;
    }
    // The most posts (a board's post wrappers may leave its first post,
    // the question, out; their bodies do not), then the least text: the
    // posts' bodies, not their wrappers with the poster's name and buttons.
    if (best == nullptr || shape.roots.size() > best->roots.size() ||
        (shape.roots.size() == best->roots.size() && shape.chars < best->chars)) {
      best = &shape;
    }
  }
  if (best == nullptr) return false;
  char reason[200];
  std::snprintf(reason, sizeof reason,
                "a thread: %zu boxes %s hold %.0f%% of the text (kRepeatedPostsMinCount %zu, "
                "kRepeatedPostsMinShare %.2f)",
                best->roots.size(), best->name.substr(0, 60).c_str(),
                100.0 * double(best->chars) / double(total), params::kRepeatedPostsMinCount,
                double(params::kRepeatedPostsMinShare));
  doc.thread_reason = reason;
  doc.post_roots = best->roots;
  return true;
}

// --- product pages ---

// A block that is a price and little else: a currency sign or code next
// to a number ("$12.99", "13,29€", "EUR 355.58", "+ $23.93 delivery").
// A price per month or per seat ("$15/month") is a plan of a service
// (a pricing table: what the page sells), not a product's card.
bool is_price(const Block& b) {
  if (b.text.size() > params::kPriceMaxBytes) return false;
  static const RE2 price(params::kPricePattern);
  static const RE2 recurring(params::kRecurringPricePattern);
  return RE2::PartialMatch(b.text, price) && !RE2::PartialMatch(b.text, recurring);
}

// Cards of other products (a "Similar items" carousel, "More seller
// options", a row of add-ons) and a picker's priced options: three or
// more children of one box that each show a price or two and little text
// (kPricedCardsMin, kPricedCardMaxPrices, kPricedCardMaxMeanChars), half
// of the box's children or more. The product's own price stands alone in
// its buy box. Such cards often link only through an empty overlay (the
// whole card a link without text), so the item lists by link text miss
// them.
void drop_priced_cards(Document& doc) {
  std::vector<uint32_t> prices(doc.nodes.size(), 0);
  for (const Block& b : doc.blocks) {
    if (b.decision.keep && b.node >= 0 && is_price(b)) ++prices[static_cast<size_t>(b.node)];
  }
  for (size_t i = doc.nodes.size(); i-- > 0;) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent >= 0) prices[static_cast<size_t>(parent)] += prices[i];
  }
  const std::vector<KeptText> text = kept_text_below(doc);
  struct Box {
    uint32_t children = 0;  // holding kept text
    uint32_t cards = 0;
    uint32_t card_chars = 0;
  };
  std::vector<Box> boxes(doc.nodes.size());
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent < 0 || text[i].chars == 0) continue;
    Box& box = boxes[static_cast<size_t>(parent)];
    ++box.children;
    if (prices[i] >= 1 && prices[i] <= params::kPricedCardMaxPrices) {
      ++box.cards;
      box.card_chars += text[i].chars;
    }
  }
  auto is_card_box = [&](const Box& box) {
    return box.cards >= params::kPricedCardsMin && box.cards * 2 >= box.children &&
           float(box.card_chars) <= float(box.cards) * params::kPricedCardMaxMeanChars;
  };
  // The card each node lies in (its outermost), -1 outside cards.
  std::vector<int32_t> card(doc.nodes.size(), -1);
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent < 0) continue;
    if (card[static_cast<size_t>(parent)] >= 0) {
      card[i] = card[static_cast<size_t>(parent)];
    } else if (prices[i] >= 1 && prices[i] <= params::kPricedCardMaxPrices &&
               is_card_box(boxes[static_cast<size_t>(parent)])) {
      card[i] = static_cast<int32_t>(i);
    }
  }
  char reason[200];
  for (Block& b : doc.blocks) {
    if (!b.decision.keep || b.node < 0 || card[static_cast<size_t>(b.node)] < 0) continue;
    const int32_t c = card[static_cast<size_t>(b.node)];
    const int32_t parent = doc.nodes[static_cast<size_t>(c)].parent;
    const Box& box = boxes[static_cast<size_t>(parent)];
    std::snprintf(reason, sizeof reason,
                  "a priced card of another product: %u of %u boxes in %s show a price "
                  "(kPricedCardsMin %u, kPricedCardMaxMeanChars %.0f)",
                  box.cards, box.children,
                  block::describe(doc.nodes[static_cast<size_t>(parent)]).substr(0, 60).c_str(),
                  params::kPricedCardsMin, double(params::kPricedCardMaxMeanChars));
    b.decision = {false, block::Stage::kStructure, reason};
  }
}

// Whether most of a block's chars are machine identifiers
// (kIdentifierPattern, kIdentifierMinShare): an obfuscated label or a
// template's ids, not text a reader reads.
bool is_identifier_run(const Block& b) {
  static const RE2 identifier(std::string("(") + params::kIdentifierPattern + ")");
  re2::StringPiece rest(b.text);
  re2::StringPiece found;
  size_t matched = 0;
  while (RE2::FindAndConsume(&rest, identifier, &found)) matched += found.size();
  return matched > 0 && float(matched) >= float(b.text.size()) * params::kIdentifierMinShare;
}

void drop_identifier_runs(Document& doc) {
  char reason[160];
  std::snprintf(reason, sizeof reason,
                "machine identifiers, not text: %.0f%%+ of its chars are UUIDs "
                "(kIdentifierMinShare)",
                100.0 * double(params::kIdentifierMinShare));
  for (Block& b : doc.blocks) {
    if (b.decision.keep && is_identifier_run(b)) {
      b.decision = {false, block::Stage::kStructure, reason};
    }
  }
}

// The product's name: the page's first <h1> the rules left (not in a
// menu, a header or a hidden panel). A product page's text starts with
// the name of what it sells, though the metadata stage takes the heading
// for the page's title (it repeats the <title>). Given back to density,
// which judges it as any heading (kept whole, it made its neighbours
// good: a gallery's labels, a price; wcxb-dev product tune 0.643 so,
// 0.633 kept whole); not when the structure filter put it in a card of
// another product, nor when the page already shows the same text.
void keep_product_name(Document& doc) {
  for (Block& b : doc.blocks) {
    if (b.kind != block::Kind::kHeading || b.heading_level != 1) continue;
    if (b.decision.stage == block::Stage::kRules) continue;
    if (!b.decision.keep && b.decision.stage == block::Stage::kStructure) return;
    for (const Block& other : doc.blocks) {
      if (&other != &b && other.decision.keep && other.text == b.text) return;
    }
    b.decision = {true, block::Stage::kStructure,
                  "the product's name: the page's first h1 (a product page's text starts "
                  "with it; keep_product_name)"};
    return;
  }
}

// A list of a template's raw fields: three or more children of one box
// (kRawFieldsMin), half of its children or more, label it with a key
// (kRawFieldKeyPattern: "retail_price_tier1:", "cat_thumb_Bone:",
// "tab_Shipping and Returns:"). A shop printed its custom fields, the
// data its theme reads, as they are stored: no reader reads them.
void drop_raw_field_lists(Document& doc) {
  static const RE2 key(params::kRawFieldKeyPattern);
  struct Box {
    uint32_t children = 0;  // holding kept text
    uint32_t keys = 0;
  };
  std::vector<Box> boxes(doc.nodes.size());
  const std::vector<KeptText> text = kept_text_below(doc);
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent >= 0 && text[i].chars > 0) ++boxes[static_cast<size_t>(parent)].children;
  }
  for (const Block& b : doc.blocks) {
    if (!b.decision.keep || b.node < 0 || !RE2::FullMatch(b.text, key)) continue;
    const int32_t parent = doc.nodes[static_cast<size_t>(b.node)].parent;
    if (parent >= 0) ++boxes[static_cast<size_t>(parent)].keys;
  }
  char reason[160];
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const Box& box = boxes[i];
    if (box.keys < params::kRawFieldsMin || box.keys * 2 < box.children) continue;
    std::snprintf(reason, sizeof reason,
                  "a template's raw fields: %u of %u children of %s are labelled with a key "
                  "(kRawFieldKeyPattern, kRawFieldsMin %u)",
                  box.keys, box.children, block::describe(doc.nodes[i]).substr(0, 60).c_str(),
                  params::kRawFieldsMin);
    for (Block& b : doc.blocks) {
      if (b.decision.keep && b.node >= 0 &&
          block::is_within(doc, b.node, static_cast<int32_t>(i))) {
        b.decision = {false, block::Stage::kStructure, reason};
      }
    }
  }
}

bool has_layout_copies(PageType type) {
  return type == PageType::kProduct || type == PageType::kService || type == PageType::kListing ||
         type == PageType::kCollection;
}

}  // namespace

bool is_prose_paragraph(const Block& b) {
  const block::Features& f = b.features;
  return f.chars >= params::kProseParagraphChars && f.sentence_ends > 0 &&
         f.link_density() <= params::kProseParagraphMaxLinkDensity;
}

uint32_t kept_chars(const Document& doc) {
  uint32_t chars = 0;
  for (const Block& b : doc.blocks) chars += b.decision.keep ? b.features.chars : 0;
  return chars;
}

std::vector<KeptText> kept_text_below(const Document& doc) {
  std::vector<KeptText> text(doc.nodes.size());
  for (const Block& b : doc.blocks) {
    if (!b.decision.keep || b.node < 0) continue;
    KeptText& t = text[static_cast<size_t>(b.node)];
    t.chars += b.features.chars;
    t.link_chars += std::min(b.features.link_chars, b.features.chars);
    t.prose_chars += is_prose_paragraph(b) ? b.features.chars : 0;
  }
  for (size_t i = doc.nodes.size(); i-- > 0;) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent < 0) continue;
    KeptText& up = text[static_cast<size_t>(parent)];
    up.chars += text[i].chars;
    up.link_chars += text[i].link_chars;
    up.prose_chars += text[i].prose_chars;
  }
  return text;
}

bool select_main_content(Document& doc) {
  if (doc.nodes.empty()) return false;
  // Shops, landing pages and front pages repeat a box for another layout.
  // Articles repeat text on purpose (a pull quote; Readability's test
  // pages repeat paragraphs), and so do manuals (one parameter, described
  // in each call that takes it); a thread's quotes of its earlier posts
  // go line by line (keep_posts).
  if (has_layout_copies(doc.page_type)) drop_repeated_boxes(doc);
  if (doc.page_type == PageType::kService && answers_of_faq(doc)) doc.post_roots.clear();
  if (!doc.post_roots.empty() || (doc.page_type == PageType::kForum && find_repeated_posts(doc))) {
    keep_posts(doc);
    return true;
  }
  if (doc.page_type == PageType::kService || doc.page_type == PageType::kDocumentation) {
    return select_sections(doc);
  }
  if (doc.page_type == PageType::kProduct) {
    // A product page is its sections (name, buy box, description, specs),
    // as a service page is, less the cards of other products.
    drop_identifier_runs(doc);
    drop_item_lists(doc);
    drop_priced_cards(doc);
    drop_raw_field_lists(doc);
    const bool found = select_sections(doc);
    keep_product_name(doc);
    return found;
  }
  if (doc.page_type == PageType::kListing || doc.page_type == PageType::kCollection) {
    if (select_items(doc)) return true;
  }
  const Tree tree = build_tree(doc);
  const Scores s = score_candidates(doc, tree);
  int32_t top = best_candidate(s);
  if (top < 0) return false;
  top = common_ancestor_of_alternatives(doc, s, top);
  top = climb(doc, s, tree, top);
  const std::vector<int32_t> roots = region_roots(doc, s, tree, top);
  uint32_t region_chars = 0;
  for (int32_t root : roots) region_chars += tree.totals[static_cast<size_t>(root)].chars;
  // Too little text in the region for the page it sits in: do not trust
  // it, and leave the page to the density filter.
  if (region_chars < params::kMinRegionChars && region_chars * 2 < kept_chars(doc)) return false;
  drop_outside(doc, roots, top);
  clean_inside(doc, tree, s, roots);
  return true;
}

}  // namespace webclean::filter
