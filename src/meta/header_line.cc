#include "meta/header_line.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "meta/params.h"

namespace webclean::meta {
namespace {

// Words a dateline is made of besides the date, lower case: labels,
// times, time zones, reading times (English, German, French, Spanish,
// Italian, Dutch).
constexpr std::string_view kDateWords =
    "posted published updated update last modified created date dated released on "
    "at by am pm a.m p.m um uhr h utc gmt est edt cst cdt mst mdt pst pdt cet cest "
    "bst ist jst aest et pt ct read min mins minute minutes reading time comments "
    "comment ago hours hour stand zuletzt aktualisiert veröffentlicht publié "
    "publie mis à jour le modifié publicado actualizado el pubblicato aggiornato "
    "il alle gepubliceerd bijgewerkt op om de del du publiziert erschienen "
    "erstellt geändert datum publiée publicada actualizada pubblicata aggiornata "
    "filed first written ";

// Weekday names and abbreviations, lower case.
constexpr std::string_view kWeekdays =
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu "
    "thur thurs fri sat sun montag dienstag mittwoch donnerstag freitag samstag "
    "sonntag lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes "
    "miércoles jueves viernes sábado domingo lunedì martedì mercoledì giovedì "
    "venerdì sabato domenica ";

// Lower-case words inside names: particles and connectors.
constexpr std::string_view kNameParticles =
    "de da di do dos das del della van von der den ter du la le bin al el y e et "
    "und and of the & ";

// Words that make a name an organisation: a source before a date with one
// of them is a site ("VOA News"), without one a person ("Dan Goodin").
constexpr std::string_view kOrganisationWords =
    "news press times post agency agence wire service media radio tv television "
    "network journal herald daily tribune gazette magazine reuters associated "
    "bureau online zeitung presse nachrichten today weekly observer chronicle "
    "telegraph guardian independent express mail broadcasting corporation inc ltd "
    "group newsroom dpa ansa efe kyodo xinhua tass interfax monde world report "
    "review standard star sun mirror ";

// News agencies, named by one word before a date ("Reuters July 4, 2011").
constexpr std::string_view kAgencies =
    "reuters dpa ansa efe kyodo xinhua tass interfax bloomberg anadolu yonhap ";

// Job titles after a name ("Jane Doe, Senior Writer"): the name ends there.
constexpr std::string_view kRoleWords =
    "editor writer reporter correspondent columnist contributor author staff "
    "technologist producer photographer analyst director professor fellow "
    "journalist senior chief associate assistant deputy managing executive special "
    "freelance intern redakteur redakteurin korrespondent journaliste rédacteur "
    "rédactrice envoyé envoyée corresponsal redactor redattore inviato "
    "contributing researcher scientist manager ";

// Words that begin sentences after "By" but never a name ("By Tuesday
// evening, ...", "By March the river had risen").
constexpr std::string_view kNotNameStarts =
    "the this that these those then now far way contrast comparison default design "
    "night day noon midnight morning evening afternoon tonight today tomorrow "
    "yesterday early late all clicking continuing using signing submitting "
    "christmas easter spring summer autumn fall winter next last ";

// Whether `word` is one of the space-separated words of `list`.
bool contains(std::string_view list, std::string_view word) {
  if (word.empty()) return false;
  for (size_t at = list.find(word); at != std::string_view::npos; at = list.find(word, at + 1)) {
    const size_t end = at + word.size();
    if ((at == 0 || list[at - 1] == ' ') && (end == list.size() || list[end] == ' ')) return true;
  }
  return false;
}

UChar32 code_point_at(std::string_view text, size_t& i) {
  UChar32 c;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t at = static_cast<int32_t>(i);
  U8_NEXT(s, at, length, c);
  i = static_cast<size_t>(at);
  return c;
}

// Punctuation and separators around a word: not letters, digits, '@' or '&'.
bool is_word_char(UChar32 c) {
  return c == '@' || c == '&' || (c >= 0 && u_isalnum(c));
}

// The word without the punctuation around it: "(UTC-5)" -> "UTC-5".
std::string_view trim_punctuation(std::string_view word) {
  size_t begin = 0;
  while (begin < word.size()) {
    size_t next = begin;
    if (is_word_char(code_point_at(word, next))) break;
    begin = next;
  }
  size_t end = begin;
  for (size_t i = begin; i < word.size();) {
    if (is_word_char(code_point_at(word, i))) end = i;
  }
  return word.substr(begin, end - begin);
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

enum class Case { kNone, kUpper, kLower };

// The case of a word's first letter (kNone: no letter before a digit).
Case first_letter_case(std::string_view word) {
  for (size_t i = 0; i < word.size();) {
    const UChar32 c = code_point_at(word, i);
    if (c < 0) continue;
    if (u_isdigit(c)) return Case::kNone;
    if (u_isalpha(c)) return u_isupper(c) || u_istitle(c) ? Case::kUpper : Case::kLower;
  }
  return Case::kNone;
}

bool has_digit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_acronym(std::string_view word) {
  if (word.size() < params::kMinAcronymLetters || word.size() > params::kMaxAcronymLetters) {
    return false;
  }
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// "9:00", "02.00", "13h36", "8:02pm", "UTC-5": a time or a time zone offset.
bool is_time(std::string_view word) {
  std::string key = lower_latin(word);
  for (std::string_view prefix : {"utc", "gmt"}) {
    if (key.compare(0, prefix.size(), prefix) == 0) {
      key.erase(0, prefix.size());
      return !key.empty() && (key[0] == '+' || key[0] == '-') && has_digit(key) &&
             key.find_first_not_of("0123456789:+-") == std::string::npos;
    }
  }
  for (std::string_view suffix : {"a.m", "p.m", "am", "pm"}) {
    if (key.size() > suffix.size() &&
        key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0) {
      key.erase(key.size() - suffix.size());
      break;
    }
  }
  // H, HH, then one or two groups of a mark and two digits ("9:00:15").
  const size_t mark = key.find_first_of(":.h");
  if (mark == 0 || mark > 2) return false;
  for (size_t i = 0; i < key.size(); ++i) {
    const bool digit = key[i] >= '0' && key[i] <= '9';
    const bool mark_here = i == mark || (i > mark && (i - mark) % 3 == 0);
    if (mark_here ? (key[i] != ':' && key[i] != '.' && key[i] != 'h') : !digit) return false;
  }
  return mark == std::string::npos || (key.size() - mark) % 3 == 0;
}

// "24", "-0.385", "2,759.96": a figure.
bool is_number(std::string_view word) {
  if (!word.empty() && (word[0] == '-' || word[0] == '+')) word.remove_prefix(1);
  return has_digit(word) && word.find_first_not_of("0123456789.,") == std::string_view::npos;
}

// A word of a dateline besides the date itself: a label, a time, a time
// zone, a weekday, a month, a separator, a number.
bool is_date_word(std::string_view raw_word) {
  const std::string_view word = trim_punctuation(raw_word);
  if (word.empty() || is_time(word) || is_number(word)) return true;
  std::string key = lower_latin(word);
  if (!key.empty() && key.back() == '.') key.pop_back();
  return contains(kDateWords, key) || contains(kWeekdays, key) || is_month_name(key);
}

bool is_particle(std::string_view word) {
  return contains(kNameParticles, lower_latin(trim_punctuation(word)));
}

// Words that read as a name: each capitalised, or a particle; no digits, no
// handles, no brackets.
bool reads_as_name(const std::vector<std::string_view>& words, int lower_words_allowed) {
  if (words.empty()) return false;
  int lower_words = 0;
  for (std::string_view raw : words) {
    const std::string_view word = trim_punctuation(raw);
    if (word.empty() || has_digit(word) || word[0] == '@') return false;
    if (raw.find_first_of("()[]{}\"") != std::string_view::npos) return false;
    if (is_particle(word)) continue;
    if (first_letter_case(word) != Case::kUpper && ++lower_words > lower_words_allowed) {
      return false;
    }
  }
  return first_letter_case(words.front()) == Case::kUpper;
}

bool any_word_in(const std::vector<std::string_view>& words, std::string_view list) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) {
    std::string key = lower_latin(trim_punctuation(w));
    if (!key.empty() && key.back() == '.') key.pop_back();
    return contains(list, key);
  });
}

std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// Separators that end the names of a byline: "By Jane Doe | Reuters",
// "By Jane Doe • 5 min read", "By Staff writer / July 19, 2011".
constexpr std::array kNameEnds = {"@",
                                  "(",
                                  "|",
                                  " / ",
                                  " - ",
                                  " \xE2\x80\x94",
                                  " \xE2\x80\x93",
                                  "\xE2\x80\xA2",
                                  "\xC2\xB7",
                                  " on ",
                                  " by ",
                                  " On ",
                                  " Updated",
                                  " Published",
                                  " Posted",
                                  " Follow",
                                  " Last ",
                                  " Photo",
                                  " Illustration"};

// The names at the start of `text` (after "By "): up to the first
// separator, digit or date; comma-separated further names are kept, a job
// title after a comma is not.
std::string names_before_cut(std::string_view text, size_t date_begin) {
  size_t cut = std::min(date_begin, text.size());
  for (const char* end : kNameEnds) cut = std::min(cut, text.find(end));
  const size_t digit = text.find_first_of("0123456789");
  cut = std::min(cut, digit);
  std::string_view names = text.substr(0, cut);
  std::string out;
  size_t start = 0;
  while (start <= names.size()) {
    size_t comma = names.find(',', start);
    if (comma == std::string_view::npos) comma = names.size();
    const std::string_view part = trim_spaces(names.substr(start, comma - start));
    std::vector<std::string_view> words = split_words(part);
    // Connectors before the date ("Jane Doe on", "Jane Doe at") belong to it.
    while (words.size() > 1 && is_date_word(words.back())) {
      words.pop_back();
    }
    if (words.empty()) break;
    if (!out.empty() && (any_word_in(words, kRoleWords) || any_word_in(words, kOrganisationWords) ||
                         first_letter_case(words.front()) != Case::kUpper)) {
      break;
    }
    if (!out.empty()) out += ", ";
    out += join(words);
    start = comma + 1;
  }
  return out;
}

// A line ends like a sentence unless its last word is an initial or an
// abbreviation ("By Nelson D.", "By John Smith Jr.", "9:00 a.m.").
bool ends_like_sentence(std::string_view line) {
  const size_t end = line.find_last_not_of(" \"')\xE2\x80\x9D\xC2\xBB");
  if (end == std::string_view::npos) return false;
  const char last = line[end];
  if (last == '!' || last == '?') return true;
  if (last != '.') return false;
  const size_t space = line.rfind(' ', end);
  const std::string_view word =
      line.substr(space == std::string_view::npos ? 0 : space + 1,
                  end - (space == std::string_view::npos ? 0 : space + 1));
  const bool abbreviation =
      word.find('.') != std::string_view::npos ||
      (word.size() <= params::kMaxAbbreviationBytes && first_letter_case(word) == Case::kUpper);
  return !abbreviation;
}

}  // namespace

bool is_person_name(std::string_view line) {
  if (line.size() > params::kMaxPersonNameBytes) return false;
  // Two words, or three with an initial between ("John C. Welch"): three
  // or four capitalised words are as often a headline ("Obama Visits Berlin").
  const std::vector<std::string_view> words = split_words(line);
  const bool initial = words.size() == 3 && words[1].size() == 2 && words[1][1] == '.';
  if (words.size() != 2 && !initial) return false;
  for (std::string_view word : words) {
    if (is_particle(word) || is_date_word(word)) return false;
  }
  return reads_as_name(words, 0) && !any_word_in(words, kOrganisationWords) &&
         !contains(kNotNameStarts, lower_latin(trim_punctuation(words.front())));
}

struct HeaderLineReader::Patterns {
  // "By ", "Written by: ", "Posted by ", "Von ", "Par ", "Por ", "Door ",
  // "Przez ", "Author: ".
  RE2 byline_intro{
      "^(?i:(?:(?:written|posted|reported|reporting|words|text|story|photos?)\\s+)?"
      "(?:by|von|par|por|door|przez)\\s*:?\\s+|(?:author|autor|auteur|autore)\\s*:\\s*)"};
  // "... by Jane Doe" after a date: "March 10, 2015 by Nikhil Marathe".
  RE2 byline_after{"(?i)(?:^|\\s)(?:by|von|par|por|door)\\s+"};
};

HeaderLineReader::HeaderLineReader() : patterns_(std::make_unique<const Patterns>()) {}
HeaderLineReader::~HeaderLineReader() = default;

HeaderLine HeaderLineReader::read(std::string_view line, bool month_first) const {
  if (ends_like_sentence(line)) return {};
  // Leading ornaments: "// By Jane Doe", "— July 4, 2011".
  size_t start = 0;
  while (start < line.size()) {
    size_t next = start;
    const UChar32 c = code_point_at(line, next);
    if (c >= 0 && (u_isalnum(c) || c == '@')) break;
    start = next;
  }
  const std::string_view text = line.substr(start);
  re2::StringPiece input(text.data(), text.size());
  if (RE2::Consume(&input, patterns_->byline_intro)) {
    return read_byline(std::string_view(input.data(), input.size()), month_first);
  }
  const DateMatch date = DateFinder::shared().find(text, month_first);
  if (!date.found()) return {};
  return read_dateline(text, date, month_first);
}

// Whether what surrounds a date is what datelines carry: times, time
// zones, labels, another date ("Updated July 5, 2011"), names; not prose
// ("was the day the bridge opened") nor a row of figures ("| 200 | 4084").
bool HeaderLineReader::reads_as_date_context(std::string_view before, std::string_view after,
                                             bool month_first) const {
  // A quoted title after the date is a citation: 'Doe, Jane (July 4, 2011). "A bridge"'.
  for (std::string_view quote : {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB"}) {
    if (after.find(quote) != std::string_view::npos) return false;
  }
  int numbers = 0;
  for (std::string_view word : split_words(before)) {
    const std::string_view bare = trim_punctuation(word);
    if (is_number(bare) && !is_time(bare) && ++numbers > params::kMaxNumbersBesideDate)
      return false;
  }
  std::string rest(after);
  for (DateMatch more = DateFinder::shared().find(rest, month_first); more.found();
       more = DateFinder::shared().find(rest, month_first)) {
    rest.replace(more.begin, more.end - more.begin, " ");
  }
  int prose_words = 0;
  for (std::string_view word : split_words(rest)) {
    const std::string_view bare = trim_punctuation(word);
    if (bare.empty()) continue;
    if (is_number(bare) && !is_time(bare)) {
      if (++numbers > params::kMaxNumbersBesideDate) return false;
      continue;
    }
    if (is_date_word(word) || bare[0] == '@' || first_letter_case(bare) != Case::kLower) continue;
    if (++prose_words > params::kMaxProseWordsBesideDate) return false;
  }
  return true;
}

std::string HeaderLineReader::labelled_date(std::string_view line, bool month_first) const {
  const DateMatch date = DateFinder::shared().find(line, month_first);
  if (!date.found()) return {};
  const bool context =
      reads_as_date_context(line.substr(0, date.begin), line.substr(date.end), month_first);
  return context ? date.iso : std::string();
}

HeaderLine HeaderLineReader::read_byline(std::string_view rest, bool month_first) const {
  const DateMatch date = DateFinder::shared().find(rest, month_first);
  const std::string names = names_before_cut(rest, date.found() ? date.begin : rest.size());
  const std::vector<std::string_view> words = split_words(names);
  if (words.empty() || words.size() > params::kMaxBylineWords) return {};
  if (contains(kNotNameStarts, lower_latin(trim_punctuation(words.front())))) return {};
  if (is_month_name(trim_punctuation(words.front()))) return {};
  if (contains(kWeekdays, lower_latin(trim_punctuation(words.front())))) return {};
  // "Staff writer": one word in lower case is a description, more a phrase.
  if (!reads_as_name(words, 1)) return {};
  return HeaderLine{names, date.iso, {}};
}

HeaderLine HeaderLineReader::read_dateline(std::string_view line, const DateMatch& date,
                                           bool month_first) const {
  HeaderLine header;
  header.date = date.iso;
  std::string_view after = line.substr(date.end);
  // "March 10, 2015 by Nikhil Marathe"
  re2::StringPiece rest(after.data(), after.size());
  if (RE2::FindAndConsume(&rest, patterns_->byline_after)) {
    const HeaderLine names = read_byline(std::string_view(rest.data(), rest.size()), month_first);
    if (!names.byline.empty()) {
      header.byline = names.byline;
      after = after.substr(0, static_cast<size_t>(rest.data() - after.data()));
    }
  }
  if (!reads_as_date_context(line.substr(0, date.begin), after, month_first)) return {};
  // Before the date: labels ("Posted", "Published on:"), a weekday, a
  // time; what is left is a source or the author ("VOA News", "Dan Goodin -").
  std::vector<std::string_view> words = split_words(line.substr(0, date.begin));
  while (!words.empty() && is_date_word(words.back())) words.pop_back();
  size_t first = 0;
  while (first < words.size() && is_date_word(words[first]) && !is_particle(words[first])) ++first;
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(first));
  if (words.empty()) return header;
  std::string_view source_text = line.substr(
      static_cast<size_t>(words.front().data() - line.data()),
      static_cast<size_t>(words.back().data() + words.back().size() - words.front().data()));
  re2::StringPiece source(source_text.data(), source_text.size());
  if (RE2::Consume(&source, patterns_->byline_intro)) {
    const HeaderLine names =
        read_byline(std::string_view(source.data(), source.size()), month_first);
    if (names.byline.empty()) return {};
    header.byline = names.byline;
    return header;
  }
  // "Expires: April 7, 2015": a label of another kind of date.
  if (words.back().back() == ':') return {};
  if (words.size() > params::kMaxSourceWords || !reads_as_name(words, 0)) return {};
  const std::string name = std::string(trim_punctuation(source_text));
  const bool organisation = any_word_in(words, kOrganisationWords) ||
                            (words.size() == 1 && is_acronym(trim_punctuation(words[0])));
  if (words.size() == 1) {
    // One word names an agency ("AFP", "Reuters"), or is a label ("News
    // date:"); a person has two or more.
    if (!organisation) return {};
    if (!is_acronym(trim_punctuation(words[0])) && !any_word_in(words, kAgencies)) return header;
  }
  (organisation ? header.site : header.byline) = name;
  return header;
}

}  // namespace webclean::meta
