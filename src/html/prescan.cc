#include "html/prescan.h"

#include <algorithm>
#include <cstring>

#include "html/ascii.h"

namespace webclean::html {
namespace {

// One attribute of a scanned tag, as byte offsets into the input.
struct AttrSpan {
  size_t name_begin = 0;
  size_t name_end = 0;
  size_t value_begin = 0;  // the unquoted value
  size_t value_end = 0;
  size_t raw_end = 0;  // end of the whole `name="value"` text, quotes included
};

// A start or end tag found by scan_tag().
struct TagSpan {
  size_t name_begin = 0;
  size_t name_end = 0;
  size_t end = 0;  // one past the closing '>'
  bool self_closing = false;
};

// Elements whose content the tokenizer reads as raw text and whose text no
// filter wants: dropped together with their tags.
bool is_dropped_raw_text(std::string_view name) {
  return iequals(name, "style") || iequals(name, "noscript") || iequals(name, "iframe") ||
         iequals(name, "noembed") || iequals(name, "noframes");
}

// Elements whose content is text up to their end tag (RCDATA, or raw text
// that is shown), copied verbatim so that a "<script>" written there stays text.
bool is_verbatim_text(std::string_view name) {
  return iequals(name, "title") || iequals(name, "textarea") || iequals(name, "xmp");
}

// HTML start tags that, met inside <svg>, make the parser leave foreign
// content (the spec's "breakout" list, minus <font> which needs attributes).
bool breaks_out_of_svg(std::string_view name) {
  static constexpr std::string_view kBreakout[] = {
      "b",      "big",  "blockquote", "body",  "br",   "center", "code",    "dd",   "div",
      "dl",     "dt",   "em",         "embed", "h1",   "h2",     "h3",      "h4",   "h5",
      "h6",     "head", "hr",         "i",     "img",  "li",     "listing", "menu", "meta",
      "nobr",   "ol",   "p",          "pre",   "ruby", "s",      "small",   "span", "strong",
      "strike", "sub",  "sup",        "table", "tt",   "u",      "ul",      "var"};
  for (std::string_view tag : kBreakout) {
    if (iequals(name, tag)) return true;
  }
  return false;
}

// SVG elements whose content is HTML again (the spec's "HTML integration
// points"): an HTML tag there does not end the svg.
bool is_svg_integration_point(std::string_view name) {
  return iequals(name, "foreignobject") || iequals(name, "desc") || iequals(name, "title");
}

// Attributes the walk reads on any element; everything else is dropped so
// that Gumbo has fewer bytes to tokenize.
bool is_kept_attribute(std::string_view name) {
  static constexpr std::string_view kKept[] = {"class",    "id",     "role",        "itemprop",
                                               "itemtype", "hidden", "aria-hidden", "aria-label",
                                               "lang",     "href"};
  for (std::string_view kept : kKept) {
    if (iequals(name, kept)) return true;
  }
  return istarts_with(name, "data-") && (icontains(name, "type") || icontains(name, "component"));
}

// Attributes read only on <meta> (page hints) and <link> (canonical URL).
bool is_kept_head_attribute(std::string_view tag, std::string_view name) {
  if (iequals(tag, "meta")) {
    return iequals(name, "name") || iequals(name, "property") || iequals(name, "content");
  }
  return iequals(tag, "link") && iequals(name, "rel");
}

// Attributes the body's metadata hints read: rel=author links, <time>'s
// datetime and pubdate, and the content of microdata (itemprop) elements.
bool is_kept_hint_attribute(std::string_view tag, std::string_view name, std::string_view value,
                            bool has_itemprop) {
  if (iequals(name, "rel")) return has_token(value, "author");
  if (iequals(tag, "time")) return iequals(name, "datetime") || iequals(name, "pubdate");
  return has_itemprop && iequals(name, "content");
}

class Scanner {
 public:
  Scanner(std::string_view in, const PrescanOptions& options) : in_(in), options_(options) {
    out_.html.reserve(in.size());
  }

  Prescanned run() {
    while (pos_ < in_.size()) {
      const char* lt = find('<', pos_);
      if (lt == nullptr) {
        copy_text_to(in_.size());
        break;
      }
      copy_text_to(size_t(lt - in_.data()));
      markup();
    }
    return std::move(out_);
  }

 private:
  const char* find(char c, size_t from) const {
    if (from >= in_.size()) return nullptr;
    return static_cast<const char*>(std::memchr(in_.data() + from, c, in_.size() - from));
  }
  char at(size_t i) const { return i < in_.size() ? in_[i] : '\0'; }
  bool starts_at(size_t i, std::string_view lower) const {
    return iequals(in_.substr(std::min(i, in_.size()), lower.size()), lower);
  }
  void copy_to(size_t end) {
    out_.html.append(in_.data() + pos_, end - pos_);
    pos_ = end;
  }
  // Copies text, squeezing each whitespace run to its first character
  // (the walk collapses runs anyway), except inside <pre>, where they show.
  void copy_text_to(size_t end) {
    std::string_view run = in_.substr(pos_, end - pos_);
    const bool indexed = run.size() >= params::kMinIndexedText &&
                         run.find('&') == std::string_view::npos &&
                         run.find('\0') == std::string_view::npos;
    std::string& out = indexed ? out_.text_store : out_.html;
    const size_t start = out.size();
    if (pre_depth_ > 0) {
      out.append(run);
    } else {
      squeeze_whitespace(run, out);
    }
    pos_ = end;
    if (!indexed) return;
    out_.html.append(kTextIndexOpen);
    out_.html += std::to_string(out_.text_runs.size());
    out_.html.append(kTextIndexClose);
    out_.text_runs.emplace_back(uint32_t(start), uint32_t(out.size() - start));
  }

  static void squeeze_whitespace(std::string_view run, std::string& out) {
    const char* p = run.data();
    const char* stop = p + run.size();
    while (p < stop) {
      const char* word = p;
      while (p < stop && !is_html_space(*p)) ++p;
      out.append(word, size_t(p - word));
      if (p == stop) break;
      out += *p++;
      while (p < stop && is_html_space(*p)) ++p;
    }
  }
  // Position just past the next `c` at or after `from`, or the input's end.
  size_t past(char c, size_t from) const {
    const char* p = find(c, from);
    return p ? size_t(p - in_.data()) + 1 : in_.size();
  }

  // At a '<' in normal content.
  void markup() {
    char next = at(pos_ + 1);
    if (next == '!') {
      if (in_.substr(pos_, 4) == "<!--") {
        pos_ = comment_end(pos_);
      } else if (starts_at(pos_ + 2, "doctype")) {
        copy_to(past('>', pos_));
      } else {
        pos_ = past('>', pos_);  // bogus comment, CDATA outside foreign content
      }
    } else if (next == '?') {
      pos_ = past('>', pos_);  // <?xml ...?> and other bogus comments
    } else if (next == '/') {
      end_tag();
    } else if (is_ascii_alpha(next)) {
      start_tag();
    } else {
      copy_to(pos_ + 1);  // a lone '<' is text
    }
  }

  // `begin` is at "<!--". Returns one past the comment's end (the spec's
  // comment states: "-->", "--!>", and the abrupt "<!-->" and "<!--->").
  size_t comment_end(size_t begin) const {
    size_t i = begin + 4;
    if (at(i) == '>') return i + 1;
    if (at(i) == '-' && at(i + 1) == '>') return i + 2;
    for (const char* dash = find('-', i); dash != nullptr;
         dash = find('-', size_t(dash - in_.data()) + 1)) {
      size_t d = size_t(dash - in_.data());
      if (at(d + 1) != '-') continue;
      if (at(d + 2) == '>') return d + 3;
      if (at(d + 2) == '!' && at(d + 3) == '>') return d + 4;
    }
    return in_.size();  // an unclosed comment runs to the end
  }

  // Tokenizes the tag at `begin` ('<' or "</") like the spec's tag states,
  // honouring quoted attribute values. Returns false when the input ends
  // inside the tag (the tokenizer then drops it).
  bool scan_tag(size_t begin, TagSpan& tag) {
    attrs_.clear();
    size_t i = begin + (at(begin + 1) == '/' ? 2 : 1);
    tag.name_begin = i;
    while (i < in_.size() && !is_html_space(in_[i]) && in_[i] != '/' && in_[i] != '>') ++i;
    tag.name_end = i;
    tag.self_closing = false;
    while (i < in_.size()) {
      char c = in_[i];
      if (is_html_space(c)) {
        ++i;
      } else if (c == '/') {
        tag.self_closing = at(i + 1) == '>';
        ++i;
      } else if (c == '>') {
        tag.end = i + 1;
        return true;
      } else {
        tag.self_closing = false;
        if (!scan_attribute(i)) return false;
        i = attrs_.back().raw_end;
      }
    }
    return false;
  }

  // `i` is at an attribute name's first character.
  bool scan_attribute(size_t i) {
    AttrSpan attr;
    attr.name_begin = i++;  // the first char may be '=' (a parse error, kept in the name)
    while (i < in_.size() && !is_html_space(in_[i]) && in_[i] != '/' && in_[i] != '>' &&
           in_[i] != '=') {
      ++i;
    }
    attr.name_end = attr.value_begin = attr.value_end = attr.raw_end = i;
    size_t j = i;
    while (j < in_.size() && is_html_space(in_[j])) ++j;
    if (at(j) == '=') {
      ++j;
      while (j < in_.size() && is_html_space(in_[j])) ++j;
      char quote = at(j);
      if (quote == '"' || quote == '\'') {
        const char* close = find(quote, j + 1);
        if (close == nullptr) return false;
        attr.value_begin = j + 1;
        attr.value_end = size_t(close - in_.data());
        attr.raw_end = attr.value_end + 1;
      } else {
        attr.value_begin = j;
        while (j < in_.size() && !is_html_space(in_[j]) && in_[j] != '>') ++j;
        attr.value_end = attr.raw_end = j;
      }
    }
    attrs_.push_back(attr);
    return true;
  }

  std::string_view slice(size_t begin, size_t end) const { return in_.substr(begin, end - begin); }
  std::string_view name_of(const TagSpan& tag) const { return slice(tag.name_begin, tag.name_end); }
  std::string_view name_of(const AttrSpan& a) const { return slice(a.name_begin, a.name_end); }
  std::string_view value_of(const AttrSpan& a) const { return slice(a.value_begin, a.value_end); }

  // Writes the tag back with only the attributes a later stage reads.
  // Links only need to be known as links: their href loses its value,
  // unless link targets are asked for.
  void emit_start_tag(const TagSpan& tag) {
    ++elements_;
    std::string& out = out_.html;
    bool keep_href_value = options_.keep_link_targets || iequals(name_of(tag), "link");
    out += '<';
    out.append(name_of(tag));
    bool wrote_attribute = false;
    const bool has_itemprop = find_attribute("itemprop") != nullptr;
    for (const AttrSpan& attr : attrs_) {
      std::string_view name = name_of(attr);
      bool keep = is_kept_attribute(name) || is_kept_head_attribute(name_of(tag), name) ||
                  is_kept_hint_attribute(name_of(tag), name, value_of(attr), has_itemprop) ||
                  (iequals(name, "style") && style_hides(value_of(attr)));
      if (!keep) continue;
      out += ' ';
      if (!keep_href_value && iequals(name, "href")) {
        out.append(name);
      } else if (is_indexed_attribute(name, value_of(attr))) {
        write_attribute_index(name, value_of(attr));
      } else {
        out.append(slice(attr.name_begin, attr.raw_end));
      }
      wrote_attribute = true;
    }
    // The space keeps "/" out of an unquoted value written just before it.
    if (tag.self_closing) out += wrote_attribute ? " /" : "/";
    out += '>';
  }

  static bool is_indexed_attribute(std::string_view name, std::string_view value) {
    return (iequals(name, "class") || iequals(name, "id")) && !value.empty() &&
           value.find('&') == std::string_view::npos;
  }

  void write_attribute_index(std::string_view name, std::string_view value) {
    std::string& out = out_.html;
    out.append(name);
    out += "=\"";
    out.append(kAttributeIndexMark);
    out += std::to_string(out_.attribute_values.size());
    out += '"';
    out_.attribute_values.push_back(value);
  }

  // A start tag of an element the options drop whole: its balanced subtree
  // is skipped, unless it has no end tag or it holds much of the page.
  bool skip_dropped_subtree(const TagSpan& tag) {
    if (tag.self_closing) return false;
    std::string_view name = name_of(tag);
    bool named = false;
    for (const std::string& drop : options_.drop_subtrees) named = named || iequals(name, drop);
    if (!named) return false;
    const size_t end = subtree_end(tag.end, name, /*foreign=*/false);
    if (end >= in_.size()) return false;  // unbalanced: let the parser decide
    if (double(end - pos_) > double(in_.size()) * params::kMaxDroppedSubtreeShare) return false;
    // An empty stand-in keeps the dropped element's place: its block counts
    // as boilerplate between its neighbours, as the whole subtree would.
    std::string& out = out_.html;
    out += '<';
    out.append(name);
    out += '>';
    out.append(kDroppedSubtreeMark);
    if (options_.keep_dropped_texts) out_.dropped_texts.push_back(text_preview(tag.end, end));
    out += "</";
    out.append(name);
    out += '>';
    pos_ = end;
    return true;
  }

  // The text of the input in [begin, end), roughly: tags, comments and the
  // content of raw-text elements (scripts, styles) left out by the same
  // tokenizer steps the scan uses, whitespace collapsed, references as
  // written. Only for reports, so that a reader sees what was dropped.
  std::string text_preview(size_t begin, size_t end) {
    std::string out;
    bool space = false;
    size_t i = begin;
    while (i < end && out.size() < params::kMaxDroppedPreviewBytes) {
      const char c = in_[i];
      TagSpan tag;
      if (in_.substr(i, 4) == "<!--") {
        i = comment_end(i);
      } else if (c == '<' && (is_ascii_alpha(at(i + 1)) || at(i + 1) == '/') && scan_tag(i, tag)) {
        i = at(i + 1) == '/' ? tag.end : skip_html_text_content(tag, tag.end);
      } else if (is_html_space(c)) {
        ++i;
      } else {
        if (space) out += ' ';
        space = false;
        out += c;
        ++i;
        continue;
      }
      space = !out.empty();
    }
    if (i < end) {
      // Cut at a character boundary.
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
        out.pop_back();
      if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
      out += "...";
    }
    return out;
  }

  const AttrSpan* find_attribute(std::string_view lower_name) const {
    for (const AttrSpan& attr : attrs_) {
      if (iequals(name_of(attr), lower_name)) return &attr;
    }
    return nullptr;
  }

  // Void elements that carry nothing for a later stage: only <meta> with a
  // key (name, property, itemprop), the canonical <link>, and <base> when
  // links keep their targets are read.
  bool is_useless_void(std::string_view name) const {
    if (iequals(name, "img") || iequals(name, "input") || iequals(name, "source") ||
        iequals(name, "track") || iequals(name, "param")) {
      return true;
    }
    if (iequals(name, "base")) return !options_.keep_link_targets;
    if (iequals(name, "link")) {
      const AttrSpan* rel = find_attribute("rel");
      return rel == nullptr || !has_token(value_of(*rel), "canonical");
    }
    if (iequals(name, "meta")) {
      return find_attribute("name") == nullptr && find_attribute("property") == nullptr &&
             find_attribute("itemprop") == nullptr;
    }
    return false;
  }

  static bool keeps_whitespace(std::string_view name) {
    return iequals(name, "pre") || iequals(name, "listing");
  }

  void end_tag() {
    char next = at(pos_ + 2);
    if (next == '>') {
      pos_ += 3;  // "</>" is dropped by the tokenizer
      return;
    }
    if (!is_ascii_alpha(next)) {
      pos_ = past('>', pos_);  // bogus comment
      return;
    }
    TagSpan tag;
    if (!scan_tag(pos_, tag)) {
      pos_ = in_.size();
      return;
    }
    if (elements_ >= params::kMaxElements) {
      pos_ = tag.end;  // the elements left open run to the end of the page
      return;
    }
    if (iequals(name_of(tag), "noscript")) {
      pos_ = tag.end;  // the end of an unwrapped <noscript> (the others go whole)
      return;
    }
    if (keeps_whitespace(name_of(tag)) && pre_depth_ > 0) --pre_depth_;
    if (counts_for_depth(name_of(tag))) {
      if (dropped_too_deep_ > 0) {  // closes an element left out for depth
        --dropped_too_deep_;
        pos_ = tag.end;
        return;
      }
      if (depth_ > 0) --depth_;
    }
    out_.html += "</";
    out_.html.append(name_of(tag));  // end tag attributes mean nothing
    out_.html += '>';
    pos_ = tag.end;
  }

  void start_tag() {
    TagSpan tag;
    if (!scan_tag(pos_, tag)) {
      pos_ = in_.size();
      return;
    }
    std::string_view name = name_of(tag);
    if (iequals(name, "script")) {
      script(tag);
    } else if (iequals(name, "noscript") && unwraps_noscript(tag.end)) {
      pos_ = tag.end;  // the page as served without scripts: its content is markup
    } else if (is_dropped_raw_text(name)) {
      pos_ = raw_text_end(tag.end, name);
    } else if (iequals(name, "svg")) {
      pos_ = tag.self_closing ? tag.end : subtree_end(tag.end, "svg", /*foreign=*/true);
    } else if (iequals(name, "template")) {
      pos_ = subtree_end(tag.end, "template", /*foreign=*/false);
    } else if (elements_ >= params::kMaxElements) {
      pos_ = tag.end;  // past the element budget only text reaches Gumbo
    } else if (is_verbatim_text(name)) {
      emit_start_tag(tag);
      pos_ = tag.end;
      copy_to(raw_text_close(tag.end, name));
    } else if (iequals(name, "plaintext")) {
      emit_start_tag(tag);
      pos_ = tag.end;
      copy_to(in_.size());  // nothing after <plaintext> is markup
    } else if (is_useless_void(name)) {
      pos_ = tag.end;
    } else if (skip_dropped_subtree(tag)) {
      return;
    } else {
      pos_ = tag.end;
      if (!tag.self_closing && counts_for_depth(name)) {
        // Past params::kMaxDepth the element is left out, its text kept: Gumbo's
        // work per start tag grows with the depth of open elements, so a
        // page nested a million deep would take it hours.
        if (depth_ >= params::kMaxDepth) {
          ++dropped_too_deep_;
          return;
        }
        ++depth_;
      }
      if (keeps_whitespace(name)) ++pre_depth_;
      emit_start_tag(tag);
    }
  }

  // Elements that nest: not void ones, and not those whose start tag closes
  // an open one of their kind (<p>, <li>, <td> ... pile up unclosed in old
  // pages without nesting).
  static bool counts_for_depth(std::string_view name) {
    static constexpr std::string_view kNotNesting[] = {
        "area",  "base",  "br",       "col",    "embed", "hr",     "img",      "input",
        "link",  "meta",  "param",    "source", "track", "wbr",    "p",        "li",
        "dt",    "dd",    "tr",       "td",     "th",    "option", "optgroup", "tbody",
        "thead", "tfoot", "colgroup", "rb",     "rt",    "rp",     "frame",    "keygen"};
    for (std::string_view tag : kNotNesting) {
      if (iequals(name, tag)) return false;
    }
    return true;
  }

  void script(const TagSpan& tag) {
    bool json_ld = false;
    for (const AttrSpan& attr : attrs_) {
      if (iequals(name_of(attr), "type")) {
        json_ld = istarts_with(trim(value_of(attr)), "application/ld+json");
        break;  // the tokenizer keeps the first of duplicate attributes
      }
    }
    size_t close = raw_text_close(tag.end, "script");
    if (json_ld) out_.json_ld.emplace_back(slice(tag.end, close));
    pos_ = skip_end_tag(close);
  }

  static std::string_view trim(std::string_view s) {
    while (!s.empty() && is_html_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_html_space(s.back())) s.remove_suffix(1);
    return s;
  }

  // True when an end tag "</name" (followed by whitespace, '/' or '>')
  // starts at `i`; with `end` false, the start tag "<name".
  bool tag_at(size_t i, std::string_view name, bool end) const {
    size_t name_at = i + (end ? 2 : 1);
    if (end && at(i + 1) != '/') return false;
    if (!same_name(in_.substr(std::min(name_at, in_.size()), name.size()), name)) return false;
    char after = at(name_at + name.size());
    return is_html_space(after) || after == '/' || after == '>';
  }

  // Where raw text (or RCDATA) that starts at `from` ends: the first "</name"
  // followed by whitespace, '/' or '>', or the input's end.
  size_t raw_text_close(size_t from, std::string_view name) const {
    if (iequals(name, "script")) return script_close(from);
    for (const char* lt = find('<', from); lt != nullptr;
         lt = find('<', size_t(lt - in_.data()) + 1)) {
      size_t i = size_t(lt - in_.data());
      if (tag_at(i, name, /*end=*/true)) return i;
    }
    return in_.size();
  }

  // Script text has the spec's escape states: after "<!--", a "<script"
  // opens a "double escaped" section in which "</script>" does not end the
  // script; "-->" leaves both.
  size_t script_close(size_t from) const {
    enum class State { kData, kEscaped, kDoubleEscaped } state = State::kData;
    constexpr size_t npos = std::string_view::npos;
    size_t comment_close = npos;
    size_t i = from;
    while (true) {
      const char* lt = find('<', i);
      size_t lt_at = lt ? size_t(lt - in_.data()) : npos;
      if (state != State::kData) {
        if (comment_close != npos && comment_close < i) comment_close = in_.find("-->", i);
        if (comment_close < lt_at) {
          state = State::kData;
          i = comment_close + 3;
          continue;
        }
      }
      if (lt_at == npos) return in_.size();
      i = lt_at;
      if (state == State::kDoubleEscaped) {
        if (tag_at(i, "script", /*end=*/true)) state = State::kEscaped;
      } else if (tag_at(i, "script", /*end=*/true)) {
        return i;
      } else if (state == State::kData && in_.substr(i, 4) == "<!--") {
        state = State::kEscaped;
        comment_close = in_.find("-->", i + 2);  // "<!-->" closes at once
      } else if (state == State::kEscaped && tag_at(i, "script", /*end=*/false)) {
        state = State::kDoubleEscaped;
      }
      ++i;
    }
  }

  // `close` is at the end tag found by raw_text_close(), or the input's end.
  size_t skip_end_tag(size_t close) {
    if (close >= in_.size()) return in_.size();
    TagSpan end;
    return scan_tag(close, end) ? end.end : in_.size();
  }

  // A <noscript> (content from `from`, attributes in attrs_) that is the
  // page as served without scripts: Discourse's crawler view, marked with
  // the path it renders, or Flarum's (id=flarum-content), of some size, and
  // closed (an unclosed one is raw text to the end). Other big <noscript>s
  // repeat the page's own text.
  bool unwraps_noscript(size_t from) const {
    const AttrSpan* id = find_attribute("id");
    const bool flarum = id != nullptr && value_of(*id) == "flarum-content";
    if (find_attribute("data-path") == nullptr && !flarum) return false;
    const size_t close = raw_text_close(from, "noscript");
    return close < in_.size() && close - from >= params::kMinNoscriptPageBytes;
  }

  size_t raw_text_end(size_t from, std::string_view name) {
    return skip_end_tag(raw_text_close(from, name));
  }

  // Skips the content of a <svg> or <template> that starts at `from`, up to
  // and past the end tag that balances it. Inside <template> the HTML rules
  // for raw text hold; inside <svg> (foreign content) they do not, CDATA
  // sections exist, and an HTML tag like <p> ends the svg early, as in a browser.
  size_t subtree_end(size_t from, std::string_view name, bool foreign) {
    size_t depth = 1;
    size_t integration_points = 0;  // open foreignObject/desc/title: HTML inside svg
    size_t i = from;
    while (true) {
      const char* lt = find('<', i);
      if (lt == nullptr) return in_.size();
      i = size_t(lt - in_.data());
      char next = at(i + 1);
      bool html = !foreign || integration_points > 0;
      if (in_.substr(i, 4) == "<!--") {
        i = comment_end(i);
      } else if (!html && in_.substr(i, 9) == "<![CDATA[") {
        size_t end = in_.find("]]>", i + 9);
        i = end == std::string_view::npos ? in_.size() : end + 3;
      } else if (next == '!' || next == '?') {
        i = past('>', i);
      } else if (next == '/' && is_ascii_alpha(at(i + 2))) {
        TagSpan tag;
        if (!scan_tag(i, tag)) return in_.size();
        i = tag.end;
        std::string_view inner = name_of(tag);
        if (same_name(inner, name) && --depth == 0) return i;
        if (foreign && integration_points > 0 && is_svg_integration_point(inner)) {
          --integration_points;
        }
      } else if (is_ascii_alpha(next)) {
        TagSpan tag;
        if (!scan_tag(i, tag)) return in_.size();
        std::string_view inner = name_of(tag);
        if (!html && breaks_out_of_svg(inner)) return i;
        i = tag.end;
        if (same_name(inner, name)) {
          if (!tag.self_closing) ++depth;
        } else if (html) {
          i = skip_html_text_content(tag, i);
        } else if (is_svg_integration_point(inner) && !tag.self_closing) {
          ++integration_points;
        }
      } else {
        ++i;
      }
    }
  }

  // Inside a dropped <template>: skips the content of a raw-text or RCDATA
  // element so that markup-looking text there is not taken for tags.
  size_t skip_html_text_content(const TagSpan& tag, size_t after_tag) {
    std::string_view name = name_of(tag);
    if (iequals(name, "script") || is_dropped_raw_text(name) || is_verbatim_text(name)) {
      return raw_text_end(after_tag, name);
    }
    if (iequals(name, "plaintext")) return in_.size();
    return after_tag;
  }

  std::string_view in_;
  const PrescanOptions& options_;
  size_t pos_ = 0;
  size_t elements_ = 0;          // start tags written
  size_t depth_ = 0;             // open nesting elements written
  size_t dropped_too_deep_ = 0;  // start tags left out past params::kMaxDepth, not yet closed
  size_t pre_depth_ = 0;         // open <pre> and <listing> elements
  Prescanned out_;
  std::vector<AttrSpan> attrs_;  // of the last scanned tag; reused to avoid allocations
};

}  // namespace

Prescanned prescan(std::string_view html, const PrescanOptions& options) {
  return Scanner(html, options).run();
}

std::string_view resolve_attribute(std::string_view value, const Prescanned& scanned) {
  if (value.substr(0, kAttributeIndexMark.size()) != kAttributeIndexMark) return value;
  size_t index = 0;
  for (char c : value.substr(kAttributeIndexMark.size())) {
    if (c < '0' || c > '9') return value;
    index = index * 10 + size_t(c - '0');
  }
  return index < scanned.attribute_values.size() ? scanned.attribute_values[index] : value;
}

}  // namespace webclean::html
