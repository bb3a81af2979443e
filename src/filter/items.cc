// Listing and collection pages: a list of items (news teasers, product
// cards, job offers, category tiles), each a link with a few short lines
// (a teaser, a price, a date, a rating). Readability's scoring picks one
// card or one column, and the link and length tests of the density filter
// drop the cards' short lines, while a reader of such a page wants every
// item. Here the item list is found by its shape: one container whose
// children are many boxes of the same tag and class, each holding text and
// most a link, none holding most of the text (the page's own wrappers are
// a header, a main and a footer of very different sizes). Every box of
// that shape is an item and is kept whole; the page's heading, intro and
// the rest are left to the density filter, which judges them as on a page
// with no region (link lists and menus go, prose stays, a heading before
// kept text stays).
#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "filter/filter.h"
#include "filter/params.h"

namespace webclean::filter {
namespace {

using block::Block;
using block::Document;
using block::Node;

struct Text {
  uint32_t chars = 0;
  uint32_t link_chars = 0;
};

// Text of the kept blocks below each node.
std::vector<Text> subtree_text(const Document& doc) {
  std::vector<Text> text(doc.nodes.size());
  for (const Block& b : doc.blocks) {
    if (!b.decision.keep || b.node < 0) continue;
    Text& t = text[static_cast<size_t>(b.node)];
    t.chars += b.features.chars;
    t.link_chars += std::min(b.features.link_chars, b.features.chars);
  }
  for (size_t i = doc.nodes.size(); i-- > 0;) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent < 0) continue;
    text[static_cast<size_t>(parent)].chars += text[i].chars;
    text[static_cast<size_t>(parent)].link_chars += text[i].link_chars;
  }
  return text;
}

// What makes boxes "the same": their tag and first class token without
// digits ("li", "div.card"). Further classes, and tokens with numbers
// ("post-1234", "col-3"), vary from item to item.
std::string shape(const Node& node) {
  const std::string& c = node.classes;
  for (size_t start = 0; start < c.size();) {
    start = c.find_first_not_of(" \t\n", start);
    if (start == std::string::npos) break;
    size_t end = c.find_first_of(" \t\n", start);
    if (end == std::string::npos) end = c.size();
    const std::string_view token(c.data() + start, end - start);
    if (std::none_of(token.begin(), token.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      return node.tag + "." + std::string(token);
    }
    start = end;
  }
  return node.tag;
}

// Elements that are text, not boxes of it: a run of paragraphs or
// headings is an article, not a list.
bool is_text_element(const std::string& tag) {
  return tag == "p" || tag == "span" || tag == "a" || tag == "br" || tag == "pre" ||
         tag == "blockquote" || tag == "td" || tag == "th" ||
         (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6');
}

// The children of one container that share a shape.
struct Group {
  std::string shape;
  uint32_t items = 0;   // with text
  uint32_t linked = 0;  // with link text
  uint32_t chars = 0;
  uint32_t largest = 0;  // chars of the largest item
};

bool is_item_list(const Group& g) {
  if (g.items < params::kItemsMinCount) return false;
  if (float(g.linked) < float(g.items) * params::kItemsMinLinkedShare) return false;
  if (float(g.largest) > float(g.chars) * params::kItemsMaxItemShare) return false;
  return float(g.chars) >= float(g.items) * params::kItemsMinMeanChars;
}

struct ItemList {
  int32_t container = -1;
  Group group;
};

// The container whose same-shaped children hold the most text, when
// they read as a list of items.
ItemList find_item_list(const Document& doc, const std::vector<Text>& text) {
  std::vector<std::vector<int32_t>> children(doc.nodes.size());
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent >= 0 && text[i].chars > 0) {
      children[static_cast<size_t>(parent)].push_back(static_cast<int32_t>(i));
    }
  }
  ItemList best;
  std::vector<Group> groups;
  for (size_t p = 0; p < doc.nodes.size(); ++p) {
    if (children[p].size() < params::kItemsMinCount) continue;
    groups.clear();
    for (int32_t child : children[p]) {
      const Node& node = doc.nodes[static_cast<size_t>(child)];
      if (is_text_element(node.tag)) continue;
      const std::string s = shape(node);
      auto g =
          std::find_if(groups.begin(), groups.end(), [&](const Group& x) { return x.shape == s; });
      if (g == groups.end()) g = groups.insert(groups.end(), Group{s});
      const Text& t = text[static_cast<size_t>(child)];
      ++g->items;
      g->linked += t.link_chars > 0 ? 1 : 0;
      g->chars += t.chars;
      g->largest = std::max(g->largest, t.chars);
    }
    for (const Group& g : groups) {
      if (is_item_list(g) && (best.container < 0 || g.chars > best.group.chars)) {
        best = {static_cast<int32_t>(p), g};
      }
    }
  }
  return best;
}

// For each node, whether it lies in an item: a box of the list's shape
// under its container or, when the shape names a class, anywhere (a grid
// laid out in rows of four is one list in several containers).
std::vector<bool> in_items(const Document& doc, const ItemList& list) {
  const bool by_class = list.group.shape.find('.') != std::string::npos;
  std::vector<bool> inside(doc.nodes.size(), false);
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent >= 0 && inside[static_cast<size_t>(parent)]) {
      inside[i] = true;
      continue;
    }
    const bool in_container = parent == list.container;
    if ((in_container || by_class) && shape(doc.nodes[i]) == list.group.shape) inside[i] = true;
  }
  return inside;
}

// Chars of prose outside the items: blocks of some length, few links,
// made of sentences (a category's description, a listing's intro).
uint32_t prose_outside(const Document& doc, const std::vector<bool>& inside) {
  uint32_t chars = 0;
  for (const Block& b : doc.blocks) {
    if (!b.decision.keep || b.node < 0 || inside[static_cast<size_t>(b.node)]) continue;
    const block::Features& f = b.features;
    if (f.chars < params::kItemsProseBlockChars || f.sentence_ends == 0) continue;
    if (f.link_density() > params::kItemsProseMaxLinkDensity) continue;
    chars += f.chars;
  }
  return chars;
}

}  // namespace

bool select_items(Document& doc) {
  const std::vector<Text> text = subtree_text(doc);
  const ItemList list = find_item_list(doc, text);
  if (list.container < 0) return false;
  uint32_t total = 0;
  for (const Block& b : doc.blocks) total += b.decision.keep ? b.features.chars : 0;
  if (float(list.group.chars) < float(total) * params::kItemsMinPageShare) return false;
  char reason[200];
  std::snprintf(reason, sizeof reason, "item of the page's list (%u x %s in %s), kept whole",
                list.group.items, list.group.shape.c_str(),
                block::describe(doc.nodes[static_cast<size_t>(list.container)]).c_str());
  const std::vector<bool> inside = in_items(doc, list);
  // A shop's category page with a written description: the description
  // is its text, the grid of products is the shop's navigation (that is
  // how readers and the wcxb annotators take it). Read as an article.
  if (doc.page_type == PageType::kCollection &&
      prose_outside(doc, inside) >= params::kCollectionDescriptionChars) {
    return false;
  }
  for (Block& b : doc.blocks) {
    if (!b.decision.keep || b.node < 0 || !inside[static_cast<size_t>(b.node)]) continue;
    // Kept whole, as a post of a thread is: density does not judge it.
    b.in_post = true;
    b.decision = {true, block::Stage::kStructure, reason};
  }
  return true;
}

}  // namespace webclean::filter
