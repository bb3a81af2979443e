#include "html/body_hints.h"

#include "base/ascii.h"
#include "html/ascii.h"
#include "html/params.h"

namespace webclean::html {
namespace {

// A class or id saying byline or author, as Readability's byline pattern.
// The names tests take the class or id lower-cased (ASCII).
bool names_byline(std::string_view lower) {
  for (std::string_view word : {"byline", "author", "dateline", "writtenby", "p-author"}) {
    if (lower.find(word) != std::string_view::npos) return true;
  }
  return false;
}

// A class or id saying the element holds a date ("entry-date", "post-date",
// "itemPostDate", "datum"), but not an update's date.
bool names_date(std::string_view lower) {
  const auto has = [lower](std::string_view word) { return lower.find(word) != lower.npos; };
  if (has("update")) return false;
  return has("date") || has("datum") || has("published") || has("posted-on");
}

// A class naming the line set above a headline: "kicker" (English news
// CMSs), "roofline"/"topline"/"overline"/"supertitle"/"toptitle" (German
// CMSs' translations of Dachzeile), "dachzeile", "spitzmarke", "eyebrow",
// "h1small". Seen inside the h1s of 20 trafilatura-set pages; of the 18
// whose gold has a title, the annotators left the kicker out on 17.
bool names_kicker(std::string_view lower_classes) {
  for (std::string_view word : {"kicker", "roofline", "topline", "overline", "supertitle",
                                "toptitle", "dachzeile", "spitzmarke", "eyebrow", "h1small"}) {
    if (lower_classes.find(word) != std::string_view::npos) return true;
  }
  return false;
}

void assign_lower(std::string& out, std::string_view text) {
  out.assign(text);
  for (char& c : out) c = ascii_lower(c);
}

bool inside_h1(const GumboNode* node) {
  for (int up = 0; up < params::kMaxKickerDepthInH1 && node->parent != nullptr; ++up) {
    node = node->parent;
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_H1) return true;
  }
  return false;
}

std::string_view attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&element.attributes, name);
  return attr != nullptr ? std::string_view(attr->value) : std::string_view();
}

bool has_attribute(const GumboElement& element, const char* name) {
  return gumbo_get_attribute(&element.attributes, name) != nullptr;
}

// Code points of `text` without the whitespace at its ends (JavaScript's
// trim(): ASCII whitespace and no-break spaces).
uint32_t trimmed_chars(std::string_view text) {
  auto is_space_at = [&](size_t i) { return is_html_space(text[i]); };
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && is_space_at(begin)) ++begin;
  while (end > begin && is_space_at(end - 1)) --end;
  uint32_t chars = 0;
  for (size_t i = begin; i < end; ++i)
    chars += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return chars;
}

const GumboVector* children_of(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT ? &node->v.element.children : nullptr;
}

}  // namespace

void BodyHints::enter(const ElementSeen& element) {
  if (element.node->type != GUMBO_NODE_ELEMENT) return;
  if (element.hidden || !hidden_.empty()) {
    if (element.hidden) hidden_.push_back(element.node);
    return;
  }
  if (element.skipped) return;
  const GumboElement& gumbo = element.node->v.element;
  if (gumbo.tag == GUMBO_TAG_META) return;  // meta tags are read as such, by the walk
  assign_lower(classes_lower_, element.classes);
  assign_lower(id_lower_, element.id);
  if (doc_.hints.bylines.size() < params::kMaxBylineHints) add_byline(element);
  if (doc_.hints.dates.size() < params::kMaxDateHints) add_date(element);
  if (doc_.hints.kickers.size() < params::kMaxKickerHints) add_kicker(element);
}

void BodyHints::leave(const GumboNode* node) {
  if (!hidden_.empty() && hidden_.back() == node) hidden_.pop_back();
  if (!open_bylines_.empty() && open_bylines_.back().first == node) {
    doc_.hints.bylines[open_bylines_.back().second].last_block = uint32_t(doc_.blocks.size());
    open_bylines_.pop_back();
  }
}

void BodyHints::add_byline(const ElementSeen& element) {
  const bool rel_author = has_token(element.rel, "author");
  const bool itemprop_author = icontains(element.itemprop, "author");
  if (!rel_author && !itemprop_author && !names_byline(classes_lower_) &&
      !names_byline(id_lower_)) {
    return;
  }
  std::string raw;
  if (!text_content(element.node, params::kMaxBylineBytes, raw)) return;
  const uint32_t raw_chars = trimmed_chars(raw);
  block::BylineHint hint;
  hint.text = base::collapse_whitespace(raw, base::NoBreakSpace::kAsSpace);
  if (hint.text.empty()) return;
  hint.raw_chars = raw_chars;
  hint.rel_author = rel_author;
  hint.itemprop_author = itemprop_author;
  hint.node = element.node_index;
  if (!open_bylines_.empty()) hint.outer = int32_t(open_bylines_.back().second);
  hint.first_block = uint32_t(doc_.blocks.size());
  hint.last_block = hint.first_block;
  if (const GumboNode* name = find_name_element(element.node)) {
    std::string name_raw;
    if (text_content(name, params::kMaxBylineBytes, name_raw))
      hint.name_text = base::collapse_whitespace(name_raw, base::NoBreakSpace::kAsSpace);
  }
  open_bylines_.emplace_back(element.node, doc_.hints.bylines.size());
  doc_.hints.bylines.push_back(std::move(hint));
}

void BodyHints::add_date(const ElementSeen& element) {
  const GumboElement& gumbo = element.node->v.element;
  const bool is_time = gumbo.tag == GUMBO_TAG_TIME;
  const bool published = has_token(element.itemprop, "datepublished");
  const bool by_name =
      !is_time && !published && (names_date(classes_lower_) || names_date(id_lower_));
  if (!is_time && !published && !by_name) return;
  block::DateHint hint;
  hint.published = published || has_attribute(gumbo, "pubdate");
  hint.by_name = by_name;
  hint.node = element.node_index;
  std::string_view value = attribute(gumbo, "datetime");
  if (value.empty()) value = attribute(gumbo, "content");
  if (!value.empty()) {
    hint.value = base::collapse_whitespace(value, base::NoBreakSpace::kAsSpace);
  } else {
    std::string raw;
    if (!text_content(element.node, params::kMaxDateBytes, raw)) return;
    hint.value = base::collapse_whitespace(raw, base::NoBreakSpace::kAsSpace);
  }
  if (!hint.value.empty()) doc_.hints.dates.push_back(std::move(hint));
}

void BodyHints::add_kicker(const ElementSeen& element) {
  if (!inside_h1(element.node) || !names_kicker(classes_lower_)) return;
  std::string raw;
  if (!text_content(element.node, params::kMaxKickerBytes, raw)) return;
  std::string text = base::collapse_whitespace(raw, base::NoBreakSpace::kAsSpace);
  if (!text.empty()) doc_.hints.kickers.push_back(std::move(text));
}

bool BodyHints::text_content(const GumboNode* root, size_t limit, std::string& out) {
  std::vector<std::pair<const GumboNode*, unsigned>> stack{{root, 0}};
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    const GumboVector* children = children_of(node);
    if (children == nullptr || next >= children->length) {
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children->data[next++]);
    if (++nodes_scanned_ > params::kMaxNodesScanned) return false;
    if (child->type == GUMBO_NODE_ELEMENT) {
      stack.emplace_back(child, 0);
      continue;
    }
    if (child->type != GUMBO_NODE_TEXT && child->type != GUMBO_NODE_WHITESPACE &&
        child->type != GUMBO_NODE_CDATA) {
      continue;
    }
    std::string_view text = child->v.text.text;
    // Long runs reach Gumbo as an index into the prescan's text table.
    expand_text_runs(text, scanned_, [&out](std::string_view piece, TextPiece kind) {
      if (kind == TextPiece::kAsWritten) {
        for (size_t at; (at = piece.find(kDroppedSubtreeMark)) != std::string_view::npos;) {
          out.append(piece.substr(0, at));
          piece.remove_prefix(at + kDroppedSubtreeMark.size());
        }
      }
      out.append(piece);
    });
    if (out.size() > limit) return false;
  }
  return true;
}

// Readability's refinement: a byline element holding an itemprop=name
// element (an author's Person markup) is read from that element.
const GumboNode* BodyHints::find_name_element(const GumboNode* root) {
  std::vector<std::pair<const GumboNode*, unsigned>> stack{{root, 0}};
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    const GumboVector* children = children_of(node);
    if (children == nullptr || next >= children->length) {
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children->data[next++]);
    if (child->type != GUMBO_NODE_ELEMENT) continue;
    if (++nodes_scanned_ > params::kMaxNodesScanned) return nullptr;
    if (attribute(child->v.element, "itemprop").find("name") != std::string_view::npos)
      return child;
    stack.emplace_back(child, 0);
  }
  return nullptr;
}

}  // namespace webclean::html
