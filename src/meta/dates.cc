#include "meta/dates.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>

#include "meta/params.h"

namespace webclean::meta {
namespace {

// Month names and abbreviations, lower case, in English, German, French,
// Spanish, Italian, Dutch and Portuguese; index + 1 is the month.
constexpr std::string_view kMonthNames[12][13] = {
    {"january", "jan", "januar", "janvier", "janv", "enero", "ene", "gennaio", "gen", "januari",
     "janeiro"},
    {"february", "feb", "februar", "février", "fevrier", "févr", "fevr", "fév", "fev", "febrero",
     "febbraio", "februari", "fevereiro"},
    {"march", "mar", "märz", "maerz", "mars", "marzo", "maart", "mrt", "março", "marco"},
    {"april", "apr", "avril", "avr", "abril", "abr", "aprile"},
    {"may", "mai", "mayo", "maggio", "mag", "mei", "maio"},
    {"june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho"},
    {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"},
    {"august", "aug", "augustus", "août", "aout", "agosto", "ago"},
    {"september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro"},
    {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out"},
    {"november", "nov", "novembre", "noviembre", "novembro"},
    {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic",
     "dicembre", "dezembro"},
};

// Capture groups, by alternative: 1-3 month day year; 4-6 day month year;
// 7-9 year month day; 10-13 a sep b year (numeric).
constexpr int kGroups = 13;
// A year ends at a word boundary, or where a word was glued to it by a
// text dump ("March 10, 2015at 08:05").
constexpr const char* kYearEnd = "(?:\\b|[a-z])";

// Weekday names (English, German, French), for the dates that trail a byline.
constexpr const char* kWeekdayNames =
    "(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|"
    "samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";

// Where a match of `pattern` starts in `text`, or npos.
size_t match_start(const RE2& pattern, std::string_view text) {
  re2::StringPiece match;
  const re2::StringPiece input(text.data(), text.size());
  if (!pattern.Match(input, 0, input.size(), RE2::UNANCHORED, &match, 1))
    return std::string_view::npos;
  return size_t(match.data() - text.data());
}

std::string date_pattern() {
  const std::string month = "\\b" + month_names_pattern() + "\\.?";
  // July 4th, 2011
  const std::string month_day_year =
      month + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\.?,?\\s+(\\d{4})" + kYearEnd;
  // 4. Juli 2011, 4.Juli 2011, 4th of July, 2011, 4 de julio de 2011
  const std::string day_month_year = "\\b(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s*(?:of\\s+|de\\s+)?" +
                                     month + ",?\\s*(?:de\\s+)?(\\d{4})" + kYearEnd;
  // 2011-07-04 (of a date-time too), 2011/7/4, 2011.07.04
  const std::string year_month_day = "\\b(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:T|\\b)";
  // 04.07.2011, 7/4/2011
  const std::string numeric = "\\b(\\d{1,2})([./])(\\d{1,2})[./](\\d{4})\\b";
  return "(?i)(?:" + month_day_year + "|" + day_month_year + "|" + year_month_day + "|" + numeric +
         ")";
}

int month_number(std::string_view name) {
  const std::string key = lower_latin(name);
  for (int m = 0; m < 12; ++m) {
    for (std::string_view candidate : kMonthNames[m]) {
      if (!candidate.empty() && candidate == key) return m + 1;
    }
  }
  return 0;
}

int number(re2::StringPiece digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::string iso_from_groups(const re2::StringPiece* g, bool month_first) {
  if (!g[1].empty()) return iso_date(number(g[3]), month_number(g[1]), number(g[2]));
  if (!g[4].empty()) return iso_date(number(g[6]), month_number(g[5]), number(g[4]));
  if (!g[7].empty()) return iso_date(number(g[7]), number(g[8]), number(g[9]));
  const int a = number(g[10]);
  const int b = number(g[12]);
  // Dots are day first everywhere; with slashes a number over 12 is the
  // day, and only an ambiguous pair follows the caller's convention.
  const bool us_order = g[11] == "/" && (b > 12 || (a <= 12 && month_first));
  return us_order ? iso_date(number(g[13]), a, b) : iso_date(number(g[13]), b, a);
}

}  // namespace

std::string lower_latin(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const unsigned char next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 32);
      ++i;
    }
  }
  return out;
}

bool is_month_name(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  return month_number(word) != 0;
}

// Longest names first: RE2 alternation takes the first alternative that
// matches, and "mar" must not win over "march".
std::string month_names_pattern() {
  std::string names[12 * 13];
  size_t count = 0;
  for (const auto& month : kMonthNames) {
    for (std::string_view name : month) {
      if (!name.empty()) names[count++] = std::string(name);
    }
  }
  for (size_t i = 1; i < count; ++i) {
    for (size_t j = i; j > 0 && names[j].size() > names[j - 1].size(); --j) {
      std::swap(names[j], names[j - 1]);
    }
  }
  std::string out = "(";
  for (size_t i = 0; i < count; ++i) out += (i ? "|" : "") + names[i];
  return out + ")";
}

std::string iso_date(int year, int month, int day) {
  static constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < params::kFirstYear || year > params::kLastYear || month < 1 || month > 12 || day < 1 ||
      day > kDays[month - 1])
    return {};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

DateFinder::DateFinder() = default;
DateFinder::~DateFinder() = default;

const RE2& DateFinder::pattern() const {
  std::call_once(compiled_, [&] { pattern_ = std::make_unique<const RE2>(date_pattern()); });
  return *pattern_;
}

namespace {

// Every form date_pattern() reads has a year of four ASCII digits: a text
// without four in a row holds no date, and is not searched.
bool has_four_digits(std::string_view text) {
  int run = 0;
  for (char c : text) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}

}  // namespace

const DateFinder& DateFinder::shared() {
  static const DateFinder finder;
  return finder;
}

DateMatch DateFinder::find(std::string_view text, bool month_first) const {
  if (!has_four_digits(text)) return {};
  re2::StringPiece groups[kGroups + 1];
  size_t start = 0;
  while (start < text.size()) {
    if (!pattern().Match(re2::StringPiece(text.data(), text.size()), start, text.size(),
                         RE2::UNANCHORED, groups, kGroups + 1)) {
      return {};
    }
    const size_t begin = static_cast<size_t>(groups[0].data() - text.data());
    DateMatch match{begin, begin + groups[0].size(), iso_from_groups(groups, month_first)};
    // The year-first alternative may take the 'T' of a date-time with it.
    if (!groups[7].empty() && text.substr(match.end - 1, 1) == "T") --match.end;
    if (match.found()) return match;
    start = begin + 1;  // "31 February 2011" is no date; look further on
  }
  return {};
}

std::string url_date(std::string_view url) {
  static const RE2 dated_path{R"(/((?:19|20)\d{2})[/-]?(\d{2})[/-]?(\d{2})(?:[/\-_.]|$))"};
  const size_t path =
      url.find('/', url.find("://") == std::string_view::npos ? 0 : url.find("://") + 3);
  if (path == std::string_view::npos) return {};
  const std::string_view path_only = url.substr(path, url.find_first_of("?#", path) - path);
  int year = 0, month = 0, day = 0;
  if (!RE2::PartialMatch(re2::StringPiece(path_only.data(), path_only.size()), dated_path, &year,
                         &month, &day)) {
    return {};
  }
  return iso_date(year, month, day);
}

std::string normalize_date(std::string_view text) {
  // An ISO date or date-time at the start is kept as written.
  static const RE2 iso{
      R"(^\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?))"};
  std::string iso_text;
  if (RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), iso, &iso_text)) {
    // A date-time written with a space keeps the ISO 'T'.
    if (iso_text.size() > 10 && iso_text[10] == ' ') iso_text[10] = 'T';
    return iso_text;
  }
  // Otherwise the first date written in one of the common forms, the
  // day first when numbers alone cannot tell (04/07/2011 is July 4).
  return DateFinder::shared().find(text, /*month_first=*/false).iso;
}

// A weekday's name is the one form without a digit: the large pattern of the others is
// searched for (and compiled) only in a text with a digit.
size_t date_start(std::string_view text) {
  static const RE2 weekday{std::string("(?i)\\b(?:") + kWeekdayNames + ")\\b"};
  size_t start = match_start(weekday, text);
  const bool digit =
      std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digit) return start;
  static const std::string months = month_names_pattern();
  static const RE2 numbered{std::string("(?i)(?:\\b\\d{1,2}\\.?\\s*") + months + "\\b|\\b" +
                            months +
                            "\\.?\\s+\\d{1,2}\\b|\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}\\b|"
                            "\\b\\d{1,2}:\\d{2}\\b|"
                            "\\b\\d+\\s*(?:h|hrs?|hours?|mins?|minutes?|days?)\\b(?:\\s+ago)?)"};
  return std::min(start, match_start(numbered, text));
}

}  // namespace webclean::meta
