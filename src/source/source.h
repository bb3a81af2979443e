// Source: where documents come from. Yields RawDocuments (bytes plus the
// hints that came with them) from files, directory trees, gzip files and
// stdin. Reading never throws: a document that cannot be read carries its
// error and the batch goes on.
#ifndef WEBCLEAN_SOURCE_SOURCE_H_
#define WEBCLEAN_SOURCE_SOURCE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace webclean::source {

struct RawDocument {
  std::string id;        // the input path as given, or "-" for stdin
  std::string relative;  // path below the directory it was found in ("" for a file)
  std::string url;
  std::string bytes;         // gunzipped when the input was gzip
  std::string content_type;  // hint, e.g. from HTTP; "" for files
  std::string error;         // non-empty when the input could not be read
};

// Default limits; a larger file or gzip expansion is an error for that input.
inline constexpr size_t kDefaultMaxBytes = size_t{64} << 20;

// Reads a file, gunzipping it when it starts with the gzip magic bytes.
RawDocument read_file(const std::string& path, size_t max_bytes = kDefaultMaxBytes);
// Reads all of standard input (gunzipped likewise), the bytes
// peek_stdin() took first.
RawDocument read_stdin(size_t max_bytes = kDefaultMaxBytes);

// Standard input looked at before it is read, to tell what it holds: reads
// until the first line with something other than white space in it is
// complete, `limit` bytes have come or the data ends (a producer that sends
// one record and waits is not waited on for more). Once per process: later
// calls return the same bytes without reading. The bytes are kept and
// handed, once, to whichever reader reads stdin then (read_stdin(),
// open_input("-")), so that none is lost.
std::string_view peek_stdin(size_t limit);
// The bytes peek_stdin() took, for the first reader of stdin; empty for
// any later one.
std::string take_peeked_stdin();

// One input found by expanding the command line's INPUT arguments.
struct InputFile {
  std::string path;      // path to open
  std::string relative;  // below the named directory; "" for a named file
};
// An input named or found that yields no document, and why.
struct InputNotice {
  std::string path;
  std::string reason;  // e.g. "No such file or directory", "a FIFO, not a regular file"
};

struct ExpandedInputs {
  std::vector<InputFile> files;
  // Inputs that fail: missing or unreadable arguments, subdirectories of a
  // walk that cannot be listed, and dangling symbolic links with an input's
  // name.
  std::vector<InputNotice> errors;
  // Entries of a walk with an input's name that are no regular file
  // (FIFOs, sockets, devices): never opened, since a FIFO would block the
  // walk, but reported.
  std::vector<InputNotice> skipped;
};

// Expands files and directories (recursive, sorted, symlink loops safe) into
// the files to clean: in a directory, files with the extensions .html .htm
// .xhtml .txt .md .markdown and the record streams .warc .wet .jsonl
// .ndjson (each also .gz); other names are not looked at. A named file is
// always taken, whatever it is (`webclean <(cmd)` reads the pipe).
ExpandedInputs expand_input_list(const std::vector<std::string>& args);
// The same, with the errors as "path: reason" and the skipped left out.
std::vector<InputFile> expand_inputs(const std::vector<std::string>& args,
                                     std::vector<std::string>& errors);

}  // namespace webclean::source

#endif  // WEBCLEAN_SOURCE_SOURCE_H_
