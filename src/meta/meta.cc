#include "meta/meta.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "meta/params.h"
#include "meta/text_title.h"

namespace webclean::meta {
namespace {

// Whether a block repeats the page title: equal to it, or to the title
// without a site name after a separator ("Story - Site").
bool repeats_title(std::string_view block_text, const std::string& title) {
  if (title.empty()) return false;
  const std::string text = comparable_text(block_text);
  if (text.size() < params::kMinRepeatedTitleBytes) return false;
  if (text == title) return true;
  if (title.size() <= text.size() || title.compare(0, text.size(), text) != 0) return false;
  const std::string_view rest = std::string_view(title).substr(text.size());
  for (std::string_view separator :
       {" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " : ", " :: ", " \xC2\xBB "}) {
    if (rest.substr(0, separator.size()) == separator) return true;
  }
  return false;
}

// Whether block i is still body text: kept by the filters so far and not
// found to be the title, a byline or a dateline.
bool in_body(const block::Document& doc, const BodyRoles& roles, size_t i) {
  return doc.blocks[i].decision.keep && roles[i] == BodyRole::kText;
}

// HTML: headings that repeat the page's <title>.
void find_title_headings(const block::Document& doc, const std::string& title, BodyRoles& roles) {
  const std::string comparable = comparable_text(title);
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const block::Block& b = doc.blocks[i];
    if (in_body(doc, roles, i) && b.kind == block::Kind::kHeading &&
        repeats_title(b.text, comparable)) {
      roles[i] = BodyRole::kTitle;
    }
  }
}

// Text dumps: the title line, its repeats, and the <title> line it came from.
void find_title_lines(const block::Document& doc, const TextTitle& title, BodyRoles& roles) {
  const std::string comparable = comparable_text(title.text);
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const block::Block& b = doc.blocks[i];
    if (!in_body(doc, roles, i)) continue;
    const bool is_title =
        static_cast<int>(i) == title.block || (i == 0 && title.from_first_line) ||
        (b.text.size() == title.text.size() && comparable_text(b.text) == comparable);
    if (is_title) roles[i] = BodyRole::kTitle;
  }
}

// A person's name on a line of its own just above a dateline that names
// nobody is its byline (blog layouts: name, "Follow", date).
void find_name_lines(const block::Document& doc, const BodyRoles& roles, int title_block,
                     std::vector<HeaderLine>& lines, std::vector<bool>& is_header) {
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    if (!is_header[i] || !lines[i].byline.empty()) continue;
    int seen = 0;
    for (size_t j = i; j-- > 0 && seen < params::kMaxNameLinesAboveDateline;) {
      const block::Block& b = doc.blocks[j];
      if (!in_body(doc, roles, j)) continue;
      ++seen;
      if (is_header[j]) break;
      if (static_cast<int>(j) != title_block && is_person_name(b.text)) {
        lines[j].byline = b.text;
        is_header[j] = true;
        break;
      }
    }
  }
}

// The first byline, date and site of the header lines in [begin, end).
void record(const std::vector<HeaderLine>& lines, size_t begin, size_t end, Metadata& out) {
  for (size_t i = begin; i < end && i < lines.size(); ++i) {
    if (out.byline.empty()) out.byline = lines[i].byline;
    if (out.date.empty()) out.date = lines[i].date;
    if (out.site_name.empty()) out.site_name = lines[i].site;
  }
}

// Text dumps: the article's byline and dateline are the header lines
// nearest to its title; those far from it belong to sidebars and comments.
// Seeds: 1-2 lines below the title; text set: up to 10 below (standfirst,
// share links) or a few above (section, date), sidebars from line 40 on.
// Lines above the title count three times their distance.
void record_near_title(const block::Document& doc, const BodyRoles& roles,
                       const std::vector<HeaderLine>& lines, int title_block, Metadata& out) {
  std::vector<size_t> position(doc.blocks.size());  // among the kept blocks
  size_t kept = 0;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    position[i] = kept;
    kept += in_body(doc, roles, i);
  }
  // A title read from the <title> line says nothing of where the article
  // starts: then the first header lines near the top.
  const bool placed = title_block > 0;
  const size_t title = placed ? position[static_cast<size_t>(title_block)] : 0;
  struct Field {
    std::string Metadata::*out;
    std::string HeaderLine::*line;
  };
  for (const Field field :
       {Field{&Metadata::byline, &HeaderLine::byline}, Field{&Metadata::date, &HeaderLine::date},
        Field{&Metadata::site_name, &HeaderLine::site}}) {
    size_t best_cost = SIZE_MAX;
    for (size_t i = 0; i < lines.size(); ++i) {
      const std::string& value = lines[i].*field.line;
      if (value.empty()) continue;
      size_t cost;
      if (!placed) {
        if (position[i] >= params::kMaxHeaderPosition) continue;
        cost = position[i];
      } else if (position[i] >= title) {
        if (position[i] - title > params::kMaxLinesBelowTitle) continue;
        cost = position[i] - title;
      } else {
        if (title - position[i] > params::kMaxLinesAboveTitle) continue;
        cost = (title - position[i]) * params::kAboveTitleWeight;
      }
      if (cost < best_cost) {
        best_cost = cost;
        out.*field.out = value;
      }
    }
  }
}

// Date lines in a chain, each within kDataDateWindow blocks of the next
// with only short cells between (a table of up to three columns), are the
// cells of a table or list of dates (a price series, an archive): the
// page's data, kept, and no dateline of its own. kMinDataDates make one.
void keep_dates_of_tables(const block::Document& doc, const std::vector<HeaderLine>& lines,
                          std::vector<bool>& is_header) {
  const auto date_only = [&](size_t i) { return is_header[i] && lines[i].byline.empty(); };
  std::vector<size_t> chain;
  const auto end_chain = [&] {
    if (chain.size() >= params::kMinDataDates) {
      for (const size_t i : chain) is_header[i] = false;
    }
    chain.clear();
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    if (date_only(i)) {
      chain.push_back(i);
    } else if (doc.blocks[i].features.chars > params::kMaxDataCellChars ||
               (!chain.empty() && i - chain.back() >= params::kDataDateWindow)) {
      end_chain();
    }
  }
  end_chain();
}

}  // namespace

// A dateline set just under or over an h1 ("Hamburg, 2. November 2021",
// "Pressemitteilung vom 20.01.2022", "Handball Schweiz • 02.02.2022"):
// the filters often drop such short lines as boilerplate before this
// stage sees them, but next to a headline they date the article.
std::string HeaderLines::date_near_headline(const block::Document& doc, bool month_first) const {
  size_t headings = 0;
  for (size_t h = 0; h < doc.blocks.size() && headings < params::kDatelineHeadings; ++h) {
    const block::Block& heading = doc.blocks[h];
    if (heading.kind != block::Kind::kHeading || heading.heading_level != 1) continue;
    ++headings;
    const size_t begin = h >= params::kDatelineBlocksAbove ? h - params::kDatelineBlocksAbove : 0;
    const size_t end = std::min(doc.blocks.size(), h + 1 + params::kDatelineBlocksBelow);
    for (size_t i = begin; i < end; ++i) {
      const block::Block& b = doc.blocks[i];
      if (i == h || b.features.chars > params::kMaxHeaderLineChars ||
          b.features.words > params::kMaxHeaderLineWords) {
        continue;
      }
      std::string date = reader_.labelled_date(b.text, month_first);
      if (!date.empty()) return date;
    }
  }
  return {};
}

BodyRoles HeaderLines::extract(const block::Document& doc, Metadata& out) const {
  // An ambiguous 04/07/2011 is read the US way on English pages.
  const bool month_first = doc.language.empty() || doc.language == "en";
  std::vector<HeaderLine> lines(doc.blocks.size());
  std::vector<bool> is_header(doc.blocks.size());
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const block::Block& b = doc.blocks[i];
    if (!b.decision.keep) continue;
    if (b.features.chars > params::kMaxHeaderLineChars ||
        b.features.words > params::kMaxHeaderLineWords)
      continue;
    lines[i] = reader_.read(b.text, month_first);
    is_header[i] = lines[i].found();
  }
  keep_dates_of_tables(doc, lines, is_header);

  BodyRoles roles(doc.blocks.size(), BodyRole::kText);
  int title_block = -1;
  if (doc.is_html) {
    out.title = doc.hints.title;
    find_title_headings(doc, out.title, roles);
  } else {
    const TextTitle title = choose_text_title(doc, is_header);
    out.title = title.text;
    title_block = title.block;
    if (title.block >= 0) find_title_lines(doc, title, roles);
  }
  find_name_lines(doc, roles, title_block, lines, is_header);
  // Pages have the page's metadata in <head> (meta/html_meta.h); their
  // byline elements come first in the text.
  if (doc.is_html) {
    record(lines, 0, lines.size(), out);
    if (out.date.empty()) out.date = date_near_headline(doc, month_first);
  } else {
    record_near_title(doc, roles, lines, title_block, out);
    // A dump's byline is read down to its names ("By Jane Doe / July 19,
    // 2011" gives "Jane Doe", as the seeds' gold has it): the author too.
    if (out.author.empty()) out.author = out.byline;
  }
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    if (is_header[i] && in_body(doc, roles, i)) {
      roles[i] = lines[i].byline.empty() ? BodyRole::kDateline : BodyRole::kByline;
    }
  }
  return roles;
}

}  // namespace webclean::meta
