// Record streams: inputs that hold many documents (JSON Lines, WARC and WET
// files) are read one record at a time, so that an endless stream or a
// 1 GB crawl file is cleaned in bounded memory. A bad record is reported
// in its own Record::error and the reader goes on to the next one when the
// format allows; only a stream that cannot continue ends early.
#ifndef WEBCLEAN_SOURCE_RECORDS_H_
#define WEBCLEAN_SOURCE_RECORDS_H_

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace webclean::source {

// One document of a record stream.
struct Record {
  std::string id;            // JSONL: the id field; WARC: WARC-Record-ID
  std::string url;           // JSONL: the url field; WARC: WARC-Target-URI
  std::string date;          // WARC-Date, when there is one
  std::string kind;          // "html" or "text" when the record says so, else ""
  std::string bytes;         // the document: HTML (HTTP body decoded) or text
  std::string content_type;  // from the HTTP response or the record
  int http_status = 0;       // WARC response records
  // JSONL: the record's other fields, as one serialised JSON object
  // ("{}" when none), passed through to the output untouched.
  std::string passthrough = "{}";
  // WARC headers worth carrying to the output (name, value).
  std::vector<std::pair<std::string, std::string>> headers;
  std::string error;         // non-empty: this record could not be read
  bool skipped = false;      // not a document (a WARC request, metadata, a PDF response)
  std::string skip_reason;   // e.g. "not HTML (application/pdf)"
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Reads the next record into `out` (all fields reset). Returns false at
  // the end of the stream. A record with `error` set may be followed by
  // more; a stream that cannot go on returns it and then false.
  virtual bool next(Record& out) = 0;
  // Bytes of input consumed so far (compressed bytes for .gz), for progress.
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
// fields named by `fields`; other fields go to Record::passthrough. A line
// that is not a JSON object, or lacks both html and text, is an error
// record naming its line number. Gzipped input is recognised and inflated
// as it streams. `max_bytes` bounds one record.
std::unique_ptr<RecordReader> open_jsonl(std::unique_ptr<std::istream> in, JsonlFields fields,
                                         size_t max_bytes);

// WARC (response, resource and WET conversion records), plain or gzipped
// (one gzip member per record, or one for the whole file). Response
// records: the HTTP status line and headers are parsed, the body is
// de-chunked and decoded (gzip, deflate, br); non-HTML bodies, non-2xx
// statuses, request/metadata/warcinfo records are `skipped`. Conversion
// records (WET) are text. A record whose Content-Length runs past the end
// of the file is an error record and ends the stream; one whose
// Content-Length is too short is resynchronised at the next "WARC/" line.
std::unique_ptr<RecordReader> open_warc(std::unique_ptr<std::istream> in, size_t max_bytes);

// Opens a file (or "-" for stdin) as a stream; "" in `error` on success.
std::unique_ptr<std::istream> open_input(const std::string& path, std::string& error);

}  // namespace webclean::source

#endif  // WEBCLEAN_SOURCE_RECORDS_H_
