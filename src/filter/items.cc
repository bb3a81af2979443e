// Listing and collection pages: a list of items (news teasers, product
// cards, job offers, category tiles), each a link with a few short lines
// (a teaser, a price, a date, a rating). Readability's scoring picks one
// card or one column, and the link and length tests of the density filter
// drop the cards' short lines, while a reader of such a page wants every
// item. Here the item list is found by its shape: one container whose
// children are many boxes of the same tag and class, each holding text and
// most a link, none holding most of the text (the page's own wrappers are
// a header, a main and a footer of very different sizes). Every box of
// that shape is an item and is kept whole (less the button every card
// repeats); a collection page's other grids of products are kept too.
// The page's heading, intro and the rest are left to the density filter,
// which judges them as on a page with no region (link lists and menus go,
// prose stays, a heading before kept text stays).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "filter/filter.h"
#include "filter/params.h"

namespace webclean::filter {
namespace {

using block::Block;
using block::Document;
using block::Node;

using Text = KeptText;

// styled-components names an element by its component ("sc-82b3c53b-0",
// the same on every card) and then by a hash of its styles ("cKhECM",
// one per card): the component id is the shape, digits and all.
bool is_styled_component_id(std::string_view token) {
  return token.size() > 3 && token.substr(0, 3) == "sc-";
}

bool has_digit(std::string_view token) {
  return std::any_of(token.begin(), token.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
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
    if (!has_digit(token) || is_styled_component_id(token)) {
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

// Inline markup inside a line of text.
bool is_inline_format(const std::string& tag) {
  return tag == "b" || tag == "strong" || tag == "em" || tag == "i" || tag == "small" ||
         tag == "sup" || tag == "sub" || tag == "mark" || tag == "time" || tag == "abbr" ||
         tag == "code" || tag == "img" || tag == "picture" || tag == "svg";
}

// A link wrapped around boxes (a heading, a div of lines): a card that is
// one link to its page, as modern shops and front pages write them, not a
// link in a line of text.
bool is_card_link(const Document& doc, const std::vector<std::vector<int32_t>>& children_of,
                  int32_t node) {
  if (doc.nodes[static_cast<size_t>(node)].tag != "a") return false;
  for (int32_t child : children_of[static_cast<size_t>(node)]) {
    const std::string& tag = doc.nodes[static_cast<size_t>(child)].tag;
    if (tag != "span" && tag != "a" && tag != "br" && !is_inline_format(tag)) return true;
  }
  return false;
}

// The children of one container that share a shape.
struct Group {
  std::string shape;
  uint32_t items = 0;   // with text
  uint32_t linked = 0;  // with link text
  uint32_t chars = 0;
  uint32_t link_chars = 0;
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
  // The items are sections ("Top stories", "Sport", ...), each a list of
  // cards itself: every child of the container is one, whatever its shape.
  bool of_sections = false;
};

// The page's tree as the items step reads it: each node's children that
// hold kept text, and whether an item list lies at or below each node.
struct Tree {
  std::vector<std::vector<int32_t>> children;
  std::vector<bool> holds_list;
};

// Groups the children of `parent` by shape; one hash lookup a child, so a
// container of many children of all-different shapes stays linear.
void group_children(const Document& doc, const std::vector<Text>& text,
                    const std::vector<std::vector<int32_t>>& children_of,
                    const std::vector<int32_t>& children, std::vector<Group>& groups,
                    std::unordered_map<std::string, size_t>& index) {
  groups.clear();
  index.clear();
  for (int32_t child : children) {
    const Node& node = doc.nodes[static_cast<size_t>(child)];
    if (is_text_element(node.tag) && !is_card_link(doc, children_of, child)) continue;
    std::string s = shape(node);
    auto [slot, added] = index.try_emplace(s, groups.size());
    if (added) groups.push_back(Group{std::move(s)});
    Group& g = groups[slot->second];
    const Text& t = text[static_cast<size_t>(child)];
    ++g.items;
    g.linked += t.link_chars > 0 ? 1 : 0;
    g.chars += t.chars;
    g.link_chars += t.link_chars;
    g.largest = std::max(g.largest, t.chars);
  }
}

// Every container's same-shaped children that read as a list of items,
// most text first; fills `tree`.
std::vector<ItemList> find_item_lists(const Document& doc, const std::vector<Text>& text,
                                      Tree& tree) {
  tree.children.assign(doc.nodes.size(), {});
  tree.holds_list.assign(doc.nodes.size(), false);
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent >= 0 && text[i].chars > 0) {
      tree.children[static_cast<size_t>(parent)].push_back(static_cast<int32_t>(i));
    }
  }
  std::vector<ItemList> lists;
  std::vector<Group> groups;
  std::unordered_map<std::string, size_t> index;
  for (size_t p = 0; p < doc.nodes.size(); ++p) {
    if (tree.children[p].size() < params::kItemsMinCount) continue;
    group_children(doc, text, tree.children, tree.children[p], groups, index);
    for (const Group& g : groups) {
      if (!is_item_list(g)) continue;
      lists.push_back({static_cast<int32_t>(p), g});
      tree.holds_list[p] = true;
    }
  }
  for (size_t i = doc.nodes.size(); i-- > 0;) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent >= 0 && tree.holds_list[i]) tree.holds_list[static_cast<size_t>(parent)] = true;
  }
  std::stable_sort(lists.begin(), lists.end(), [](const ItemList& a, const ItemList& b) {
    return a.group.chars > b.group.chars;
  });
  return lists;
}

// Whether most items of the list hold a list of items themselves: a news
// front page's column of sections, each a row of teaser cards. Sections
// of other shapes (a "Most read" box between them) belong to it too.
bool is_list_of_sections(const Document& doc, const Tree& tree, const ItemList& list) {
  uint32_t sections = 0;
  for (int32_t child : tree.children[static_cast<size_t>(list.container)]) {
    if (tree.holds_list[static_cast<size_t>(child)] &&
        shape(doc.nodes[static_cast<size_t>(child)]) == list.group.shape) {
      ++sections;
    }
  }
  return float(sections) >= float(list.group.items) * params::kItemsSectionsShare;
}

// The index of the first kept block below each node (blocks.size() for none).
std::vector<size_t> first_kept_block(const Document& doc) {
  std::vector<size_t> first(doc.nodes.size(), doc.blocks.size());
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (!b.decision.keep) continue;
    // Blocks come in page order: once an ancestor has its first, all
    // ancestors above it have theirs.
    for (int32_t n = b.node; n >= 0 && first[static_cast<size_t>(n)] == doc.blocks.size();
         n = doc.nodes[static_cast<size_t>(n)].parent) {
      first[static_cast<size_t>(n)] = i;
    }
  }
  return first;
}

// Whether a rules-filter decision came from a rule of the file named
// `file` ("related.rules"): its reason starts with the rule's id,
// "PATH/related.rules:LINE", whatever folder the file was loaded from.
bool decided_by_rule_file(const block::Decision& d, std::string_view file) {
  if (d.stage != block::Stage::kRules) return false;
  const std::string_view id = std::string_view(d.reason).substr(0, d.reason.find(' '));
  const size_t colon = id.rfind(':');
  if (colon == std::string_view::npos) return false;
  const std::string_view path = id.substr(0, colon);
  return path.size() >= file.size() && path.substr(path.size() - file.size()) == file &&
         (path.size() == file.size() || path[path.size() - file.size() - 1] == '/');
}

bool is_related_heading(const Block& b) {
  return b.kind == block::Kind::kHeading && !b.decision.keep &&
         decided_by_rule_file(b.decision, params::kRelatedRulesFile);
}

// Whether the list is titled as a list of other pages ("More from the
// show", "Related articles", "You may also like": a heading the rules of
// related.rules drop, just before the list, in a box around it): the
// teasers below a story or a product, not the page's own list.
bool is_related_list(const Document& doc, const std::vector<size_t>& first, const ItemList& list) {
  int32_t box = list.container;
  for (int up = 0;
       up < params::kListHeadingLevels && doc.nodes[static_cast<size_t>(box)].parent >= 0; ++up) {
    box = doc.nodes[static_cast<size_t>(box)].parent;
  }
  const size_t start = first[static_cast<size_t>(list.container)];
  for (size_t i = start, seen = 0; i-- > 0 && seen < params::kListHeadingMaxBlocks; ++seen) {
    const Block& b = doc.blocks[i];
    if (b.node < 0 || !block::is_within(doc, b.node, box)) return false;
    if (is_related_heading(b)) return true;
    if (b.kind == block::Kind::kHeading && b.decision.keep) return false;
  }
  return false;
}

bool one_within_other(const Document& doc, int32_t a, int32_t b) {
  return block::is_within(doc, a, b) || block::is_within(doc, b, a);
}

// Whether the list lies in the site's navigation (<nav>, role=navigation):
// a shop's mega menu of departments, each a column of links, reads as a
// list of sections, and when it holds half of the page's text the rules
// leave it (they never drop a box holding most of the page).
bool in_navigation(const Document& doc, int32_t node) {
  for (int32_t n = node; n >= 0; n = doc.nodes[static_cast<size_t>(n)].parent) {
    const Node& el = doc.nodes[static_cast<size_t>(n)];
    if (el.tag == "nav" || el.role == "navigation") return true;
  }
  return false;
}

// A collection page's other grids of products, beside its main one (a
// featured row, a grid split into rows without class names): lists
// holding at least kCollectionOtherGridShare of the main one's text,
// apart from it and from each other, not titled as related pages.
std::vector<ItemList> other_grids(const Document& doc, const std::vector<ItemList>& lists,
                                  const std::vector<size_t>& first, const ItemList& main) {
  std::vector<ItemList> grids;
  for (const ItemList& other : lists) {
    if (float(other.group.chars) < float(main.group.chars) * params::kCollectionOtherGridShare)
      continue;
    if (one_within_other(doc, other.container, main.container)) continue;
    if (std::any_of(grids.begin(), grids.end(), [&](const ItemList& grid) {
          return one_within_other(doc, other.container, grid.container);
        })) {
      continue;
    }
    if (!is_related_list(doc, first, other) && !in_navigation(doc, other.container)) {
      grids.push_back(other);
    }
  }
  return grids;
}

// Chars of kept text in the site's navigation (outermost <nav> and
// role=navigation boxes): not the page's text, however much of it a
// mega menu holds.
uint32_t navigation_chars(const Document& doc, const std::vector<Text>& text) {
  uint32_t chars = 0;
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const Node& el = doc.nodes[i];
    if (el.tag != "nav" && el.role != "navigation") continue;
    if (el.parent >= 0 && in_navigation(doc, el.parent)) continue;
    chars += text[i].chars;
  }
  return chars;
}

// The page's list: the one holding the most text, unless it is titled as
// related pages or lies in the site's navigation; first in the result,
// followed on a collection page by its other grids.
std::vector<ItemList> find_page_lists(const Document& doc, const std::vector<Text>& text,
                                      Tree& tree) {
  const std::vector<ItemList> lists = find_item_lists(doc, text, tree);
  if (lists.empty()) return {};
  const std::vector<size_t> first = first_kept_block(doc);
  for (const ItemList& list : lists) {
    if (is_related_list(doc, first, list) || in_navigation(doc, list.container)) continue;
    std::vector<ItemList> chosen{list};
    chosen.front().of_sections = is_list_of_sections(doc, tree, list);
    if (doc.page_type == PageType::kCollection) {
      for (ItemList& grid : other_grids(doc, lists, first, list)) chosen.push_back(grid);
    }
    return chosen;
  }
  return {};
}

bool is_term_or_definition(std::string_view tag) {
  return tag == "dt" || tag == "dd";
}

// The tag part of a shape ("dd" of "dd.entry").
std::string_view node_tag(std::string_view shape) {
  return shape.substr(0, shape.find('.'));
}

// For each node, whether it lies in an item: a box of the list's shape
// under its container or, when the shape names a class, anywhere (a grid
// laid out in rows of four is one list in several containers). In a list
// of sections, every child of the container holding text is one.
std::vector<bool> in_items(const Document& doc, const Tree& tree, const ItemList& list) {
  const bool by_class = list.group.shape.find('.') != std::string::npos;
  // A <dl> list's item is a term and its definition (arXiv's listings: the
  // paper's number and links, then its title and authors): a list found
  // as the terms or as the definitions holds the other half too.
  const bool definition_pairs = doc.nodes[static_cast<size_t>(list.container)].tag == "dl" &&
                                is_term_or_definition(node_tag(list.group.shape));
  std::vector<bool> inside(doc.nodes.size(), false);
  if (list.of_sections) {
    for (int32_t child : tree.children[static_cast<size_t>(list.container)]) {
      inside[static_cast<size_t>(child)] = true;
    }
  }
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent >= 0 && inside[static_cast<size_t>(parent)]) {
      inside[i] = true;
      continue;
    }
    const bool in_container = parent == list.container;
    if ((in_container || by_class) && shape(doc.nodes[i]) == list.group.shape) inside[i] = true;
    if (in_container && definition_pairs) inside[i] = is_term_or_definition(doc.nodes[i].tag);
  }
  return inside;
}

// Chars of prose paragraphs outside the items (a category's description,
// a listing's intro).
uint32_t prose_outside(const Document& doc, const std::vector<bool>& inside) {
  uint32_t chars = 0;
  for (const Block& b : doc.blocks) {
    if (!b.decision.keep || b.node < 0 || inside[static_cast<size_t>(b.node)]) continue;
    if (is_prose_paragraph(b)) chars += b.features.chars;
  }
  return chars;
}

// A line the metadata step took for the page's byline or dateline: in an
// item it is the item's own ("By Jane Doe", "March 3, 2025" under a
// teaser), and a reader of the list reads it with the item. The page's
// title is another thing: a heading repeating it is still dropped.
bool is_item_header_line(const Block& b) {
  return !b.decision.keep && b.decision.stage == block::Stage::kMetadata &&
         !dropped_as_title(b.decision);
}

// A block's text as a key: lower case, white space collapsed.
std::string line_key(std::string_view text) {
  std::string key;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!key.empty() && key.back() != ' ') key += ' ';
      continue;
    }
    key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

// Each node's item (its outermost node inside the list), -1 outside.
std::vector<int32_t> item_of(const Document& doc, const std::vector<bool>& inside) {
  std::vector<int32_t> item(doc.nodes.size(), -1);
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    if (!inside[i]) continue;
    const int32_t parent = doc.nodes[i].parent;
    item[i] = parent >= 0 && inside[static_cast<size_t>(parent)] ? item[static_cast<size_t>(parent)]
                                                                 : static_cast<int32_t>(i);
  }
  return item;
}

// A short line of text, not a heading, that reads as a badge or label
// ("Free shipping", "Actively hiring"): not a sentence, nor the name of a
// field whose value follows ("Cushioning:").
char last_char(std::string_view text) {
  const size_t end = text.find_last_not_of(" \t\n");
  return end == std::string_view::npos ? '\0' : text[end];
}

bool is_card_label(const Block& b) {
  if (b.kind == block::Kind::kHeading || b.text.size() > params::kItemLabelMaxBytes) return false;
  if (has_digit(b.text)) return false;  // a value: a price, a date, a count
  const char last = last_char(b.text);
  return last != '\0' && last != ':' && last != '.' && last != '!' && last != '?';
}

// The buttons every card repeats ("Add to cart", "Apply now", "Listen to
// this podcast"): a short link whose text recurs in most items, in items
// that also hold text of their own outside links. On a listing or
// collection page (jobs, courses, news; a shop's grid) the badges, field
// names and calls to action every card repeats go too (is_card_label),
// linked or not: a card that is one link as a whole repeats "View Company
// Profile" in link text, a shop's card its option and stock labels
// ("Color", "Size", "In stock", "Back-order"); not the cards of a
// collection's sections, whose badge says what each is ("Honoree"). On
// wcxb-dev's collections that helped 6 pages of 6 shops and cost 2, whose
// gold keeps the state every card repeats ("Free international shipping",
// "Brand New").
void drop_item_buttons(Document& doc, const std::vector<bool>& inside, bool of_sections) {
  const bool labels = doc.page_type == PageType::kListing ||
                      (doc.page_type == PageType::kCollection && !of_sections);
  const std::vector<int32_t> item = item_of(doc, inside);
  std::vector<uint32_t> plain(doc.nodes.size(), 0);  // an item's chars outside links
  std::vector<bool> counted(doc.nodes.size(), false);
  uint32_t items = 0;
  // For each line: the last item it was seen in, and in how many items.
  std::unordered_map<std::string, std::pair<int32_t, uint32_t>> seen;
  for (const Block& b : doc.blocks) {
    if (!b.decision.keep || b.node < 0 || !inside[static_cast<size_t>(b.node)]) continue;
    const int32_t it = item[static_cast<size_t>(b.node)];
    if (!counted[static_cast<size_t>(it)]) {
      counted[static_cast<size_t>(it)] = true;
      ++items;
    }
    plain[static_cast<size_t>(it)] +=
        b.features.chars - std::min(b.features.chars, b.features.link_chars);
    auto& [last, count] = seen.try_emplace(line_key(b.text), -1, 0).first->second;
    if (last != it) {
      last = it;
      ++count;
    }
  }
  char reason[160];
  bool after_field_name = false;  // the line before, in the list, names a field ("Size:")
  for (Block& b : doc.blocks) {
    if (!b.decision.keep || b.node < 0 || !inside[static_cast<size_t>(b.node)]) continue;
    const bool is_value = after_field_name;
    after_field_name = last_char(b.text) == ':';
    const bool link = b.features.link_chars >= b.features.chars;
    const bool button = link && b.text.size() <= params::kItemButtonMaxBytes &&
                        plain[static_cast<size_t>(item[static_cast<size_t>(b.node)])] > 0;
    const bool label = labels && !is_value && is_card_label(b);
    if (!button && !label) continue;
    const uint32_t count = seen[line_key(b.text)].second;
    if (count < params::kItemsMinCount ||
        float(count) < float(items) * params::kItemButtonMinShare) {
      continue;
    }
    std::snprintf(reason, sizeof reason,
                  "a %s of every item: in %u of %u items, >= kItemsMinCount %u and "
                  "kItemButtonMinShare %.2f (drop_item_buttons)",
                  button ? "button" : "label", count, items, params::kItemsMinCount,
                  double(params::kItemButtonMinShare));
    b.decision = {false, block::Stage::kStructure, reason};
  }
}

// A line the item already showed: card markup writes the title two or
// three times (the picture's link, a heading for cards without a picture
// that CSS hides, the shown heading: Shopify's Dawn theme and the themes
// built on it; a mobile and a desktop layout of one card), and a reader
// reads it once. Only the first of each line in an item stays. A line an
// item holds more than kItemRepeatMaxCopies times is a badge of each of
// its cards (an item of a list of sections holds many: "Winner",
// "Honoree"): all of them stay.
void drop_item_repeats(Document& doc, const std::vector<bool>& inside) {
  const std::vector<int32_t> item = item_of(doc, inside);
  const auto item_line = [&](const Block& b) {
    return std::to_string(item[static_cast<size_t>(b.node)]) + '\n' + line_key(b.text);
  };
  std::unordered_map<std::string, uint32_t> copies;  // of each line in each item
  for (const Block& b : doc.blocks) {
    if (!b.decision.keep || b.node < 0 || !inside[static_cast<size_t>(b.node)]) continue;
    ++copies[item_line(b)];
  }
  std::unordered_set<std::string> seen;
  for (Block& b : doc.blocks) {
    if (!b.decision.keep || b.node < 0 || !inside[static_cast<size_t>(b.node)]) continue;
    std::string key = item_line(b);
    if (copies[key] > params::kItemRepeatMaxCopies) continue;
    if (seen.insert(std::move(key)).second) continue;
    b.decision = {false, block::Stage::kStructure,
                  "a repeat of a line of the same item, the line in <= kItemRepeatMaxCopies "
                  "items (drop_item_repeats)"};
  }
}

// Whether the rules dropped the block as part of a pager: the rule of
// structure.rules that names pagination boxes decided.
bool dropped_as_pager(const Block& b) {
  return !b.decision.keep && decided_by_rule_file(b.decision, params::kPagerRulesFile) &&
         b.decision.reason.find(params::kPagerRuleWord) != std::string::npos;
}

// Chars of the given blocks below each node.
std::vector<uint32_t> chars_below(const Document& doc, const std::vector<size_t>& blocks) {
  std::vector<uint32_t> chars(doc.nodes.size(), 0);
  for (size_t i : blocks)
    chars[static_cast<size_t>(doc.blocks[i].node)] += doc.blocks[i].features.chars;
  for (size_t n = doc.nodes.size(); n-- > 0;) {
    const int32_t parent = doc.nodes[n].parent;
    if (parent >= 0) chars[static_cast<size_t>(parent)] += chars[n];
  }
  return chars;
}

// A box named like a pager that holds a list of items is no pager: React
// shops write their grid inside their load-more component
// ("pagination_pagination__x1" around the grid, the "Load more" button
// and "Viewing 1 - 60 of 400"). The items of such a list are restored
// (the component's own lines stay dropped); a real pager's lines (page
// numbers, "Next") are too short to make a list.
void restore_lists_in_pagers(Document& doc) {
  std::vector<size_t> pager_blocks;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    if (doc.blocks[i].node >= 0 && dropped_as_pager(doc.blocks[i])) pager_blocks.push_back(i);
  }
  if (pager_blocks.empty()) return;
  std::vector<block::Decision> before;
  for (size_t i : pager_blocks) before.push_back(doc.blocks[i].decision);
  // As if the pager rule had not applied: which blocks lie in a list?
  for (size_t i : pager_blocks) doc.blocks[i].decision.keep = true;
  const std::vector<Text> text = kept_text_below(doc);
  // A list whose container holds nothing but the pager's blocks lies
  // inside the pager box (a list around the box is not the box's).
  const std::vector<uint32_t> pager_chars = chars_below(doc, pager_blocks);
  Tree tree;
  const std::vector<ItemList> lists = find_item_lists(doc, text, tree);
  std::vector<const ItemList*> list_of(doc.nodes.size(), nullptr);
  for (const ItemList& list : lists) {
    const size_t c = static_cast<size_t>(list.container);
    if (pager_chars[c] < text[c].chars) continue;
    const std::vector<bool> inside = in_items(doc, tree, list);
    for (size_t n = 0; n < inside.size(); ++n) {
      if (inside[n] && list_of[n] == nullptr) list_of[n] = &list;
    }
  }
  char reason[200];
  for (size_t k = 0; k < pager_blocks.size(); ++k) {
    Block& b = doc.blocks[pager_blocks[k]];
    const ItemList* list = list_of[static_cast<size_t>(b.node)];
    if (list == nullptr) {
      b.decision = before[k];
      continue;
    }
    std::snprintf(reason, sizeof reason,
                  "in a list of items (%u x %s in %s) that a box named like a pager holds: "
                  "a load-more wrapper, not a pager (restore_lists_in_pagers)",
                  list->group.items, list->group.shape.c_str(),
                  block::describe(doc.nodes[static_cast<size_t>(list->container)]).c_str());
    b.decision = {true, block::Stage::kStructure, reason};
  }
}

// A paragraph of prose the page already showed: a shop's category text
// written twice (a clipped copy with "Read more" and the full one, a
// mobile and a desktop block), FAQ answers both in an accordion and in a
// list. A reader reads it once; the first copy stays. A marquee, one
// phrase said over and over, goes too (as on service pages, sections.cc).
void drop_repeated_prose(Document& doc) {
  std::unordered_set<std::string> seen;
  for (Block& b : doc.blocks) {
    if (!b.decision.keep) continue;
    if (is_marquee(b)) {
      b.decision = {false, block::Stage::kStructure, "a marquee: one phrase repeated (is_marquee)"};
      continue;
    }
    if (!is_prose_paragraph(b)) continue;
    if (seen.insert(line_key(b.text)).second) continue;
    b.decision = {false, block::Stage::kStructure,
                  "a repeat of a paragraph the page showed before (drop_repeated_prose)"};
  }
}

}  // namespace

bool select_items(Document& doc) {
  restore_lists_in_pagers(doc);
  drop_repeated_prose(doc);
  const std::vector<Text> text = kept_text_below(doc);
  Tree tree;
  const std::vector<ItemList> lists = find_page_lists(doc, text, tree);
  if (lists.empty()) return false;
  const ItemList& list = lists.front();
  const uint32_t all = kept_chars(doc);
  const uint32_t total = all - std::min(all, navigation_chars(doc, text));
  if (float(list.group.chars) < float(total) * params::kItemsMinPageShare) return false;
  // Which list each node's item belongs to (-1: none), and why it is kept.
  std::vector<int32_t> list_of(doc.nodes.size(), -1);
  std::vector<std::string> reasons;
  char reason[300];
  const double share = 100.0 * double(list.group.chars) / double(std::max(total, 1u));
  for (size_t l = 0; l < lists.size(); ++l) {
    const ItemList& li = lists[l];
    std::snprintf(reason, sizeof reason,
                  "%s of the page's %s (%u x %s in %s), kept whole: the list holds %.0f%% of "
                  "the text >= kItemsMinPageShare %.2f (select_items)",
                  li.of_sections ? "section" : "item", l == 0 ? "list" : "other grid",
                  li.group.items, li.group.shape.c_str(),
                  block::describe(doc.nodes[static_cast<size_t>(li.container)]).c_str(), share,
                  double(params::kItemsMinPageShare));
    reasons.emplace_back(reason);
    const std::vector<bool> in_list = in_items(doc, tree, li);
    for (size_t i = 0; i < in_list.size(); ++i) {
      if (in_list[i] && list_of[i] < 0) list_of[i] = static_cast<int32_t>(l);
    }
  }
  std::vector<bool> inside(doc.nodes.size());
  for (size_t i = 0; i < inside.size(); ++i) inside[i] = list_of[i] >= 0;
  // A shop's category page with a written description: the description
  // is its text, the grid of products is the shop's navigation (that is
  // how readers and the wcxb annotators take it). Read as an article.
  if (doc.page_type == PageType::kCollection &&
      prose_outside(doc, inside) >= params::kCollectionDescriptionChars) {
    return false;
  }
  for (Block& b : doc.blocks) {
    if (b.node < 0 || !inside[static_cast<size_t>(b.node)]) continue;
    if (!b.decision.keep && !is_item_header_line(b)) continue;
    // Kept whole, as a post of a thread is: density does not judge it.
    b.in_post = true;
    b.decision = {true, block::Stage::kStructure,
                  reasons[static_cast<size_t>(list_of[static_cast<size_t>(b.node)])]};
  }
  drop_item_repeats(doc, inside);
  drop_item_buttons(doc, inside, list.of_sections);
  return true;
}

namespace {

// Cards of other pages: each a linked title and a line or two (a price, a
// rating), mostly link text; not sections of the page's own text that
// end in a "Learn more" link, nor a list holding much of the page.
bool is_card_list(const Group& g, uint32_t page_chars) {
  if (float(g.chars) > float(g.items) * params::kCardMaxMeanChars) return false;
  if (float(g.link_chars) < float(g.chars) * params::kCardMinLinkDensity) return false;
  return float(g.chars) <= float(page_chars) * params::kCardListMaxPageShare;
}

}  // namespace

void drop_item_lists(Document& doc) {
  const std::vector<Text> text = kept_text_below(doc);
  Tree tree;
  const std::vector<ItemList> lists = find_item_lists(doc, text, tree);
  if (lists.empty()) return;
  // The reason of the list each node's item belongs to (the outermost).
  std::vector<const std::string*> reason_of(doc.nodes.size(), nullptr);
  std::vector<std::string> reasons;
  reasons.reserve(lists.size());
  std::vector<int32_t> list_of(doc.nodes.size(), -1);
  const uint32_t total = kept_chars(doc);
  for (size_t l = 0; l < lists.size(); ++l) {
    if (!is_card_list(lists[l].group, total)) continue;
    const int32_t c = lists[l].container;
    if (list_of[static_cast<size_t>(c)] < 0) list_of[static_cast<size_t>(c)] = int32_t(l);
  }
  char reason[200];
  for (const ItemList& list : lists) {
    std::snprintf(reason, sizeof reason, "a list of other pages (%u x %s in %s; is_card_list)",
                  list.group.items, list.group.shape.c_str(),
                  block::describe(doc.nodes[static_cast<size_t>(list.container)]).c_str());
    reasons.emplace_back(reason);
  }
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent < 0) continue;
    if (reason_of[static_cast<size_t>(parent)] != nullptr) {
      reason_of[i] = reason_of[static_cast<size_t>(parent)];
      continue;
    }
    const int32_t l = list_of[static_cast<size_t>(parent)];
    if (l >= 0 && shape(doc.nodes[i]) == lists[static_cast<size_t>(l)].group.shape) {
      reason_of[i] = &reasons[static_cast<size_t>(l)];
    }
  }
  for (Block& b : doc.blocks) {
    if (!b.decision.keep || b.node < 0 || reason_of[static_cast<size_t>(b.node)] == nullptr)
      continue;
    b.decision = {false, block::Stage::kStructure, *reason_of[static_cast<size_t>(b.node)]};
  }
}

}  // namespace webclean::filter
