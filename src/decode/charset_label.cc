#include "decode/charset_label.h"

#include <algorithm>
#include <optional>

#include "base/ascii.h"
#include "decode/params.h"

namespace webclean::decode {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool starts_with_nocase(std::string_view s, size_t pos, std::string_view prefix) {
  if (s.size() - pos < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (base::ascii_lower(s[pos + k]) != prefix[k]) return false;
  }
  return true;
}

size_t skip_spaces(std::string_view s, size_t pos) {
  while (pos < s.size() && is_space(s[pos])) ++pos;
  return pos;
}

struct Attribute {
  std::string name;   // lower-cased
  std::string value;  // lower-cased
};

// A byte scanner over tag attributes, as in the HTML spec's "get an
// attribute" for the encoding prescan. `pos` ends after the attribute.
class AttributeReader {
 public:
  AttributeReader(std::string_view html, size_t pos) : html_(html), pos_(pos) {}

  size_t position() const { return pos_; }

  std::optional<Attribute> next() {
    while (pos_ < html_.size() && (is_space(html_[pos_]) || html_[pos_] == '/')) ++pos_;
    if (pos_ >= html_.size() || html_[pos_] == '>') return std::nullopt;
    Attribute attr;
    read_name(attr.name);
    pos_ = skip_spaces(html_, pos_);
    if (pos_ >= html_.size() || html_[pos_] != '=') return attr;
    pos_ = skip_spaces(html_, pos_ + 1);
    read_value(attr.value);
    return attr;
  }

 private:
  void read_name(std::string& name) {
    // The first byte belongs to the name even when it is '='.
    name.push_back(base::ascii_lower(html_[pos_++]));
    while (pos_ < html_.size()) {
      const char c = html_[pos_];
      if (c == '=' || c == '/' || c == '>' || is_space(c)) return;
      name.push_back(base::ascii_lower(c));
      ++pos_;
    }
  }

  void read_value(std::string& value) {
    if (pos_ >= html_.size()) return;
    const char quote = html_[pos_];
    if (quote == '"' || quote == '\'') {
      const size_t end = html_.find(quote, pos_ + 1);
      const size_t stop = end == std::string_view::npos ? html_.size() : end;
      for (size_t k = pos_ + 1; k < stop; ++k) value.push_back(base::ascii_lower(html_[k]));
      pos_ = end == std::string_view::npos ? html_.size() : end + 1;
      return;
    }
    while (pos_ < html_.size() && html_[pos_] != '>' && !is_space(html_[pos_])) {
      value.push_back(base::ascii_lower(html_[pos_++]));
    }
  }

  std::string_view html_;
  size_t pos_;
};

struct MetaResult {
  std::string charset;  // "" when this <meta> declares none
  size_t end;           // where the scan resumes
};

// Reads the attributes of a <meta> whose attributes start at `pos`. A
// content="...charset=..." counts only with http-equiv="Content-Type".
MetaResult read_meta(std::string_view html, size_t pos) {
  AttributeReader reader(html, pos);
  std::optional<std::string> charset, content;
  bool pragma = false;
  while (auto attr = reader.next()) {
    if (attr->name == "http-equiv") pragma = pragma || attr->value == "content-type";
    if (attr->name == "charset" && !charset) charset = attr->value;
    if (attr->name == "content" && !content) content = attr->value;
  }
  std::string found;
  if (charset) {
    found = *charset;
  } else if (content && pragma) {
    found = charset_parameter(*content);
  }
  return {normalize_label(found), reader.position()};
}

size_t skip_attributes(std::string_view html, size_t pos) {
  AttributeReader reader(html, pos);
  while (reader.next()) {
  }
  return reader.position();
}

size_t skip_past(std::string_view html, size_t pos, std::string_view terminator) {
  const size_t end = html.find(terminator, pos);
  return end == std::string_view::npos ? html.size() : end + terminator.size();
}

// At a '<' that is not a comment or a <meta>: skips the tag so that a
// "<meta" inside an attribute value is not taken for a declaration.
size_t skip_tag(std::string_view html, size_t pos) {
  const size_t name = html[pos + 1] == '/' ? pos + 2 : pos + 1;
  if (name < html.size() && is_letter(html[name])) {
    size_t after = name;
    while (after < html.size() && !is_space(html[after]) && html[after] != '>') ++after;
    return skip_attributes(html, after);
  }
  const char next = html[pos + 1];
  if (next == '!' || next == '/' || next == '?') return skip_past(html, pos, ">");
  return pos + 1;
}

}  // namespace

std::string charset_parameter(std::string_view value) {
  size_t pos = 0;
  while (true) {
    size_t found = std::string_view::npos;
    for (size_t k = pos; k < value.size(); ++k) {
      if (starts_with_nocase(value, k, "charset")) {
        found = k;
        break;
      }
    }
    if (found == std::string_view::npos) return {};
    pos = skip_spaces(value, found + 7);
    if (pos < value.size() && value[pos] == '=') break;
  }
  pos = skip_spaces(value, pos + 1);
  if (pos >= value.size()) return {};
  const char quote = value[pos];
  if (quote == '"' || quote == '\'') {
    const size_t end = value.find(quote, pos + 1);
    if (end == std::string_view::npos) return {};
    return std::string(value.substr(pos + 1, end - pos - 1));
  }
  size_t end = pos;
  while (end < value.size() && !is_space(value[end]) && value[end] != ';') ++end;
  return std::string(value.substr(pos, end - pos));
}

std::string meta_charset(std::string_view html) {
  html = html.substr(0, params::kMetaScanBytes);
  size_t pos = 0;
  while (pos + 1 < html.size()) {
    const size_t lt = html.find('<', pos);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) break;
    if (html.substr(lt).starts_with("<!--")) {
      // "<!-->" closes at once: the "--" of the opener may end it.
      pos = skip_past(html, lt + 2, "-->");
    } else if (starts_with_nocase(html, lt, "<meta") && lt + 5 < html.size() &&
               (is_space(html[lt + 5]) || html[lt + 5] == '/')) {
      MetaResult meta = read_meta(html, lt + 5);
      if (!meta.charset.empty()) return std::move(meta.charset);
      pos = meta.end;
    } else {
      pos = skip_tag(html, lt);
    }
  }
  return {};
}

std::string_view trim_label(std::string_view label) {
  const auto trimmed = [](char c) { return is_space(c) || c == '"' || c == '\''; };
  while (!label.empty() && trimmed(label.front())) label.remove_prefix(1);
  while (!label.empty() && trimmed(label.back())) label.remove_suffix(1);
  return label;
}

std::string normalize_label(std::string_view label) {
  std::string out(trim_label(label));
  std::transform(out.begin(), out.end(), out.begin(), base::ascii_lower);
  return out;
}

std::string_view whatwg_charset(std::string_view normalized_label) {
  struct Alias {
    std::string_view label;
    std::string_view charset;
  };
  // Browsers decode Latin-1 and ASCII labels as windows-1252 (so do we: the
  // bytes 0x80-0x9F are curly quotes and dashes on real pages), and
  // GB2312/GBK with the GB18030 superset.
  static constexpr Alias kAliases[] = {
      {"ansi_x3.4-1968", "windows-1252"},
      {"ascii", "windows-1252"},
      {"cp1252", "windows-1252"},
      {"cp819", "windows-1252"},
      {"csisolatin1", "windows-1252"},
      {"ibm819", "windows-1252"},
      {"iso-8859-1", "windows-1252"},
      {"iso-ir-100", "windows-1252"},
      {"iso8859-1", "windows-1252"},
      {"iso88591", "windows-1252"},
      {"iso_8859-1", "windows-1252"},
      {"iso_8859-1:1987", "windows-1252"},
      {"l1", "windows-1252"},
      {"latin1", "windows-1252"},
      {"us-ascii", "windows-1252"},
      {"windows-1252", "windows-1252"},
      {"x-cp1252", "windows-1252"},
      {"x-user-defined", "windows-1252"},
      {"iso-8859-9", "windows-1254"},
      {"iso8859-9", "windows-1254"},
      {"iso88599", "windows-1254"},
      {"iso_8859-9", "windows-1254"},
      {"latin5", "windows-1254"},
      {"l5", "windows-1254"},
      {"iso-8859-11", "windows-874"},
      {"iso8859-11", "windows-874"},
      {"tis-620", "windows-874"},
      {"dos-874", "windows-874"},
      {"windows-874", "windows-874"},
      {"x-cp1250", "windows-1250"},
      {"x-cp1251", "windows-1251"},
      {"x-cp1253", "windows-1253"},
      {"x-cp1254", "windows-1254"},
      {"x-cp1255", "windows-1255"},
      {"x-cp1256", "windows-1256"},
      {"x-cp1257", "windows-1257"},
      {"x-cp1258", "windows-1258"},
      {"chinese", "GB18030"},
      {"csgb2312", "GB18030"},
      {"csiso58gb231280", "GB18030"},
      {"gb2312", "GB18030"},
      {"gb_2312", "GB18030"},
      {"gb_2312-80", "GB18030"},
      {"gbk", "GB18030"},
      {"iso-ir-58", "GB18030"},
      {"x-gbk", "GB18030"},
      {"cp936", "GB18030"},
      {"windows-936", "GB18030"},
      {"gb18030", "GB18030"},
      {"big5", "Big5"},
      {"cn-big5", "Big5"},
      {"csbig5", "Big5"},
      {"x-x-big5", "Big5"},
      {"csshiftjis", "Shift_JIS"},
      {"ms932", "Shift_JIS"},
      {"ms_kanji", "Shift_JIS"},
      {"shift-jis", "Shift_JIS"},
      {"shift_jis", "Shift_JIS"},
      {"sjis", "Shift_JIS"},
      {"windows-31j", "Shift_JIS"},
      {"x-sjis", "Shift_JIS"},
      {"cseuckr", "windows-949"},
      {"csksc56011987", "windows-949"},
      {"euc-kr", "windows-949"},
      {"iso-ir-149", "windows-949"},
      {"korean", "windows-949"},
      {"ks_c_5601-1987", "windows-949"},
      {"ks_c_5601-1989", "windows-949"},
      {"ksc5601", "windows-949"},
      {"ksc_5601", "windows-949"},
      {"windows-949", "windows-949"},
      {"cseucpkdfmtjapanese", "EUC-JP"},
      {"euc-jp", "EUC-JP"},
      {"x-euc-jp", "EUC-JP"},
      {"iso-8859-8-i", "ISO-8859-8"},
      {"csiso88598i", "ISO-8859-8"},
      {"logical", "ISO-8859-8"},
      {"koi8-ru", "KOI8-U"},
      {"koi8-u", "KOI8-U"},
      {"cskoi8r", "KOI8-R"},
      {"koi", "KOI8-R"},
      {"koi8", "KOI8-R"},
      {"koi8-r", "KOI8-R"},
      {"koi8_r", "KOI8-R"},
      {"csmacintosh", "macintosh"},
      {"mac", "macintosh"},
      {"x-mac-roman", "macintosh"},
      {"unicode-1-1-utf-8", "UTF-8"},
      {"unicode11utf8", "UTF-8"},
      {"unicode20utf8", "UTF-8"},
      {"utf-8", "UTF-8"},
      {"utf8", "UTF-8"},
      {"x-unicode20utf8", "UTF-8"},
      {"csunicode", "UTF-16LE"},
      {"iso-10646-ucs-2", "UTF-16LE"},
      {"ucs-2", "UTF-16LE"},
      {"unicode", "UTF-16LE"},
      {"unicodefeff", "UTF-16LE"},
      {"utf-16", "UTF-16LE"},
      {"utf-16le", "UTF-16LE"},
      {"unicodefffe", "UTF-16BE"},
      {"utf-16be", "UTF-16BE"},
  };
  for (const Alias& alias : kAliases) {
    if (alias.label == normalized_label) return alias.charset;
  }
  return {};
}

}  // namespace webclean::decode
