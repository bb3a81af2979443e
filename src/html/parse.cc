#include "html/parse.h"

#include <gumbo.h>

#include <optional>
#include <string>

#include "html/arena.h"
#include "html/prescan.h"
#include "html/walk.h"

namespace webclean::html {
namespace {

// Gumbo allocates several times the bytes it parses; sizing the first chunk
// from the input saves most of the chunk-doubling steps.
size_t first_chunk_for(size_t html_bytes) {
  return html_bytes * 4 + 64 * 1024;
}

// The HTML spec's preprocessing of the input stream: CR LF and lone CR
// become LF. Gumbo does it for what it reads, but the prescan hands it long
// text runs by index, and <pre> text kept its CRs (a page saved with CRLF
// gave "line\r" where the LF page gave "line"). Empty when there is no CR.
std::string without_carriage_returns(std::string_view html) {
  size_t at = html.find('\r');
  if (at == std::string_view::npos) return {};
  std::string out;
  out.reserve(html.size());
  size_t from = 0;
  for (; at != std::string_view::npos; at = html.find('\r', from)) {
    out.append(html.substr(from, at - from));
    out += '\n';
    from = at + 1;
    if (from < html.size() && html[from] == '\n') ++from;  // CR LF: one LF
  }
  out.append(html.substr(from));
  return out;
}

}  // namespace

block::Document parse(std::string_view utf8_html, const ParseOptions& parse_options, Arena* reused,
                      std::string_view page_url, block::StageClock* clock) {
  const std::string normalized = without_carriage_returns(utf8_html);
  if (!normalized.empty()) utf8_html = normalized;
  PrescanOptions prescan_options;
  prescan_options.drop_subtrees = parse_options.drop_subtrees;
  prescan_options.keep_link_targets = parse_options.inline_markup && parse_options.link_targets;
  prescan_options.keep_dropped_texts = parse_options.keep_dropped_texts;
  Prescanned scanned = prescan(utf8_html, prescan_options);
  if (clock != nullptr) clock->lap(block::ClockedStage::kPrescan);
  std::optional<Arena> own;
  if (reused == nullptr) own.emplace(first_chunk_for(scanned.html.size()));
  Arena& arena = reused != nullptr ? *reused : *own;
  if (reused != nullptr) arena.reset(first_chunk_for(scanned.html.size()));
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Arena::gumbo_allocate;
  options.deallocator = &Arena::gumbo_deallocate;
  options.userdata = &arena;
  options.max_errors = 0;  // nobody reads parse errors: don't record them
  // The tree lives in the arena and goes with it: no gumbo_destroy_output.
  const GumboOutput* output =
      gumbo_parse_with_options(&options, scanned.html.data(), scanned.html.size());
  if (clock != nullptr) clock->lap(block::ClockedStage::kGumbo);

  block::Document doc;
  doc.is_html = true;
  WalkOptions walk_options;
  walk_options.inline_markup = parse_options.inline_markup;
  walk_options.link_targets = parse_options.inline_markup && parse_options.link_targets;
  walk_options.page_url = page_url;
  walk(output->document, scanned, doc, walk_options);
  doc.hints.json_ld = std::move(scanned.json_ld);
  doc.dropped_texts = std::move(scanned.dropped_texts);
  return doc;
}

}  // namespace webclean::html
