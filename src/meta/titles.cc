#include "meta/titles.h"

#include <re2/re2.h>

#include <cctype>

#include "base/ascii.h"
#include "meta/meta_tags.h"
#include "meta/params.h"
#include "meta/text_values.h"

namespace webclean::meta {
namespace {

// The host of a URL without "www.", and its first label: the names a
// site goes by in titles ("helge.at", "helge").
void add_host_names(std::string_view url, std::vector<std::string>& names) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return;
  std::string host =
      base::lower_ascii(url.substr(scheme + 3, url.find_first_of("/?#:", scheme + 3) - scheme - 3));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  if (host.empty()) return;
  names.push_back(host);
  const size_t dot = host.find('.');
  if (dot != std::string::npos) names.push_back(host.substr(0, dot));
}

// Lower-case letters and digits only: "Helge.at" and "helge.at" compare
// equal, so do "Netz Für Alle" and "netzfüralle".
std::string name_key(std::string_view text) {
  std::string key;
  for (char c : base::lower_ascii(text)) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) key.push_back(c);
  }
  return key;
}

// Whether a part of a title is the site's name: it holds one of the site's
// names, or is part of one ("Example" of "Example News").
bool names_the_site(std::string_view part, const std::vector<std::string>& site_keys) {
  const std::string key = name_key(part);
  if (key.empty()) return false;
  for (const std::string& site : site_keys) {
    if (key.find(site) != std::string::npos ||
        (key.size() >= params::kMinSiteKeyChars && site.find(key) != std::string::npos)) {
      return true;
    }
  }
  return false;
}

// The title without the parts before or after it that name the site:
// "Story | Example News" -> "Story", "example.org » Blog » Story" -> "Blog » Story".
std::string without_site_name(const std::string& title, const std::vector<std::string>& site_keys) {
  static const RE2 separator{
      "\\s+(?:[|\\-\\x{2013}\\x{2014}\\x{00BB}\\x{00AB}\\x{00B7}\\x{2022}/~*]|::)\\s+"};
  // The parts as [begin, end) offsets into the title.
  std::vector<std::pair<size_t, size_t>> parts;
  re2::StringPiece rest(title);
  re2::StringPiece match;
  size_t begin = 0;
  while (separator.Match(rest, 0, rest.size(), RE2::UNANCHORED, &match, 1)) {
    const size_t at = size_t(match.data() - title.data());
    parts.emplace_back(begin, at);
    begin = at + match.size();
    rest = re2::StringPiece(title.data() + begin, title.size() - begin);
  }
  parts.emplace_back(begin, title.size());
  size_t first = 0;
  size_t last = parts.size();
  auto part = [&](size_t i) {
    return std::string_view(title).substr(parts[i].first, parts[i].second - parts[i].first);
  };
  while (last - first > 1 && names_the_site(part(last - 1), site_keys)) --last;
  while (last - first > 1 && names_the_site(part(first), site_keys)) ++first;
  return title.substr(parts[first].first, parts[last - 1].second - parts[first].first);
}

// Whether `title` is `heading` with shorter parts before or after it,
// set off by separators ("Heading | Site", "Section: Heading").
bool heading_with_affixes(std::string_view heading, std::string_view title) {
  const std::string h = loose_text(without_soft_hyphens(heading));
  const std::string t = loose_text(without_soft_hyphens(title));
  if (h.empty() || h.size() >= t.size()) return false;
  const size_t at = t.find(h);
  if (at == std::string::npos) return false;
  static const RE2 before{
      "(?:^|.*\\s)[|\\-\\x{2013}\\x{2014}:\\x{00BB}\\x{00AB}\\x{00B7}\\x{2022}/>~*]+\\s*"};
  static const RE2 after{
      "\\s*[|\\-\\x{2013}\\x{2014}:\\x{00BB}\\x{00AB}\\x{00B7}\\x{2022}/<~*]+(?:\\s.*)?"};
  const std::string_view prefix = std::string_view(t).substr(0, at);
  const std::string_view suffix = std::string_view(t).substr(at + h.size());
  const bool prefix_ok =
      prefix.empty() || RE2::FullMatch(re2::StringPiece(prefix.data(), prefix.size()), before);
  const bool suffix_ok =
      suffix.empty() || RE2::FullMatch(re2::StringPiece(suffix.data(), suffix.size()), after);
  // The heading is the story; what is around it is shorter (a site's name,
  // a section), not another half of the title.
  return prefix_ok && suffix_ok &&
         word_count(prefix) + word_count(suffix) <=
             word_count(h) + params::kMaxAffixWordsOverHeading;
}

// An h1's text without the kicker set inside it, and without the
// separator that joined them for screen readers ("Climate: Story").
std::string without_kickers(std::string heading, const std::vector<std::string>& kickers) {
  static const RE2 leading{"^[\\s:|\\-\\x{2013}\\x{2014},]+"};
  static const RE2 trailing{"[\\s:|\\-\\x{2013}\\x{2014},]+$"};
  for (const std::string& kicker : kickers) {
    if (kicker.size() >= heading.size()) continue;  // the kicker is all the h1 shows
    if (heading.compare(0, kicker.size(), kicker) == 0) {
      heading.erase(0, kicker.size());
      RE2::Replace(&heading, leading, "");
    } else if (heading.compare(heading.size() - kicker.size(), kicker.size(), kicker) == 0) {
      heading.erase(heading.size() - kicker.size());
      RE2::Replace(&heading, trailing, "");
    }
  }
  return heading;
}

// The h1 that `declared` is (loosely) or carries with a site name or a
// section around it, else such a lower heading (pages that give the
// headline one); empty when none.
std::string heading_declared(const block::Document& doc, const std::vector<std::string>& h1s,
                             const std::string& declared) {
  for (const std::string& heading : h1s) {
    if (loose_text(heading) == loose_text(declared) || heading_with_affixes(heading, declared)) {
      return heading;
    }
  }
  for (const block::Block& b : doc.blocks) {
    if (b.kind != block::Kind::kHeading || b.heading_level == 1) continue;
    const std::string heading = base::collapse_whitespace(b.text, base::NoBreakSpace::kAsSpace);
    if (heading_with_affixes(heading, declared)) return heading;
  }
  return {};
}

// An h1 with a kicker before the headline ("Climate <span>Story</span>"):
// the headline is the part the declared title names (after its own
// kicker, "Climate: Story", when it has one); empty when no h1 ends so.
std::string headline_after_kicker(const std::vector<std::string>& h1s, const std::string& title,
                                  const std::vector<std::string>& site_keys) {
  const std::string core = strip_site_suffix(without_site_name(title, site_keys), {});
  std::vector<std::string> cores{loose_text(without_soft_hyphens(core))};
  static const RE2 kicker{"^[^:]{3,60}?(?::| -| \\x{2013}) (.+)$"};
  std::string after_kicker;
  if (RE2::FullMatch(cores.front(), kicker, &after_kicker)) cores.push_back(after_kicker);
  for (const std::string& heading : h1s) {
    if (heading.find("\xC2\xAD") != std::string::npos) continue;  // soft hyphens: no offsets
    const std::string h = loose_text(heading);
    if (h.size() !=
        base::lower_ascii(base::collapse_whitespace(heading, base::NoBreakSpace::kAsSpace)).size())
      continue;  // same offsets
    for (const std::string& c : cores) {
      if (c.empty() || c.size() >= h.size() || h.compare(h.size() - c.size(), c.size(), c) != 0) {
        continue;
      }
      if (word_count(h.substr(0, h.size() - c.size())) > params::kMaxKickerWords) continue;
      return heading.substr(heading.size() - c.size());
    }
  }
  return {};
}

// A suffix names the site when it is the site name or the start of it
// ("Example.cz" for "Example.cz - News of the day").
bool names_site(const std::string& suffix, const std::string& site) {
  const std::string lower = base::lower_ascii(suffix);
  return !site.empty() && !lower.empty() && site.compare(0, lower.size(), lower) == 0;
}

}  // namespace

std::vector<std::string> site_names(const block::Document& doc, const Metadata& meta,
                                    std::string_view page_url) {
  std::vector<std::string> names;
  for (const std::string& name : {meta.site_name, meta_value(doc.hints, {"application-name"})}) {
    if (!name.empty()) names.push_back(name);
  }
  add_host_names(meta.canonical_url, names);
  add_host_names(meta_value(doc.hints, {"og:url"}), names);
  add_host_names(page_url, names);
  std::vector<std::string> keys;
  for (const std::string& name : names) {
    std::string key = name_key(name);
    if (key.size() >= params::kMinSiteKeyChars) keys.push_back(std::move(key));
  }
  return keys;
}

std::string without_soft_hyphens(std::string_view text) {
  std::string out(text);
  for (size_t at = 0; (at = out.find("\xC2\xAD", at)) != std::string::npos;) out.erase(at, 2);
  return out;
}

std::string loose_text(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> kForms[] = {
      {"\u2018", "'"},  {"\u2019", "'"},  {"\u201A", "'"},   {"\u201C", "\""},
      {"\u201D", "\""}, {"\u201E", "\""}, {"\u2013", "-"},   {"\u2014", "-"},
      {"\u2010", "-"},  {"\u2011", "-"},  {"\u2026", "..."}, {"\u00AD", ""},
  };
  std::string out =
      base::lower_ascii(base::collapse_whitespace(text, base::NoBreakSpace::kAsSpace));
  for (const auto& [from, to] : kForms) {
    for (size_t at = 0; (at = out.find(from, at)) != std::string::npos; at += to.size()) {
      out.replace(at, from.size(), to);
    }
  }
  return out;
}

std::string shown_headline(const block::Document& doc, const std::string& title,
                           const std::vector<std::string>& site_keys) {
  std::vector<std::string> h1s;  // all, even in boxes the rules drop (an article's <header>)
  std::vector<std::string> kept_h1s;
  for (const block::Block& b : doc.blocks) {
    if (b.kind != block::Kind::kHeading || b.heading_level != 1) continue;
    std::string heading = without_kickers(
        base::collapse_whitespace(b.text, base::NoBreakSpace::kAsSpace), doc.hints.kickers);
    if (heading.empty()) continue;
    if (b.decision.keep || b.decision.stage != block::Stage::kRules) kept_h1s.push_back(heading);
    h1s.push_back(std::move(heading));
  }
  const std::string page_title =
      base::collapse_whitespace(doc.hints.title, base::NoBreakSpace::kAsSpace);
  for (const std::string* declared : {&title, &page_title}) {
    std::string heading = heading_declared(doc, h1s, *declared);
    if (!heading.empty()) return heading;
  }
  std::string headline = headline_after_kicker(h1s, title, site_keys);
  if (!headline.empty()) return headline;
  if (kept_h1s.size() == 1) return kept_h1s.front();
  // The page's only h1, even in a header the rules drop from the body,
  // when it reads as a headline: not the site's name (a logo), not a
  // one- or two-word label ("Details", "Privacy policy").
  if (h1s.size() == 1 && word_count(h1s.front()) >= params::kMinHeadlineWords &&
      !names_the_site(h1s.front(), site_keys)) {
    return h1s.front();
  }
  return without_site_name(title, site_keys);
}

std::string strip_site_suffix(std::string_view title, std::string_view site_name) {
  const std::string text = base::collapse_whitespace(title, base::NoBreakSpace::kAsSpace);
  const std::string site =
      base::lower_ascii(base::collapse_whitespace(site_name, base::NoBreakSpace::kAsSpace));
  size_t best = std::string::npos;
  size_t separator_size = 0;
  for (std::string_view separator :
       {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ", " \xC2\xBB "}) {
    const size_t at = text.rfind(separator);
    if (at == std::string::npos || at == 0) continue;
    if (best == std::string::npos || at > best) {
      best = at;
      separator_size = separator.size();
    }
  }
  if (best == std::string::npos) return text;
  const std::string suffix = text.substr(best + separator_size);
  const bool short_suffix = suffix.size() <= params::kMaxSiteSuffixChars &&
                            word_count(suffix) <= params::kMaxSiteSuffixWords &&
                            word_count(suffix) < word_count(text.substr(0, best));
  const bool strip = names_site(suffix, site) || short_suffix;
  return strip ? text.substr(0, best) : text;
}

std::string mended_by_page_title(const std::string& declared, const std::string& page_title) {
  const std::string title = base::collapse_whitespace(page_title, base::NoBreakSpace::kAsSpace);
  const std::string cut = base::collapse_whitespace(declared, base::NoBreakSpace::kAsSpace);
  if (cut.empty() || title.size() <= cut.size() || title.compare(0, cut.size(), cut) != 0) {
    return declared;
  }
  const std::string_view rest = std::string_view(title).substr(cut.size());
  const bool quote_follows =
      rest.front() == '"' || (rest.front() == ' ' && rest.size() > 1 && rest[1] == '"');
  if (!quote_follows) return declared;
  const size_t close = title.find('"', cut.size() + (rest.front() == ' ' ? 2 : 1));
  return close == std::string::npos ? declared : title.substr(0, close + 1);
}

}  // namespace webclean::meta
