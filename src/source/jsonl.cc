// JSON Lines records. Each line is validated with nlohmann's parser (an
// iterative SAX parse: deep nesting cannot overflow the stack), then split
// into its top-level members in place: the id, url and html/text values
// are decoded, every other member is passed through as its own raw text.
// Passing raw text keeps the fields' order and their exact spelling (1.0
// stays 1.0) and stays linear in the line's length, where building an
// ordered_json would be quadratic in the number of keys.
#include <nlohmann/json.hpp>

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

class JsonlReader : public RecordReader {
 public:
  JsonlReader(std::unique_ptr<std::istream> in, JsonlFields fields, size_t max_bytes)
      : input_(std::move(in)), fields_(std::move(fields)), max_bytes_(max_bytes) {}

  bool next(Record& out) override;
  size_t bytes_read() const override { return input_.raw_bytes_read(); }

 private:
  bool end_of_input(Record& out);
  void parse_line(std::string_view line, Record& out);
  bool take_fields(const std::vector<Member>& members, Record& out);
  std::string at_line(const std::string& what) const {
    return "line " + std::to_string(line_number_) + ": " + what;
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
  while (!ended_) {
    const LineRead read = read_line(input_.bytes(), line_, max_bytes_);
    if (!read.got) return end_of_input(out);
    ++line_number_;
    if (read.too_long) {
      out.id = std::to_string(line_number_);
      out.error = at_line("longer than the limit of " + std::to_string(max_bytes_) + " bytes");
      return true;
    }
    std::string_view line = line_;
    if (line_number_ == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (skip_space(line, 0) == line.size()) continue;
    parse_line(line, out);
    return true;
  }
  return false;
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

void JsonlReader::parse_line(std::string_view line, Record& out) {
  out.id = std::to_string(line_number_);
  if (!nlohmann::json::accept(line) || !split_object(line, members_)) {
    out.error = at_line("not a JSON object");
    return;
  }
  if (!take_fields(members_, out)) return;
  out.content_type = out.kind == "html" ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
}

// Fills `out` from the members; false with out.error set when the fields
// are unusable. A key given twice counts by its last value, as in
// JavaScript's JSON.parse.
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
  if (!id.empty() && !is_string(id) && !is_number(id) && id != "null") {
    out.error = at_line("the " + fields_.id + " field is not a string or a number");
    return false;
  }
  if (is_string(url)) out.url = string_value(url);
  if (is_string(html)) {
    out.kind = "html";
    out.bytes = string_value(html);
  } else if (is_string(text)) {
    out.kind = "text";
    out.bytes = string_value(text);
  } else {
    out.error = at_line("no " + fields_.html + " or " + fields_.text + " field");
    return false;
  }
  out.passthrough = std::move(passthrough);
  return true;
}

}  // namespace

std::unique_ptr<RecordReader> open_jsonl(std::unique_ptr<std::istream> in, JsonlFields fields,
                                         size_t max_bytes) {
  return std::make_unique<JsonlReader>(std::move(in), std::move(fields), max_bytes);
}

}  // namespace webclean::source
