// The Cleaner: loads rules and stop words once, then runs the pipeline
// Decode -> Parse -> Features -> Filters -> assembled text for each
// document. Everything it holds is read-only after construction.
#include "webclean/cleaner.h"

#include "core/workspace.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "base/url.h"
#include "block/features.h"
#include "block/stage_clock.h"
#include "block/stoplists.h"
#include "classify/page_type.h"
#include "decode/decode.h"
#include "decode/kind.h"
#include "filter/filter.h"
#include "html/arena.h"
#include "html/parse.h"
#include "meta/html_meta.h"
#include "meta/language.h"
#include "meta/meta.h"
#include "rules/embedded.h"
#include "rules/rules.h"
#include "sink/assemble.h"
#include "text/parse.h"

namespace webclean {

struct Cleaner::Impl {
  rules::RuleSet rules;
  block::Stoplists stoplists;
  meta::HeaderLines header_lines;
  html::ParseOptions parse_options;
  bool keep_block_reports = false;
  bool markdown = false;
  double max_seconds = 0;
  PageType page_type = PageType::kAuto;  // forced for every page unless kAuto
};

namespace {

namespace fs = std::filesystem;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string read_whole_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in && !in.eof()) throw RuleError(path.string() + ": cannot read");
  return content.str();
}

// Rule files and stop lists by their path below a rules folder; a later
// folder's file replaces an earlier one of the same name. Errors name the
// file as the user knows it: "rules/x.rules" for shipped, the path for others.
struct RuleFile {
  std::string display_name;
  std::string content;
  rules::RuleSet::Origin origin = rules::RuleSet::Origin::kUser;
};
using RuleFiles = std::map<std::string, RuleFile>;

void add_rule_dir(const std::string& dir, RuleFiles& files) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw RuleError(dir + ": not a rule directory");
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    const std::string relative = fs::relative(entry.path(), dir).generic_string();
    const bool is_rules = ends_with(relative, ".rules");
    const bool is_stoplist = relative.rfind("stoplists/", 0) == 0 && ends_with(relative, ".txt");
    if (is_rules || is_stoplist) {
      files[relative] = RuleFile{entry.path().string(), read_whole_file(entry.path())};
    }
  }
  if (ec) throw RuleError(dir + ": " + ec.message());
}

void load(const Options& options, Cleaner::Impl& impl) {
  RuleFiles files;
  const bool embedded = !options.no_shipped_rules && options.shipped_rules_dir.empty();
  if (embedded) {
    for (const rules::EmbeddedFile& f : rules::embedded_files()) {
      files[std::string(f.path)] = RuleFile{"rules/" + std::string(f.path), std::string(f.content),
                                            rules::RuleSet::Origin::kShipped};
    }
    impl.stoplists = block::Stoplists::shipped();
  } else if (!options.no_shipped_rules) {
    add_rule_dir(options.shipped_rules_dir, files);
  }
  for (const std::string& dir : options.rule_dirs) add_rule_dir(dir, files);
  size_t stop_words = 0;
  for (const auto& [name, file] : files) {
    if (!ends_with(name, ".rules"))
      stop_words += std::count(file.content.begin(), file.content.end(), '\n');
  }
  if (stop_words > 0) impl.stoplists.reserve(stop_words);
  for (const auto& [name, file] : files) {
    if (ends_with(name, ".rules")) {
      impl.rules.add_source(file.display_name, file.content, file.origin);
    } else {
      const std::string code = name.substr(10, name.size() - 10 - 4);  // stoplists/XX.txt
      impl.stoplists.clear(code);  // a list of the same name replaces a shipped one
      impl.stoplists.add(code, file.content);
    }
  }
  impl.rules.compile();
}

// Elements whose subtrees the rules drop wherever they stand are dropped by
// the prescan already, so that Gumbo never parses them. Only the elements
// no article sits in are candidates (not <header>: an article has its own).
std::vector<std::string> prescan_drops(const rules::RuleSet& rules) {
  std::vector<std::string> tags;
  for (const char* tag : {"nav", "footer", "aside", "menu"}) {
    block::Node node;
    node.tag = tag;
    const rules::Rule* rule = rules.match_node(node, "");
    if (rule != nullptr && rule->action == rules::Action::kDrop) tags.emplace_back(tag);
  }
  return tags;
}

// NFC for what leaves the Cleaner: block texts and the page hints the
// metadata is read from (compared with the blocks: both must be NFC).
void normalize_text(block::Document& doc) {
  for (block::Block& b : doc.blocks) {
    decode::to_nfc(b.text);
    if (!b.markup.empty()) decode::to_nfc(b.markup);
  }
  block::PageHints& hints = doc.hints;
  decode::to_nfc(hints.title);
  for (auto& [key, value] : hints.meta) decode::to_nfc(value);
  for (std::string& json : hints.json_ld) decode::to_nfc(json);
  for (block::BylineHint& byline : hints.bylines) {
    decode::to_nfc(byline.text);
    decode::to_nfc(byline.name_text);
  }
  for (block::DateHint& date : hints.dates) decode::to_nfc(date.value);
  for (std::string& kicker : hints.kickers) decode::to_nfc(kicker);
}

// The address the page type step reads URL shapes from: the caller's, else
// what the page declares (a saved file has no other).
std::string page_url(const block::Document& doc, const DocumentInfo& info) {
  if (!info.url.empty()) return info.url;
  if (!doc.hints.canonical_url.empty()) return doc.hints.canonical_url;
  for (const auto& [key, value] : doc.hints.meta) {
    if (key == "og:url") return value;
  }
  return {};
}

// The page type, decided once here (or forced by the options), before
// any filter runs.
void set_page_type(block::Document& doc, const DocumentInfo& info, PageType forced,
                   Metadata& metadata) {
  if (forced != PageType::kAuto) {
    metadata.page_type = forced;
    metadata.page_type_signals = {"forced"};
  } else {
    classify::PageTypeDecision decision = classify::decide_page_type(doc, page_url(doc, info));
    metadata.page_type = decision.type;
    metadata.page_type_signals = std::move(decision.signals);
  }
  doc.page_type = metadata.page_type;
}

// NFC for the metadata too: meta tags, JSON-LD and attributes are read
// as the page wrote them (an NFD page gave NFD titles next to NFC text).
void normalize_metadata(Metadata& m) {
  for (std::string* field : {&m.title, &m.headline, &m.byline, &m.author, &m.date, &m.site_name,
                             &m.language, &m.description, &m.canonical_url, &m.image}) {
    decode::to_nfc(*field);
  }
}

// The per-document time limit, checked between stages.
class Deadline {
  using Clock = std::chrono::steady_clock;

 public:
  explicit Deadline(double seconds) : seconds_(seconds), end_(end_after(seconds)) {}
  // True (and `error` set) once the time is up.
  bool passed(std::string& error) const {
    if (seconds_ <= 0 || Clock::now() < end_) return false;
    char text[96];
    std::snprintf(text, sizeof text, "cleaning took longer than the limit of %g s per document",
                  seconds_);
    error = text;
    return true;
  }

 private:
  // A limit of a year or more (or not a number) never passes: converting
  // it to the clock's ticks could overflow their range (about 292 years of
  // nanoseconds), which is undefined. The command line and the C API stop
  // at a day; the C++ and Python callers may pass any double.
  static Clock::time_point end_after(double seconds) {
    constexpr double kNeverSeconds = 365.0 * 24 * 3600;
    if (!(seconds < kNeverSeconds)) return Clock::time_point::max();
    return Clock::now() +
           std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  }

  double seconds_;
  Clock::time_point end_;
};

}  // namespace

Cleaner::Cleaner(const Options& options) {
  auto impl = std::make_unique<Impl>();
  try {
    load(options, *impl);
  } catch (const rules::RuleFileError& error) {
    throw RuleError(error.what());
  }
  // Reports (--explain) explain the very same run: the subtrees are dropped
  // there too, and their texts kept to show in the stand-ins' reports.
  impl->parse_options.drop_subtrees = prescan_drops(impl->rules);
  impl->parse_options.keep_dropped_texts = options.keep_block_reports;
  impl->keep_block_reports = options.keep_block_reports;
  impl->markdown = options.markdown;
  impl->parse_options.inline_markup = options.markdown;
  impl->parse_options.link_targets = options.markdown && options.markdown_links;
  impl->max_seconds = options.max_seconds;
  impl->page_type = options.page_type;
  impl_ = std::move(impl);
}

Cleaner::~Cleaner() = default;
Cleaner::Cleaner(Cleaner&&) noexcept = default;
Cleaner& Cleaner::operator=(Cleaner&&) noexcept = default;

Workspace::Workspace() : impl_(std::make_unique<Impl>()) {}
Workspace::~Workspace() = default;

Result Cleaner::clean(std::string_view bytes, const DocumentInfo& info) const {
  Workspace workspace;
  return clean(bytes, info, workspace);
}

namespace {

// The site the repetition filter counts a document for: the caller's, or
// its URL's host.
std::string site_of(const DocumentInfo& info) {
  return info.site.empty() ? RepeatIndex::site_of(info.url, "") : info.site;
}

// The document's kind as its hint or its raw bytes say (kAuto: undecided
// until decoded).
InputKind input_kind(decode::Kind kind) {
  if (kind == decode::Kind::kHtml) return InputKind::kHtml;
  if (kind == decode::Kind::kText) return InputKind::kText;
  return InputKind::kAuto;
}

InputKind raw_kind(std::string_view bytes, const DocumentInfo& info) {
  if (info.kind != InputKind::kAuto) return info.kind;
  return input_kind(decode::sniff_kind(bytes, info.content_type));
}

// Source to UTF-8 and the document's kind (from raw_kind), shared by
// clean() and index(). False (with result.error) when the bytes cannot be
// decoded.
bool decode_document(std::string_view bytes, const DocumentInfo& info, InputKind kind,
                     std::string& utf8, bool& is_html, Result& result) {
  std::string declared = info.charset;
  if (declared.empty()) declared = decode::charset_from_content_type(info.content_type);
  decode::Decoded decoded =
      decode::to_utf8(bytes, declared, kind != InputKind::kText, decode::Normalization::kNone);
  result.charset = decoded.charset;
  if (!decoded.error.empty()) {
    result.error = decoded.error;
    return false;
  }
  if (kind == InputKind::kAuto) kind = input_kind(decode::sniff_kind(decoded.text, {}));
  is_html = kind == InputKind::kHtml;
  result.input_kind = is_html ? "html" : "text";
  utf8 = std::move(decoded.text);
  return true;
}

}  // namespace

bool Cleaner::index(std::string_view bytes, const DocumentInfo& info, RepeatIndex& repeats,
                    Workspace&, uint64_t position) const {
  // Pages are not counted: known as such from the hint or the raw bytes,
  // before any decoding.
  const InputKind kind = raw_kind(bytes, info);
  if (kind == InputKind::kHtml) return true;
  std::string utf8;
  bool is_html = false;
  Result result;
  if (!decode_document(bytes, info, kind, utf8, is_html, result)) return false;
  if (is_html) return true;  // the filter judges text documents only
  block::Document doc = text::parse(utf8);
  normalize_text(doc);
  std::string lines;
  for (const block::Block& b : doc.blocks) {
    lines += b.text;
    lines += '\n';
  }
  repeats.add(site_of(info), lines, position);
  return true;
}

Result Cleaner::clean(std::string_view bytes, const DocumentInfo& info,
                      Workspace& workspace) const {
  using block::ClockedStage;
  Result result;
  const Deadline deadline(impl_->max_seconds);
  block::StageClock& clock = workspace.impl().clock;
  clock.start();
  std::string utf8;
  bool is_html = false;
  if (!decode_document(bytes, info, raw_kind(bytes, info), utf8, is_html, result)) return result;
  clock.lap(ClockedStage::kDecode);
  block::Document doc =
      is_html ? html::parse(utf8, impl_->parse_options, &workspace.impl().arena, info.url, &clock)
              : text::parse(utf8);
  doc.is_html = is_html;
  clock.lap(ClockedStage::kBlocks);
  if (deadline.passed(result.error)) return result;
  normalize_text(doc);
  clock.lap(ClockedStage::kNfc);
  const std::string declared_language =
      meta::declared_language(doc.hints.lang, info.content_language);
  block::compute_features(doc, impl_->stoplists, declared_language);
  if (deadline.passed(result.error)) return result;
  result.metadata.language = meta::document_language(doc, info.content_language);
  clock.lap(ClockedStage::kFeatures);
  set_page_type(doc, info, impl_->page_type, result.metadata);
  clock.lap(ClockedStage::kPageType);

  const std::string host = base::host_of(info.url);
  filter::apply_rules(doc, impl_->rules, host, &workspace.impl().rule_matches);
  // Text documents only: a page's elements mark its frame already, and a
  // shop's template lines recur on every product page (the wcxb-dev hosts
  // with 3+ pages as pages: words F1 .781 without, .776 with).
  if (info.repeats != nullptr && !is_html) {
    filter::drop_repeated_lines(doc, *info.repeats, site_of(info), info.repeats_as_of);
  }
  clock.lap(ClockedStage::kRules);
  filter::drop_metadata_blocks(doc, impl_->header_lines.extract(doc, result.metadata));
  if (is_html) {
    meta::read_page_hints(doc, result.metadata, info.url);
    filter::drop_metadata_blocks(doc, meta::find_byline_blocks(doc));
    // After the byline's blocks are found: byline hints index the blocks.
    if (std::optional<meta::DeclaredBlock> declared = meta::product_description_block(doc)) {
      const size_t at =
          filter::insert_declared_description(doc, std::move(declared->text), declared->at);
      block::compute_block_features(doc, doc.blocks[at], impl_->stoplists);
    }
  }
  normalize_metadata(result.metadata);
  clock.lap(ClockedStage::kMetadata);
  if (deadline.passed(result.error)) return result;
  const bool in_region = is_html && filter::select_main_content(doc);
  filter::classify_density(doc, in_region);
  clock.lap(ClockedStage::kFilters);
  if (deadline.passed(result.error)) return result;

  result.text = sink::assemble_text(doc);
  if (impl_->markdown) result.markdown = sink::assemble_markdown(doc);
  if (impl_->keep_block_reports) result.blocks = sink::block_reports(doc);
  clock.lap(ClockedStage::kOutput);
  // The page's text may be cleaned away entirely; that is a result, not an error.
  return result;
}

}  // namespace webclean
