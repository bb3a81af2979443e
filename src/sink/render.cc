// Rendering one Result as plain text, Markdown, JSON, a JSON Lines
// record of a stream, or the --explain listing.
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "base/ascii.h"
#include "block/markdown.h"
#include "classify/page_type.h"
#include "sink/sink.h"

namespace webclean::sink {
namespace {

using json = nlohmann::ordered_json;

constexpr size_t kExplainTextWidth = 100;  // code points of block text shown
// A rule's reason is its file:line and pattern: the pattern, which can run
// to hundreds of characters, is cut (file:line finds it). Other reasons are
// the measures and constants that decided, shown whole up to a line's room.
constexpr size_t kExplainRuleReasonWidth = 40;
constexpr size_t kExplainReasonWidth = 120;
// A reason's closing parenthesis names the code that decided
// ("(clean_reason)"): a longer reason is cut in its middle when that name
// is at most this long, so that the name stays to grep for.
constexpr size_t kExplainReasonTailWidth = 40;

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

size_t code_points(std::string_view text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation_byte(c); }));
}

// The first `limit` code points of `text`, with "…" when something was cut.
std::string cut(std::string_view text, size_t limit) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (is_continuation_byte(text[i])) continue;
    if (seen++ == limit) return std::string(text.substr(0, i)) + "\u2026";
  }
  return std::string(text);
}

bool is_rule_reason(std::string_view reason) {
  const size_t space = reason.find(' ');
  return reason.substr(0, space).find(".rules:") != std::string_view::npos;
}

std::string cut_reason(std::string_view reason) {
  if (is_rule_reason(reason)) return cut(reason, kExplainRuleReasonWidth);
  if (code_points(reason) <= kExplainReasonWidth) return std::string(reason);
  const size_t open = reason.rfind(" (");
  const bool named = !reason.empty() && reason.back() == ')' && open != std::string_view::npos &&
                     code_points(reason.substr(open)) <= kExplainReasonTailWidth;
  if (!named) return cut(reason, kExplainReasonWidth);
  const std::string_view tail = reason.substr(open);
  std::string head = cut(reason.substr(0, open), kExplainReasonWidth - code_points(tail) - 1);
  return head + std::string(tail);
}

std::string pad(std::string text, size_t width) {
  const size_t length = code_points(text);
  if (length < width) text.append(width - length, ' ');
  return text;
}

json metadata_json(const Metadata& metadata) {
  json object = json::object();
  const std::pair<const char*, const std::string*> fields[] = {
      {"title", &metadata.title},
      {"headline", &metadata.headline},
      {"byline", &metadata.byline},
      {"author", &metadata.author},
      {"date", &metadata.date},
      {"site_name", &metadata.site_name},
      {"language", &metadata.language},
      {"description", &metadata.description},
      {"canonical_url", &metadata.canonical_url},
      {"image", &metadata.image}};
  // Every field, known or not: readers find the same keys in every object.
  for (const auto& [name, value] : fields) object[name] = *value;
  object["page_type"] = page_type_name(metadata.page_type);
  return object;
}

json block_json(const BlockReport& block) {
  json object = {{"text", block.text}, {"kind", block.kind}};
  if (block.kind == "heading") object["heading_level"] = block.heading_level;
  object["kept"] = block.kept;
  object["stage"] = block.stage;
  object["reason"] = block.reason;
  if (!block.path.empty()) object["path"] = block.path;
  return object;
}

// A block's text on one line, marked Markdown-style by its kind so that
// headings, list items and quotes stand out in the listing.
std::string explain_text(const BlockReport& block) {
  std::string line;
  if (block.kind == "heading") {
    line.assign(static_cast<size_t>(std::clamp(block.heading_level, 1, 6)), '#') += ' ';
  } else if (block.kind == "list-item") {
    line = "- ";
  } else if (block.kind == "quote") {
    line = "> ";
  }
  for (char c : block.text) line += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return cut(line, kExplainTextWidth);
}

void add_blocks(json& document, const Result& result) {
  if (result.blocks.empty()) return;
  json blocks = json::array();
  for (const BlockReport& block : result.blocks) blocks.push_back(block_json(block));
  document["blocks"] = std::move(blocks);
}

// Invalid UTF-8 should not reach here (Decode guarantees it for the text,
// and readers for the fields), but a replacement character is better than
// an exception if it does.
std::string dump_line(const json& document, int indent = -1) {
  return document.dump(indent, ' ', false, json::error_handler_t::replace) + "\n";
}

// The passthrough fields of a JSONL record as an object; a malformed
// passthrough (a reader bug) contributes nothing rather than failing.
json passthrough_fields(std::string_view passthrough) {
  json fields = json::parse(passthrough, nullptr, false);
  return fields.is_object() ? fields : json::object();
}

// WARC headers that a record line carries as its own fields already.
bool is_record_field(std::string_view header) {
  return base::iequals(header, "WARC-Record-ID") || base::iequals(header, "WARC-Target-URI") ||
         base::iequals(header, "WARC-Date");
}

}  // namespace

std::string render_jsonl_record(const Result& result, const RecordFields& record,
                                bool with_markdown) {
  json document = {{"schema_version", kJsonSchemaVersion},
                   {"id", record.id},
                   {"url", record.url},
                   {"title", result.metadata.title},
                   {"metadata", metadata_json(result.metadata)},
                   {"text", result.text}};
  if (with_markdown) document["markdown"] = result.markdown;
  add_blocks(document, result);
  json passthrough = passthrough_fields(record.passthrough);
  for (auto& [name, value] : passthrough.items()) {
    if (!document.contains(name)) document[name] = std::move(value);
  }
  return dump_line(document);
}

std::string render_warc_record(const Result& result, const RecordFields& record,
                               bool with_markdown) {
  json document = {{"schema_version", kJsonSchemaVersion},
                   {"warc_record_id", record.id},
                   {"url", record.url},
                   {"date", record.date},
                   {"http_status", record.http_status > 0 ? json(record.http_status) : json()},
                   {"title", result.metadata.title},
                   {"metadata", metadata_json(result.metadata)},
                   {"text", result.text}};
  if (with_markdown) document["markdown"] = result.markdown;
  add_blocks(document, result);
  json headers = json::object();
  if (record.headers != nullptr) {
    for (const auto& [name, value] : *record.headers) {
      if (!is_record_field(name)) headers[name] = value;
    }
  }
  if (!headers.empty()) document["warc_headers"] = std::move(headers);
  return dump_line(document);
}

namespace {

// The body with a title line and a blank line before it; nothing at all
// when both are empty.
std::string titled(std::string title_line, const std::string& body) {
  if (title_line.empty()) return body.empty() ? std::string() : body + "\n";
  if (body.empty()) return title_line + "\n";
  return title_line + "\n\n" + body + "\n";
}

// The title on one line.
std::string single_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace

std::string render_text(const Result& result, bool with_title) {
  const std::string& title = result.metadata.title;
  return titled(with_title ? single_line(title) : std::string(), result.text);
}

std::string render_markdown(const Result& result, bool with_title) {
  const std::string& title = result.metadata.title;
  std::string title_line;
  if (with_title && !title.empty()) {
    title_line = block::markdown::heading(block::markdown::escaped(title), 1);
  }
  return titled(std::move(title_line), result.markdown);
}

namespace {

json document_json(const Result& result, std::string_view id, std::string_view url,
                   const FetchFacts* facts) {
  json document = {{"schema_version", kJsonSchemaVersion}, {"id", id}, {"url", url}};
  if (facts != nullptr) {
    document["final_url"] = facts->final_url;
    document["http_status"] = facts->http_status;
    document["fetch_seconds"] = facts->seconds;
  }
  document["title"] = result.metadata.title;
  document["text"] = result.text;
  document["input_kind"] = result.input_kind;
  document["charset"] = result.charset;
  document["metadata"] = metadata_json(result.metadata);
  if (!result.error.empty()) document["error"] = result.error;
  add_blocks(document, result);
  return document;
}

}  // namespace

std::string render_json(const Result& result, std::string_view id, std::string_view url,
                        bool pretty) {
  return dump_line(document_json(result, id, url, nullptr), pretty ? 2 : -1);
}

std::string render_fetched_json(const Result& result, std::string_view url, const FetchFacts& facts,
                                bool pretty) {
  return dump_line(document_json(result, url, url, &facts), pretty ? 2 : -1);
}

std::string render_explain(const Result& result) {
  std::vector<std::string> stages;
  std::vector<std::string> reasons;
  size_t stage_width = 0;
  size_t reason_width = 0;
  for (const BlockReport& block : result.blocks) {
    stages.push_back(block.stage.empty() ? "-" : block.stage);
    reasons.push_back(block.reason.empty() ? "-" : cut_reason(block.reason));
    stage_width = std::max(stage_width, code_points(stages.back()));
    reason_width = std::max(reason_width, code_points(reasons.back()));
  }
  // The page type first: it is decided before any block is.
  std::string listing = "page type: " + classify::describe(result.metadata.page_type,
                                                           result.metadata.page_type_signals);
  listing += '\n';
  for (size_t i = 0; i < result.blocks.size(); ++i) {
    const BlockReport& block = result.blocks[i];
    listing += block.kept ? "KEEP  " : "DROP  ";
    listing += pad(stages[i], stage_width) + "  ";
    listing += pad(reasons[i], reason_width) + "  | ";
    listing += explain_text(block);
    listing += '\n';
  }
  return listing;
}

}  // namespace webclean::sink
