#include "text/parse.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/params.h"

namespace webclean::text {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Collapses runs of ASCII whitespace (and no-break spaces) to one space, trimmed.
std::string collapse(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool pending_space = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const bool nbsp = c == '\xC2' && i + 1 < line.size() && line[i + 1] == '\xA0';
    if (is_space(c) || nbsp) {
      pending_space = !out.empty();
      if (nbsp) ++i;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

// The code point at `at` (advanced past it); U+FFFD for a bad sequence.
UChar32 next_code_point(std::string_view text, size_t& at) {
  UChar32 c = 0;
  int32_t i = int32_t(at);
  U8_NEXT(text.data(), i, int32_t(text.size()), c);
  at = size_t(i);
  return c < 0 ? 0xFFFD : c;
}

// Characters a terminal gives two columns (CJK ideographs, kana, Hangul,
// fullwidth forms): text browsers wrap by columns, not characters.
bool is_wide(UChar32 c) {
  if (c < 0x1100) return false;  // nothing below Hangul Jamo is wide: skip the lookup
  const int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH;
}

size_t columns(std::string_view text) {
  // ASCII is one column a byte (most dumps are all ASCII).
  if (std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; })) {
    return text.size();
  }
  size_t total = 0;
  for (size_t at = 0; at < text.size();) total += is_wide(next_code_point(text, at)) ? 2 : 1;
  return total;
}

struct Line {
  std::string text;  // collapsed; empty for a blank line
  // Where the line ends as written, indentation included: in terminal
  // columns (w3m wraps by them) and in characters (lynx wraps CJK by them).
  size_t columns;
  size_t chars;
  uint32_t link_chars = 0;  // Markdown dumps: characters of link texts
};

// How a dump is wrapped: at `width` columns, or characters. Width 0: not
// wrapped.
struct Wrap {
  size_t width = 0;
  bool by_columns = true;
  size_t length(const Line& line) const { return by_columns ? line.columns : line.chars; }
};

// The line without the whitespace after its last character (a tab counts
// as one column: wrappers indent with spaces).
std::string_view without_trailing_space(std::string_view line) {
  while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
  return line;
}

size_t characters(std::string_view text) {
  return size_t(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::vector<Line> lines_of(std::string_view text) {
  std::vector<Line> lines;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = without_trailing_space(text.substr(start, end - start));
    lines.push_back({collapse(line), columns(line), characters(line)});
    start = end + 1;
  }
  return lines;
}

// Markdown dumps (html2text, pandoc, the reader services of LLM
// pipelines) write links as [text](url): their texts are what the page
// shows and count as link text, their targets are not text at all;
// images, ![alt](src), show nothing. A dump is read as Markdown when it
// holds at least params::kMinMarkdownLinks such links.
const RE2& markdown_link() {
  static const RE2 link{
      R"((!?)\[([^\]\n]{0,500})\]\(([^()\s]*(?:\([^()\s]*\))?[^()\s]*)(?:\s+"[^"\n]*")?\))"};
  return link;
}

// Every link holds "](": a text with fewer than params::kMinMarkdownLinks of them
// (most dumps) is not Markdown, and markdown_link(), whose bounded label
// costs 5 ms to compile, is never compiled for it.
bool reads_as_markdown(std::string_view text) {
  size_t openings = 0;
  for (size_t at = text.find("](");
       at != std::string_view::npos && openings < params::kMinMarkdownLinks;
       at = text.find("](", at + 2)) {
    ++openings;
  }
  if (openings < params::kMinMarkdownLinks) return false;
  re2::StringPiece rest(text.data(), text.size());
  size_t links = 0;
  while (links < params::kMinMarkdownLinks && RE2::FindAndConsume(&rest, markdown_link())) ++links;
  return links >= params::kMinMarkdownLinks;
}

// The line with each match of `pattern` replaced by the link text
// `link_text` makes of its first two groups (the first opens the match):
// counted in `link_chars`. The line is left as it is when nothing matches.
template <typename LinkText>
void replace_links(Line& line, const RE2& pattern, LinkText link_text) {
  std::string out;
  re2::StringPiece rest(line.text);
  re2::StringPiece first, second;
  const char* copied = line.text.data();
  while (RE2::FindAndConsume(&rest, pattern, &first, &second)) {
    out.append(copied, first.data());
    const std::string text = link_text(first, second);
    out += text;
    line.link_chars += uint32_t(characters(text));
    copied = rest.data();
  }
  if (copied == line.text.data()) return;
  out.append(copied, static_cast<const char*>(line.text.data() + line.text.size()));
  line.text = collapse(out);
}

// The line with its Markdown links replaced by their texts (counted in
// `link_chars`) and its images left out; a line that is only a raw HTML
// tag ("<div class=...>", which pandoc leaves) becomes blank.
void read_markdown(Line& line) {
  static const RE2 html_tag{R"(</?[a-zA-Z][^<>]*>)"};
  if (RE2::FullMatch(line.text, html_tag)) {
    line.text.clear();
    return;
  }
  replace_links(line, markdown_link(), [](re2::StringPiece bang, re2::StringPiece label) {
    return bang.empty() ? std::string(label.data(), label.size()) : std::string();
  });
}

// lynx -dump (and w3m -dump with display_link_number) numbers each link
// before its text, "[12]Home", and lists the targets at the end under
// "References". The numbers are no text and the References list is no
// part of the page: both go, and the dump reads as `lynx -dump -nolist`
// writes it. (Counting the marked texts as links, as Markdown links are,
// is not done: where a link's text ends is not written, and on the
// readability pages counting to the next marker or punctuation gave F1
// 0.786 against 0.841 without, CJK text and the link lists readability's
// gold keeps losing most.) A dump is read so when it ends in such a list
// and holds params::kMinNumberedLinks markers before text: a Wikipedia
// article copied as text has its "[12]" citation marks and keeps them.
const RE2& link_number() {
  static const RE2 marker{R"(\[\d{1,5}\])"};
  return marker;
}

bool reads_as_numbered_links(std::string_view text) {
  static const RE2 marker_before_text{R"(\[\d{1,5}\][^\s\]])"};
  re2::StringPiece rest(text.data(), text.size());
  size_t markers = 0;
  while (markers < params::kMinNumberedLinks && RE2::FindAndConsume(&rest, marker_before_text))
    ++markers;
  return markers >= params::kMinNumberedLinks;
}

// The line where the References list starts (lynx: "References", then
// "Visible links:" or "1. " and a URL; w3m: "References:", then "[1] " and
// a URL), or lines.size() when the dump has none. Most lines after it are
// numbered URLs; the rest are the lines a mailto: link's body holds.
size_t references_start(const std::vector<Line>& lines) {
  for (size_t i = lines.size(); i-- > 0;) {
    if (lines[i].text != "References" && lines[i].text != "References:") continue;
    static const RE2 entry{
        R"((?:(?:\d{1,5}\.|\[\d{1,5}\]) [a-zA-Z][a-zA-Z0-9+.-]*:.*|Visible links:|Hidden links:))"};
    size_t entries = 0, others = 0, first = i + 1;
    while (first < lines.size() && lines[first].text.empty()) ++first;
    for (size_t j = first; j < lines.size(); ++j) {
      if (lines[j].text.empty()) continue;
      ++(RE2::FullMatch(lines[j].text, entry) ? entries : others);
    }
    const std::string_view opening =
        first < lines.size() ? std::string_view(lines[first].text) : std::string_view();
    const bool opens = opening == "Visible links:" || opening.rfind("1. ", 0) == 0 ||
                       opening.rfind("[1] ", 0) == 0;
    return opens && entries > others ? i : lines.size();
  }
  return lines.size();
}

void drop_link_numbers(Line& line) {
  if (RE2::GlobalReplace(&line.text, link_number(), "") > 0) line.text = collapse(line.text);
}

// html2text (Debian's, 1.3) writes a heading between runs of asterisks,
// "***** Feature detection *****", and a link's text with its spaces as
// underscores, "testing_your_frontend_JavaScript_code" (its rendering of
// underline without a terminal). A dump is read so when it holds a heading
// of that form: the asterisks go, and the underscored words become words
// again, counted as link text. A one-word link cannot be told apart and
// stays plain text, as does snake_case in a dump without such headings.
bool is_html2text_heading(std::string_view line) {
  size_t lead = 0, trail = 0;
  while (lead < line.size() && line[lead] == '*') ++lead;
  while (trail < line.size() - lead && line[line.size() - 1 - trail] == '*') ++trail;
  return lead >= 3 && lead <= 6 && lead == trail && line.size() > 2 * lead + 2 &&
         line[lead] == ' ' && line[line.size() - 1 - trail] == ' ';
}

bool reads_as_html2text(const std::vector<Line>& lines) {
  return std::any_of(lines.begin(), lines.end(),
                     [](const Line& line) { return is_html2text_heading(line.text); });
}

void read_html2text(Line& line) {
  if (is_html2text_heading(line.text)) {
    const size_t stars = line.text.find(' ');
    line.text = collapse(std::string_view(line.text).substr(stars, line.text.size() - 2 * stars));
  }
  // Words joined by underscores: a link's text.
  static const RE2 underscored{R"(([^\s_]+)((?:_+[^\s_]+)+))"};
  replace_links(line, underscored, [](re2::StringPiece head, re2::StringPiece tail) {
    std::string words(head.data(), head.size() + tail.size());
    std::replace(words.begin(), words.end(), '_', ' ');
    return collapse(words);
  });
}

// A line that starts a list item or a quote: never the tail of the line
// before it ("- item", "* item", "1. item", "• item", "> quoted").
bool starts_item(const std::string& line) {
  // lynx bullets its nested lists with *, +, o and #.
  for (std::string_view bullet : {"- ", "* ", "+ ", "o ", "# ", "> ", "\xE2\x80\xA2"}) {
    if (line.rfind(bullet, 0) == 0) return true;
  }
  size_t digits = 0;
  while (digits < line.size() && digits < 3 && line[digits] >= '0' && line[digits] <= '9') {
    ++digits;
  }
  return digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
         line[digits + 1] == ' ';
}

// The length of the line's first word, in the wrap's unit: up to a space,
// and a wide character is a word of its own (CJK is wrapped between any two).
size_t first_word_length(std::string_view line, const Wrap& wrap) {
  size_t total = 0;
  for (size_t at = 0; at < line.size() && line[at] != ' ';) {
    const UChar32 c = next_code_point(line, at);
    if (is_wide(c)) return total == 0 ? (wrap.by_columns ? 2 : 1) : total;
    ++total;
  }
  return total;
}

// The column the dump is wrapped at, or 0 when its lines are not wrapped:
// nearly no line is longer, and most lines that go on in the next line end
// close to it (the next word would not have fit).
Wrap wrap_of(const std::vector<Line>& lines, bool by_columns) {
  Wrap wrap;
  wrap.by_columns = by_columns;
  std::vector<size_t> lengths;
  for (const Line& line : lines) {
    if (!line.text.empty()) lengths.push_back(wrap.length(line));
  }
  if (lengths.size() < params::kMinContinuedLines) return {};
  const size_t allowed_overlong = size_t(double(lengths.size()) * params::kMaxOverlongShare);
  const auto at = lengths.end() - 1 - std::ptrdiff_t(allowed_overlong);
  std::nth_element(lengths.begin(), at, lengths.end());
  const size_t width = *at;
  if (width < params::kMinWrapWidth || width > params::kMaxWrapWidth) return {};
  size_t continued = 0, full = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].text.empty() || lines[i + 1].text.empty() || starts_item(lines[i + 1].text)) {
      continue;
    }
    const size_t length = wrap.length(lines[i]);
    if (length * 2 < width) continue;  // menus' short lines say nothing of wrapping
    ++continued;
    full += length <= width && length + params::kFullSlack >= width;
  }
  if (continued < params::kMinContinuedLines ||
      double(full) < double(continued) * params::kMinFullShare)
    return {};
  wrap.width = width;
  return wrap;
}

// Columns first (w3m, html2text), then characters (lynx, Python's textwrap).
Wrap wrap_of(const std::vector<Line>& lines) {
  const Wrap by_columns = wrap_of(lines, true);
  return by_columns.width > 0 ? by_columns : wrap_of(lines, false);
}

// `next` continues `line` when `line` is full: its next word would not have
// fit within the width.
bool continues(const Line& line, const Line& next, const Wrap& wrap) {
  if (wrap.width == 0 || line.text.empty() || next.text.empty() || starts_item(next.text)) {
    return false;
  }
  return wrap.length(line) + 1 + first_word_length(next.text, wrap) > wrap.width;
}

// The last code point of `text` (not empty, valid UTF-8).
UChar32 last_code_point(std::string_view text) {
  size_t start = text.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return next_code_point(text, start);
}

void join_wrapped(std::string& paragraph, const std::string& next) {
  // CJK is written without spaces: a line break between two wide
  // characters stands for nothing.
  size_t first = 0;
  const bool cjk = is_wide(last_code_point(paragraph)) && is_wide(next_code_point(next, first));
  // "well-" + "known": the hyphen is the word's own, not the wrapper's.
  const bool hyphen = paragraph.back() == '-';
  if (!cjk && !hyphen) paragraph += ' ';
  paragraph += next;
}

}  // namespace

block::Document parse(std::string_view utf8_text) {
  std::vector<Line> lines = lines_of(utf8_text);
  if (reads_as_markdown(utf8_text)) {
    for (Line& line : lines) read_markdown(line);
  } else if (const size_t references = references_start(lines);
             references < lines.size() && reads_as_numbered_links(utf8_text)) {
    lines.resize(references);
    for (Line& line : lines) drop_link_numbers(line);
  } else if (reads_as_html2text(lines)) {
    for (Line& line : lines) read_html2text(line);
  }
  const Wrap wrap = wrap_of(lines);
  // Decided before the texts move into the blocks.
  std::vector<bool> goes_on(lines.size(), false);
  for (size_t i = 0; wrap.width > 0 && i + 1 < lines.size(); ++i) {
    goes_on[i] = continues(lines[i], lines[i + 1], wrap);
  }
  block::Document doc;
  bool new_paragraph = true;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].text.empty()) {
      new_paragraph = true;
      continue;
    }
    block::Block& b = doc.blocks.emplace_back();
    b.text = std::move(lines[i].text);
    b.link_chars = lines[i].link_chars;
    while (goes_on[i]) {
      join_wrapped(b.text, lines[++i].text);
      b.link_chars += lines[i].link_chars;
    }
    b.same_paragraph = !new_paragraph;
    new_paragraph = false;
  }
  return doc;
}

}  // namespace webclean::text
