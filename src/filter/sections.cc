// Service, marketing and documentation pages: the page is a run of
// sections (hero, features, pricing, testimonials, FAQ; or a manual's
// chapters with their code, tables and lists), each a box of short
// headings, bullets and a few sentences. No one container holds it, and
// Readability's scoring picks the wordiest section alone (on a reference
// page, a code block). Here the region is the page's body as the rules
// left it (its <main> when that holds most of the text): every section is
// kept, and the chrome the rules did not catch is left to the link and
// neighbour tests of the density filter, but for forms (sign-up, contact
// and quote forms; a form holding most of the page is an ASP.NET wrapper)
// and marquees, dropped here. Lists, tables, definition lists and code
// blocks of the body's core, and flat lists anywhere in the body, are
// kept whole: a list of links in a manual ("See also", an index of
// functions, a category's pages) is its text, not a menu.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "block/features.h"
#include "filter/filter.h"
#include "filter/params.h"

namespace webclean::filter {
namespace {

using block::Block;
using block::Document;
using block::Node;

using Text = KeptText;

// The body: the outermost <main> (or role=main) holding most of the text
// and leaving little prose out, else <body>; -1 when the page has neither.
int32_t body_root(const Document& doc, const std::vector<Text>& text, uint32_t total,
                  uint32_t total_prose) {
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    if (!(doc.nodes[i].flags & block::kMain)) continue;
    if (float(text[i].chars) >= float(total) * params::kSectionsMainShare &&
        total_prose - text[i].prose_chars < params::kSectionsProseOutsideMain) {
      return static_cast<int32_t>(i);
    }
  }
  return block::body_node(doc);
}

// The core of the body: from the root down, while one child holds most of
// the text that is not links. A sidebar tree or a menu the rules missed
// is links and stays out of it; the sections' text is in it.
int32_t body_core(const Document& doc, const std::vector<Text>& text, int32_t root) {
  std::vector<std::vector<int32_t>> children(doc.nodes.size());
  for (size_t i = static_cast<size_t>(root) + 1; i < doc.nodes.size(); ++i) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent >= root) children[static_cast<size_t>(parent)].push_back(static_cast<int32_t>(i));
  }
  const float all = float(text[static_cast<size_t>(root)].plain());
  int32_t core = root;
  for (bool moved = true; moved;) {
    moved = false;
    for (int32_t child : children[static_cast<size_t>(core)]) {
      if (float(text[static_cast<size_t>(child)].plain()) >= all * params::kSectionsCoreShare) {
        core = child;
        moved = true;
        break;
      }
    }
  }
  return core;
}

bool is_box(const std::string& tag) {
  return tag == "li" || tag == "table" || tag == "dl" || tag == "pre";
}

// Whether the block lies in a list item, a table, a definition list or a
// code block inside `core`. A table or definition list mostly of links
// (a navigation box, a sidebar laid out as a table) is not kept whole,
// nor is anything in it.
bool in_whole_box(const Document& doc, const std::vector<Text>& text, const Block& b,
                  int32_t core) {
  int32_t outer = -1;  // the outermost box below the core
  for (int32_t n = b.node; n >= 0; n = doc.nodes[static_cast<size_t>(n)].parent) {
    if (n == core) {
      if (outer < 0) return false;
      if (doc.nodes[static_cast<size_t>(outer)].tag == "li") return true;
      const Text& t = text[static_cast<size_t>(outer)];
      return float(t.link_chars) <= float(t.chars) * params::kSectionsBoxMaxLinkDensity;
    }
    if (is_box(doc.nodes[static_cast<size_t>(n)].tag)) outer = n;
  }
  return false;
}

// For each node, whether a <ul> or <ol> lies below it.
std::vector<bool> holds_list(const Document& doc) {
  std::vector<bool> holds(doc.nodes.size(), false);
  for (size_t i = doc.nodes.size(); i-- > 0;) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent < 0) continue;
    const std::string& tag = doc.nodes[i].tag;
    if (holds[i] || tag == "ul" || tag == "ol") holds[static_cast<size_t>(parent)] = true;
  }
  return holds;
}

// Whether the block lies in an item of a flat list of the body (outside
// the core too): one level of items, in no table. A list of links set
// under headings (a category page, an index) is the page's text; a
// sidebar's tree nests its lists, a navigation box sits in a table.
bool in_flat_list(const Document& doc, const std::vector<bool>& holds_list, const Block& b,
                  int32_t root) {
  int32_t outer = -1;
  for (int32_t n = b.node; n >= 0 && n != root; n = doc.nodes[static_cast<size_t>(n)].parent) {
    if (is_box(doc.nodes[static_cast<size_t>(n)].tag)) outer = n;
  }
  if (outer < 0 || doc.nodes[static_cast<size_t>(outer)].tag != "li") return false;
  const int32_t list = doc.nodes[static_cast<size_t>(outer)].parent;
  return list >= 0 && !holds_list[static_cast<size_t>(list)];
}

// The outermost <form> around each node (-1 for none).
std::vector<int32_t> enclosing_form(const Document& doc) {
  std::vector<int32_t> form(doc.nodes.size(), -1);
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const int32_t parent = doc.nodes[i].parent;
    if (parent >= 0) form[i] = form[static_cast<size_t>(parent)];
    if (form[i] < 0 && doc.nodes[i].tag == "form") form[i] = static_cast<int32_t>(i);
  }
  return form;
}

// Section titles ("Customers also bought"), matched against a block's
// whole text, decoration aside, ignoring case. `colon_ends`: whether a
// title may end with a colon ("Customers also bought:"); "Shipping:"
// labels a field of the buy box (its cost, its dates), no section.
struct SectionTitles {
  RE2 titles;
  bool colon_ends;
};

SectionTitles section_titles(const char* titles, bool colon_ends = true) {
  RE2::Options options;
  options.set_case_sensitive(false);
  return {RE2(titles, options), colon_ends};
}

bool is_letter_or_number(UChar32 c) {
  return c >= 0 && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

// The text without what leads its first letter or number and what follows
// its last (a colon stays when titles may not end with one). A title starts
// and ends with a letter or number (a trailing [^.!?]* only grows with what
// this takes off), so matching the core equals matching the whole text
// with [^\pL\pN]* around the titles: and costs no compile of those classes,
// thousands of ranges each (1 ms a page).
std::string_view title_core(std::string_view text, bool colon_ends) {
  const auto length = static_cast<int32_t>(text.size());
  int32_t start = 0;
  while (start < length) {
    int32_t next = start;
    UChar32 c = 0;
    U8_NEXT(text.data(), next, length, c);
    if (c < 0 || is_letter_or_number(c)) break;
    start = next;
  }
  int32_t end = length;
  while (end > start) {
    int32_t previous = end;
    UChar32 c = 0;
    U8_PREV(text.data(), start, previous, c);
    if (c < 0 || is_letter_or_number(c) || (!colon_ends && c == ':')) break;
    end = previous;
  }
  return text.substr(size_t(start), size_t(end - start));
}

// Sections that show other things than the page's subject: their titles
// (a params:: regex, named for --explain), what they show, and the share
// of the page's text above which the box a title heads is the page's main
// flow and stays.
struct OtherSections {
  const SectionTitles& titles;
  const char* titles_name;
  const char* what;
  float max_share;
};

// Whether the block's whole text, decoration aside, is one of the titles.
bool titles_section(const Block& b, const SectionTitles& titles) {
  if (b.node < 0 || b.features.chars > params::kOtherSectionTitleMaxChars) return false;
  const std::string_view core = title_core(b.text, titles.colon_ends);
  return RE2::FullMatch(re2::StringPiece(core.data(), core.size()), titles.titles);
}

// The box a title heads: its nearest ancestor holding other kept text.
int32_t titled_box(const Document& doc, const std::vector<Text>& text, const Block& title) {
  int32_t box = doc.nodes[static_cast<size_t>(title.node)].parent;
  while (box >= 0 && text[static_cast<size_t>(box)].chars == 0) {
    box = doc.nodes[static_cast<size_t>(box)].parent;
  }
  return box;
}

// The sections titled as other things than the page's subject (a product
// page's "You may also like", a service page's "Related insights") go,
// title and all: the box the title heads, unless that box is much of the
// page (the title stands in the page's main flow, and where its section
// ends is a guess: tried as "up to the next heading of its level", it cut
// product pages' own text).
void drop_other_sections(Document& doc, const OtherSections& other) {
  std::vector<size_t> titles;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& b = doc.blocks[i];
    if (!titles_section(b, other.titles)) continue;
    titles.push_back(i);
    if (b.decision.keep) {
      b.decision = {false, block::Stage::kStructure,
                    std::string("titles a section of ") + other.what + " (" + other.titles_name +
                        "; drop_other_sections)"};
    }
  }
  if (titles.empty()) return;
  const std::vector<Text> text = kept_text_below(doc);
  const uint32_t total = kept_chars(doc);
  for (size_t t : titles) {
    const Block& title = doc.blocks[t];
    const int32_t box = titled_box(doc, text, title);
    if (box < 0 || float(text[static_cast<size_t>(box)].chars) > float(total) * other.max_share) {
      continue;
    }
    // The title is short (kOtherSectionTitleMaxChars): quoted whole.
    const std::string reason = std::string("in a section titled as ") + other.what + " (\"" +
                               title.text + "\"; drop_other_sections)";
    // A box's blocks are one run of the page's blocks.
    for (size_t i = t + 1; i < doc.blocks.size(); ++i) {
      Block& b = doc.blocks[i];
      if (b.node < 0 || !block::is_within(doc, b.node, box)) break;
      if (b.decision.keep) b.decision = {false, block::Stage::kStructure, reason};
    }
  }
}

// The product's description that the metadata stage took from the page's
// JSON-LD (meta::product_description_block, filter::insert_declared_description): the page's text
// where the page, as the rules left it, shows few of its words; else a copy of what the page shows.
void decide_declared_description(Document& doc) {
  std::unordered_set<std::string> page_words;
  std::string scratch;
  for (const Block& b : doc.blocks) {
    if (!b.decision.keep || b.declared) continue;
    block::for_each_word(b.text, scratch, [&](std::string_view w) { page_words.emplace(w); });
  }
  char reason[200];
  for (Block& b : doc.blocks) {
    if (!b.declared) continue;
    uint32_t words = 0;
    uint32_t shown = 0;
    std::string word;  // reused: the set's lookup takes a std::string
    block::for_each_word(b.text, scratch, [&](std::string_view w) {
      ++words;
      word.assign(w);
      shown += page_words.count(word) > 0 ? 1 : 0;
    });
    const float share = words > 0 ? float(shown) / float(words) : 1.f;
    const bool keep = share < params::kDeclaredShownShare;
    std::snprintf(reason, sizeof reason,
                  "the product's description from its JSON-LD: %.0f%% of its words are on the "
                  "page (kDeclaredShownShare %.2f), %s (decide_declared_description)",
                  100.0 * double(share), double(params::kDeclaredShownShare),
                  keep ? "shown only there" : "the page shows it");
    b.decision = {keep, block::Stage::kStructure, reason};
    b.in_post = keep;  // kept whole: density does not judge it
  }
}

// The element each node's link starts at: an <a> that is a node, or the
// outermost node inside an <a> that is not (-1 outside links).
std::vector<int32_t> link_roots(const Document& doc) {
  std::vector<int32_t> root(doc.nodes.size(), -1);
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const Node& node = doc.nodes[i];
    const int32_t parent = node.parent;
    if (parent >= 0 && root[static_cast<size_t>(parent)] >= 0) {
      root[i] = root[static_cast<size_t>(parent)];
    } else if (node.tag == "a" || (node.flags & block::kInsideLink)) {
      root[i] = static_cast<int32_t>(i);
    }
  }
  return root;
}

// Whether a block reads as a teaser of another page: its text cut short
// ("..." or "…"), or a date or byline the metadata stage took.
bool teaser_sign(const Block& b) {
  if (b.decision.stage == block::Stage::kMetadata) return true;
  std::string_view t = b.text;
  while (!t.empty() && (t.back() == ' ' || t.back() == ']' || t.back() == ')')) t.remove_suffix(1);
  return (t.size() >= 3 && t.substr(t.size() - 3) == "...") ||
         (t.size() >= 3 && t.substr(t.size() - 3) == "\xE2\x80\xA6");
}

// For each node, whether it lies in a card: a link around several blocks
// (a title and its text) and little text (kCardLinkMinBlocks,
// kCardLinkMaxChars), the whole card a link to its page. A menu's links
// hold one block each. A teaser of another page (a post cut short, with
// its date) is no card of the page's.
std::vector<bool> in_card_links(const Document& doc) {
  struct Link {
    uint32_t blocks = 0;
    uint32_t chars = 0;
    bool teaser = false;
  };
  const std::vector<int32_t> root = link_roots(doc);
  std::vector<Link> links(doc.nodes.size());
  for (const Block& b : doc.blocks) {
    if (b.node < 0 || root[static_cast<size_t>(b.node)] < 0) continue;
    Link& link = links[static_cast<size_t>(root[static_cast<size_t>(b.node)])];
    link.teaser = link.teaser || teaser_sign(b);
    if (!b.decision.keep) continue;
    ++link.blocks;
    link.chars += b.features.chars;
  }
  std::vector<bool> card(doc.nodes.size(), false);
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    if (root[i] < 0) continue;
    const Link& link = links[static_cast<size_t>(root[i])];
    card[i] = !link.teaser && link.blocks >= params::kCardLinkMinBlocks &&
              link.chars <= params::kCardLinkMaxChars;
  }
  return card;
}

// Whether the block's text ends in a question mark (closing quotes and
// brackets aside): an FAQ's question.
bool asks_question(const Block& b) {
  std::string_view t = b.text;
  while (!t.empty() && (t.back() == ' ' || t.back() == ')' || t.back() == '"')) t.remove_suffix(1);
  return !t.empty() && t.back() == '?';
}

}  // namespace

// A block made of one short phrase said over and over ("Book Now * Book
// Now * ..."): a marquee's text, doubled for the animation.
bool is_marquee(const Block& b) {
  if (b.features.words < params::kMarqueeMinWords || b.features.chars > params::kMarqueeMaxChars) {
    return false;
  }
  std::vector<std::string_view> words;
  std::string_view text = b.text;
  size_t start = std::string_view::npos;
  for (size_t i = 0; i <= text.size(); ++i) {
    const bool word_char = i < text.size() && (static_cast<unsigned char>(text[i]) >= 0x80 ||
                                               std::isalnum(static_cast<unsigned char>(text[i])));
    if (word_char && start == std::string_view::npos) start = i;
    if (!word_char && start != std::string_view::npos) {
      words.push_back(text.substr(start, i - start));
      start = std::string_view::npos;
    }
  }
  if (words.size() < params::kMarqueeMinWords) return false;
  std::sort(words.begin(), words.end());
  const size_t distinct = size_t(std::unique(words.begin(), words.end()) - words.begin());
  return float(distinct) < float(words.size()) * params::kMarqueeMaxDistinctShare;
}

bool select_sections(Document& doc) {
  if (doc.page_type == PageType::kProduct) {
    static const SectionTitles titles = section_titles(params::kOtherProductsTitles);
    drop_other_sections(
        doc, {titles, "kOtherProductsTitles", "other products", params::kOtherProductsMaxShare});
    static const SectionTitles policy = section_titles(params::kShopPolicyTitles, false);
    drop_other_sections(doc, {policy, "kShopPolicyTitles", "the shop's shipping and returns",
                              params::kOtherProductsMaxShare});
    decide_declared_description(doc);
  } else if (doc.page_type == PageType::kService) {
    static const SectionTitles titles = section_titles(params::kOtherServiceContentTitles);
    drop_other_sections(doc, {titles, "kOtherServiceContentTitles", "other content",
                              params::kOtherServiceContentMaxShare});
  }
  const std::vector<Text> text = kept_text_below(doc);
  const uint32_t total = kept_chars(doc);
  if (total == 0) return false;
  uint32_t total_prose = 0;
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    if (doc.nodes[i].parent < 0) total_prose += text[i].prose_chars;
  }
  const int32_t root = body_root(doc, text, total, total_prose);
  if (root < 0) return false;
  char reason[256];
  std::snprintf(reason, sizeof reason, "outside the page's sections (%s; body_root)",
                block::describe(doc.nodes[static_cast<size_t>(root)]).c_str());
  const int32_t core = body_core(doc, text, root);
  const std::vector<bool> nested = holds_list(doc);
  const std::vector<int32_t> form = enclosing_form(doc);
  const std::vector<bool> card = doc.page_type == PageType::kService
                                     ? in_card_links(doc)
                                     : std::vector<bool>(doc.nodes.size(), false);
  // A link in a flat list outside the core is the site's on a product or
  // service page (a footer's column, a menu); a manual's lists of links are its text.
  const bool links_left_to_density =
      doc.page_type == PageType::kProduct || doc.page_type == PageType::kService;
  for (Block& b : doc.blocks) {
    if (!b.decision.keep || b.declared) continue;
    if (b.node >= 0 && card[static_cast<size_t>(b.node)]) {
      // A card's link is the way to its page, not a menu: the text is
      // judged as text (headings kept, short lines by their neighbours).
      b.features.link_chars = 0;
      b.in_card = true;
    }
    if (b.node < 0 || !block::is_within(doc, b.node, root)) {
      b.decision = {false, block::Stage::kStructure, reason};
      b.outside_region = true;
    } else if (form[static_cast<size_t>(b.node)] >= 0 &&
               float(text[static_cast<size_t>(form[static_cast<size_t>(b.node)])].chars) <
                   float(total) * params::kSectionsMainShare) {
      char in_form[200];
      std::snprintf(in_form, sizeof in_form,
                    "in a form: sign-up or contact chrome, the form holds %.0f%% of the text < "
                    "kSectionsMainShare %.2f (select_sections)",
                    100.0 *
                        double(text[static_cast<size_t>(form[static_cast<size_t>(b.node)])].chars) /
                        double(total),
                    double(params::kSectionsMainShare));
      b.decision = {false, block::Stage::kStructure, in_form};
    } else if (doc.page_type == PageType::kService && b.kind == block::Kind::kPre) {
      b.decision = {false, block::Stage::kStructure,
                    "code on a service page: a demo of the product, not its description "
                    "(select_sections)"};
    } else if (is_marquee(b)) {
      b.decision = {false, block::Stage::kStructure, "a marquee: one phrase repeated (is_marquee)"};
    } else if (doc.page_type == PageType::kProduct &&
               b.features.chars <= params::kProductMinBlockChars &&
               !in_whole_box(doc, text, b, core)) {
      b.decision = {false, block::Stage::kStructure,
                    "a size or swatch of a picker: chars <= kProductMinBlockChars, outside a "
                    "box kept whole (select_sections)"};
      b.outside_region = true;  // no block's neighbour either
    } else if (doc.page_type == PageType::kService && b.kind == block::Kind::kHeading &&
               b.features.link_density() <= params::kSectionsHeadingMaxLinkDensity) {
      b.in_post = true;
      b.decision = {true, block::Stage::kStructure,
                    b.in_card ? "heading of the page's sections, link <= "
                                "kSectionsHeadingMaxLinkDensity, in a card (kCardLinkMinBlocks; "
                                "select_sections)"
                              : "heading of the page's sections, link <= "
                                "kSectionsHeadingMaxLinkDensity (select_sections)"};
    } else if (doc.page_type == PageType::kService && b.kind == block::Kind::kHeading &&
               asks_question(b)) {
      // An FAQ's question: its link is the toggle that opens the answer.
      b.in_post = true;
      b.decision = {true, block::Stage::kStructure,
                    "a question heading of the page's FAQ, its link a toggle (asks_question)"};
    } else if (in_whole_box(doc, text, b, core) ||
               ((!links_left_to_density || b.features.link_chars == 0) &&
                in_flat_list(doc, nested, b, root))) {
      // Kept whole, as a post of a thread is: density does not judge it.
      // (A link in a flat list outside a product page's core is the
      // site's, a footer's column or a menu, and is left to density.)
      b.in_post = true;
      b.decision = {true, block::Stage::kStructure,
                    "list, table or code of the page's sections, kept whole (in_whole_box, "
                    "in_flat_list)"};
    }
  }
  return true;
}

}  // namespace webclean::filter
