// Sink: renders a Result for output: plain text, Markdown, JSON, JSON
// Lines records of streams, or the --explain listing of every block and
// the decision taken on it. Also maps input paths to output paths for -o DIR and writes
// files atomically, whole or progressively.
#ifndef WEBCLEAN_SINK_SINK_H_
#define WEBCLEAN_SINK_SINK_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "webclean/result.h"

namespace webclean::sink {

// Documents: text, Markdown, JSON (indented when one document is the
// whole output), or JSON Lines (always one compact line).
enum class Format { kText, kMarkdown, kJson, kJsonl };

// The version of the JSON objects below, their first field
// "schema_version". docs/json-schema.md describes every field; a change
// that removes or retypes a field raises it.
inline constexpr int kJsonSchemaVersion = 1;

// Plain text: the kept blocks, paragraphs separated by one blank line, a
// final newline (nothing at all for an empty result). `with_title` puts
// the title and a blank line first (when there is a title).
std::string render_text(const Result& result, bool with_title = false);
// Markdown: Result::markdown (the Cleaner must have made it) and a final
// newline; `with_title` puts "# Title" and a blank line first.
std::string render_markdown(const Result& result, bool with_title = false);
// One JSON object: {"schema_version", "id", "url", "title", "text",
// "input_kind", "charset", "metadata": {every Metadata field, "" when
// unknown}, "error" when set, "blocks": [...] when the result has block
// reports}, then "\n". `pretty` indents by two spaces (one document);
// otherwise it is a single line (JSON Lines).
std::string render_json(const Result& result, std::string_view id, std::string_view url,
                        bool pretty = false);
// What a fetched page's JSON adds: {"final_url", "http_status",
// "fetch_seconds"} after "url".
struct FetchFacts {
  std::string final_url;
  int http_status = 0;
  double seconds = 0;
};
std::string render_fetched_json(const Result& result, std::string_view url, const FetchFacts& facts,
                                bool pretty = false);
// What a stream record's output line carries besides its Result: the
// record's own fields as its reader read them. The caller fills them from
// Source's record (Sink knows no reader's types); they are only read while
// the line is rendered.
struct RecordFields {
  std::string_view id;    // JSONL: the id; WARC: WARC-Record-ID
  std::string_view url;   // JSONL: the url; WARC: WARC-Target-URI
  std::string_view date;  // WARC-Date
  int http_status = 0;    // WARC responses; 0: none (written as null)
  // JSONL: the record's other fields, one serialised JSON object.
  std::string_view passthrough = "{}";
  // WARC: the headers worth carrying (name, value as written); null: none.
  const std::vector<std::pair<std::string, std::string>>* headers = nullptr;
};

// One JSON Lines record for a record of a JSONL stream: {"schema_version",
// "id", "url", "title", "metadata", "text"}, "markdown" when `with_markdown` (the
// Cleaner made it), "blocks" when the result has block reports, then the
// record's passthrough fields whose names are not already taken.
std::string render_jsonl_record(const Result& result, const RecordFields& record,
                                bool with_markdown = false);
// One JSON Lines record for a WARC record: {"schema_version",
// "warc_record_id", "url" (the target URI), "date", "http_status" (null
// when the record has none, as WET conversions), "title", "metadata", "text"},
// "markdown" when `with_markdown`, "blocks" when the result has block
// reports, and "warc_headers": {name: value} with the record's headers
// other than those three fields (WARC-Type, WARC-Refers-To, ...) when
// there are any.
std::string render_warc_record(const Result& result, const RecordFields& record,
                               bool with_markdown = false);
// Human-readable: one line a block, "KEEP"/"DROP", stage, reason, text.
std::string render_explain(const Result& result);

// The output path for an input found `relative` below a directory (or the
// input's file name for a named file): a compression suffix (.gz) is
// stripped, then the last extension is replaced by the format's:
// "a/b.html.gz" -> "a/b.txt", "x.de.story.html" -> "x.de.story.txt".
std::string output_relative_path(std::string_view relative, std::string_view extension);

// Writes `content` to `path` through a temporary file in the same
// directory and a rename, creating parent directories. Returns "" or an
// error message "path: reason". Readers never see a half-written file; the
// data is not fsync'ed (a crash of the machine, not of the process, may
// lose it), which keeps bulk runs of many small files fast.
std::string write_atomically(const std::string& path, std::string_view content);

// Removes from `directory` (not below it) the temporary files that runs
// killed outright (SIGKILL, a crash, a power cut) left behind: those whose
// owning process, on this machine, is gone. Temporaries of live runs stay,
// and so do those of other machines writing to the same disk (shards of
// one job on a cluster), whose processes cannot be checked from here.
// Returns how many were removed.
size_t remove_stale_temporaries(const std::string& directory);

// The machine's name as temporaries carry it: the host name with every
// character but letters, digits and '-' made '-'.
const std::string& temporary_host();

// An output file written progressively (the JSON Lines of a WARC file,
// record by record) that appears under its name only when commit()
// succeeds: until then the data goes to a temporary file beside it, which
// abort() or the destructor removes. Methods return "" or "path: reason".
class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Creates the temporary file (and the parent directories of `path`).
  std::string open(const std::string& path);
  std::string append(std::string_view content);
  // Renames the temporary file to the path given to open().
  std::string commit();
  // Removes the temporary file; nothing appears under the path.
  void abort();
  bool is_open() const { return fd_ >= 0; }

 private:
  std::string path_;
  std::string temporary_;
  int fd_ = -1;
};

}  // namespace webclean::sink

#endif  // WEBCLEAN_SINK_SINK_H_
