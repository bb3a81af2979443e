// Every heuristic constant of the metadata stage, in one place, each with
// where its value comes from. Change a value here and run bench/metadata.sh
// and bench/quality.sh (the byline and title lines leave the body).
#ifndef WEBCLEAN_META_PARAMS_H_
#define WEBCLEAN_META_PARAMS_H_

#include <cstddef>
#include <cstdint>

namespace webclean::meta::params {

// Phrase and word lists are heuristics too, but they stay beside the code
// that matches them: the labels and prepositions before an author's names
// (bylines.cc, clean_author), the words trimmed after them
// (trim_byline_end), the class names of boxes Readability strips
// (in_unlikely_box, Readability's unlikely-candidate pattern), weekday and
// month names (dates.cc), and the words of a text dump's header lines
// (header_line.cc: kDateWords, kOrganisationWords, kRoleWords...).

// --- what an HTML page declares (json_ld, titles, html_meta) ---
// JSON-LD objects are read this many levels deep. Chosen by hand, not
// measured: a @graph, a WebPage's mainEntity and an author nest a few
// levels; deeper is noise, and the bound stops a hostile nesting.
inline constexpr int kMaxJsonLdDepth = 8;
// A JSON-LD Product.description shorter than this is a label ("Socks"),
// not a description worth adding to the text. Chosen by hand, not
// measured.
inline constexpr size_t kMinDeclaredDescriptionBytes = 40;
// A <title>'s last part after a separator is dropped as the site's name
// when it is at most this long and has fewer words than the rest ("| The
// Example Gazette" still counts). Chosen by hand, not measured.
inline constexpr size_t kMaxSiteSuffixChars = 40;
inline constexpr int kMaxSiteSuffixWords = 4;
// A site name (or a part of a title taken for one) as letters and digits
// must be this long to match: "bbc", "taz"; shorter would match by
// chance. Chosen by hand, not measured.
inline constexpr size_t kMinSiteKeyChars = 3;
// A declared title is an h1 with affixes ("Heading | Site") when the parts
// around the heading have at most this many words more than it: they are
// shorter (a site's name, a section), not another half of the title.
// Chosen by hand, not measured.
inline constexpr int kMaxAffixWordsOverHeading = 1;
// At most this many words of kicker before the headline in an h1
// ("Climate Story"). Chosen by hand, not measured.
inline constexpr int kMaxKickerWords = 6;
// The page's only h1 is the headline when it has at least this many
// words: one or two are a label ("Details", "Privacy policy"). Chosen by
// hand, not measured on its own (the change that brought it, with kicker
// elements and mended titles, took the trafilatura set's headlines from
// 711 to 722 of 845).
inline constexpr int kMinHeadlineWords = 3;

// --- bylines and authors (bylines) ---
// A byline element is at most this long: Readability's limit (its byline
// check takes fewer than 100 characters); longer is prose.
inline constexpr uint32_t kMaxBylineChars = 100;
// Author names are at most this many words ("Jane Doe, John Roe and Ann
// Lee" fits); more is a sentence. Chosen by hand, not measured.
inline constexpr int kMaxAuthorWords = 12;
// A block of the byline element leaves the text when, the byline and
// dates taken out, at most this many words are left ("By", "Posted by",
// "Words:"). Chosen by hand, not measured.
inline constexpr int kMaxWordsBesideByline = 2;

// --- dates (dates) ---
// Only years a web page can have been published in count: years before
// the web are no publication dates ("founded 1850"). The web began in
// 1990-91; the last year is a bound chosen by hand.
inline constexpr int kFirstYear = 1990;
inline constexpr int kLastYear = 2100;

// --- a short line as a byline or dateline (header_line) ---
// Chosen by hand with the text dumps' metadata reader, not measured one
// by one (that change, text_title with it, took the text set's bylines
// from 5 to 21 of 76 and dates from 0 to 14 of 33).
// A byline names a handful of people ("Alexandre Hervaud et Jérémy
// Piette"); longer runs of words are a sentence.
inline constexpr size_t kMaxBylineWords = 10;
// A source before a date is a short name: "VOA News", "Associated Press".
inline constexpr size_t kMaxSourceWords = 5;
// Words after a date that are neither labels, times nor names: one is
// tolerated ("July 4, 2011 editorial"), two make a sentence.
inline constexpr int kMaxProseWordsBesideDate = 1;
// Figures beside a date: a comment count or "8 min read" is one; a table
// row has more.
inline constexpr int kMaxNumbersBesideDate = 1;
// A line that is a person's name alone is at most this long
// ("Alexandre Hervaud" is 17).
inline constexpr size_t kMaxPersonNameBytes = 40;
// An acronym naming a source ("AP", "AFP", "NASA") has this many
// capitals.
inline constexpr size_t kMinAcronymLetters = 2;
inline constexpr size_t kMaxAcronymLetters = 6;
// A capitalised word of at most this many bytes before a line's last full
// stop is an abbreviation ("Jr.", "St."), not a sentence's end.
inline constexpr size_t kMaxAbbreviationBytes = 3;

// --- a text dump's title (text_title) ---
// Scores of a line as the title. Measured on the seeds (headline before
// the dateline, boilerplate first) and on the text dumps of the
// readability pages (the <title> first, the headline later): each of the
// three strong signals alone must beat the first line, and two together
// beat one.
inline constexpr double kFirstLineScore = 2.0;         // dumps open with the page's <title>
inline constexpr double kPartOfFirstLineScore = 5.0;   // the <title> without its site name
inline constexpr double kJustBeforeHeaderScore = 3.0;  // the headline, then the byline or dateline
inline constexpr double kTwoBeforeHeaderScore = 2.0;   // a standfirst between them
inline constexpr double kRepeatedScore = 1.0;          // shown twice (header and body heading)
inline constexpr double kTitleCaseScore = 0.5;         // "Russia, NATO Clash Over Libya Campaign"
inline constexpr double kSentencePenalty = -2.0;       // ends with a full stop: prose
inline constexpr double kLongLinePenalty = -2.0;       // more words than headlines have
inline constexpr double kMinTitleScore = 2.0;          // nothing but shape is no evidence
// Lines longer than this are never the title. Chosen by hand, not
// measured.
inline constexpr uint32_t kMaxTitleChars = 250;
// A title line has at least this many words, and so has the start of the
// <title> line taken for the headline ("Story title | Site"). Chosen by
// hand, not measured.
inline constexpr uint32_t kMinTitleWords = 2;
// A dateline further down than this many kept lines is a sidebar's or a
// comment's, not the article's (seeds: 2-9; text set: sidebars from line
// 40 on). Without a placed title, header lines are looked for as far.
inline constexpr size_t kMaxHeaderPosition = 40;
// A line of more words is long for a headline (headlines of the text set:
// 2-18 words).
inline constexpr uint32_t kLongTitleWords = 20;
// A line is in title case when at least this share of its words of
// kTitleCaseMinLetters or more letters is capitalised. Chosen by hand, not
// measured.
inline constexpr double kTitleCaseShare = 0.6;
inline constexpr int kTitleCaseMinLetters = 4;

// --- header lines around the title (meta) ---
// Bylines and datelines are short lines: longer blocks are not read as
// header lines. Chosen by hand, not measured.
inline constexpr uint32_t kMaxHeaderLineChars = 120;
inline constexpr uint32_t kMaxHeaderLineWords = 16;
// A block repeats the title only when at least this long. Chosen by
// hand, not measured.
inline constexpr size_t kMinRepeatedTitleBytes = 4;
// A person's name this many lines above a dateline at most is its byline
// (blog layouts: name, "Follow", date). Chosen by hand, not measured.
inline constexpr int kMaxNameLinesAboveDateline = 2;
// A text dump's byline and dateline are the header lines nearest to its
// title. Seeds: 1-2 lines below the title; text set: up to 10 below
// (standfirst, share links) or a few above (section, date), sidebars from
// line 40 on. Lines above the title count kAboveTitleWeight times their
// distance. The bounds are set by hand from these observations (120 below
// is generous: a long standfirst and share links).
inline constexpr size_t kAboveTitleWeight = 3;
inline constexpr size_t kMaxLinesAboveTitle = 10;
inline constexpr size_t kMaxLinesBelowTitle = 120;
// Date lines in a chain, each within kDataDateWindow blocks of the next
// with only cells of at most kMaxDataCellChars between (a table of up to
// three columns), are the cells of a table or list of dates, not
// datelines; kMinDataDates make one. Chosen by hand (a price series lost
// its dates and caption as dateline and title), not measured one by one;
// the change that brought the window and the count, with two others for
// code and galleries: wcxb-dev-post 0.854 -> 0.855, text 0.908 -> 0.907.
// The cell bound came later, figures unchanged.
inline constexpr size_t kDataDateWindow = 3;
inline constexpr size_t kMinDataDates = 3;
inline constexpr uint32_t kMaxDataCellChars = 40;
// On HTML pages a labelled dateline within a few blocks of one of the
// first h1s dates the page when nothing else does: kDatelineHeadings h1s,
// kDatelineBlocksAbove blocks above each (a section line, then the date)
// and kDatelineBlocksBelow below (standfirst, byline, date). Chosen by
// hand; the change took the trafilatura set's dates from 584 to 595 of
// 728.
inline constexpr size_t kDatelineHeadings = 2;
inline constexpr size_t kDatelineBlocksAbove = 2;
inline constexpr size_t kDatelineBlocksBelow = 4;

}  // namespace webclean::meta::params

#endif  // WEBCLEAN_META_PARAMS_H_
