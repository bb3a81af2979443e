// Each entry point feeds one input to one part of the library the way the
// program does, with limits small enough for a fuzzer (1 MiB per record or
// body), then checks the promises that part makes about its output.
#include "entry_points.h"

#include <webclean/cleaner.h>

#include <memory>
#include <sstream>

#include "block/block.h"
#include "decode/decode.h"
#include "decode/utf8.h"
#include "rules/rules.h"
#include "source/http.h"
#include "source/records.h"

namespace webclean::fuzz {
namespace {

// The largest record or decoded body the readers may hand out.
constexpr size_t kMaxBytes = size_t{1} << 20;

bool valid_utf8(std::string_view text) {
  return decode::scan_utf8(text).well_formed();
}

// Shipped rules, with block reports so that their texts are checked too.
const Cleaner& shared_cleaner() {
  static const Cleaner cleaner = [] {
    Options options;
    options.keep_block_reports = true;
    return Cleaner(options);
  }();
  return cleaner;
}

// Cleans the input twice with one Workspace, as a bulk worker reuses it:
// what the first run leaves in the arena and the match cache must not
// change the second result.
std::string clean_as(std::string_view input, InputKind kind) {
  DocumentInfo info;
  info.url = "https://www.example.org/news/2024/story.html";
  info.kind = kind;
  Workspace workspace;
  const Result result = shared_cleaner().clean(input, info, workspace);
  const Result again = shared_cleaner().clean(input, info, workspace);
  if (again.text != result.text || again.error != result.error ||
      again.metadata.title != result.metadata.title) {
    return "a reused Workspace changed the result";
  }
  if (!result.ok()) return result.text.empty() ? "" : "a failed document has text";
  if (!valid_utf8(result.text)) return "the text is not valid UTF-8";
  const Metadata& m = result.metadata;
  for (const std::string* field : {&m.title, &m.byline, &m.date, &m.site_name, &m.language,
                                   &m.description, &m.canonical_url, &m.image}) {
    if (!valid_utf8(*field)) return "a metadata field is not valid UTF-8";
  }
  for (const BlockReport& block : result.blocks) {
    if (!valid_utf8(block.text)) return "a block report is not valid UTF-8";
  }
  return "";
}

std::string clean_html(std::string_view input) {
  return clean_as(input, InputKind::kHtml);
}

std::string clean_text(std::string_view input) {
  return clean_as(input, InputKind::kText);
}

// A rule file; what compiles is then matched against an element and a
// line, as the rules filter does.
std::string compile_rules(std::string_view input) {
  rules::RuleSet set;
  try {
    set.add_source("fuzz.rules", input);
    set.compile();
  } catch (const rules::RuleFileError&) {
    return "";
  }
  block::Node node;
  node.tag = "div";
  node.id = "share-box";
  node.classes = "nav menu social-links";
  node.role = "navigation";
  node.itemprop = "articleBody";
  node.attrs = {{"aria-label", "Share this article"}, {"data-component", "newsletter"}};
  set.match_node(node, "www.example.org");
  set.match_text("Share this article", "www.example.org");
  set.match_text("", "");
  return "";
}

// The first byte picks the declared charset and the options; the rest is
// the document.
std::string decode_bytes(std::string_view input) {
  static constexpr std::string_view kDeclared[] = {
      "",         "utf-8",    "windows-1252", "iso-8859-1",     "shift_jis",       "euc-jp",
      "gb2312",   "gbk",      "big5",         "euc-kr",         "koi8-r",          "utf-16",
      "utf-16le", "utf-16be", "iso-2022-jp",  "x-user-defined", "no-such-charset", "utf-7"};
  if (input.empty()) return "";
  const auto selector = static_cast<unsigned char>(input[0]);
  const std::string_view declared = kDeclared[selector % std::size(kDeclared)];
  const bool look_for_meta = (selector & 0x80) != 0;
  const auto normalization =
      (selector & 0x40) != 0 ? decode::Normalization::kNone : decode::Normalization::kNfc;
  const std::string_view bytes = input.substr(1);
  decode::Decoded decoded = decode::to_utf8(bytes, declared, look_for_meta, normalization);
  decode::charset_from_content_type(bytes.substr(0, 256));
  if (!decoded.error.empty()) return "";
  if (!valid_utf8(decoded.text)) return "the decoded text is not valid UTF-8";
  decode::to_nfc(decoded.text);
  if (!valid_utf8(decoded.text)) return "NFC broke UTF-8";
  return "";
}

std::string read_records(std::unique_ptr<source::RecordReader> reader) {
  source::Record record;
  while (reader->next(record)) {
    if (record.bytes.size() > kMaxBytes) return "a record is over the size limit";
  }
  return "";
}

std::unique_ptr<std::istream> stream_of(std::string_view input) {
  return std::make_unique<std::istringstream>(std::string(input));
}

std::string read_warc(std::string_view input) {
  return read_records(source::open_warc(stream_of(input), kMaxBytes));
}

std::string read_jsonl(std::string_view input) {
  return read_records(source::open_jsonl(stream_of(input), source::JsonlFields{}, kMaxBytes));
}

// An HTTP response as a WARC record holds it: head, then the body decoded
// by its transfer and content codings.
std::string parse_http(std::string_view input) {
  source::HttpHead head;
  std::string error;
  const size_t body_start = source::parse_http_head(input, head, error);
  if (body_start == std::string_view::npos) return "";
  if (body_start > input.size()) return "the body starts past the end";
  head.header("content-type");
  std::string body;
  if (source::decode_http_body(head, input.substr(body_start), kMaxBytes, body, error) &&
      body.size() > kMaxBytes) {
    return "a decoded body is over the size limit";
  }
  return "";
}

}  // namespace

const std::vector<Target>& targets() {
  static const std::vector<Target> all = {
      {"html", clean_html},     {"text", clean_text}, {"rules", compile_rules},
      {"decode", decode_bytes}, {"warc", read_warc},  {"jsonl", read_jsonl},
      {"http", parse_http},
  };
  return all;
}

EntryPoint find_target(std::string_view name) {
  for (const Target& target : targets()) {
    if (target.name == name) return target.run;
  }
  return nullptr;
}

}  // namespace webclean::fuzz
