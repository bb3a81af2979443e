// Record streams: inputs that hold many documents (JSON Lines, WARC and WET
// files) are read one record at a time, so that an endless stream or a
// 1 GB crawl file is cleaned in bounded memory. A bad record is reported
// in its own Record::error and the reader goes on to the next one when the
// format allows; only a stream that cannot continue ends early.
#ifndef WEBCLEAN_SOURCE_RECORDS_H_
#define WEBCLEAN_SOURCE_RECORDS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace webclean::source {

// One document of a record stream.
struct Record {
  // JSONL: the id field; WARC: WARC-Record-ID ("urn:uuid:...", without
  // the angle brackets it is written in).
  std::string id;
  std::string url;    // JSONL: the url field; WARC: WARC-Target-URI (no brackets)
  std::string date;   // WARC-Date, when there is one
  std::string kind;   // "html" or "text" when the record says so, else ""
  std::string bytes;  // the document: HTML (HTTP body decoded) or text
  // From the HTTP response or the record; JSONL records say
  // "text/html; charset=utf-8" or "text/plain; charset=utf-8" (JSON text
  // is Unicode, so a page's own <meta charset> no longer applies).
  std::string content_type;
  std::string content_language;  // WARC response records: the HTTP Content-Language header
  int http_status = 0;           // WARC response records
  // JSONL: the record's other fields, as one serialised JSON object
  // ("{}" when none), passed through to the output untouched.
  std::string passthrough = "{}";
  // WARC headers worth carrying to the output (name, value as written):
  // WARC-Record-ID, WARC-Target-URI, WARC-Date, WARC-Type, and
  // WARC-Refers-To for conversions.
  std::vector<std::pair<std::string, std::string>> headers;
  // WARC: where the record starts, as the byte offset of its version line
  // in the WARC data (after gzip decoding, for .warc.gz), so that an error
  // can be found again in the file.
  uint64_t offset = 0;
  std::string error;  // non-empty: this record could not be read
  // JSONL: with `error`, the line is a JSON object but has neither the html
  // nor the text field (a file of other data, not of documents).
  bool no_document_field = false;
  bool skipped = false;     // not a document (a WARC request, a PDF response, a blank line)
  std::string skip_reason;  // e.g. "not HTML (application/pdf)", kBlankLine
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Reads the next record into `out` (all fields reset). Returns false at
  // the end of the stream. A record with `error` set may be followed by
  // more; a stream that cannot go on returns it and then false.
  virtual bool next(Record& out) = 0;
  // Bytes of input consumed so far (compressed bytes for .gz), for
  // progress; reading ahead by at most a buffer (64 KiB or so).
  virtual size_t bytes_read() const = 0;
};

// Which JSONL fields hold what.
struct JsonlFields {
  std::string id = "id";
  std::string url = "url";
  std::string html = "html";
  std::string text = "text";
};

// JSON Lines: one object per line with the id, url, and html or text
// fields named by `fields` (string values; html wins when both are there;
// a numeric id is taken as its JSON text; no id: the line number; a null
// field counts as absent). Every field but those four goes to
// Record::passthrough as written, in order. A bad line is an error record
// whose message names its line and what is wrong, bytes counted from 1 at
// the start of the line:
//   line N: invalid UTF-8 at byte M
//   line N: invalid JSON at byte M: missing closing quote (nlohmann's reason)
//   line N: not a JSON object (an array)
//   line N: "html" is a number, not a string  (the field's configured name)
//   line N: no "html" or "text" field
//   line N: longer than --max-bytes (M bytes)
// A blank line (spaces only) is a `skipped` record, skip_reason kBlankLine.
// CRLF line ends are fine. Gzipped input is recognised and inflated as it
// streams. `max_bytes` bounds one line: a longer one is an error record,
// skipped without being held in memory.
inline constexpr const char* kBlankLine = "blank line";
std::unique_ptr<RecordReader> open_jsonl(std::unique_ptr<std::istream> in, JsonlFields fields,
                                         size_t max_bytes);

// WARC (response, resource and WET conversion records), plain or gzipped
// (one gzip member per record, or one for the whole file). Response
// records: the HTTP status line and headers are parsed, the body is
// de-chunked and decoded (gzip, deflate, br); non-HTML bodies, non-2xx
// statuses, request/metadata/warcinfo records are `skipped`. Conversion
// records (WET) are text. A record whose Content-Length is wrong either
// way is one error record, and reading resumes at the next record header
// after where it really ends (a length that runs into the next records is
// caught by the block not being followed by a record, or by the data
// ending; the bytes read past the real end are read again). A record cut
// off by the end of the data is an error record and ends the stream.
// A document block over `max_bytes` is skipped unread: an error record, or
// `skipped` when its HTTP head already shows it is no document (a PDF).
// A damaged gzip member is an error record; reading goes on at the next
// member when there is one.
std::unique_ptr<RecordReader> open_warc(std::unique_ptr<std::istream> in, size_t max_bytes);

// What a file's name says it holds, as the command line reads it under
// --input auto: WARC or WET records (.warc, .wet), JSON Lines (.jsonl,
// .ndjson), each also gzipped (.gz); else neither (one document).
enum class StreamFormat { kNone, kJsonl, kWarc };
StreamFormat stream_format_of(std::string_view path);

// Opens a file (or "-" for stdin) as a stream, read as it is consumed;
// "" in `error` on success, else nullptr and the reason (e.g. "No such
// file or directory"). Gzip is left to the readers, which recognise it.
std::unique_ptr<std::istream> open_input(const std::string& path, std::string& error);

// Standard input as a stream, starting with the bytes peek_stdin() took.
// `before_wait`, when set, is called each time the stream is about to wait
// for input: its bytes are all consumed and poll(2) finds none ready (and
// not the end either). A reader holding back work until more comes can
// hand it over there, so that a producer waiting for answers gets them.
std::unique_ptr<std::istream> open_stdin(std::function<void()> before_wait);

// Whether `prefix`, the start of a text (its first line, perhaps cut off),
// starts a JSON Lines record: past white space and a byte order mark, a
// JSON object with the `fields.html` or `fields.text` member set to
// something other than null, among the members the prefix holds whole
// enough to see.
bool starts_jsonl_record(std::string_view prefix, const JsonlFields& fields);

}  // namespace webclean::source

#endif  // WEBCLEAN_SOURCE_RECORDS_H_
