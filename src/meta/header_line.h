// Bylines and datelines: reads one short line of a page as "By Jane Doe /
// July 19, 2011", "Posted July 4th, 2011 at 9:00 pm", "VOA News July 04,
// 2011" and the like, and takes out the names, the date (ISO 8601) and a
// source named before the date. Sentences that merely contain "by" or a
// date are not header lines.
#ifndef WEBCLEAN_META_HEADER_LINE_H_
#define WEBCLEAN_META_HEADER_LINE_H_

#include <memory>
#include <string>
#include <string_view>

#include "meta/dates.h"

namespace webclean::meta {

struct HeaderLine {
  std::string byline;  // the names, "Jane Doe" (no "By", no date after them)
  std::string date;    // YYYY-MM-DD
  std::string site;    // a news source named before the date: "VOA News"
  bool found() const { return !byline.empty() || !date.empty(); }
};

// Whether a whole line reads as a person's name: "Mark Byrnes", "John C.
// Welch" (two capitalised words, or three with an initial between; no
// organisation word).
bool is_person_name(std::string_view line);

class HeaderLineReader {
 public:
  HeaderLineReader();
  ~HeaderLineReader();
  HeaderLineReader(const HeaderLineReader&) = delete;
  HeaderLineReader& operator=(const HeaderLineReader&) = delete;

  // What `line` says as a byline or dateline; nothing found when it is
  // something else. `month_first` reads an ambiguous 04/07/2011 the US way.
  HeaderLine read(std::string_view line, bool month_first) const;

  // The date of a short line that is a date with a label, a place or a
  // source around it ("Hamburg, 2. November 2021", "Pressemitteilung vom
  // 20.01.2022"), not a sentence that mentions one; empty otherwise.
  std::string labelled_date(std::string_view line, bool month_first) const;

 private:
  struct Patterns;
  std::unique_ptr<const Patterns> patterns_;

  HeaderLine read_byline(std::string_view names_and_more, bool month_first) const;
  bool reads_as_date_context(std::string_view before, std::string_view after,
                             bool month_first) const;
  HeaderLine read_dateline(std::string_view line, const DateMatch& date, bool month_first) const;
};

}  // namespace webclean::meta

#endif  // WEBCLEAN_META_HEADER_LINE_H_
