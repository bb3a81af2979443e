// Filters: an ordered chain that marks each block keep or drop with the
// reason. A dropped block stays in the document with its Decision, so
// --explain can show every decision. Filters see blocks and nodes only.
#ifndef WEBCLEAN_FILTER_FILTER_H_
#define WEBCLEAN_FILTER_FILTER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "block/block.h"
#include "meta/meta.h"
#include "rules/rules.h"
#include "webclean/repeat_index.h"

namespace webclean::filter {

// 1. Rules: drop blocks inside elements that a drop rule matches (unless a
// protect rule covers them) and blocks whose text a drop-text rule matches.
// `cache` (optional) carries attribute-value matches from page to page of
// one thread.
void apply_rules(block::Document& doc, const rules::RuleSet& rules, std::string_view host,
                 rules::MatchCache* cache = nullptr);

// 1b. Metadata (src/filter/metadata.cc): the blocks the metadata stage
// found to be the title, a byline or a dateline (meta::BodyRoles) leave the
// body (Stage::kMetadata).
void drop_metadata_blocks(block::Document& doc, const meta::BodyRoles& roles);
// Whether `d` is this step's drop of the title (an item's byline or
// dateline is the item's own; a title repeated in the list is not).
bool dropped_as_title(const block::Decision& d);
// A product's description declared in its JSON-LD (meta::DeclaredBlock)
// as a block at `at`, held by no element and dropped for now: the product
// step keeps it where the page shows it nowhere else
// (decide_declared_description). Returns its index.
size_t insert_declared_description(block::Document& doc, std::string text, size_t at);

// 2. Structure (HTML only): find the main-content region by the text its
// containers hold (Readability-style scoring, link density, class and id
// weights, <article>/articleBody hints) and drop what lies outside it;
// then clean link-heavy lists and boxes inside it. Returns whether a
// region was found (a page with no clear one is left to density).
bool select_main_content(block::Document& doc);

// The kept text below a node, by which the sections and items steps weigh
// containers.
struct KeptText {
  uint32_t chars = 0;
  uint32_t link_chars = 0;
  uint32_t prose_chars = 0;  // in paragraphs of prose (is_prose_paragraph)
  uint32_t plain() const { return chars - link_chars; }
};

// For each node, the kept text of its own blocks and its subtree's.
std::vector<KeptText> kept_text_below(const block::Document& doc);

// The chars of all the kept blocks: the page's text so far.
uint32_t kept_chars(const block::Document& doc);

// A paragraph of prose: some length, a sentence, few links
// (kProseParagraphChars).
bool is_prose_paragraph(const block::Block& b);

// A block made of one short phrase said over and over ("Book Now * Book
// Now * ..."): a marquee's text (kMarqueeMinWords, kMarqueeMaxDistinctShare).
bool is_marquee(const block::Block& b);

// 2a. Service, marketing and documentation pages (src/filter/sections.cc):
// every section of the page's body is the region, not one best container;
// lists, tables and code blocks of its core are kept whole.
bool select_sections(block::Document& doc);

// 2b. Listing and collection pages (src/filter/items.cc): the list of
// items (same-shaped boxes of one container, each with a link) is found
// and every item is kept whole; returns whether the page has one. The
// rest of the page is left to the density filter, judged as on a page
// with no region.
bool select_items(block::Document& doc);

// 2c. Product pages: every list of items on the page (cards of other
// products, "customers also bought") is dropped.
void drop_item_lists(block::Document& doc);

// 2d. A box whose kept text repeats that of an earlier box elsewhere on
// the page (the phone layout's copy of a section) is dropped
// (src/filter/repeated_boxes.cc).
void drop_repeated_boxes(block::Document& doc);

// 1b. Repetition (bulk runs): drop the blocks whose text `index` counts on
// its min_documents or more documents of `site` (at positions up to `as_of`:
// RepeatIndex::documents) that stand in the page's frame
// (src/filter/repetition.cc).
void drop_repeated_lines(block::Document& doc, const RepeatIndex& index, std::string_view site,
                         uint64_t as_of);

// 3. Density and context: classify the remaining blocks by length, link
// and stop-word density (jusText), let neighbours decide the uncertain
// ones, and (text dumps) keep the article's extent (density.cc). Inside
// an article region (`in_region`) the region's edges count as good
// neighbours and the blocks outside it as absent; elsewhere the document's
// edges count as bad, as in jusText.
void classify_density(block::Document& doc, bool in_region);

}  // namespace webclean::filter

#endif  // WEBCLEAN_FILTER_FILTER_H_
