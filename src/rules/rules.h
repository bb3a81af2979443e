// Rule files: drop or protect element subtrees (by tag, id, class, role,
// itemprop, attribute, hidden) and drop blocks by their text. The format is
// documented in rules/README.md. All patterns of one kind are compiled once
// into an RE2::Set, so matching is linear in the input whatever the rules.
#ifndef WEBCLEAN_RULES_RULES_H_
#define WEBCLEAN_RULES_RULES_H_

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "block/block.h"

namespace webclean::rules {

// A rule file or pattern that cannot be used: "name:line: reason". Rules
// knows nothing of the public API; the Cleaner turns this into the
// webclean::RuleError its callers catch.
class RuleFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// kPost: the element holds the text of one post of a forum thread or Q&A
// page; it decides nothing alone (the rules filter decides whether the page
// is a thread, see src/filter/rules_filter.cc).
enum class Action : uint8_t { kDrop, kProtect, kPost };

struct Rule {
  std::string id;      // "file:line", e.g. "share.rules:12"
  std::string source;  // the rule as written, for --explain
  Action action = Action::kDrop;
  std::string site;  // host the rule is limited to; empty for all sites
  // [SECTION type=product]: the page type the rule is limited to; kAuto
  // for all pages.
  PageType page_type = PageType::kAuto;
  // [drop always]: drops however much of the page the element holds (a
  // consent manager's dialog is never the page's content); other drop
  // rules leave a box holding most of the page alone (kMaxRuleDropShare).
  bool always = false;
  // [drop-text ends-article]: the line opens what follows a text dump's
  // article (the heading of its comment section); the article's extent
  // does not reach past it.
  bool ends_article = false;
};

// What one page's elements matched, by attribute value: pages repeat their
// class names (seven tokens in ten are repeats on the trafilatura pages),
// and a value matches the same rules every time. One per page and thread.
class MatchCache {
 public:
  MatchCache();
  ~MatchCache();
  MatchCache(const MatchCache&) = delete;
  MatchCache& operator=(const MatchCache&) = delete;

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;

  // Where rules come from. A user's patterns are parsed by RE2 as they are
  // added, so that an error names its line; the shipped ones are known to
  // parse (tests/rules/shipped_rules_test.cc) and are not parsed twice.
  enum class Origin { kUser, kShipped };
  // Parses one rule file's content; `name` is used in rule ids and errors.
  // Throws RuleFileError("name:line: reason") on a malformed rule.
  void add_source(std::string_view name, std::string_view content, Origin origin = Origin::kUser);
  // Builds the RE2::Sets. Call once, after the last add_source.
  void compile();

  // The rule that decides this element: a matching protect rule wins over
  // any drop rule; else the first matching drop rule; else nullptr.
  // `host` is the page's host name ("" when unknown) for site rules.
  // Values matched by [ignore] rules are hidden from drop rules, and
  // <html> and <body> are never dropped (see rules/README.md).
  // `cache`, when given, remembers attribute values already matched.
  // `post`, when given, receives the first matching [post] rule, or nullptr.
  // `page_type` is the page's type for type= rules (kAuto: unknown, and
  // no such rule applies).
  const Rule* match_node(const block::Node& node, std::string_view host,
                         MatchCache* cache = nullptr, const Rule** post = nullptr,
                         PageType page_type = PageType::kAuto) const;
  // The first drop-text rule whose pattern matches the whole of `text`
  // (case-insensitive; leading and trailing spaces, punctuation, symbols
  // and icons are allowed around the match), or nullptr.
  const Rule* match_text(std::string_view text, std::string_view host,
                         PageType page_type = PageType::kAuto) const;

  size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The version of RE2 webclean was built with (RE2 has no call that tells
// the version in use), e.g. "2022-06-01" or "ABI 9".
std::string re2_version();

}  // namespace webclean::rules

#endif  // WEBCLEAN_RULES_RULES_H_
