// JSON Lines records. Each line is validated with nlohmann's parser (an
// iterative SAX parse: deep nesting cannot overflow the stack), then split
// into its top-level members in place: the id, url and html/text values
// are decoded, every other member is passed through as its own raw text.
// Passing raw text keeps the fields' order and their exact spelling (1.0
// stays 1.0) and stays linear in the line's length, where building an
// ordered_json would be quadratic in the number of keys.
#include <unicode/utf8.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "source/record_input.h"
#include "source/records.h"

namespace webclean::source {
namespace {

// One top-level member of a JSON object, as raw JSON text.
struct Member {
  std::string_view key;    // with its quotes
  std::string_view value;  // any JSON value
};

bool is_json_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

size_t skip_space(std::string_view s, size_t i) {
  while (i < s.size() && is_json_space(s[i])) ++i;
  return i;
}

// `s[i]` is the opening quote; returns the index just past the closing one.
size_t string_end(std::string_view s, size_t i) {
  for (++i; i < s.size();) {
    const size_t special = s.find_first_of("\"\\", i);
    if (special == std::string_view::npos) return s.size();
    if (s[special] == '"') return special + 1;
    i = special + 2;  // an escape: the next character is never the end
  }
  return s.size();
}

// The index just past the value starting at `s[i]` (valid JSON assumed).
size_t value_end(std::string_view s, size_t i) {
  if (s[i] == '"') return string_end(s, i);
  if (s[i] != '{' && s[i] != '[') {
    const size_t end = s.find_first_of(",}] \t\r\n", i);
    return end == std::string_view::npos ? s.size() : end;
  }
  size_t depth = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '"') {
      i = string_end(s, i);
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    if ((c == '}' || c == ']') && --depth == 0) return i + 1;
    ++i;
  }
  return s.size();
}

// Splits a valid JSON text into its top-level members; false when the text
// is not an object.
bool split_object(std::string_view s, std::vector<Member>& members) {
  members.clear();
  size_t i = skip_space(s, 0);
  if (i >= s.size() || s[i] != '{') return false;
  i = skip_space(s, i + 1);
  while (i < s.size() && s[i] == '"') {
    const size_t key_end = string_end(s, i);
    const std::string_view key = s.substr(i, key_end - i);
    i = skip_space(s, skip_space(s, key_end) + 1);  // past the ':'
    if (i >= s.size()) break;
    const size_t end = value_end(s, i);
    members.push_back({key, s.substr(i, end - i)});
    i = skip_space(s, end);
    if (i < s.size() && s[i] == ',') i = skip_space(s, i + 1);
  }
  return true;
}

// The text of a JSON string literal; "" when `raw` is not a string.
std::string string_value(std::string_view raw) {
  if (raw.size() >= 2 && raw.front() == '"' && raw.find('\\') == std::string_view::npos) {
    return std::string(raw.substr(1, raw.size() - 2));
  }
  nlohmann::json value = nlohmann::json::parse(raw, nullptr, false);
  return value.is_string() ? std::move(value.get_ref<std::string&>()) : std::string();
}

bool is_string(std::string_view raw) {
  return !raw.empty() && raw.front() == '"';
}
bool is_number(std::string_view raw) {
  return !raw.empty() && (raw.front() == '-' || (raw.front() >= '0' && raw.front() <= '9'));
}
bool is_null(std::string_view raw) {
  return raw == "null";
}

// The JSON type of a valid value, with its article, for messages: "an
// array", "a number", "null".
std::string type_of(std::string_view raw) {
  if (raw.empty()) return "nothing";
  switch (raw.front()) {
    case '"':
      return "a string";
    case '{':
      return "an object";
    case '[':
      return "an array";
    case 't':
    case 'f':
      return "a boolean";
    case 'n':
      return "null";
    default:
      return "a number";
  }
}

// A field name as the user would write it in JSON: "html".
std::string quoted_name(const std::string& name) {
  return nlohmann::json(name).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The 0-based index of the first byte of the first ill-formed UTF-8
// sequence in `s`, or npos. nlohmann names the byte where it noticed, which
// for a broken multi-byte sequence is not the one that starts it.
size_t first_invalid_utf8(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, s.size(), c);
    if (c < 0) return start;
  }
  return std::string_view::npos;
}

// nlohmann's reason without its prefix and the raw bytes it last read
// (which may be invalid UTF-8 themselves): "[json.exception...] parse
// error at line 1, column 21: syntax error while parsing value - invalid
// string: missing closing quote; last read: '"tw'" -> "invalid string:
// missing closing quote".
std::string short_reason(const std::string& what) {
  std::string reason = what;
  const size_t dash = reason.find(" - ");
  if (dash != std::string::npos) reason.erase(0, dash + 3);
  const size_t last_read = reason.find("; last read: ");
  if (last_read != std::string::npos) {
    const size_t expected = reason.rfind("; expected ");
    const size_t cut_end =
        expected != std::string::npos && expected > last_read ? expected : reason.size();
    reason.erase(last_read, cut_end - last_read);
  }
  return reason;
}

// Keeps nothing: it only learns whether the line is valid JSON, and where
// and why it is not.
class ErrorOnlySax : public nlohmann::json_sax<nlohmann::json> {
 public:
  size_t position = 0;  // 1-based byte of the line where the parse failed
  std::string reason;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t byte, const std::string&,
                   const nlohmann::detail::exception& error) override {
    position = byte;
    reason = error.what();
    return false;
  }
};

class JsonlReader : public RecordReader {
 public:
  JsonlReader(std::unique_ptr<std::istream> in, JsonlFields fields, size_t max_bytes)
      : input_(std::move(in)), fields_(std::move(fields)), max_bytes_(max_bytes) {}

  bool next(Record& out) override;
  size_t bytes_read() const override { return input_.raw_bytes_read(); }

 private:
  bool end_of_input(Record& out);
  void parse_line(std::string_view line, size_t offset, Record& out);
  std::string invalid_json(std::string_view line, size_t offset, const ErrorOnlySax& sax) const;
  bool take_fields(const std::vector<Member>& members, Record& out);
  bool take_document(std::string_view html, std::string_view text, Record& out);
  std::string at_line(const std::string& what) const {
    return "line " + std::to_string(line_number_) + ": " + what;
  }
  std::string wrong_type(const std::string& field, std::string_view raw,
                         const std::string& expected) const {
    return at_line(quoted_name(field) + " is " + type_of(raw) + ", not " + expected);
  }

  RecordInput input_;
  JsonlFields fields_;
  size_t max_bytes_;
  size_t line_number_ = 0;
  bool ended_ = false;
  std::string line_;
  std::vector<Member> members_;
};

bool JsonlReader::next(Record& out) {
  out = Record{};
  if (ended_) return false;
  const LineRead read = read_line(input_.bytes(), line_, max_bytes_);
  if (!read.got) return end_of_input(out);
  ++line_number_;
  out.id = std::to_string(line_number_);
  if (read.too_long) {
    out.error = at_line("longer than --max-bytes (" + std::to_string(max_bytes_) + " bytes)");
    return true;
  }
  std::string_view line = line_;
  size_t offset = 0;  // bytes of the line before `line`, for error positions
  if (line_number_ == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") {
    line.remove_prefix(3);
    offset = 3;
  }
  if (skip_space(line, 0) == line.size()) {
    // Counted, not dropped: a stream's lines all show up in the summary.
    out.skipped = true;
    out.skip_reason = kBlankLine;
    return true;
  }
  parse_line(line, offset, out);
  return true;
}

// The data has ended: cleanly, or with damaged gzip data reported once.
bool JsonlReader::end_of_input(Record& out) {
  ended_ = true;
  const std::string error = input_.stream_error();
  if (error.empty()) return false;
  out.id = std::to_string(line_number_ + 1);
  out.error = "after line " + std::to_string(line_number_) + ": " + error;
  return true;
}

void JsonlReader::parse_line(std::string_view line, size_t offset, Record& out) {
  ErrorOnlySax sax;
  if (!nlohmann::json::sax_parse(line, &sax)) {
    out.error = invalid_json(line, offset, sax);
    return;
  }
  if (!split_object(line, members_)) {
    const size_t start = skip_space(line, 0);
    out.error = at_line("not a JSON object (" + type_of(line.substr(start)) + ")");
    return;
  }
  if (!take_fields(members_, out)) return;
  out.content_type = out.kind == "html" ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
}

// Why a line is not JSON, at which byte of the line (1-based, counting a
// byte order mark). Ill-formed UTF-8 before the point where the parser
// stopped is what stopped it, and is named as such.
std::string JsonlReader::invalid_json(std::string_view line, size_t offset,
                                      const ErrorOnlySax& sax) const {
  const size_t bad_byte = first_invalid_utf8(line);
  if (bad_byte != std::string_view::npos && bad_byte < sax.position) {
    return at_line("invalid UTF-8 at byte " + std::to_string(offset + bad_byte + 1));
  }
  std::string reason = short_reason(sax.reason);
  if (reason.find("expected end of input") != std::string::npos) {
    reason = "more after the end of the JSON value";
  }
  return at_line("invalid JSON at byte " + std::to_string(offset + sax.position) + ": " + reason);
}

// Fills `out` from the members; false with out.error set when the fields
// are unusable. A key given twice counts by its last value, as in
// JavaScript's JSON.parse. A field of the wrong type is an error naming
// it; null counts as absent.
bool JsonlReader::take_fields(const std::vector<Member>& members, Record& out) {
  std::string_view id, url, html, text;
  std::string passthrough = "{";
  for (const Member& member : members) {
    const std::string key = string_value(member.key);
    if (key == fields_.id) {
      id = member.value;
    } else if (key == fields_.url) {
      url = member.value;
    } else if (key == fields_.html) {
      html = member.value;
    } else if (key == fields_.text) {
      text = member.value;
    } else {
      if (passthrough.size() > 1) passthrough += ',';
      passthrough.append(member.key).append(":").append(member.value);
    }
  }
  passthrough += '}';
  if (is_string(id)) out.id = string_value(id);
  if (is_number(id)) out.id = std::string(id);
  if (!id.empty() && !is_string(id) && !is_number(id) && !is_null(id)) {
    out.error = wrong_type(fields_.id, id, "a string or a number");
    return false;
  }
  if (!url.empty() && !is_string(url) && !is_null(url)) {
    out.error = wrong_type(fields_.url, url, "a string");
    return false;
  }
  if (is_string(url)) out.url = string_value(url);
  if (!take_document(html, text, out)) return false;
  out.passthrough = std::move(passthrough);
  return true;
}

// The document: html when it is a string, else text. A present, non-null
// field of another type is an error rather than a silent fallback.
bool JsonlReader::take_document(std::string_view html, std::string_view text, Record& out) {
  if (is_string(html)) {
    out.kind = "html";
    out.bytes = string_value(html);
    return true;
  }
  if (!html.empty() && !is_null(html)) {
    out.error = wrong_type(fields_.html, html, "a string");
    return false;
  }
  if (is_string(text)) {
    out.kind = "text";
    out.bytes = string_value(text);
    return true;
  }
  if (!text.empty() && !is_null(text)) {
    out.error = wrong_type(fields_.text, text, "a string");
    return false;
  }
  out.error =
      at_line("no " + quoted_name(fields_.html) + " or " + quoted_name(fields_.text) + " field");
  out.no_document_field = true;
  return false;
}

}  // namespace

bool starts_jsonl_record(std::string_view prefix, const JsonlFields& fields) {
  if (prefix.substr(0, 3) == "\xEF\xBB\xBF") prefix.remove_prefix(3);
  std::vector<Member> members;
  // split_object stops at the end of the prefix; a member cut off there is
  // one whose value is not seen whole, and counts only when its start is.
  if (!split_object(prefix, members)) return false;
  return std::any_of(members.begin(), members.end(), [&](const Member& member) {
    if (member.value.empty() || is_null(member.value)) return false;
    const std::string key = string_value(member.key);
    return key == fields.html || key == fields.text;
  });
}

std::unique_ptr<RecordReader> open_jsonl(std::unique_ptr<std::istream> in, JsonlFields fields,
                                         size_t max_bytes) {
  return std::make_unique<JsonlReader>(std::move(in), std::move(fields), max_bytes);
}

}  // namespace webclean::source
