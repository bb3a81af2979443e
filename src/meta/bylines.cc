#include "meta/bylines.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <vector>

#include "base/ascii.h"
#include "meta/dates.h"
#include "meta/params.h"
#include "meta/text_values.h"

namespace webclean::meta {
namespace {

// Trims separators, connecting words and punctuation off the end of what
// is left of a byline ("Jane Doe ·", "Jane Doe, am", "Jane Doe le").
std::string trim_byline_end(std::string text) {
  static const RE2 tail{
      "(?i)(?:[\\s,;:|/·•\\-\\x{2013}\\x{2014}(]+|\\s+(?:am|um|le|on|at|the|il|el|em|den|der|"
      "vom|published|posted|updated|publié|veröffentlicht))+$"};
  RE2::Replace(&text, tail, "");
  static const RE2 head{"^[\\s,;:|/·•\\-\\x{2013}\\x{2014})]+"};
  RE2::Replace(&text, head, "");
  return text;
}

// The length of a label glued to the name after it ("VonJane Doe",
// "byJane"), or 0. Written out, not as (\p{Lu}): RE2 compiles that class
// (640 ranges) in 0.7 ms.
size_t glued_label(std::string_view text) {
  for (std::string_view label : {"by", "von", "par", "por", "author", "autor"}) {
    if (text.size() <= label.size()) continue;
    if (!base::iequals(label, text.substr(0, label.size()))) continue;
    int32_t at = static_cast<int32_t>(label.size());
    UChar32 next = 0;
    U8_NEXT(text.data(), at, static_cast<int32_t>(text.size()), next);
    if (next >= 0 && u_charType(next) == U_UPPERCASE_LETTER) return label.size();
  }
  return 0;
}

}  // namespace

bool in_unlikely_box(const block::Document& doc, int32_t node, bool header_and_footer) {
  static const RE2 unlikely{
      "(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|"
      "footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|"
      "social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote"};
  static const RE2 unlikely_but_frame{
      "(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|"
      "gdpr|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|"
      "social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote"};
  static const RE2 maybe{"(?i)and|article|body|column|content|main|mathjax|shadow"};
  static const RE2 unlikely_role{
      "^(?:menu|menubar|complementary|navigation|alert|alertdialog|dialog)$"};
  for (int32_t n = node; n >= 0; n = doc.nodes[size_t(n)].parent) {
    const block::Node& element = doc.nodes[size_t(n)];
    if (element.tag == "body" || element.tag == "html") break;
    if (RE2::FullMatch(element.role, unlikely_role)) return true;
    if (element.tag == "a" || element.tag == "table" || element.tag == "code") continue;
    const std::string names = element.classes + " " + element.id;
    if (RE2::PartialMatch(names, header_and_footer ? unlikely : unlikely_but_frame) &&
        !RE2::PartialMatch(names, maybe)) {
      return true;
    }
  }
  return false;
}

const block::BylineHint* article_byline(const block::Document& doc, bool header_and_footer) {
  for (const block::BylineHint& hint : doc.hints.bylines) {
    if (hint.raw_chars >= params::kMaxBylineChars) continue;
    if (in_unlikely_box(doc, hint.node, header_and_footer)) continue;
    return &hint;
  }
  return nullptr;
}

std::string body_byline(const block::Document& doc) {
  const block::BylineHint* hint = article_byline(doc, /*header_and_footer=*/true);
  if (hint == nullptr) return {};
  return hint->name_text.empty() ? hint->text : hint->name_text;
}

std::string body_author(const block::Document& doc) {
  const std::vector<block::BylineHint>& hints = doc.hints.bylines;
  std::vector<bool> tried(hints.size(), false);
  for (size_t i = 0; i < hints.size(); ++i) {
    const block::BylineHint& hint = hints[i];
    if (hint.raw_chars >= params::kMaxBylineChars) continue;
    if (hint.outer >= 0 && tried[size_t(hint.outer)]) continue;  // read with the outer one
    if (in_unlikely_box(doc, hint.node, /*header_and_footer=*/false)) continue;
    tried[i] = true;
    std::vector<std::string_view> texts{hint.name_text};
    for (size_t j = hints.size(); j-- > i + 1;) {
      if (hints[j].outer >= 0 && size_t(hints[j].outer) >= i) texts.push_back(hints[j].text);
    }
    texts.push_back(hint.text);
    for (std::string_view text : texts) {
      std::string author = clean_author(text);
      if (!author.empty()) return author;
    }
  }
  return {};
}

void mark_byline_element(const block::Document& doc, const block::BylineHint& hint,
                         BodyRoles& roles) {
  for (uint32_t i = hint.first_block; i <= hint.last_block && i < doc.blocks.size(); ++i) {
    const block::Block& b = doc.blocks[i];
    if (!b.decision.keep || b.features.chars > params::kMaxBylineChars) continue;
    // The block is the byline element, or the byline and a date or a
    // separator beside it ("By Jane Doe | March 3"): what is left once
    // the byline, dates and punctuation are taken out is a word or two.
    const std::string text = base::collapse_whitespace(b.text, base::NoBreakSpace::kAsSpace);
    const size_t at = text.find(hint.text);
    if (at == std::string::npos) continue;
    std::string rest = text.substr(0, at) + " " + text.substr(at + hint.text.size());
    const size_t date = date_start(rest);
    if (date != std::string_view::npos) rest.resize(date);
    if (word_count(trim_byline_end(std::move(rest))) > params::kMaxWordsBesideByline) continue;
    roles[i] = BodyRole::kBylineElement;
  }
}

std::string clean_author(std::string_view byline) {
  std::string text = base::collapse_whitespace(byline, base::NoBreakSpace::kAsSpace);
  // A label and a preposition before the names: "Posted by", "Geschrieben
  // von", "Post author By", "Autor:", or "von" glued to the name.
  static const RE2 label{
      "^(?i:(?:post\\s+)?author|autor(?:in|en)?|auteur|autore|written|geschrieben|verfasst|"
      "ver[öo]ffentlicht|publiziert|publi[ée]|publicado|published|posted|reported|words|text|"
      "interview|story|beitrag)?\\s*(?i:by|von|vom|par|por|door|przez)?\\s*:?\\s*"};
  re2::StringPiece input(text);
  if (RE2::Consume(&input, label)) text = std::string(input);
  text.erase(0, glued_label(text));
  // What follows the names: a date, or a separator before more metadata.
  const size_t date = date_start(text);
  if (date != std::string_view::npos) text.resize(date);
  for (std::string_view separator :
       {" \xC2\xB7 ", " | ", " \xE2\x80\xA2 ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " / "}) {
    const size_t at = text.find(separator);
    if (at != std::string::npos && at > 0) text.resize(at);
  }
  text = trim_byline_end(std::move(text));
  // Names are short; a long remainder is a sentence, not an author.
  if (word_count(text) > params::kMaxAuthorWords) return {};
  return text;
}

}  // namespace webclean::meta
