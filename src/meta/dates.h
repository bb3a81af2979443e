// Calendar dates in short lines of text: finds the first date written the
// ways news pages write them ("July 4th, 2011", "4. Juli 2011", "30 avril
// 2015", "2011-07-04", "04.07.2011") and gives it in ISO 8601, YYYY-MM-DD.
// Only years a web page can have been published in count (1990-2100).
#ifndef WEBCLEAN_META_DATES_H_
#define WEBCLEAN_META_DATES_H_

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace webclean::meta {

struct DateMatch {
  size_t begin = 0;  // byte span of the date in the text searched
  size_t end = 0;
  std::string iso;  // "2011-07-04"; empty when the text holds no date
  bool found() const { return !iso.empty(); }
};

// ASCII and Latin-1 capitals to lower case: enough for month names and
// dateline labels ("Février", "Veröffentlicht").
std::string lower_latin(std::string_view text);

// Whether `word` (any case) names a month in one of the languages known.
bool is_month_name(std::string_view word);

// Every month name known as one RE2 group, "(september|...|mar)", for
// patterns that look for more than whole dates (where a date starts).
std::string month_names_pattern();

// "2011-07-04" when the numbers make a valid date of a year in range;
// empty otherwise.
std::string iso_date(int year, int month, int day);

// "July 4, 2011" -> "2011-07-04"; ISO input is kept as given (trimmed);
// an empty string when no date is recognised.
std::string normalize_date(std::string_view text);

// The date in a URL's path (/2019/08/02/, /2019-08-02-, /20190802/);
// empty when it has none.
std::string url_date(std::string_view url);

// Where a date or a time ("8h", "3 days ago", "Montag") starts in a
// byline, or npos: what follows the author names.
size_t date_start(std::string_view text);

class DateFinder {
 public:
  DateFinder();
  ~DateFinder();
  DateFinder(const DateFinder&) = delete;
  DateFinder& operator=(const DateFinder&) = delete;

  // One finder for the process. Its pattern (and the reverse program RE2
  // builds to find where a match starts) costs 2 ms to compile, paid once,
  // when the first text that may hold a date is searched. Thread-safe, so
  // shared by all threads.
  static const DateFinder& shared();

  // The first valid date in `text`. `month_first` says how to read an
  // ambiguous 04/07/2011 (true: April 7, the US order); dotted dates are
  // always day first (04.07.2011 is July 4).
  DateMatch find(std::string_view text, bool month_first) const;

 private:
  const re2::RE2& pattern() const;

  mutable std::once_flag compiled_;
  mutable std::unique_ptr<const re2::RE2> pattern_;
};

}  // namespace webclean::meta

#endif  // WEBCLEAN_META_DATES_H_
