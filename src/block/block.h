// The block model: the one representation that HTML pages and text dumps
// both become after Parse. Every filter reads and marks blocks; nothing past
// Parse sees Gumbo nodes or raw bytes.
#ifndef WEBCLEAN_BLOCK_BLOCK_H_
#define WEBCLEAN_BLOCK_BLOCK_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "webclean/result.h"

namespace webclean::block {

enum class Kind : uint8_t {
  kParagraph,  // p, a div's own text, a text-dump paragraph
  kHeading,    // h1-h6
  kListItem,   // li, dt, dd
  kQuote,      // blockquote
  kTableCell,  // td, th
  kPre,        // pre (line breaks kept)
  kCaption,    // figcaption, caption
};
const char* kind_name(Kind kind);

// Which filter took the decision on a block.
enum class Stage : uint8_t {
  kNone,
  kRules,
  kStructure,
  kDensity,
  kContext,
  kRepetition,
  kMetadata
};
const char* stage_name(Stage stage);

struct Decision {
  bool keep = true;
  Stage stage = Stage::kNone;
  std::string reason;  // rule id, or the score/class that decided
};

// Numbers the filters decide on; computed once by compute_features().
struct Features {
  uint32_t chars = 0;            // code points, whitespace included
  uint32_t words = 0;            // word tokens (ICU word breaks for CJK/Thai)
  uint32_t link_chars = 0;       // code points inside <a href> (HTML only)
  uint32_t stop_words = 0;       // words in the document language's stop list
  uint32_t sentence_ends = 0;    // . ! ? and their CJK forms followed by space/end
  uint32_t commas = 0;           // , and its CJK/Arabic forms
  bool ends_with_punct = false;  // last non-space char is sentence punctuation
  bool starts_upper = false;     // first letter is uppercase
  float link_density() const { return chars ? float(link_chars) / float(chars) : 0.f; }
  float stopword_density() const { return words ? float(stop_words) / float(words) : 0.f; }
};

struct Block {
  std::string text;  // whitespace-collapsed UTF-8 (NFC); pre keeps '\n'
  // The text as Markdown inline content (escaped; emphasis, code, links),
  // when the parser was asked for markup; empty otherwise and for pre.
  std::string markup;
  Kind kind = Kind::kParagraph;
  uint8_t heading_level = 0;    // 1-6 for kHeading
  int32_t node = -1;            // innermost enclosing element in Document::nodes; -1 in text docs
  uint32_t link_chars = 0;      // filled by the HTML parser; copied into features
  bool same_paragraph = false;  // continues the paragraph of the block before
                                // (a line of a text dump): joined by "\n", not "\n\n"
  bool outside_region = false;  // structure put it outside the article region
  bool in_post = false;         // structure kept it whole: text of a post of a thread, or
                                // a list, table or code block of a page's sections
  bool in_card = false;         // structure found it in a card (a link around a title and its
                                // text): its link text is not counted as links
  bool declared = false;        // text the page declares only in its metadata (a JSON-LD
                                // Product.description), added by the metadata stage: no
                                // element holds it (node -1)
  bool ends_article = false;    // a rule names it the opening of what follows the
                                // article (a comment section's heading)
  Features features;
  Decision decision;
};

// Flags of an element that filters care about.
enum NodeFlag : uint16_t {
  kHidden = 1 << 0,       // hidden attribute, aria-hidden=true, display:none
  kArticle = 1 << 1,      // <article>, or schema.org Article/BlogPosting itemtype
  kArticleBody = 1 << 2,  // itemprop=articleBody
  kMain = 1 << 3,         // <main> or role=main
  kInsideLink = 1 << 4,   // element is inside an <a>
};

// An element of the page kept for the filters: block-level elements and
// the containers around them. Nodes are stored parents-first.
struct Node {
  int32_t parent = -1;
  std::string tag;      // lower-case tag name
  std::string id;       // id attribute, as written
  std::string classes;  // class attribute, as written
  std::string role;
  std::string itemprop;
  std::string itemtype;
  uint16_t flags = 0;
  uint32_t depth = 0;
  // Other attributes the prescan kept (name, value), for attribute rules.
  std::vector<std::pair<std::string, std::string>> attrs;
};

// An element of the page body that names the author: rel=author,
// itemprop=author, or a class or id saying byline/author (what Readability
// looks for). Kept in page order, for the metadata stage to choose from.
struct BylineHint {
  std::string text;         // its whole text, as the DOM's textContent, whitespace collapsed
  std::string name_text;    // the text of its first itemprop=*name* descendant, if any
  uint32_t raw_chars = 0;   // code points of textContent trimmed, inner whitespace kept
  bool rel_author = false;  // rel=author
  bool itemprop_author = false;
  int32_t outer = -1;        // the byline hint it stands in, when it is inside another
  int32_t node = -1;         // the innermost Node around it (itself when it is one)
  uint32_t first_block = 0;  // its text went to blocks [first_block, last_block]
  uint32_t last_block = 0;   // (last_block may be past the end: the open block was empty)
};

// A date the page body marks up: <time datetime>, an element with
// itemprop=datePublished, or a short element whose class or id says date.
struct DateHint {
  std::string value;       // the datetime or content attribute, else the element's text
  bool published = false;  // pubdate attribute or itemprop=datePublished
  bool by_name = false;    // only its class or id says it is a date
  int32_t node = -1;       // the innermost Node around it
};

// Hints found while parsing, for the metadata stage.
struct PageHints {
  std::string title;                                      // <title>
  std::string lang;                                       // <html lang>
  std::vector<std::pair<std::string, std::string>> meta;  // (name|property, content)
  std::vector<std::string> json_ld;                       // raw JSON-LD script bodies
  std::string canonical_url;
  std::vector<BylineHint> bylines;  // the first few, in page order
  std::vector<DateHint> dates;      // the first few, in page order
  // Texts of kicker elements inside h1s ("<span class=kicker>Climate</span>
  // Story"): a topic line set above the headline, not part of it.
  std::vector<std::string> kickers;
};

struct Document {
  bool is_html = false;
  std::vector<Block> blocks;
  std::vector<Node> nodes;
  PageHints hints;
  std::string language;  // ISO 639-1 code, e.g. "en": picks the stop words (if listed)
  // For reports: the text of each subtree the parser dropped whole, in
  // order; the blocks standing in for them hold kDroppedSubtreeText.
  std::vector<std::string> dropped_texts;
  // A thread (forum, Q&A, comments page): the outermost elements that
  // [post] rules recognised as posts, in page order, when the rules filter
  // found the page made of them; empty otherwise. `thread_reason` says why.
  std::vector<int32_t> post_roots;
  std::string thread_reason;
  // Decided once by the page type step (classify/) before any filter runs;
  // each filter reads it to extract the page as a reader of its type expects.
  PageType page_type = PageType::kArticle;
};

// The text of a block standing in for a subtree dropped before parsing
// (U+E001, private use: no page text is made of it alone).
inline constexpr std::string_view kDroppedSubtreeText = "\xEE\x80\x81";

// The element as a selector names it, for --explain: "div#main.story"
// (the first class only).
std::string describe(const Node& node);

// True when `ancestor` is `node` or one of its ancestors.
bool is_within(const Document& doc, int32_t node, int32_t ancestor);

// The <body> element's index; -1 when the document has none (a text dump).
int32_t body_node(const Document& doc);

}  // namespace webclean::block

#endif  // WEBCLEAN_BLOCK_BLOCK_H_
