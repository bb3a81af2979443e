#include "html/markup.h"

#include <algorithm>

#include "block/markdown.h"
#include "html/ascii.h"

namespace webclean::html {
namespace {

std::string_view marks_of(Span span) {
  return span == Span::kStrong ? "**" : "*";
}

// Characters a link destination cannot hold as they are: spaces, <>,
// parentheses (an unbalanced one would end it) and backslashes (escapes).
std::string destination(std::string_view url) {
  std::string out;
  out.reserve(url.size());
  for (char c : url) {
    switch (c) {
      case ' ':
        out += "%20";
        break;
      case '(':
        out += "%28";
        break;
      case ')':
        out += "%29";
        break;
      case '<':
        out += "%3C";
        break;
      case '>':
        out += "%3E";
        break;
      case '\\':
        out += "%5C";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// The URL parser drops leading and trailing whitespace and any tab or
// line break inside.
std::string cleaned_href(std::string_view href) {
  std::string out;
  for (char c : href) {
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  }
  const size_t first = out.find_first_not_of(" \f");
  if (first == std::string::npos) return {};
  out.erase(0, first);
  out.erase(out.find_last_not_of(" \f") + 1);
  return out;
}

// The length of `url`'s scheme ("https" in "https://x"), or 0.
size_t scheme_length(std::string_view url) {
  if (url.empty() || !is_ascii_alpha(url[0])) return 0;
  for (size_t i = 1; i < url.size(); ++i) {
    const char c = url[i];
    if (c == ':') return i;
    const bool scheme_char =
        is_ascii_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!scheme_char) return 0;
  }
  return 0;
}

// RFC 3986, 5.2.4: "/a/b/../c/./d" -> "/a/c/d".
std::string remove_dot_segments(std::string_view path) {
  const bool absolute = !path.empty() && path.front() == '/';
  if (absolute) path.remove_prefix(1);
  std::vector<std::string_view> segments;
  while (true) {
    const size_t slash = path.find('/');
    const std::string_view segment = path.substr(0, slash);
    const bool last = slash == std::string_view::npos;
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
      if (last) segments.emplace_back();
    } else if (segment == ".") {
      if (last) segments.emplace_back();
    } else {
      segments.push_back(segment);
    }
    if (last) break;
    path.remove_prefix(slash + 1);
  }
  std::string out = absolute ? "/" : "";
  for (size_t i = 0; i < segments.size(); ++i) {
    if (i > 0) out += '/';
    out.append(segments[i]);
  }
  return out;
}

// The parts of an absolute http(s) URL that a relative reference keeps.
struct BaseUrl {
  std::string_view origin;  // "https://example.org"
  std::string_view path;    // "/a/b.html", without query or fragment
};

bool parse_base(std::string_view base, BaseUrl& parts) {
  const size_t scheme = scheme_length(base);
  if (scheme == 0 || base.substr(scheme, 3) != "://") return false;
  const std::string_view name = base.substr(0, scheme);
  if (!iequals(name, "http") && !iequals(name, "https")) return false;
  const size_t path = std::min(base.find_first_of("/?#", scheme + 3), base.size());
  parts.origin = base.substr(0, path);
  const std::string_view rest = base.substr(path);
  parts.path = rest.substr(0, rest.find_first_of("?#"));
  return true;
}

std::string resolve(const BaseUrl& base, std::string_view href) {
  if (href.substr(0, 2) == "//") {
    return std::string(base.origin.substr(0, base.origin.find(':') + 1)) + std::string(href);
  }
  const size_t suffix_at = std::min(href.find_first_of("?#"), href.size());
  const std::string_view path = href.substr(0, suffix_at);
  const std::string_view suffix = href.substr(suffix_at);
  std::string out(base.origin);
  if (path.empty()) {
    out.append(base.path);
  } else if (path.front() == '/') {
    out += remove_dot_segments(path);
  } else {
    std::string merged(base.path.substr(0, base.path.rfind('/') + 1));
    if (merged.empty()) merged = "/";
    merged.append(path);
    out += remove_dot_segments(merged);
  }
  out.append(suffix);
  return out;
}

}  // namespace

void InlineMarkup::open(Span span, std::string url) {
  Open open{span, true, npos, std::move(url)};
  // <strong> in <strong> is no stronger, and **** would read as literal stars.
  const bool repeated = std::any_of(open_.begin(), open_.end(), [&](const Open& outer) {
    return outer.active && outer.span == span;
  });
  if (code_ > 0 || repeated || (span == Span::kLink && open.url.empty())) open.active = false;
  if (open.active && span == Span::kCode) ++code_;
  open_.push_back(std::move(open));
}

void InlineMarkup::close() {
  if (open_.empty()) return;
  const Open open = std::move(open_.back());
  open_.pop_back();
  if (open.active && open.span == Span::kCode) --code_;
  if (open.active && open.at != npos) finish(open);
}

void InlineMarkup::word(std::string_view word, bool spaced) {
  if (!out_.empty()) {
    if (pending_break_) {
      out_ += code_ > 0 ? ' ' : '\n';  // a code span has no line breaks
    } else if (spaced) {
      out_ += ' ';
    }
  }
  pending_break_ = false;
  for (Open& open : open_) {
    if (open.active && open.at == npos) open.at = out_.size();
  }
  if (code_ > 0) {
    out_.append(word);
  } else {
    block::markdown::append_escaped(word, out_);
  }
}

void InlineMarkup::line_break() {
  pending_break_ = !out_.empty();
}

std::string InlineMarkup::take_block() {
  // Innermost first: an inner span's opening mark goes in at or after an
  // outer one's position, which it leaves where it is.
  for (size_t i = open_.size(); i-- > 0;) {
    if (open_[i].active && open_[i].at != npos) finish(open_[i]);
    open_[i].at = npos;
  }
  pending_break_ = false;
  std::string block = std::move(out_);
  out_.clear();
  return block;
}

void InlineMarkup::finish(const Open& open) {
  switch (open.span) {
    case Span::kStrong:
    case Span::kEmphasis:
      out_.insert(open.at, marks_of(open.span));
      out_.append(marks_of(open.span));
      break;
    case Span::kCode: {
      const std::string span = block::markdown::code_span(std::string_view(out_).substr(open.at));
      out_.replace(open.at, npos, span);
      break;
    }
    case Span::kLink:
      out_.insert(open.at, "[");
      out_ += "](";
      out_ += destination(open.url);
      out_ += ')';
      break;
  }
}

std::string link_target(std::string_view base, std::string_view href) {
  std::string target = cleaned_href(href);
  if (target.empty() || target.front() == '#') return {};
  if (const size_t scheme = scheme_length(target); scheme > 0) {
    const std::string_view name = std::string_view(target).substr(0, scheme);
    const bool script = iequals(name, "javascript") || iequals(name, "vbscript");
    return script ? std::string() : target;
  }
  BaseUrl parts;
  if (!parse_base(base, parts)) return target;
  return resolve(parts, target);
}

}  // namespace webclean::html
