#include "meta/html_meta.h"

#include "base/ascii.h"
#include "meta/bylines.h"
#include "meta/dates.h"
#include "meta/json_ld.h"
#include "meta/language.h"
#include "meta/meta_tags.h"
#include "meta/params.h"
#include "meta/titles.h"

#include <string>

namespace webclean::meta {
namespace {

// Whether two names read the same, case and spacing aside: an author
// that is the site's name is no author.
bool same_text(std::string_view a, std::string_view b) {
  return base::lower_ascii(base::collapse_whitespace(a, base::NoBreakSpace::kAsSpace)) ==
         base::lower_ascii(base::collapse_whitespace(b, base::NoBreakSpace::kAsSpace));
}

// article:author is often the author's profile page, not a name.
bool looks_like_url(std::string_view text) {
  return text.substr(0, 7) == "http://" || text.substr(0, 8) == "https://" ||
         text.substr(0, 2) == "//";
}

std::string first_h1(const block::Document& doc) {
  for (const block::Block& b : doc.blocks) {
    if (b.kind == block::Kind::kHeading && b.heading_level == 1)
      return base::collapse_whitespace(b.text, base::NoBreakSpace::kAsSpace);
  }
  return {};
}

// The title: the JSON-LD headline, the meta tags', the <title> without
// its site name, the first h1. og:title and the headline are kept whole: a
// site name after them is what the page chose to show (stripping it lost
// more than it won on the readability set).
std::string declared_title(const block::Document& doc, const JsonLd& ld,
                           const std::string& site_name) {
  const block::PageHints& hints = doc.hints;
  std::string title = ld.headline;
  if (title.empty()) {
    title = meta_value(
        hints, {"dc:title", "dcterm:title", "og:title", "title", "twitter:title", "parsely-title"});
  }
  title = mended_by_page_title(title, hints.title);
  if (title.empty()) title = strip_site_suffix(hints.title, site_name);
  if (title.empty()) title = first_h1(doc);
  return title;
}

// The headline the page shows, without soft hyphens (they show nothing;
// a headline is compared and shown without them).
std::string page_headline(const block::Document& doc, const Metadata& meta,
                          std::string_view page_url) {
  std::string headline =
      without_soft_hyphens(shown_headline(doc, meta.title, site_names(doc, meta, page_url)));
  // A headline is the title or a part of it, never the title with more
  // around it (the <title>'s site name, an h1's kicker).
  const std::string loose_title = loose_text(without_soft_hyphens(meta.title));
  if (!loose_title.empty() && loose_text(headline).size() > loose_title.size() &&
      loose_text(headline).find(loose_title) != std::string::npos) {
    return without_soft_hyphens(meta.title);
  }
  return headline;
}

// The byline as the page declares it: JSON-LD, the meta tags (an
// article:author that is a URL is no byline), then the body's byline
// element.
std::string declared_byline(const block::Document& doc, const JsonLd& ld) {
  const block::PageHints& hints = doc.hints;
  std::string byline = ld.author;
  if (byline.empty()) {
    byline = meta_value(hints, {"dc:creator", "dcterm:creator", "author", "parsely-author"});
  }
  if (byline.empty()) {
    const std::string article_author = meta_value(hints, {"article:author", "og:article:author"});
    if (!looks_like_url(article_author)) byline = article_author;
  }
  if (byline.empty()) byline = body_byline(doc);
  return byline;
}

// The author names: the page's structured data (JSON-LD, then meta tags)
// unless it only names the site, then the byline elements of the body,
// then the byline line found in the text.
std::string page_author(const block::Document& doc, const JsonLd& ld, const Metadata& meta) {
  const block::PageHints& hints = doc.hints;
  std::string article_author = meta_value(hints, {"article:author", "og:article:author"});
  if (looks_like_url(article_author)) article_author.clear();
  for (const std::string& candidate :
       {ld.author_resolved,
        meta_value(hints, {"dc:creator", "dcterm:creator", "author", "parsely-author"}),
        article_author}) {
    std::string author = clean_author(candidate);
    if (author.empty() || same_text(author, meta.site_name)) continue;
    return author;
  }
  std::string author = body_author(doc);
  if (author.empty()) author = clean_author(meta.byline);
  return author;
}

// The publication date: the page's structured data, then the dates its
// body marks up (one marked as the publication date first, then the first
// <time> outside comments and sidebars), then the dateline found in the
// text. ISO 8601; the dateline as written when it reads as no date.
std::string page_date(const block::Document& doc, const JsonLd& ld, const std::string& dateline,
                      std::string_view url) {
  const block::PageHints& hints = doc.hints;
  std::string date = normalize_date(ld.date_published);
  if (date.empty()) {
    date = normalize_date(meta_value(
        hints, {"article:published_time", "og:published_time", "datepublished", "dc:date",
                "dcterms:created", "date", "pubdate", "publish-date", "parsely-pub-date"}));
  }
  // Marked as the publication date, then any <time>, then named "date".
  for (const int pass : {0, 1, 2}) {
    for (const block::DateHint& hint : hints.dates) {
      if (!date.empty()) break;
      if ((pass == 0 && !hint.published) || (pass == 1 && hint.by_name)) continue;
      if (in_unlikely_box(doc, hint.node, /*header_and_footer=*/false)) continue;
      date = normalize_date(hint.value);
    }
    if (pass == 1 && date.empty()) date = url_date(url);
  }
  // A date in the article's byline element ("By Jane Doe, March 3, 2020").
  if (const block::BylineHint* hint = article_byline(doc); date.empty() && hint != nullptr) {
    date = normalize_date(hint->text);
  }
  if (date.empty()) date = normalize_date(dateline);
  return date.empty() ? dateline : date;
}

}  // namespace

void read_page_hints(const block::Document& doc, Metadata& out, std::string_view page_url) {
  const block::PageHints& hints = doc.hints;
  const JsonLd ld = read_json_ld(hints.json_ld, hints.title);
  out.description = meta_value(hints, {"og:description", "description"});
  out.canonical_url = base::collapse_whitespace(hints.canonical_url, base::NoBreakSpace::kAsSpace);
  if (out.canonical_url.empty()) out.canonical_url = meta_value(hints, {"og:url"});
  out.image = meta_value(hints, {"og:image"});

  out.site_name = meta_value(hints, {"og:site_name"});
  if (out.site_name.empty()) out.site_name = ld.publisher;

  const std::string title = declared_title(doc, ld, out.site_name);
  if (!title.empty()) out.title = title;
  out.headline = page_headline(doc, out, page_url);

  // The byline text found among the lines (a text dump's "By ...") stays
  // when the page says nothing better.
  const std::string byline = declared_byline(doc, ld);
  if (!byline.empty()) out.byline = byline;
  out.author = page_author(doc, ld, out);

  const std::string url = out.canonical_url.empty() ? std::string(page_url) : out.canonical_url;
  out.date = page_date(doc, ld, out.date, url);

  const std::string language = declared_language(hints.lang, {});
  if (!language.empty()) out.language = language;
}

std::optional<DeclaredBlock> product_description_block(const block::Document& doc) {
  if (doc.page_type != PageType::kProduct) return std::nullopt;
  std::string description = product_description(doc.hints.json_ld);
  if (description.size() < params::kMinDeclaredDescriptionBytes) return std::nullopt;
  // After the product's name (the page's h1), where a shop shows it.
  size_t at = 0;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const block::Block& b = doc.blocks[i];
    if (b.kind == block::Kind::kHeading && b.heading_level == 1) {
      at = i + 1;
      break;
    }
  }
  return DeclaredBlock{std::move(description), at};
}

BodyRoles find_byline_blocks(const block::Document& doc) {
  BodyRoles roles(doc.blocks.size(), BodyRole::kText);
  // The first byline element outside comments and sidebars is the
  // article's (Readability removes just that one); later ones are author
  // boxes, quotes' sources, teasers of other articles.
  if (const block::BylineHint* hint = article_byline(doc)) mark_byline_element(doc, *hint, roles);
  return roles;
}

}  // namespace webclean::meta
