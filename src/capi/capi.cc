// The C interface of include/webclean/webclean.h, over the public C++ API
// alone. Every entry point that can throw catches everything: a C caller
// cannot unwind a C++ exception, so it becomes a return value instead.
#include "webclean/webclean.h"

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <string_view>

#include "webclean/cleaner.h"
#include "webclean/result.h"

struct webclean_options {
  webclean::Options options;
};

struct webclean_cleaner {
  webclean::Cleaner cleaner;
};

struct webclean_result {
  webclean::Result result;
};

namespace {

// The longest time limit accepted, as the command line's --max-time: a
// deadline further off could overflow the clock's range.
constexpr double kMaxSeconds = 86400;

// The first version of webclean_doc_info ends with `kind`; a caller's
// struct shorter than that did not set `size` (WEBCLEAN_DOC_INFO_INIT).
// Fields added later are read only when `size` reaches past them.
constexpr size_t kDocInfoFirstSize = offsetof(webclean_doc_info, kind) + sizeof(int);

// The message of the exception being handled; call only inside a catch.
std::string_view current_exception_message() noexcept {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return "out of memory";
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown error";
  }
}

// A malloc'd copy for webclean_string_free, or null when even that fails.
char* malloc_copy(std::string_view text) noexcept {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy == nullptr) return nullptr;
  std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  return copy;
}

void report(char** error_out, std::string_view message) noexcept {
  if (error_out != nullptr) *error_out = malloc_copy(message);
}

// Sets a failed result's error. Used while handling an exception, so it
// must not throw again; a message that cannot be stored leaves one that
// needs no allocation (short enough for the small-string buffer).
void fail(webclean_result& result, std::string_view message) noexcept {
  try {
    result.result.error.assign(message);
  } catch (...) {
    result.result.error = "out of memory";
  }
}

const char* with_length(const char* text, size_t* len) noexcept {
  if (len != nullptr) *len = std::strlen(text);
  return text;
}

const char* with_length(const std::string& text, size_t* len) noexcept {
  if (len != nullptr) *len = text.size();
  return text.c_str();
}

const char* result_string(const webclean_result* result, std::string webclean::Result::*field,
                          size_t* len) noexcept {
  if (result == nullptr) return with_length("", len);
  return with_length(result->result.*field, len);
}

const char* metadata_string(const webclean_result* result, std::string webclean::Metadata::*field,
                            size_t* len) noexcept {
  if (result == nullptr) return with_length("", len);
  return with_length(result->result.metadata.*field, len);
}

// The block at `index`, or null when there is none.
const webclean::BlockReport* block_at(const webclean_result* result, size_t index) noexcept {
  if (result == nullptr || index >= result->result.blocks.size()) return nullptr;
  return &result->result.blocks[index];
}

const char* block_string(const webclean_result* result, size_t index,
                         std::string webclean::BlockReport::*field, size_t* len) noexcept {
  const webclean::BlockReport* block = block_at(result, index);
  if (block == nullptr) return with_length("", len);
  return with_length(block->*field, len);
}

// Runs a setter on the C++ options; 1 when `set` accepted the value, 0
// when it refused it or threw, or when there are no options.
template <typename Set>
int set_option(webclean_options* options, Set set) noexcept {
  if (options == nullptr) return 0;
  try {
    return set(options->options) ? 1 : 0;
  } catch (...) {
    return 0;
  }
}

// set_option for an on/off flag, which nothing can refuse.
int set_flag(webclean_options* options, bool webclean::Options::*flag, int on) noexcept {
  if (options == nullptr) return 0;
  options->options.*flag = on != 0;
  return 1;
}

std::string string_or_empty(const char* text) {
  return text != nullptr ? text : "";
}

// Why the caller's webclean_doc_info cannot be read, or "" when it can.
std::string_view doc_info_problem(const webclean_doc_info& info) noexcept {
  if (info.size < kDocInfoFirstSize) {
    return "webclean_doc_info.size is not set: start from WEBCLEAN_DOC_INFO_INIT";
  }
  if (info.kind != WEBCLEAN_INPUT_AUTO && info.kind != WEBCLEAN_INPUT_HTML &&
      info.kind != WEBCLEAN_INPUT_TEXT) {
    return "webclean_doc_info.kind is not a webclean_input_kind";
  }
  return "";
}

webclean::DocumentInfo document_info(const webclean_doc_info* info) {
  webclean::DocumentInfo document;
  if (info == nullptr) return document;
  document.url = string_or_empty(info->url);
  document.content_type = string_or_empty(info->content_type);
  document.charset = string_or_empty(info->charset);
  document.content_language = string_or_empty(info->content_language);
  switch (info->kind) {
    case WEBCLEAN_INPUT_HTML:
      document.kind = webclean::InputKind::kHtml;
      break;
    case WEBCLEAN_INPUT_TEXT:
      document.kind = webclean::InputKind::kText;
      break;
    default:
      document.kind = webclean::InputKind::kAuto;
  }
  return document;
}

// Why webclean_clean cannot clean with these arguments, or "" when it can.
std::string_view clean_argument_problem(const webclean_cleaner* cleaner, const char* bytes,
                                        size_t len, const webclean_doc_info* info) noexcept {
  if (cleaner == nullptr) return "no cleaner (NULL)";
  if (bytes == nullptr && len != 0) return "no bytes (NULL) but a length over 0";
  if (info != nullptr) return doc_info_problem(*info);
  return "";
}

}  // namespace

extern "C" {

const char* webclean_version(void) {
  return WEBCLEAN_VERSION;
}

void webclean_string_free(char* string) {
  std::free(string);
}

webclean_options* webclean_options_new(void) {
  return new (std::nothrow) webclean_options;
}

void webclean_options_free(webclean_options* options) {
  delete options;
}

int webclean_options_add_rule_dir(webclean_options* options, const char* dir) {
  return set_option(options, [dir](webclean::Options& o) {
    if (dir == nullptr) return false;
    o.rule_dirs.emplace_back(dir);
    return true;
  });
}

int webclean_options_set_shipped_rules_dir(webclean_options* options, const char* dir) {
  return set_option(options, [dir](webclean::Options& o) {
    if (dir == nullptr) return false;
    o.shipped_rules_dir = dir;
    return true;
  });
}

int webclean_options_set_no_shipped_rules(webclean_options* options, int on) {
  return set_flag(options, &webclean::Options::no_shipped_rules, on);
}

int webclean_options_set_markdown(webclean_options* options, int on) {
  return set_flag(options, &webclean::Options::markdown, on);
}

int webclean_options_set_markdown_links(webclean_options* options, int on) {
  return set_flag(options, &webclean::Options::markdown_links, on);
}

int webclean_options_set_keep_block_reports(webclean_options* options, int on) {
  return set_flag(options, &webclean::Options::keep_block_reports, on);
}

int webclean_options_set_page_type(webclean_options* options, const char* name) {
  return set_option(options, [name](webclean::Options& o) {
    if (name == nullptr) return false;
    const std::optional<webclean::PageType> type = webclean::page_type_from_name(name);
    if (!type) return false;
    o.page_type = *type;
    return true;
  });
}

int webclean_options_set_max_seconds(webclean_options* options, double seconds) {
  return set_option(options, [seconds](webclean::Options& o) {
    // Written so that NaN fails the test too.
    if (!(seconds >= 0 && seconds <= kMaxSeconds)) return false;
    o.max_seconds = seconds;
    return true;
  });
}

webclean_cleaner* webclean_cleaner_new(const webclean_options* options, char** error_out) {
  if (error_out != nullptr) *error_out = nullptr;
  try {
    const webclean::Options defaults;
    return new webclean_cleaner{
        webclean::Cleaner(options != nullptr ? options->options : defaults)};
  } catch (...) {
    // A RuleError's message already reads "file:line: reason".
    report(error_out, current_exception_message());
  }
  return nullptr;
}

void webclean_cleaner_free(webclean_cleaner* cleaner) {
  delete cleaner;
}

webclean_result* webclean_clean(const webclean_cleaner* cleaner, const char* bytes, size_t len,
                                const webclean_doc_info* info) {
  webclean_result* result = new (std::nothrow) webclean_result;
  if (result == nullptr) return nullptr;
  try {
    const std::string_view problem = clean_argument_problem(cleaner, bytes, len, info);
    if (!problem.empty()) {
      fail(*result, problem);
      return result;
    }
    const std::string_view document = len == 0 ? std::string_view() : std::string_view(bytes, len);
    result->result = cleaner->cleaner.clean(document, document_info(info));
  } catch (...) {
    fail(*result, current_exception_message());
  }
  return result;
}

void webclean_result_free(webclean_result* result) {
  delete result;
}

int webclean_result_ok(const webclean_result* result) {
  return result != nullptr && result->result.ok() ? 1 : 0;
}

const char* webclean_result_error(const webclean_result* result, size_t* len) {
  if (result == nullptr) return with_length("no result", len);
  return with_length(result->result.error, len);
}

const char* webclean_result_text(const webclean_result* result, size_t* len) {
  return result_string(result, &webclean::Result::text, len);
}

const char* webclean_result_markdown(const webclean_result* result, size_t* len) {
  return result_string(result, &webclean::Result::markdown, len);
}

const char* webclean_result_input_kind(const webclean_result* result, size_t* len) {
  return result_string(result, &webclean::Result::input_kind, len);
}

const char* webclean_result_charset(const webclean_result* result, size_t* len) {
  return result_string(result, &webclean::Result::charset, len);
}

const char* webclean_result_title(const webclean_result* result, size_t* len) {
  return metadata_string(result, &webclean::Metadata::title, len);
}

const char* webclean_result_headline(const webclean_result* result, size_t* len) {
  return metadata_string(result, &webclean::Metadata::headline, len);
}

const char* webclean_result_byline(const webclean_result* result, size_t* len) {
  return metadata_string(result, &webclean::Metadata::byline, len);
}

const char* webclean_result_author(const webclean_result* result, size_t* len) {
  return metadata_string(result, &webclean::Metadata::author, len);
}

const char* webclean_result_date(const webclean_result* result, size_t* len) {
  return metadata_string(result, &webclean::Metadata::date, len);
}

const char* webclean_result_site_name(const webclean_result* result, size_t* len) {
  return metadata_string(result, &webclean::Metadata::site_name, len);
}

const char* webclean_result_language(const webclean_result* result, size_t* len) {
  return metadata_string(result, &webclean::Metadata::language, len);
}

const char* webclean_result_description(const webclean_result* result, size_t* len) {
  return metadata_string(result, &webclean::Metadata::description, len);
}

const char* webclean_result_canonical_url(const webclean_result* result, size_t* len) {
  return metadata_string(result, &webclean::Metadata::canonical_url, len);
}

const char* webclean_result_image(const webclean_result* result, size_t* len) {
  return metadata_string(result, &webclean::Metadata::image, len);
}

const char* webclean_result_page_type(const webclean_result* result, size_t* len) {
  // A failed document's page type is the default, not a decision.
  if (!webclean_result_ok(result)) return with_length("", len);
  return with_length(webclean::page_type_name(result->result.metadata.page_type), len);
}

size_t webclean_result_block_count(const webclean_result* result) {
  return result != nullptr ? result->result.blocks.size() : 0;
}

const char* webclean_result_block_text(const webclean_result* result, size_t index, size_t* len) {
  return block_string(result, index, &webclean::BlockReport::text, len);
}

const char* webclean_result_block_kind(const webclean_result* result, size_t index, size_t* len) {
  return block_string(result, index, &webclean::BlockReport::kind, len);
}

int webclean_result_block_kept(const webclean_result* result, size_t index) {
  const webclean::BlockReport* block = block_at(result, index);
  return block != nullptr && block->kept ? 1 : 0;
}

const char* webclean_result_block_stage(const webclean_result* result, size_t index, size_t* len) {
  return block_string(result, index, &webclean::BlockReport::stage, len);
}

const char* webclean_result_block_reason(const webclean_result* result, size_t index, size_t* len) {
  return block_string(result, index, &webclean::BlockReport::reason, len);
}

}  // extern "C"
