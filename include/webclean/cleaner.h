// webclean: turn a web page or a text dump of one into its clean article text.
// A Cleaner loads its rules once, is immutable afterwards, and clean() may be
// called from any number of threads at once.
#ifndef WEBCLEAN_CLEANER_H_
#define WEBCLEAN_CLEANER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "webclean/export.h"
#include "webclean/repeat_index.h"
#include "webclean/result.h"

namespace webclean {

// What kind of document the bytes are. kAuto sniffs the content.
enum class InputKind { kAuto, kHtml, kText };

struct Options {
  // Extra rule directories, read after the shipped rules (rules/ of the
  // install); a file with the name of a shipped one replaces it.
  std::vector<std::string> rule_dirs;
  // Where the shipped rules live; empty means the compiled-in default.
  std::string shipped_rules_dir;
  // Skip the shipped rules entirely (tests, or a caller with its own set).
  bool no_shipped_rules = false;
  // Record every block with its decision in Result::blocks (for --explain
  // and JSON output). Off by default: it costs a copy of each block's text.
  bool keep_block_reports = false;
  // Also write the kept blocks as Markdown to Result::markdown: headings,
  // lists, quotes, tables, code blocks and inline emphasis. Off by
  // default: it costs a second copy of each block's text. Result::text and
  // every decision are the same with it on or off.
  bool markdown = false;
  // With `markdown`: links keep their targets, [text](url), resolved
  // against DocumentInfo::url (and <base href>) when it is absolute.
  bool markdown_links = false;
  // Time allowed for one document, in seconds; 0 (or a year or more) means
  // no limit. Checked between the stages (each is linear in the document's
  // size, and the parser's depth and element budgets bound the rest), so a
  // document may overrun it by one stage before it fails with Result::error set.
  double max_seconds = 0;
  // The page type every document gets; kAuto (the default) decides it per
  // page from its markup, URL and structure (Result::metadata.page_type).
  PageType page_type = PageType::kAuto;
};

// Per-document hints from the caller (a fetcher, a WARC record, a file).
struct DocumentInfo {
  std::string url;           // used for per-site rules and metadata
  std::string content_type;  // e.g. "text/html; charset=latin1"
  std::string charset;       // a declared charset hint, e.g. from HTTP
  InputKind kind = InputKind::kAuto;
  // The HTTP Content-Language header, e.g. "de-DE" or "de, en": the
  // document's language when the page does not declare one (<html lang>).
  std::string content_language{};
  // Bulk runs: the lines of this document's site that recur on many of its
  // documents (see repeat_index.h) are dropped. Not owned; null: off.
  const RepeatIndex* repeats = nullptr;
  // The site `repeats` is asked about; empty: RepeatIndex::site_of(url, "").
  std::string site{};
  // A stream read once: judge by the documents counted at positions up to
  // this one (RepeatIndex::documents' as_of); the default, all of them.
  uint64_t repeats_as_of = RepeatIndex::kNoPosition;
};

// Thrown by the Cleaner constructor when a rule file is malformed; what()
// reads "file:line: reason".
class WEBCLEAN_API RuleError : public std::exception {
 public:
  explicit RuleError(std::string message) : message_(std::move(message)) {}
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  std::string message_;
};

// Scratch memory that one thread reuses from document to document (the
// HTML parser's arena, buffers). Optional: clean() without one allocates
// its own. A Workspace must not be used by two threads at once.
class WEBCLEAN_API Workspace {
 public:
  Workspace();
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

class WEBCLEAN_API Cleaner {
 public:
  // Loads the rules (each pattern is compiled the first time a page needs
  // it; see rules/README.md). Throws RuleError on a bad rule file.
  explicit Cleaner(const Options& options = Options{});
  ~Cleaner();
  Cleaner(Cleaner&&) noexcept;
  Cleaner& operator=(Cleaner&&) noexcept;
  Cleaner(const Cleaner&) = delete;
  Cleaner& operator=(const Cleaner&) = delete;

  // Cleans one document given as raw bytes in any encoding. Never throws
  // for bad input: a document that cannot be cleaned comes back with
  // Result::error set and empty text.
  Result clean(std::string_view bytes, const DocumentInfo& info = DocumentInfo{}) const;
  // The same, reusing `workspace`'s memory: what a worker thread of a bulk
  // run calls, with one Workspace per thread.
  Result clean(std::string_view bytes, const DocumentInfo& info, Workspace& workspace) const;

  // The first pass of a bulk run with a repetition filter: counts the
  // document's lines (a page's block texts after parsing, a dump's
  // paragraphs and lines) in `repeats` under info.site (or its URL's host).
  // False when the bytes cannot be read as a document; nothing is counted.
  // `position`: the document's place in a stream read once (RepeatIndex::add).
  bool index(std::string_view bytes, const DocumentInfo& info, RepeatIndex& repeats,
             Workspace& workspace, uint64_t position = RepeatIndex::kNoPosition) const;

  struct Impl;

 private:
  std::unique_ptr<const Impl> impl_;
};

}  // namespace webclean

#endif  // WEBCLEAN_CLEANER_H_
