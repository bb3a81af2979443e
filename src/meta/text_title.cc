#include "meta/text_title.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <unordered_map>

#include "meta/header_line.h"
#include "meta/params.h"
#include "meta/titles.h"

namespace webclean::meta {
namespace {

UChar32 next_code_point(std::string_view text, size_t& i) {
  UChar32 c;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t at = static_cast<int32_t>(i);
  U8_NEXT(s, at, static_cast<int32_t>(text.size()), c);
  i = static_cast<size_t>(at);
  return c;
}

// A separator between the parts of a <title>: "|", "-", ":", "»", "✩"...,
// not a letter, digit, quote, bracket or sentence punctuation.
bool is_title_separator(UChar32 c) {
  if (c < 0 || u_isalnum(c) || u_isspace(c)) return false;
  switch (c) {
    case '.':
    case ',':
    case '!':
    case '?':
    case ';':
    case '\'':
    case '"':
    case '(':
    case ')':
    case '[':
    case ']':
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
      return false;
    default:
      return true;
  }
}

// Whether the text before `at` ends in "<separator> " (or is empty).
bool separator_before(std::string_view text, size_t at) {
  if (at == 0) return true;
  if (at < 2 || text[at - 1] != ' ') return false;
  size_t begin = at - 2;  // the last byte of the character before the space
  while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
  return is_title_separator(next_code_point(text, begin));
}

// Whether the text from `at` starts with " <separator>" (or is empty).
bool separator_after(std::string_view text, size_t at) {
  if (at == text.size()) return true;
  if (text[at] != ' ') return false;
  size_t i = at + 1;
  return i < text.size() && is_title_separator(next_code_point(text, i));
}

// Words with a letter or digit in them: separators do not count.
size_t count_words(std::string_view text) {
  size_t words = 0;
  bool counted = false;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == ' ') {
      counted = false;
    } else if (!counted && (u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z'))) {
      ++words;
      counted = true;
    }
  }
  return words;
}

// Whether `part` is one of the separator-delimited parts of `title` that
// can be the headline: its start ("Story" in "Story | Site"), or a part
// holding most of its words ("Headline" in "Blog name: Headline").
bool is_main_part_of(const std::string& part, const std::string& title) {
  if (part.empty() || part.size() >= title.size()) return false;
  const size_t words = count_words(part);
  for (size_t at = title.find(part); at != std::string::npos; at = title.find(part, at + 1)) {
    if (!separator_before(title, at) || !separator_after(title, at + part.size())) continue;
    if (at == 0 ? words >= params::kMinTitleWords : words * 2 > count_words(title)) return true;
  }
  return false;
}

bool is_title_case(std::string_view text) {
  int long_words = 0;
  int capitalised = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const size_t start = i;
    int letters = 0;
    bool upper = false;
    while (i < text.size() && text[i] != ' ') {
      const bool first = letters == 0;
      const UChar32 c = next_code_point(text, i);
      if (c < 0 || !u_isalpha(c)) continue;
      if (first) upper = u_isupper(c) || u_istitle(c);
      ++letters;
    }
    if (i > start && letters >= params::kTitleCaseMinLetters) {
      ++long_words;
      capitalised += upper;
    }
  }
  return long_words > 0 && capitalised >= params::kTitleCaseShare * long_words;
}

bool ends_with_full_stop(std::string_view text) {
  const size_t end = text.find_last_not_of(" \"')\xE2\x80\x9D\xC2\xBB");
  return end != std::string_view::npos && text[end] == '.' &&
         (end < 2 || text.substr(end - 2, 3) != "...");
}

// Whether the kept block after block `i` reads as a standfirst: prose,
// not another short heading.
bool is_standfirst(const std::vector<block::Block>& blocks, size_t i) {
  for (size_t j = i + 1; j < blocks.size(); ++j) {
    if (!blocks[j].decision.keep) continue;
    return ends_with_full_stop(blocks[j].text) ||
           blocks[j].features.words > params::kLongTitleWords;
  }
  return false;
}

}  // namespace

std::string comparable_text(std::string_view text) {
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

TextTitle choose_text_title(const block::Document& doc, const std::vector<bool>& header_lines) {
  const std::vector<block::Block>& blocks = doc.blocks;
  if (blocks.empty()) return {};
  std::vector<std::string> texts(blocks.size());
  std::unordered_map<std::string_view, int> occurrences;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].features.chars > params::kMaxTitleChars) continue;
    texts[i] = comparable_text(blocks[i].text);
    ++occurrences[texts[i]];
  }
  const std::string first_line = blocks[0].decision.keep ? texts[0] : std::string();

  // Position among the kept blocks, and the first byline or dateline near the top.
  std::vector<size_t> kept_index(blocks.size());
  size_t kept = 0;
  size_t first_header = blocks.size();
  for (size_t i = 0; i < blocks.size(); ++i) {
    kept_index[i] = kept;
    if (!blocks[i].decision.keep) continue;
    if (header_lines[i] && first_header == blocks.size() && kept < params::kMaxHeaderPosition) {
      first_header = i;
    }
    ++kept;
  }

  // The title heads a body: the last kept block is not one.
  size_t last_kept = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].decision.keep) last_kept = i;
  }

  int best = -1;
  int best_part = -1;  // the best line found again inside the first line
  double best_score = params::kMinTitleScore - 1e-9;
  double best_part_score = best_score;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const block::Block& b = blocks[i];
    if (!b.decision.keep || header_lines[i] || texts[i].empty() ||
        b.features.words < params::kMinTitleWords || i == last_kept) {
      continue;
    }
    double score = 0;
    const bool part = i > 0 && (texts[i] == first_line || is_main_part_of(texts[i], first_line));
    if (i == 0) score += params::kFirstLineScore;
    if (part) score += params::kPartOfFirstLineScore;
    // A person's name just before a dateline is its byline, not a headline.
    if (i < first_header && first_header < blocks.size() && !is_person_name(b.text)) {
      const size_t distance = kept_index[first_header] - kept_index[i];
      if (distance == 1) score += params::kJustBeforeHeaderScore;
      if (distance == 2 && is_standfirst(blocks, i)) score += params::kTwoBeforeHeaderScore;
    }
    if (occurrences[texts[i]] > 1) score += params::kRepeatedScore;
    if (is_title_case(b.text)) score += params::kTitleCaseScore;
    if (ends_with_full_stop(b.text)) score += params::kSentencePenalty;
    if (b.features.words > params::kLongTitleWords) score += params::kLongLinePenalty;
    if (score > best_score) {
      best = static_cast<int>(i);
      best_score = score;
    }
    if (part && score > best_part_score) {
      best_part = static_cast<int>(i);
      best_part_score = score;
    }
  }
  // The first line is the page's <title>: where the headline is found
  // again inside it, that line is the <title> without its decorations.
  if (best == 0 && best_part > 0) best = best_part;
  if (best < 0) return {};
  const std::string& line = blocks[static_cast<size_t>(best)].text;
  const bool from_first_line = best == 0 || best == best_part;
  // The <title> line itself carries the site's name; a heading found
  // again in the text does not.
  std::string title = best == 0 ? strip_site_suffix(line, "") : line;
  return TextTitle{best, std::move(title), from_first_line};
}

}  // namespace webclean::meta
