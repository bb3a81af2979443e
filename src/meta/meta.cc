#include "meta/meta.h"

#include <re2/re2.h>

#include <string>

namespace webclean::meta {
namespace {

constexpr uint32_t kMaxHeaderLineChars = 120;  // bylines and datelines are short lines
constexpr uint32_t kMaxHeaderLineWords = 16;
constexpr uint32_t kMaxTitleChars = 250;

// Month names (English, German, French, Spanish, Italian, Dutch, Portuguese), abbreviations too.
constexpr const char* kMonth =
    "(?:jan(?:uary|uar|vier|eiro)?|feb(?:ruary|ruar)?|f[ée]v(?:rier)?|mar(?:ch|s|zo|ço)?|"
    "m[äa]rz|apr(?:il|il[e])?|avr(?:il)?|abr(?:il)?|may|mai|mayo|maggio|maio|jun(?:e|i|io|ho)?|"
    "juin|giugno|jul(?:y|i|io|ho)?|juil(?:let)?|luglio|aug(?:ust|ustus)?|ao[uû]t|ago(?:sto)?|"
    "sep(?:t|tember|tembre|tiembre)?|set(?:embro|tembre)?|o[ck]t(?:ober|obre|ubre)?|ott(?:obre)?|"
    "nov(?:ember|embre)?|de[cz](?:ember|embre)?|dic(?:iembre|embre)?|dez(?:ember|embro)?)\\.?";

std::string date_pattern() {
  const std::string month = kMonth;
  return "(?i)(?:" + month + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}" +  // July 4th, 2011
         "|\\d{1,2}\\.?\\s+" + month + "\\s+\\d{4}" +                      // 4. Juli 2011
         "|\\b\\d{4}-\\d{2}-\\d{2}\\b" +                                   // 2011-07-04
         "|\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b)";                       // 04.07.2011
}

}  // namespace

struct HeaderLines::Patterns {
  RE2 date{date_pattern()};
  // "By Jane Doe", "Von ...", "Par ...", "Por ...", "Door ...", "Written by ...".
  RE2 byline{
      "^(?i:(?:written|posted|reported|words)\\s+)?(?i:by|von|par|por|door|przez)\\s*:?\\s+\\p{"
      "Lu}"};
  // Dateline prefixes: "Posted July 4th", "Published: ...", "Updated ...".
  RE2 posted{
      "(?i)^(?:posted|published|updated|last updated|veröffentlicht|aktualisiert|publié|"
      "mis à jour|publicado|actualizado|pubblicato)\\b"};
};

HeaderLines::HeaderLines() : patterns_(new Patterns) {}
HeaderLines::~HeaderLines() {
  delete patterns_;
}

namespace {

// Lower-case ASCII, whitespace runs to one space: titles compare so.
std::string comparable(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  return out;
}

// Whether a block repeats the page title: equal to it, or to the title
// without a site name after a separator ("Story - Site").
bool repeats_title(std::string_view block_text, const std::string& title) {
  if (title.empty()) return false;
  const std::string text = comparable(block_text);
  if (text.size() < 4) return false;
  if (text == title) return true;
  if (title.size() <= text.size() || title.compare(0, text.size(), text) != 0) return false;
  const std::string_view rest = std::string_view(title).substr(text.size());
  for (std::string_view separator : {" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " : ", " :: ", " \xC2\xBB "}) {
    if (rest.substr(0, separator.size()) == separator) return true;
  }
  return false;
}

bool ends_like_sentence(std::string_view text) {
  size_t end = text.find_last_not_of(" \n\"')\xE2\x80\x9D\xC2\xBB");
  if (end == std::string_view::npos) return false;
  const char last = text[end];
  return last == '.' || last == '!' || last == '?';
}

}  // namespace

void HeaderLines::extract(block::Document& doc, Metadata& out) const {
  out.title = doc.hints.title;
  if (!doc.is_html && !doc.blocks.empty() && doc.blocks.front().features.chars <= kMaxTitleChars) {
    out.title = doc.blocks.front().text;
  }
  const std::string title = comparable(out.title);
  for (block::Block& b : doc.blocks) {
    if (!b.decision.keep) continue;
    if (b.kind == block::Kind::kHeading && repeats_title(b.text, title)) {
      b.decision = {false, block::Stage::kMetadata, "title"};
      continue;
    }
    const block::Features& f = b.features;
    if (f.chars > kMaxHeaderLineChars || f.words > kMaxHeaderLineWords) continue;
    // Bylines and datelines are labels, not sentences: a line ending in a
    // full stop ("By Tuesday evening, the river had risen.") is prose.
    if (ends_like_sentence(b.text)) continue;
    const bool has_date = RE2::PartialMatch(b.text, patterns_->date);
    const bool is_byline = RE2::PartialMatch(b.text, patterns_->byline);
    // A short line that is mostly a date (few words besides it) is a dateline.
    const bool is_dateline =
        has_date && (f.words <= 8 || RE2::PartialMatch(b.text, patterns_->posted));
    if (is_byline && out.byline.empty()) out.byline = b.text;
    if (is_dateline && out.date.empty()) out.date = b.text;
    if (is_byline || is_dateline) {
      b.decision = {false, block::Stage::kMetadata, is_byline ? "byline" : "dateline"};
    }
  }
}

}  // namespace webclean::meta
