// WARC and WET records. A record is a version line, headers up to an empty
// line, Content-Length bytes of block, then two CRLFs. Only the current
// record's block is ever held, and only when it is at most max_bytes: a
// larger one, and every record that is not a document, is skipped as it
// streams by. A Content-Length that does not land on the next record is
// caught by looking for "WARC/" after the block; the reader then scans for
// the next line that starts a record. (So over a pipe, a record is
// returned once the next one begins or the data ends.)
#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "decode/kind.h"
#include "source/http.h"
#include "source/record_input.h"
#include "source/records.h"

namespace webclean::source {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

constexpr size_t kMaxHeaderLine = size_t{64} << 10;
constexpr size_t kMaxHeaderBytes = size_t{1} << 20;
// How much of an oversized response block is read to learn its status and
// Content-Type (and so whether it is a document at all).
constexpr size_t kHttpHeadBytes = size_t{64} << 10;

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string_view field(const Fields& fields, std::string_view name) {
  for (const auto& [key, value] : fields) {
    if (base::iequals(key, name)) return value;
  }
  return {};
}

// "<urn:uuid:...>" -> "urn:uuid:..." (WARC 1.0 writes some URIs in brackets).
std::string without_brackets(std::string_view value) {
  if (value.size() >= 2 && value.front() == '<' && value.back() == '>') {
    value = value.substr(1, value.size() - 2);
  }
  return std::string(value);
}

// Content-Length: decimal digits only; false for anything else.
bool parse_length(std::string_view text, size_t& length) {
  text = base::trim(text);
  if (text.empty() || text.size() > 18) return false;
  length = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    length = length * 10 + static_cast<size_t>(c - '0');
  }
  return true;
}

// "Text/HTML; charset=x" -> "text/html".
std::string media_type(std::string_view content_type) {
  return base::lower_ascii(base::trim(content_type.substr(0, content_type.find(';'))));
}

bool is_html_type(const std::string& type) {
  return type == "text/html" || type == "application/xhtml+xml";
}

// Types that say nothing about the content: the body decides.
bool is_unknown_type(const std::string& type) {
  return type.empty() || type.find('/') == std::string::npos ||
         type == "application/octet-stream" || type == "binary/octet-stream" ||
         type == "application/unknown" || type == "application/x-unknown" ||
         type == "unknown/unknown" || type == "*/*";
}

std::string not_html(const std::string& type) {
  return "not HTML (" + (type.empty() ? std::string("no Content-Type") : type) + ")";
}

// Why a response with this head is not a document; "" when it is one or
// may be (an unknown type: the body must be sniffed).
std::string response_skip_reason(const HttpHead& head) {
  if (head.status < 200 || head.status > 299) return "HTTP " + std::to_string(head.status);
  const std::string type = media_type(head.header("Content-Type"));
  if (is_html_type(type) || is_unknown_type(type)) return {};
  return not_html(type);
}

// Why a resource record of this type is not a document; "" when it is or
// may be.
std::string resource_skip_reason(const std::string& type) {
  if (is_html_type(type) || type == "text/plain" || is_unknown_type(type)) return {};
  return not_html(type);
}

// Why a response record does not hold an HTTP response (a dns: lookup is
// a "text/dns" response); "" when it does.
std::string not_http_reason(const Fields& fields) {
  const std::string type = media_type(field(fields, "Content-Type"));
  if (type.empty() || type == "application/http") return {};
  return "not an HTTP response (" + type + ")";
}

// A line that starts a record: "WARC/" digits "." digits (WARC/1.0, 1.1,
// and the 0.x drafts), nothing else on it.
bool is_version_line(std::string_view line) {
  if (!starts_with(line, "WARC/")) return false;
  const std::string_view version = line.substr(5);
  const size_t dot = version.find('.');
  if (dot == 0 || dot == std::string_view::npos || dot + 1 == version.size()) return false;
  for (size_t i = 0; i < version.size(); ++i) {
    if (i != dot && (version[i] < '0' || version[i] > '9')) return false;
  }
  return true;
}

// Whether `bytes` begins with a whole version line.
bool starts_with_version_line(std::string_view bytes) {
  const size_t end = bytes.find('\n');
  if (end == std::string_view::npos) return false;
  std::string_view line = bytes.substr(0, end);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return is_version_line(line);
}

// The first line of `bytes` that may begin a record: it starts with "WARC/",
// or with the start of it where `bytes` ends. npos when there is none.
// `at_line_start`: bytes[0] begins a line.
size_t first_record_candidate(std::string_view bytes, bool at_line_start) {
  constexpr std::string_view kMark = "WARC/";
  size_t line = at_line_start ? 0 : bytes.find('\n');
  if (!at_line_start && line != std::string_view::npos) ++line;
  while (line < bytes.size()) {
    const size_t n = std::min(kMark.size(), bytes.size() - line);
    if (bytes.substr(line, n) == kMark.substr(0, n)) return line;
    line = bytes.find('\n', line);
    if (line == std::string_view::npos) break;
    ++line;
  }
  return std::string_view::npos;
}

class WarcReader : public RecordReader {
 public:
  WarcReader(std::unique_ptr<std::istream> in, size_t max_bytes)
      : input_(std::move(in)), max_bytes_(max_bytes) {}

  bool next(Record& out) override;
  size_t bytes_read() const override { return input_.raw_bytes_read(); }

 private:
  enum class Start { kFound, kEnd, kNotWarc };
  Start read_version_line();
  bool scan_to_version_line();
  bool end_of_data(Record& out);
  void stream_cut(Record& out, std::string error);
  bool read_headers(Fields& fields, Record& out);
  void read_record(Record& out);
  void read_document(const std::string& type, size_t length, const Fields& fields, Record& out);
  void judge_oversized(const std::string& type, size_t length, const Fields& fields, Record& out);
  void pass_block(size_t length, std::string_view head, Record& out);
  size_t skip_block(size_t length, std::string_view head);
  void hold(std::string_view bytes, bool& at_line_start);
  void block_damaged(size_t length, size_t got, std::string_view from_candidate, Record& out);
  void mark_truncated(size_t length, size_t got, Record& out);
  void mark_misaligned(size_t length, Record& out);
  void mark_overrun(size_t length, size_t real_length, std::string_view read_again, Record& out);
  bool block_ends_cleanly();
  void take_response(const Fields& fields, Record& out);
  void take_resource(const Fields& fields, Record& out);

  RecordInput input_;
  size_t max_bytes_;
  bool ended_ = false;
  bool have_version_ = false;  // a resync already read the next version line
  bool need_resync_ = false;
  uint64_t record_start_ = 0;  // offset of the last version line found
  std::string line_;
  std::string block_;
  // While a block is skipped: its bytes from the first line that may start
  // a record on, in case its Content-Length proves too long.
  std::string held_;
  bool hold_overflowed_ = false;  // held_ had to let go of such a line
};

// How much of a skipped block is held back from the first line in it that
// may begin a record. A Content-Length that overstates a skipped block by
// more loses the records in the excess (the damaged record's error says
// so); documents, read whole, are recovered up to max_bytes.
constexpr size_t kMaxHeldBytes = size_t{1} << 20;

bool WarcReader::next(Record& out) {
  out = Record{};
  if (ended_) return false;
  if (need_resync_ && !scan_to_version_line()) return end_of_data(out);
  if (!have_version_) {
    const Start start = read_version_line();
    if (start == Start::kEnd) return end_of_data(out);
    if (start == Start::kNotWarc) {
      out.offset = record_start_;
      out.error = "not a WARC record (a line reads \"" + line_.substr(0, 60) + "\")";
      need_resync_ = true;
      return true;
    }
  }
  have_version_ = false;
  out.offset = record_start_;
  read_record(out);
  return true;
}

WarcReader::Start WarcReader::read_version_line() {
  for (;;) {
    record_start_ = input_.bytes().position();
    if (!read_line(input_.bytes(), line_, 256).got) return Start::kEnd;
    if (base::trim(line_).empty()) continue;
    return is_version_line(base::trim(line_)) ? Start::kFound : Start::kNotWarc;
  }
}

// Consumes lines up to and including the next record's version line;
// false when the data ends first.
bool WarcReader::scan_to_version_line() {
  need_resync_ = false;
  for (;;) {
    record_start_ = input_.bytes().position();
    if (!read_line(input_.bytes(), line_, 16).got) return false;
    if (is_version_line(line_)) {
      have_version_ = true;
      return true;
    }
  }
}

// The data has ended: for good, or at damaged gzip data, which is
// reported and skipped when another gzip member follows.
bool WarcReader::end_of_data(Record& out) {
  const std::string error = input_.stream_error();
  if (error.empty()) {
    ended_ = true;
    return false;
  }
  out.offset = input_.bytes().position();
  stream_cut(out, "damaged data between records");
  return true;
}

// The data ended inside a record: reports `error` (with the gzip damage
// that caused it, if any) and goes on at the next gzip member if there is
// one; otherwise the stream is over.
void WarcReader::stream_cut(Record& out, std::string error) {
  const std::string stream_error = input_.stream_error();
  if (!stream_error.empty()) error += ": " + stream_error;
  out.error = std::move(error);
  out.bytes.clear();
  if (!stream_error.empty() && input_.resync_stream()) {
    need_resync_ = true;
  } else {
    ended_ = true;
  }
}

// Reads the header lines after the version line; false with `out.error`
// set when they are cut off or too long.
bool WarcReader::read_headers(Fields& fields, Record& out) {
  size_t total = 0;
  for (;;) {
    const LineRead read = read_line(input_.bytes(), line_, kMaxHeaderLine);
    if (!read.got) {
      stream_cut(out, "truncated record (the data ends in its headers)");
      return false;
    }
    if (line_.empty()) return true;
    total += line_.size();
    if (read.too_long || total > kMaxHeaderBytes) {
      out.error = "WARC headers too long";
      need_resync_ = true;
      return false;
    }
    if ((line_[0] == ' ' || line_[0] == '\t') && !fields.empty()) {
      fields.back().second += " " + std::string(base::trim(line_));
      continue;
    }
    const size_t colon = line_.find(':');
    if (colon == std::string::npos) continue;
    fields.emplace_back(std::string(base::trim(std::string_view(line_).substr(0, colon))),
                        std::string(base::trim(std::string_view(line_).substr(colon + 1))));
  }
}

// Copies the identifying headers into `out`.
void describe(const Fields& fields, const std::string& type, Record& out) {
  out.id = without_brackets(field(fields, "WARC-Record-ID"));
  out.url = without_brackets(field(fields, "WARC-Target-URI"));
  out.date = std::string(field(fields, "WARC-Date"));
  std::vector<std::string_view> names = {"WARC-Record-ID", "WARC-Target-URI", "WARC-Date",
                                         "WARC-Type"};
  if (type == "conversion") names.push_back("WARC-Refers-To");
  for (const std::string_view name : names) {
    const std::string_view value = field(fields, name);
    if (!value.empty()) out.headers.emplace_back(std::string(name), std::string(value));
  }
}

void WarcReader::read_record(Record& out) {
  Fields fields;
  if (!read_headers(fields, out)) return;
  const std::string type = base::lower_ascii(base::trim(field(fields, "WARC-Type")));
  describe(fields, type, out);
  size_t length = 0;
  if (!parse_length(field(fields, "Content-Length"), length)) {
    out.error = "no valid Content-Length";
    need_resync_ = true;
    return;
  }
  const bool document = type == "response" || type == "resource" || type == "conversion";
  if (document && length <= max_bytes_) {
    read_document(type, length, fields, out);
    return;
  }
  block_.clear();
  if (document) {
    judge_oversized(type, length, fields, out);
  } else {
    out.skipped = true;
    out.skip_reason = (type.empty() ? std::string("untyped") : type) + " record";
  }
  pass_block(length, block_, out);
  block_.clear();
}

// Skips the rest of a block that is not kept (`head`: its first bytes,
// already read) and checks that it ends where its Content-Length says.
void WarcReader::pass_block(size_t length, std::string_view head, Record& out) {
  const size_t got = skip_block(length, head);
  if (got < length || !block_ends_cleanly()) block_damaged(length, got, held_, out);
  held_.clear();
}

// Consumes the block up to `length` bytes, `head` of them already read;
// returns how many there were. Meanwhile holds back (in held_) the bytes
// from the first line that may begin a record.
size_t WarcReader::skip_block(size_t length, std::string_view head) {
  held_.clear();
  hold_overflowed_ = false;
  bool at_line_start = true;
  hold(head, at_line_start);
  size_t got = head.size();
  WindowBuf& in = input_.bytes();
  while (got < length) {
    std::string_view bytes = in.window();
    if (bytes.empty()) break;
    bytes = bytes.substr(0, std::min(bytes.size(), length - got));
    hold(bytes, at_line_start);
    in.advance(bytes.size());
    got += bytes.size();
  }
  return got;
}

void WarcReader::hold(std::string_view bytes, bool& at_line_start) {
  if (bytes.empty()) return;
  if (held_.empty()) {
    const size_t from = first_record_candidate(bytes, at_line_start);
    if (from != std::string_view::npos) held_.assign(bytes.substr(from));
  } else {
    held_.append(bytes);
  }
  at_line_start = bytes.back() == '\n';
  if (held_.size() <= kMaxHeldBytes) return;
  // Let go of the earliest lines: keep the first candidate that fits.
  hold_overflowed_ = true;
  const size_t from =
      first_record_candidate(std::string_view(held_).substr(held_.size() - kMaxHeldBytes), false);
  if (from == std::string_view::npos) {
    held_.clear();
  } else {
    held_.erase(0, held_.size() - kMaxHeldBytes + from);
  }
}

// A block that does not end where its Content-Length says: `got` of its
// `length` bytes were there, and `from_candidate` holds the ones read from
// the first line in it that may begin a record. When there is such a
// line, the length ran into the records after it, which are read again.
void WarcReader::block_damaged(size_t length, size_t got, std::string_view from_candidate,
                               Record& out) {
  out.skipped = false;
  out.skip_reason.clear();
  out.bytes.clear();
  const bool data_ended = got < length;
  // Where the data has ended, nothing can complete a record start cut off.
  const bool resumable =
      data_ended ? input_.stream_error().empty() && starts_with_version_line(from_candidate)
                 : !from_candidate.empty();
  if (!resumable) {
    if (data_ended) {
      mark_truncated(length, got, out);
    } else {
      mark_misaligned(length, out);
    }
    return;
  }
  mark_overrun(length, got - from_candidate.size(), from_candidate, out);
}

void WarcReader::mark_truncated(size_t length, size_t got, Record& out) {
  stream_cut(out, "truncated record (Content-Length " + std::to_string(length) + ", " +
                      std::to_string(got) + " bytes left)");
}

void WarcReader::mark_misaligned(size_t length, Record& out) {
  out.error = "Content-Length " + std::to_string(length) +
              " does not end the block (no WARC record follows it)";
  need_resync_ = true;
}

// The block's length ran past its end: the next record starts
// `next_record` bytes in. What was read from there is read again.
void WarcReader::mark_overrun(size_t length, size_t next_record, std::string_view read_again,
                              Record& out) {
  out.error = "Content-Length " + std::to_string(length) +
              " runs past the block into the next record, which starts " +
              std::to_string(next_record) + " bytes in";
  if (hold_overflowed_) {
    out.error += " (over 1 MiB of the block was passed over first: records in it are lost)";
  }
  input_.bytes().unread(read_again);
  need_resync_ = true;
}

// Reads a block of at most max_bytes and takes the document from it.
void WarcReader::read_document(const std::string& type, size_t length, const Fields& fields,
                               Record& out) {
  block_.clear();
  const size_t got = read_bytes(input_.bytes(), length, block_);
  if (got < length || !block_ends_cleanly()) {
    hold_overflowed_ = false;
    const size_t from = first_record_candidate(block_, true);
    const std::string_view read_again =
        from == std::string_view::npos ? std::string_view() : std::string_view(block_).substr(from);
    block_damaged(length, got, read_again, out);
    block_.clear();
    return;
  }
  if (type == "response") {
    take_response(fields, out);
  } else if (type == "resource") {
    take_resource(fields, out);
  } else {
    out.kind = "text";
    out.content_type = std::string(field(fields, "Content-Type"));
    out.bytes = std::move(block_);
  }
}

// A document block over max_bytes: skipped when its head shows it is not a
// document anyway (a large PDF), else an error. Reads at most the start of
// the block into block_; the caller skips the rest.
void WarcReader::judge_oversized(const std::string& type, size_t length, const Fields& fields,
                                 Record& out) {
  std::string reason;
  if (type == "resource") {
    out.content_type = std::string(field(fields, "Content-Type"));
    reason = resource_skip_reason(media_type(out.content_type));
  } else if (type == "response") {
    reason = not_http_reason(fields);
    read_bytes(input_.bytes(), std::min({kHttpHeadBytes, max_bytes_, length}), block_);
    HttpHead head;
    std::string error;
    if (reason.empty() && parse_http_head(block_, head, error) != std::string_view::npos) {
      out.http_status = head.status;
      out.content_type = std::string(head.header("Content-Type"));
      reason = response_skip_reason(head);
    }
  }
  if (reason.empty()) {
    out.error = "record too large (" + std::to_string(length) + " bytes, limit " +
                std::to_string(max_bytes_) + ")";
  } else {
    out.skipped = true;
    out.skip_reason = std::move(reason);
  }
}

// After a block: skips the CRLFs that end the record and checks that what
// follows is the end of the data or the next record. When it is not, the
// line ends skipped are put back (they may belong to a record header that
// the block's length ran into).
bool WarcReader::block_ends_cleanly() {
  WindowBuf& in = input_.bytes();
  std::string line_ends;
  for (;;) {
    const std::string_view bytes = in.window();
    size_t newlines = 0;
    while (newlines < bytes.size() && (bytes[newlines] == '\r' || bytes[newlines] == '\n')) {
      ++newlines;
    }
    line_ends.append(bytes.substr(0, newlines));
    in.advance(newlines);
    if (newlines < bytes.size() || bytes.empty()) break;
  }
  const std::string_view next = in.window(5);
  if (next.empty() || starts_with(next, "WARC/")) return true;
  in.unread(line_ends);
  return false;
}

void WarcReader::take_response(const Fields& fields, Record& out) {
  out.skip_reason = not_http_reason(fields);
  HttpHead head;
  std::string error;
  const size_t body_at = out.skip_reason.empty() ? parse_http_head(block_, head, error) : 0;
  if (body_at == std::string_view::npos) {
    out.error = error;
    return;
  }
  out.http_status = head.status;
  out.content_type = std::string(head.header("Content-Type"));
  out.content_language = std::string(head.header("Content-Language"));
  if (out.skip_reason.empty()) out.skip_reason = response_skip_reason(head);
  if (!out.skip_reason.empty()) {
    out.skipped = true;
    return;
  }
  const std::string_view body = std::string_view(block_).substr(body_at);
  if (!decode_http_body(head, body, max_bytes_, out.bytes, error)) {
    out.bytes.clear();
    out.error = "cannot decode the HTTP body: " + error;
    return;
  }
  const std::string type = media_type(out.content_type);
  if (is_unknown_type(type) && decode::sniff_kind(out.bytes, "") != decode::Kind::kHtml) {
    out.bytes.clear();
    out.skipped = true;
    out.skip_reason = not_html(type);
    return;
  }
  out.kind = "html";
}

void WarcReader::take_resource(const Fields& fields, Record& out) {
  out.content_type = std::string(field(fields, "Content-Type"));
  const std::string type = media_type(out.content_type);
  out.skip_reason = resource_skip_reason(type);
  // wget stores its own log and arguments as resource records of
  // metadata:// URIs; they are not pages of the crawl.
  if (starts_with(base::lower_ascii(out.url.substr(0, 9)), "metadata:")) {
    out.skip_reason = "crawler metadata (" + out.url.substr(0, 60) + ")";
  }
  if (out.skip_reason.empty() && is_unknown_type(type) &&
      decode::sniff_kind(block_, "") != decode::Kind::kHtml) {
    out.skip_reason = not_html(type);
  }
  if (!out.skip_reason.empty()) {
    out.skipped = true;
    return;
  }
  out.kind = type == "text/plain" ? "text" : "html";
  out.bytes = std::move(block_);
}

}  // namespace

std::unique_ptr<RecordReader> open_warc(std::unique_ptr<std::istream> in, size_t max_bytes) {
  return std::make_unique<WarcReader>(std::move(in), max_bytes);
}

}  // namespace webclean::source
