// Sink: renders a Result for output: plain text, JSON, or the --explain
// listing of every block and the decision taken on it. Also maps input
// paths to output paths for -o DIR and writes files atomically.
#ifndef WEBCLEAN_SINK_SINK_H_
#define WEBCLEAN_SINK_SINK_H_

#include <string>
#include <string_view>

#include "webclean/result.h"

namespace webclean::sink {

enum class Format { kText, kJson };

// Plain text: the kept blocks, paragraphs separated by one blank line, a
// final newline (nothing at all for an empty result).
std::string render_text(const Result& result);
// One JSON object: {"id", "url", "title", "text", "input_kind", "charset",
// "metadata": {its non-empty fields}, "error" when set, "blocks": [...] when
// the result has block reports}, then "\n". `pretty` indents by two spaces
// (one document); otherwise it is a single line (JSON Lines).
std::string render_json(const Result& result, std::string_view id, std::string_view url,
                        bool pretty = false);
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

}  // namespace webclean::sink

#endif  // WEBCLEAN_SINK_SINK_H_
