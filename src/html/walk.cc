#include "html/walk.h"

#include "html/prescan.h"

#include <cstring>
#include <string_view>
#include <vector>

#include "base/ascii.h"
#include "html/ascii.h"
#include "html/body_hints.h"
#include "html/markup.h"
#include "html/params.h"

namespace webclean::html {
namespace {

using block::Kind;

// What an element means for the layout of text.
enum class Display : uint8_t {
  kInline,  // text flows through it
  kBlock,   // starts and ends a paragraph; becomes a Node
  kSkip,    // its text is never page text (controls, media, ruby annotations...)
  kHead,    // like kSkip, but its <title>, <meta> and <link> are read for hints
  kBreak,   // <br>
};

struct ElementInfo {
  Display display = Display::kInline;
  Kind kind = Kind::kParagraph;
  uint8_t heading_level = 0;
  bool keeps_whitespace = false;  // pre and its kin
};

ElementInfo block_of(Kind kind, uint8_t level = 0) {
  return {Display::kBlock, kind, level, false};
}

ElementInfo display_of(Display display) {
  return {display, Kind::kParagraph, 0, false};
}

ElementInfo classify_known(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1:
      return block_of(Kind::kHeading, 1);
    case GUMBO_TAG_H2:
      return block_of(Kind::kHeading, 2);
    case GUMBO_TAG_H3:
      return block_of(Kind::kHeading, 3);
    case GUMBO_TAG_H4:
      return block_of(Kind::kHeading, 4);
    case GUMBO_TAG_H5:
      return block_of(Kind::kHeading, 5);
    case GUMBO_TAG_H6:
      return block_of(Kind::kHeading, 6);
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
      return block_of(Kind::kListItem);
    case GUMBO_TAG_BLOCKQUOTE:
      return block_of(Kind::kQuote);
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return block_of(Kind::kTableCell);
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION:
      return block_of(Kind::kCaption);
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
      return {Display::kBlock, Kind::kPre, 0, true};
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
      return block_of(Kind::kParagraph);
    case GUMBO_TAG_HEAD:
      return display_of(Display::kHead);
    case GUMBO_TAG_BR:
      return display_of(Display::kBreak);
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_RT:
    case GUMBO_TAG_RP:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_ANNOTATION_XML:
      return display_of(Display::kSkip);
    default:
      return {};
  }
}

// The tag name as written, for elements Gumbo has no enum for.
std::string_view unknown_tag_name(const GumboElement& element) {
  GumboStringPiece piece = element.original_tag;
  if (piece.length == 0) return {};
  gumbo_tag_from_original_text(&piece);
  return {piece.data, piece.length};
}

ElementInfo classify(const GumboElement& element) {
  if (element.tag_namespace == GUMBO_NAMESPACE_SVG) return display_of(Display::kSkip);
  if (element.tag_namespace == GUMBO_NAMESPACE_MATHML) {
    bool annotation =
        element.tag == GUMBO_TAG_ANNOTATION_XML || iequals(unknown_tag_name(element), "annotation");
    return annotation ? display_of(Display::kSkip) : ElementInfo{};
  }
  if (element.tag != GUMBO_TAG_UNKNOWN) return classify_known(element.tag);
  std::string_view name = unknown_tag_name(element);
  if (iequals(name, "dialog") || iequals(name, "search")) return block_of(Kind::kParagraph);
  return {};
}

// The attributes the walk reads, as views into Gumbo's (arena) strings. A
// view with a null data() means the attribute is absent; Gumbo gives an
// attribute without value an empty, non-null string.
struct Attributes {
  std::string_view id, classes, role, itemprop, itemtype, lang, href, rel;
  std::string_view name, property, content, style, aria_hidden, hidden_attribute;

  static bool present(std::string_view value) { return value.data() != nullptr; }
  bool hidden() const {
    return present(hidden_attribute) || iequals(aria_hidden, "true") || style_hides(style);
  }
  bool identifies() const {
    return !id.empty() || !classes.empty() || !role.empty() || !itemprop.empty();
  }
};

Attributes read_attributes(const GumboElement& element, const Prescanned& scanned) {
  struct Field {
    std::string_view name;
    std::string_view Attributes::*view;
  };
  static constexpr Field kFields[] = {
      {"id", &Attributes::id},
      {"class", &Attributes::classes},
      {"role", &Attributes::role},
      {"itemprop", &Attributes::itemprop},
      {"itemtype", &Attributes::itemtype},
      {"lang", &Attributes::lang},
      {"href", &Attributes::href},
      {"rel", &Attributes::rel},
      {"name", &Attributes::name},
      {"property", &Attributes::property},
      {"content", &Attributes::content},
      {"style", &Attributes::style},
      {"aria-hidden", &Attributes::aria_hidden},
      {"hidden", &Attributes::hidden_attribute},
  };
  Attributes a;
  const GumboVector& list = element.attributes;
  for (unsigned i = 0; i < list.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(list.data[i]);
    std::string_view name = attr->name;  // Gumbo lower-cases names
    for (const Field& field : kFields) {
      // Gumbo keeps the first of duplicate attributes, and so do we.
      if (name == field.name && !Attributes::present(a.*field.view)) a.*field.view = attr->value;
    }
  }
  a.id = resolve_attribute(a.id, scanned);
  a.classes = resolve_attribute(a.classes, scanned);
  return a;
}

// A link that aria-hidden="true" only keeps from screen readers: a card
// links its picture, title and teaser to one page and hides the repeats
// from assistive technology (tabindex="-1" too), but they are shown. Its
// text is page text; other aria-hidden inline text (icon glyphs, "/"
// separators) is not.
bool is_repeated_link(const GumboElement& element, const Attributes& attrs) {
  return element.tag == GUMBO_TAG_A && !Attributes::present(attrs.hidden_attribute) &&
         !style_hides(attrs.style);
}

bool is_article_type(std::string_view itemtype) {
  return icontains(itemtype, "article") || icontains(itemtype, "blogposting") ||
         icontains(itemtype, "report");
}

const GumboVector* children_of(const GumboNode* node) {
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
      return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
      return &node->v.element.children;
    default:
      return nullptr;  // text, and template content (never page text)
  }
}

// The block a run of text belongs to: its innermost block-level element.
struct BlockContext {
  int32_t node = -1;
  Kind kind = Kind::kParagraph;
  uint8_t heading_level = 0;
};

// An open element on the walk's stack, and what leaving it must undo.
struct Frame {
  explicit Frame(const GumboNode* element) : node(element) {}
  const GumboNode* node;
  unsigned next_child = 0;
  int32_t node_index = -1;  // its Node, once it has one
  BlockContext outer;       // the block context around a block-level element
  bool block = false;
  bool skip = false;
  bool anchor = false;
  bool link = false;
  bool keeps_whitespace = false;
  bool candidate = false;     // non-block element that becomes a Node if it holds a block
  bool under_anchor = false;  // some ancestor is an <a>
  bool markup_span = false;   // opened a span of the inline markup
};

// kMarkup: whether the walk writes inline markup too. A template
// parameter, so that the plain walk (the common case) carries no trace of it.
template <bool kMarkup>
class Walker {
 public:
  Walker(block::Document& doc, const Prescanned& scanned, const WalkOptions& options)
      : doc_(doc),
        scanned_(scanned),
        options_(options),
        base_url_(options.page_url),
        body_hints_(doc, scanned) {}

  void run(const GumboNode* document) {
    frames_.emplace_back(document);
    while (!frames_.empty()) {
      Frame& top = frames_.back();
      const GumboVector* children = children_of(top.node);
      if (children != nullptr && top.next_child < children->length) {
        visit(static_cast<const GumboNode*>(children->data[top.next_child++]));
      } else {
        leave(frames_.back());
        frames_.pop_back();
      }
    }
    flush();
  }

 private:
  void visit(const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        add_text(node->v.text.text);
        break;
      case GUMBO_NODE_ELEMENT:
        enter(node);
        break;
      default:
        break;  // comments; template contents are inert
    }
  }

  void enter(const GumboNode* node) {
    const GumboElement& element = node->v.element;
    ElementInfo info = classify(element);
    Attributes attrs = read_attributes(element, scanned_);
    read_hints(element, attrs);
    if constexpr (kMarkup) read_base(element, attrs);
    Frame frame(node);
    frame.under_anchor = anchors_ > 0;
    if (skip_ > 0 || info.display == Display::kSkip || info.display == Display::kHead) {
      // Inside a skipped element nothing is page text, and no Node is needed.
      frame.skip = info.display == Display::kSkip || info.display == Display::kHead;
    } else if (info.display == Display::kBlock) {
      enter_block(frame, info, attrs);
    } else if (attrs.hidden() && !is_repeated_link(element, attrs)) {
      frame.skip = true;  // hidden inline text is never shown; hidden blocks are the rules' call
    } else {
      enter_inline(frame, element, attrs);
    }
    body_hints_.enter({node, attrs.id, attrs.classes, attrs.rel, attrs.itemprop, attrs.hidden(),
                       skip_ > 0 || frame.skip, current_node_});
    if (frame.skip) ++skip_;
    frames_.push_back(frame);
  }

  void enter_block(Frame& frame, const ElementInfo& info, const Attributes& attrs) {
    flush();
    materialize_candidates();
    frame.node_index = add_node(frame, attrs);
    frame.block = true;
    frame.outer = context_;
    context_ = {frame.node_index, info.kind, info.heading_level};
    frame.keeps_whitespace = info.keeps_whitespace;
    if (info.keeps_whitespace) ++keep_whitespace_;
  }

  void enter_inline(Frame& frame, const GumboElement& element, const Attributes& attrs) {
    if (element.tag == GUMBO_TAG_BR) {
      line_break();
      return;
    }
    if (element.tag == GUMBO_TAG_A && element.tag_namespace == GUMBO_NAMESPACE_HTML) {
      frame.anchor = true;
      ++anchors_;
      frame.link = Attributes::present(attrs.href);
      if (frame.link) ++links_;
    }
    if (attrs.identifies()) {
      frame.candidate = true;
      candidates_.push_back(frames_.size());  // the index this frame is about to get
    }
    if constexpr (kMarkup) open_markup_span(frame, element, attrs);
  }

  // --- inline markup (WalkOptions::inline_markup) ---

  void open_markup_span(Frame& frame, const GumboElement& element, const Attributes& attrs) {
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML) return;
    switch (element.tag) {
      case GUMBO_TAG_B:
      case GUMBO_TAG_STRONG:
        markup_.open(Span::kStrong);
        break;
      case GUMBO_TAG_I:
      case GUMBO_TAG_EM:
        markup_.open(Span::kEmphasis);
        break;
      case GUMBO_TAG_CODE:
      case GUMBO_TAG_KBD:
      case GUMBO_TAG_SAMP:
        markup_.open(Span::kCode);
        break;
      case GUMBO_TAG_A:
        if (!options_.link_targets || !Attributes::present(attrs.href)) return;
        markup_.open(Span::kLink, link_target(base_url_, attrs.href));
        break;
      default:
        return;
    }
    frame.markup_span = true;
  }

  // <base href> changes what relative links resolve against.
  void read_base(const GumboElement& element, const Attributes& attrs) {
    if (!options_.link_targets || element.tag != GUMBO_TAG_BASE || based_ ||
        !Attributes::present(attrs.href)) {
      return;
    }
    based_ = true;
    std::string base = link_target(options_.page_url, attrs.href);
    if (!base.empty()) base_url_ = std::move(base);
  }

  void leave(const Frame& frame) {
    if (frame.block) {
      flush();
      context_ = frame.outer;
      if (frame.keeps_whitespace) --keep_whitespace_;
    }
    if (frame.node_index >= 0) current_node_ = doc_.nodes[size_t(frame.node_index)].parent;
    if (frame.candidate && !candidates_.empty() && candidates_.back() == frames_.size() - 1) {
      candidates_.pop_back();  // it held no block: no Node
    }
    if constexpr (kMarkup) {
      if (frame.markup_span) markup_.close();
    }
    if (frame.skip) --skip_;
    if (frame.anchor) --anchors_;
    if (frame.link) --links_;
    body_hints_.leave(frame.node);
  }

  // A block is opening inside identified inline elements (a <span class>
  // around divs): they become Nodes now, outermost first, so parents still
  // come before children.
  void materialize_candidates() {
    for (size_t index : candidates_) {
      Frame& frame = frames_[index];
      frame.node_index = add_node(frame, read_attributes(frame.node->v.element, scanned_));
    }
    candidates_.clear();
  }

  int32_t add_node(const Frame& frame, const Attributes& attrs) {
    const GumboElement& element = frame.node->v.element;
    block::Node node;
    node.parent = current_node_;
    node.depth = current_node_ >= 0 ? doc_.nodes[size_t(current_node_)].depth + 1 : 0;
    node.tag = tag_name(element);
    node.id = attrs.id;
    node.classes = attrs.classes;
    node.role = attrs.role;
    node.itemprop = attrs.itemprop;
    node.itemtype = attrs.itemtype;
    node.flags = node_flags(element, attrs);
    if (frame.under_anchor) node.flags |= block::kInsideLink;
    copy_extra_attributes(element, node);
    doc_.nodes.push_back(std::move(node));
    current_node_ = int32_t(doc_.nodes.size() - 1);
    return current_node_;
  }

  static std::string tag_name(const GumboElement& element) {
    if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
    std::string name(unknown_tag_name(element));
    for (char& c : name) c = ascii_lower(c);
    return name;
  }

  static uint16_t node_flags(const GumboElement& element, const Attributes& attrs) {
    uint16_t flags = 0;
    if (attrs.hidden()) flags |= block::kHidden;
    if (element.tag == GUMBO_TAG_ARTICLE || is_article_type(attrs.itemtype)) {
      flags |= block::kArticle;
    }
    if (has_token(attrs.itemprop, "articlebody")) flags |= block::kArticleBody;
    if (element.tag == GUMBO_TAG_MAIN || has_token(attrs.role, "main")) flags |= block::kMain;
    return flags;
  }

  // aria-label, and short data-* attributes naming a type or component,
  // for attribute rules.
  static void copy_extra_attributes(const GumboElement& element, block::Node& node) {
    const GumboVector& list = element.attributes;
    for (unsigned i = 0; i < list.length; ++i) {
      const auto* attr = static_cast<const GumboAttribute*>(list.data[i]);
      std::string_view name = attr->name;
      std::string_view value = attr->value;
      bool data = name.starts_with("data-") &&
                  (name.find("type") != name.npos || name.find("component") != name.npos);
      if (name == "aria-label" || (data && value.size() <= params::kMaxDataValue)) {
        node.attrs.emplace_back(name, value);
      }
    }
  }

  void read_hints(const GumboElement& element, const Attributes& attrs) {
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML) return;
    block::PageHints& hints = doc_.hints;
    switch (element.tag) {
      case GUMBO_TAG_TITLE:
        if (hints.title.empty())
          hints.title = base::collapse_whitespace(text_of(element), base::NoBreakSpace::kKeep);
        break;
      case GUMBO_TAG_HTML:
        if (!attrs.lang.empty()) hints.lang = attrs.lang;
        break;
      case GUMBO_TAG_BODY:
        if (hints.lang.empty()) hints.lang = attrs.lang;
        break;
      case GUMBO_TAG_META:
        read_meta(attrs);
        break;
      case GUMBO_TAG_LINK:
        if (hints.canonical_url.empty() && Attributes::present(attrs.href) &&
            has_token(attrs.rel, "canonical")) {
          hints.canonical_url = attrs.href;
        }
        break;
      default:
        break;
    }
  }

  void read_meta(const Attributes& attrs) {
    std::string_view key = !attrs.name.empty()       ? attrs.name
                           : !attrs.property.empty() ? attrs.property
                                                     : attrs.itemprop;
    if (key.empty() || !Attributes::present(attrs.content)) return;
    std::string lower(key);
    for (char& c : lower) c = ascii_lower(c);
    doc_.hints.meta.emplace_back(std::move(lower), attrs.content);
  }

  static std::string_view text_of(const GumboElement& element) {
    if (element.children.length == 0) return {};
    const auto* child = static_cast<const GumboNode*>(element.children.data[0]);
    if (child->type != GUMBO_NODE_TEXT && child->type != GUMBO_NODE_WHITESPACE) return {};
    return child->v.text.text;
  }

  // --- the text of the open block ---

  // A text node: its own characters, and the runs the prescan indexed.
  void add_text(std::string_view text) {
    if (skip_ > 0) return;
    expand_text_runs(text, scanned_,
                     [this](std::string_view piece, TextPiece) { add_plain_text(piece); });
  }

  void add_plain_text(std::string_view text) {
    if (keep_whitespace_ > 0) {
      add_verbatim(text);
      return;
    }
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
      if (is_html_space(*p) || is_nbsp(p, end)) {
        pending_space_ = true;
        pending_space_in_link_ = links_ > 0;
        p += (*p == '\xC2') ? 2 : 1;
        continue;
      }
      if (is_bom(p, end)) {
        p += 3;  // a zero-width no-break space (stray BOM) shows nothing
        continue;
      }
      const char* run = p;
      while (p < end && !is_html_space(*p) && !is_nbsp(p, end) && !is_bom(p, end)) ++p;
      add_word(std::string_view(run, size_t(p - run)));
    }
  }

  static bool is_nbsp(const char* p, const char* end) {
    return end - p >= 2 && p[0] == '\xC2' && p[1] == '\xA0';
  }
  static bool is_bom(const char* p, const char* end) {
    return end - p >= 3 && p[0] == '\xEF' && p[1] == '\xBB' && p[2] == '\xBF';
  }

  void add_word(std::string_view word) {
    const bool spaced = pending_space_ && !text_.empty() && text_.back() != '\n';
    if (spaced) {
      text_ += ' ';
      if (pending_space_in_link_ && links_ > 0) ++link_chars_;
    }
    pending_space_ = false;
    text_.append(word);
    if (links_ > 0) link_chars_ += count_code_points(word);
    if constexpr (kMarkup) markup_.word(word, spaced);
  }

  void add_verbatim(std::string_view text) {
    text_.append(text);
    if (links_ > 0) link_chars_ += count_code_points(text);
  }

  static uint32_t count_code_points(std::string_view s) {
    uint32_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  }

  void line_break() {
    if (skip_ > 0) return;
    if (keep_whitespace_ > 0) {
      text_ += '\n';
      return;
    }
    pending_space_ = false;
    if (!text_.empty() && text_.back() != '\n') text_ += '\n';
    if constexpr (kMarkup) markup_.line_break();
  }

  // Ends the open block: emits it unless it holds no visible text.
  void flush() {
    pending_space_ = false;
    bool preformatted = keep_whitespace_ > 0;
    if (preformatted) {
      trim_preformatted();
    } else {
      while (!text_.empty() && text_.back() == '\n') text_.pop_back();
    }
    std::string markup;
    if constexpr (kMarkup) markup = markup_.take_block();
    if (!text_.empty()) {
      block::Block block;
      block.text = std::move(text_);
      // Pre text is its own markup (a code block); other text has its words in it.
      if (kMarkup && !preformatted) block.markup = std::move(markup);
      // Text laid out preformatted is a pre block, whatever element holds it.
      block.kind = preformatted ? Kind::kPre : context_.kind;
      block.heading_level = block.kind == Kind::kHeading ? context_.heading_level : 0;
      block.node = context_.node;
      block.link_chars = link_chars_;
      doc_.blocks.push_back(std::move(block));
    }
    text_.clear();
    link_chars_ = 0;
  }

  // Pre text keeps its inner line breaks and indentation, but not blank
  // lines around it; all-blank pre text is no block.
  void trim_preformatted() {
    while (!text_.empty() && is_html_space(text_.back())) text_.pop_back();
    size_t first_line = 0;
    for (size_t i = 0; i < text_.size() && is_html_space(text_[i]); ++i) {
      if (text_[i] == '\n') first_line = i + 1;
    }
    text_.erase(0, first_line);
  }

  block::Document& doc_;
  const Prescanned& scanned_;
  const WalkOptions& options_;
  InlineMarkup markup_;   // the open block's markup, with WalkOptions::inline_markup
  std::string base_url_;  // relative link targets resolve against it
  bool based_ = false;    // a <base href> was read (only the first counts)
  std::vector<Frame> frames_;
  BodyHints body_hints_;            // bylines and dates of the body, for the metadata stage
  std::vector<size_t> candidates_;  // frames of identified inline elements without a Node yet
  int32_t current_node_ = -1;       // innermost open element that has a Node
  BlockContext context_;
  int skip_ = 0;
  int anchors_ = 0;
  int links_ = 0;
  int keep_whitespace_ = 0;

  std::string text_;  // the open block's text so far
  uint32_t link_chars_ = 0;
  bool pending_space_ = false;
  bool pending_space_in_link_ = false;
};

}  // namespace

void walk(const GumboNode* document, const Prescanned& scanned, block::Document& doc,
          const WalkOptions& options) {
  if (options.inline_markup) {
    Walker<true>(doc, scanned, options).run(document);
  } else {
    Walker<false>(doc, scanned, options).run(document);
  }
}

}  // namespace webclean::html
