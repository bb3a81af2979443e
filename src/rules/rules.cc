#include "rules/rules.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <limits>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>

#include "base/ascii.h"
#include "rules/prefilter.h"

namespace webclean::rules {
namespace {

using Origin = RuleSet::Origin;

// What part of an element (or of a block) a rule looks at. kTextSearch is
// not written in rule files: it is how a drop-text pattern that opens with
// ".*" or ".+" is matched (see is_search_pattern).
enum class Key : uint8_t {
  kTag,
  kId,
  kClass,
  kRole,
  kItemprop,
  kAttr,
  kHidden,
  kText,
  kTextSearch
};

// kDropAlways: [drop always], drop rules the share guard does not apply to.
enum class Section : uint8_t { kNone, kDrop, kDropAlways, kProtect, kIgnore, kDropText, kPost };

constexpr size_t kMaxPatternChars = 1000;
// Room for the DFA of a set of a few hundred patterns; RE2's default (8 MB)
// is sized for one pattern. A set whose DFA runs out of memory would fail
// to match rather than fail loudly, so be generous.
constexpr int64_t kSetMaxMem = 64 << 20;
constexpr uint32_t kNoRule = std::numeric_limits<uint32_t>::max();

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

using base::iequals;

std::string lower(std::string_view s) {
  return base::lower_ascii(s);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// A '#' at the start of the line or after a space or tab starts a comment;
// elsewhere (and as "\#") it belongs to the pattern.
std::string_view strip_comment(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
      return line.substr(0, i);
  }
  return line;
}

size_t count_code_points(std::string_view s) {
  return size_t(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Splits off the first whitespace-delimited word of `s`; `s` keeps the rest.
std::string_view take_word(std::string_view& s) {
  s = trim(s);
  size_t end = 0;
  while (end < s.size() && !is_space(s[end])) ++end;
  std::string_view word = s.substr(0, end);
  s = trim(s.substr(end));
  return word;
}

// Calls `fn` for each whitespace-separated token of `s`.
template <typename Fn>
void for_each_token(std::string_view s, Fn&& fn) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) fn(s.substr(start, i - start));
  }
}

bool site_applies(std::string_view site, std::string_view host) {
  if (site.empty()) return true;
  if (host.empty()) return false;
  if (host.back() == '.') host.remove_suffix(1);  // "example.com."
  if (host.size() == site.size()) return iequals(host, site);
  return host.size() > site.size() && host[host.size() - site.size() - 1] == '.' &&
         iequals(host.substr(host.size() - site.size()), site);
}

// Whether a rule applies on this host and page type: a rule limited to a
// site applies there only; one limited to a page type on pages of that
// type only (and not at all when the type is not known, as in the prescan).
bool applies(const Rule& rule, std::string_view host, PageType page_type) {
  return site_applies(rule.site, host) &&
         (rule.page_type == PageType::kAuto || rule.page_type == page_type);
}

// Where the rules of a section apply: a site, a page type.
struct Scope {
  std::string site;
  PageType page_type = PageType::kAuto;
  bool ends_article = false;
};

RE2::Options pattern_options(Key key) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  // <pre> blocks keep their line breaks
  options.set_dot_nl(key == Key::kText || key == Key::kTextSearch);
  return options;
}

// Drop-text patterns ignore what a block may carry before and after its
// words: white space, ASCII and Latin-1 punctuation and symbols, the
// punctuation, arrow, symbol and emoji blocks, private-use icon-font
// characters. Written as ranges (not \pP, \pS): RE2 compiles Unicode
// categories into large automata, and with one per pattern the shipped
// rules took 0.3 s to load instead of 0.1 s.
constexpr std::string_view kDecoration =
    "(?-i:[\\s!-/:-@\\[-`{-~\\x{A0}-\\x{BF}\\x{D7}\\x{F7}\\x{2000}-\\x{2BFF}\\x{3000}-\\x{303F}"
    "\\x{E000}-\\x{F8FF}\\x{FE00}-\\x{FE0F}\\x{FEFF}\\x{FF01}-\\x{FF0F}\\x{1F000}-\\x{1FAFF}]*)";

// Whether `c` is in kDecoration's class, or is \v. Keep the two in step:
// a character of the class missing here would let a text skip, by its
// length, a pattern it matches (see TextPatterns).
bool is_decoration(UChar32 c) {
  if (c < 0x80) {
    return (c >= '\t' && c <= '\r') || (c >= ' ' && c <= '/') || (c >= ':' && c <= '@') ||
           (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
  }
  return (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xE000 && c <= 0xF8FF) ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0x1F000 && c <= 0x1FAFF);
}

// The bytes of `text` between its leading and trailing decoration: any
// match of a drop-text pattern's own part covers them.
size_t core_bytes(std::string_view text) {
  const auto length = static_cast<int32_t>(text.size());
  int32_t start = 0;
  while (start < length) {
    int32_t next = start;
    UChar32 c = 0;
    U8_NEXT(text.data(), next, length, c);
    if (c < 0 || !is_decoration(c)) break;
    start = next;
  }
  int32_t end = length;
  while (end > start) {
    int32_t previous = end;
    UChar32 c = 0;
    U8_PREV(text.data(), start, previous, c);
    if (c < 0 || !is_decoration(c)) break;
    end = previous;
  }
  return size_t(end - start);
}

// Whether a drop-text pattern whose matches start with one of
// `first_chars` (case-folded, rules/prefilter.h) may match `text`: its own
// part starts after some of the text's leading decoration, so at one of
// those characters or at the first after them.
bool may_start(std::string_view text, std::string_view first_chars) {
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t at = 0; at < length;) {
    UChar32 c = 0;
    U8_NEXT(text.data(), at, length, c);
    if (c < 0) return false;  // neither decoration nor a pattern's character
    char folded[U8_MAX_LENGTH];
    int32_t bytes = 0;
    U8_APPEND_UNSAFE(folded, bytes, u_foldCase(c, U_FOLD_CASE_DEFAULT));
    // UTF-8 is self-synchronizing: a whole character is found only as one.
    if (first_chars.find(std::string_view(folded, size_t(bytes))) != std::string_view::npos)
      return true;
    if (!is_decoration(c)) return false;
  }
  return false;
}

// A drop-text pattern that opens with ".*" or ".+" can match at any point
// of a block. In the anchored set, one such pattern keeps the automaton
// alive to the end of every block and multiplies its states with every
// other pattern's; on 992 pages, 13 of them made the drop-text set cost as
// much per page as the page type decision. They are searched for apart,
// unanchored at the start, which matches the same texts: with "." matching
// any character, ^D.*p D$ is the same language as a search for .*p D\z.
bool is_search_pattern(std::string_view pattern) {
  return pattern.size() > 2 && pattern[0] == '.' && (pattern[1] == '*' || pattern[1] == '+');
}

// The pattern as the set sees it.
std::string set_pattern(Key key, std::string_view pattern) {
  if (key != Key::kText && key != Key::kTextSearch) return std::string(pattern);
  std::string wrapped;
  wrapped.reserve(pattern.size() + 2 * kDecoration.size() + 8);
  if (key == Key::kText) wrapped.append(kDecoration);
  wrapped.append("(?:").append(pattern).append(")").append(kDecoration);
  if (key == Key::kTextSearch) wrapped.append("\\z");
  return wrapped;
}

RE2::Anchor anchor_for(Key key) {
  return (key == Key::kTag || key == Key::kText) ? RE2::ANCHOR_BOTH : RE2::UNANCHORED;
}

// The options a pattern of `key` is compiled with, alone or in a set: the
// memory budget of a set of a few hundred patterns (kSetMaxMem).
RE2::Options compile_options(Key key) {
  RE2::Options options = pattern_options(key);
  options.set_max_mem(kSetMaxMem);
  return options;
}

std::unique_ptr<RE2::Set> new_set(Key key) {
  return std::make_unique<RE2::Set>(compile_options(key), anchor_for(key));
}

// facts_of(pattern), from shipped_facts() when the pattern is there: a
// process does not read the shipped patterns again (3 ms of its start-up).
PatternFacts known_facts_of(std::string_view pattern) {
  const FactsTable table = shipped_facts();
  const auto it = std::lower_bound(table.facts.begin(), table.facts.end(), pattern,
                                   [&](const KnownFacts& known, std::string_view wanted) {
                                     return table[known.pattern] < wanted;
                                   });
  if (it == table.facts.end() || table[it->pattern] != pattern) return facts_of(pattern);
  PatternFacts facts;
  facts.max_bytes = it->max_bytes;
  if (it->has_atoms) {
    facts.atoms.emplace();
    for (const TextRef atom : table.atoms.subspan(it->first_atom, it->atom_count)) {
      facts.atoms->emplace_back(table[atom]);
    }
  }
  if (it->has_first_chars) facts.first_chars.emplace(table[it->first_chars]);
  return facts;
}

// Everything but the site is stored per rule, in parse order; compile()
// turns the patterns into sets.
struct Pattern {
  Key key = Key::kTag;
  Section section = Section::kNone;
  Origin origin = Origin::kUser;
  std::string attr;     // lower-case attribute name, for Key::kAttr
  std::string pattern;  // RE2 syntax; empty for Key::kHidden
};

// One pattern compiled on its own, the first time it is matched
// (std::call_once: a RuleSet stays shareable by threads).
class LazyPattern {
 public:
  LazyPattern(Key key, std::string_view pattern, uint32_t rule)
      : key_(key), pattern_(pattern), rule_(rule) {}
  uint32_t rule() const { return rule_; }
  Key key() const { return key_; }
  const std::string& pattern() const { return pattern_; }
  bool matches(std::string_view text) const {
    const RE2& re = compiled();
    return anchor_for(key_) == RE2::ANCHOR_BOTH ? RE2::FullMatch(text, re)
                                                : RE2::PartialMatch(text, re);
  }
  // Compiles now: a user's pattern at load, so that one over RE2's memory
  // budget is reported there. RE2's error, or "".
  std::string compile_error() const {
    const RE2& re = compiled();
    return re.ok() ? std::string() : re.error();
  }

 private:
  Key key_;
  std::string pattern_;  // as written; set_pattern() wraps it when compiled
  uint32_t rule_;
  mutable std::once_flag compiled_;
  mutable std::unique_ptr<RE2> re_;

  const RE2& compiled() const {
    std::call_once(compiled_, [&] {
      re_ = std::make_unique<RE2>(set_pattern(key_, pattern_), compile_options(key_));
    });
    return *re_;
  }
};

// Lazy matching suits a process that cleans a few documents; a bulk run
// matches every block and value against the patterns, one RE2 call per
// candidate, where one RE2::Set pass over all of them costs less (6% of a
// bulk run's time). So after kBulkAfterUses lazy matches of a kind (a page
// has 50-300 blocks and distinct values: one document never gets there, a
// bulk run does within its first pages) the thread that makes the count
// builds sets of all of them, and every later match is a set's DFA pass.
// Both answer the same: the prefilter only ever skips patterns that
// cannot match (tests/rules/prefilter_test.cc).
constexpr uint32_t kBulkAfterUses = 2000;

class BulkSets {
 public:
  bool ready() const { return ready_.load(std::memory_order_acquire); }

  // Counts a lazy match; the one that makes kBulkAfterUses builds the sets.
  void count_use(const std::vector<std::unique_ptr<LazyPattern>>& patterns) const {
    if (uses_.fetch_add(1, std::memory_order_relaxed) + 1 != kBulkAfterUses) return;
    for (uint32_t position = 0; position < patterns.size(); ++position) {
      const LazyPattern& pattern = *patterns[position];
      const bool anchored = anchor_for(pattern.key()) == RE2::ANCHOR_BOTH;
      Part& part = anchored ? anchored_ : unanchored_;
      if (!part.set) part.set = new_set(pattern.key());
      if (part.set->Add(set_pattern(pattern.key(), pattern.pattern()), nullptr) < 0) return;
      part.positions.push_back(position);
    }
    for (Part* part : {&anchored_, &unanchored_}) {
      if (part->set && !part->set->Compile()) return;  // too big: stay lazy
    }
    ready_.store(true, std::memory_order_release);
  }

  // The positions of the patterns that match `text`, ascending. Only once ready().
  void matches(std::string_view text, std::vector<int>& scratch,
               std::vector<uint32_t>& positions) const {
    positions.clear();
    for (const Part* part : {&anchored_, &unanchored_}) {
      if (!part->set || !part->set->Match(text, nullptr)) continue;  // allocates nothing
      if (!part->set->Match(text, &scratch)) continue;
      for (int i : scratch) positions.push_back(part->positions[size_t(i)]);
    }
    std::sort(positions.begin(), positions.end());
  }

 private:
  struct Part {
    std::unique_ptr<RE2::Set> set;
    std::vector<uint32_t> positions;  // of the set's patterns
  };
  // Written once, by the thread that builds them, before ready_ is set.
  mutable Part anchored_;
  mutable Part unanchored_;
  mutable std::atomic<uint32_t> uses_{0};
  mutable std::atomic<bool> ready_{false};
};

// The positions in `patterns` of those whose atoms `text` holds, and of
// `unfiltered`, in order.
std::vector<uint32_t> candidates(const AtomIndex& index, const std::vector<uint32_t>& unfiltered,
                                 std::string_view text) {
  std::vector<uint32_t> found = unfiltered;
  index.find(fold_case(text), found);
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

// The patterns of a kind that have no atoms, in one RE2::Set. Compiled at
// load when a user's pattern is among them, so that one over RE2's memory
// budget is reported there; else when a value is first matched (a text
// document matches none: 1 ms of its process). The shipped ones compile
// together, as every test that cleans a page shows.
struct AtomlessSet {
  std::unique_ptr<RE2::Set> set;
  bool deferred = false;
  std::once_flag compiled;

  RE2::Set& ready() {
    if (deferred) std::call_once(compiled, [this] { set->Compile(); });
    return *set;
  }
};

// The element patterns of one kind. Those with atoms (rules/prefilter.h)
// are compiled one by one, the first time a value holds one of their
// atoms; the few without are compiled together, in one AtomlessSet.
// All in one set took 10 ms to build, a quarter of a one-page process.
struct PatternSet {
  std::vector<std::unique_ptr<LazyPattern>> lazy;  // all of them, in rule order
  AtomIndex index;                                 // atoms -> positions in `lazy`
  bool any_with_atoms = false;
  std::unique_ptr<AtomlessSet> atomless;                          // the patterns without atoms
  std::vector<uint32_t> set_positions;                            // their positions in `lazy`
  std::unique_ptr<BulkSets> bulk = std::make_unique<BulkSets>();  // of all `lazy`
  Key key = Key::kTag;

  bool empty() const { return lazy.empty(); }

  // The pattern compiled on its own, or nullptr when it joined the set.
  const LazyPattern* add(Key pattern_key, const std::string& pattern, uint32_t rule) {
    key = pattern_key;
    const auto position = static_cast<uint32_t>(lazy.size());
    lazy.push_back(std::make_unique<LazyPattern>(key, pattern, rule));
    const PatternFacts facts = known_facts_of(pattern);
    if (facts.atoms) {
      any_with_atoms = true;
      for (const std::string& atom : *facts.atoms) index.add(atom, position);
      return lazy.back().get();
    }
    if (!atomless) {
      atomless = std::make_unique<AtomlessSet>();
      atomless->set = new_set(pattern_key);
    }
    // Cannot fail: add_source() parsed a user's pattern with the same options, and
    // tests/rules/shipped_rules_test.cc parses the shipped ones so.
    if (atomless->set->Add(set_pattern(pattern_key, pattern), nullptr) >= 0)
      set_positions.push_back(position);
    return nullptr;
  }

  // The rule of each pattern in the set (for compile errors).
  uint32_t set_rule(size_t i) const { return lazy[set_positions[i]]->rule(); }

  // Calls `fn(rule)` for each rule whose pattern matches `text`, in no
  // particular order. The first, allocation-free Match() rejects the
  // common case of no match at all.
  template <typename Fn>
  void for_each_match(std::string_view text, std::vector<int>& scratch, Fn&& fn) const {
    if (bulk->ready()) {
      std::vector<uint32_t> positions;
      bulk->matches(text, scratch, positions);
      for (uint32_t position : positions) fn(lazy[position]->rule());
      return;
    }
    if (atomless) {
      const RE2::Set& set = atomless->ready();
      if (set.Match(text, nullptr) && set.Match(text, &scratch)) {
        for (int i : scratch) fn(set_rule(size_t(i)));
      }
    }
    if (!any_with_atoms) return;
    bulk->count_use(lazy);
    for (uint32_t position : candidates(index, {}, text)) {
      if (lazy[position]->matches(text)) fn(lazy[position]->rule());
    }
  }
};

// The rules on one attribute name, and its [ignore] rules.
struct AttrSets {
  std::string name;  // lower case
  PatternSet match;
  PatternSet ignore;
};

// The drop-text patterns. Each is compiled on its own, the first time a
// block may match it: the block holds one of its atoms (rules/prefilter.h),
// or the pattern has none, and the block's text between its decorations
// is no longer than the pattern's longest match. A one-page process
// compiles the few its page needs (all in one RE2::Set took 45 ms, most of
// its start-up), and a block is matched against only those few.
class TextPatterns {
 public:
  const LazyPattern* add(Key key, std::string_view pattern, uint32_t rule) {
    const uint32_t position = static_cast<uint32_t>(patterns_.size());
    PatternFacts facts = known_facts_of(pattern);
    // A search pattern opens with ".*": its matches have no bound.
    const size_t max_bytes = key == Key::kText ? facts.max_bytes : PatternFacts::kUnbounded;
    patterns_.push_back(std::make_unique<LazyPattern>(key, pattern, rule));
    max_bytes_.push_back(max_bytes);
    first_chars_.push_back(key == Key::kText ? std::move(facts.first_chars) : std::nullopt);
    if (!facts.atoms) {
      unfiltered_.push_back(position);
    } else {
      for (const std::string& atom : *facts.atoms) index_.add(atom, position);
    }
    return patterns_.back().get();
  }

  // Calls `fn(rule)` for the rules whose patterns match `text`, in rule
  // order, until it returns true.
  template <typename Fn>
  void until_match(std::string_view text, Fn&& fn) const {
    if (patterns_.empty()) return;
    if (bulk_->ready()) {
      std::vector<int> scratch;
      std::vector<uint32_t> positions;
      bulk_->matches(text, scratch, positions);
      for (uint32_t position : positions) {
        if (fn(patterns_[position]->rule(), [] { return true; })) return;
      }
      return;
    }
    bulk_->count_use(patterns_);
    const size_t core = core_bytes(text);
    for (uint32_t position : candidates(index_, unfiltered_, text)) {
      if (core > max_bytes_[position]) continue;
      const std::optional<std::string>& first_chars = first_chars_[position];
      if (first_chars && !may_start(text, *first_chars)) continue;
      const LazyPattern& pattern = *patterns_[position];
      if (fn(pattern.rule(), [&] { return pattern.matches(text); })) return;
    }
  }

 private:
  std::vector<std::unique_ptr<LazyPattern>> patterns_;  // in rule order
  // The longest match of each pattern's own part, without decoration.
  std::vector<size_t> max_bytes_;
  // The characters each pattern's own part starts with, when known.
  std::vector<std::optional<std::string>> first_chars_;
  AtomIndex index_;                   // atoms -> positions in patterns_
  std::vector<uint32_t> unfiltered_;  // positions tried on every text
  std::unique_ptr<BulkSets> bulk_ = std::make_unique<BulkSets>();
};

// Names a node's fields: class, role and itemprop are token lists, the
// others are matched whole.
std::string_view field_of(const block::Node& node, std::string_view attr) {
  if (attr == "id") return node.id;
  if (attr == "class") return node.classes;
  if (attr == "role") return node.role;
  if (attr == "itemprop") return node.itemprop;
  if (attr == "itemtype") return node.itemtype;
  return {};
}

bool is_node_field(std::string_view attr) {
  return attr == "id" || attr == "class" || attr == "role" || attr == "itemprop" ||
         attr == "itemtype";
}

// The elements of HTML: their tag rule matches are worked out once at
// compile time, so that a plain <p> or <div> costs one hash lookup.
constexpr std::string_view kKnownTags[] = {
    "a",       "abbr",     "address",  "area",       "article",    "aside",    "audio",  "b",
    "base",    "bdi",      "bdo",      "blockquote", "body",       "br",       "button", "canvas",
    "caption", "center",   "cite",     "code",       "col",        "colgroup", "data",   "datalist",
    "dd",      "del",      "details",  "dfn",        "dialog",     "dir",      "div",    "dl",
    "dt",      "em",       "embed",    "fieldset",   "figcaption", "figure",   "font",   "footer",
    "form",    "frame",    "frameset", "h1",         "h2",         "h3",       "h4",     "h5",
    "h6",      "head",     "header",   "hgroup",     "hr",         "html",     "i",      "iframe",
    "img",     "input",    "ins",      "kbd",        "label",      "legend",   "li",     "link",
    "main",    "map",      "mark",     "marquee",    "math",       "menu",     "meta",   "meter",
    "nav",     "noscript", "object",   "ol",         "optgroup",   "option",   "output", "p",
    "param",   "picture",  "pre",      "progress",   "q",          "rp",       "rt",     "ruby",
    "s",       "samp",     "script",   "search",     "section",    "select",   "slot",   "small",
    "source",  "span",     "strong",   "style",      "sub",        "summary",  "sup",    "svg",
    "table",   "tbody",    "td",       "template",   "textarea",   "tfoot",    "th",     "thead",
    "time",    "title",    "tr",       "track",      "u",          "ul",       "var",    "video",
    "wbr",     "xmp"};

// Root elements describe the page, not a box in it: a body class such as
// "has-sidebar" or "ads-enabled" must never drop the whole page.
bool is_root(std::string_view tag) {
  return tag == "html" || tag == "body";
}

}  // namespace

struct RuleSet::Impl {
  std::vector<Rule> rules;
  std::vector<Pattern> patterns;  // parallel to rules

  bool compiled = false;
  PatternSet tag, id, cls, role, itemprop;
  TextPatterns text;
  PatternSet ignore_id, ignore_cls, ignore_role, ignore_itemprop;
  std::vector<AttrSets> attrs;
  std::vector<uint32_t> hidden;
  std::unordered_map<std::string_view, std::vector<uint32_t>> known_tag_rules;

  void parse(std::string_view name, std::string_view content, Origin origin);
  void parse_line(std::string_view name, size_t line_no, std::string_view line, Section& section,
                  Scope& scope, Origin origin);
  void add_rule(std::string_view name, size_t line_no, std::string_view source, Section section,
                const Scope& scope, Pattern pattern);
  void build();
  void compile_set(PatternSet& set) const;
  void check_compiles(const LazyPattern* pattern, uint32_t index) const;
  PatternSet* element_set(Key key, bool ignore, const std::string& attr);
};

namespace {

[[noreturn]] void fail(std::string_view name, size_t line_no, std::string_view reason) {
  throw RuleFileError(std::string(name) + ":" + std::to_string(line_no) + ": " +
                      std::string(reason));
}

// "[drop]", "[protect site=example.com]", "[drop type=product]": sets
// `section` and `scope`.
void parse_section(std::string_view name, size_t line_no, std::string_view header, Section& section,
                   Scope& scope) {
  std::string_view inner = trim(header.substr(1, header.size() - 2));
  std::string_view kind = take_word(inner);
  if (kind == "drop") {
    section = Section::kDrop;
  } else if (kind == "protect") {
    section = Section::kProtect;
  } else if (kind == "ignore") {
    section = Section::kIgnore;
  } else if (kind == "drop-text") {
    section = Section::kDropText;
  } else if (kind == "post") {
    section = Section::kPost;
  } else {
    fail(name, line_no,
         "unknown section [" + std::string(kind) +
             "] (expected drop, protect, ignore, drop-text or post)");
  }
  scope = Scope{};
  while (!inner.empty()) {
    std::string_view option = take_word(inner);
    if (option == "ends-article") {
      if (section != Section::kDropText) {
        fail(name, line_no, "'ends-article' applies to [drop-text] only");
      }
      scope.ends_article = true;
      continue;
    }
    if (option == "always") {
      if (section != Section::kDrop) fail(name, line_no, "'always' applies to [drop] only");
      section = Section::kDropAlways;
      continue;
    }
    if (option.substr(0, 5) == "type=") {
      const std::optional<PageType> type = page_type_from_name(option.substr(5));
      if (!type || *type == PageType::kAuto) {
        fail(name, line_no, "unknown page type in '" + std::string(option) + "'");
      }
      scope.page_type = *type;
      continue;
    }
    if (option.substr(0, 5) != "site=")
      fail(name, line_no, "unknown section option '" + std::string(option) + "'");
    std::string_view host = option.substr(5);
    if (host.empty()) fail(name, line_no, "empty site= in section header");
    scope.site = lower(host);
  }
}

Key parse_key(std::string_view name, size_t line_no, std::string_view word) {
  static const std::array<std::pair<std::string_view, Key>, 7> kKeys = {
      {{"tag", Key::kTag},
       {"id", Key::kId},
       {"class", Key::kClass},
       {"role", Key::kRole},
       {"itemprop", Key::kItemprop},
       {"attr", Key::kAttr},
       {"hidden", Key::kHidden}}};
  for (const auto& [text, key] : kKeys) {
    if (word == text) return key;
  }
  fail(name, line_no,
       "unknown key '" + std::string(word) +
           "' (expected tag, id, class, role, itemprop, attr or hidden)");
}

// RE2 refuses what would need backtracking; say why, not only what.
// `error` is RE2's message, "<what>: <fragment>".
std::string explain_re2_error(std::string_view pattern, const std::string& error) {
  size_t colon = error.find(": ");
  std::string_view what = std::string_view(error).substr(0, colon);
  std::string_view arg =
      colon == std::string::npos ? std::string_view() : std::string_view(error).substr(colon + 2);
  bool backref =
      what == "invalid escape sequence" && arg.size() >= 2 && arg[1] >= '1' && arg[1] <= '9';
  if (backref) {
    return "back-reference " + std::string(arg) +
           " is not supported (RE2 matches in linear time, without back-references)";
  }
  if (what == "invalid perl operator" && pattern.find("(?P=") != std::string_view::npos) {
    return "back-reference (?P=name) is not supported (RE2 matches in linear time, without "
           "back-references)";
  }
  for (std::string_view look : {"(?=", "(?!", "(?<=", "(?<!"}) {
    if (what == "invalid perl operator" && pattern.find(look) != std::string_view::npos) {
      return "look-around " + std::string(look) + " is not supported by RE2";
    }
  }
  return "invalid pattern: " + error;
}

// Parses a user's pattern as compile() will, so that a syntax error names
// its line as the file is added. The shipped patterns are not parsed here:
// tests/rules/shipped_rules_test.cc parses them all, and a one-document
// process would pay for it.
void check_pattern(std::string_view name, size_t line_no, Key key, std::string_view pattern,
                   Origin origin) {
  if (pattern.empty()) fail(name, line_no, "missing pattern");
  if (count_code_points(pattern) > kMaxPatternChars) {
    fail(name, line_no, "pattern longer than " + std::to_string(kMaxPatternChars) + " characters");
  }
  if (origin == Origin::kShipped) return;
  RE2::Set probe(pattern_options(key), anchor_for(key));
  std::string error;
  if (probe.Add(pattern, &error) < 0) {  // unwrapped, for RE2's error text
    fail(name, line_no, explain_re2_error(pattern, error));
  }
}

}  // namespace

void RuleSet::Impl::parse(std::string_view name, std::string_view content, Origin origin) {
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);  // UTF-8 BOM
  Section section = Section::kNone;
  Scope scope;
  size_t line_no = 0;
  while (!content.empty()) {
    size_t end = content.find('\n');
    std::string_view line = content.substr(0, end);
    content = end == std::string_view::npos ? std::string_view() : content.substr(end + 1);
    parse_line(name, ++line_no, line, section, scope, origin);
  }
}

void RuleSet::Impl::parse_line(std::string_view name, size_t line_no, std::string_view line,
                               Section& section, Scope& scope, Origin origin) {
  std::string_view text = trim(strip_comment(line));
  if (text.empty()) return;
  if (text.front() == '[' && text.back() == ']')
    return parse_section(name, line_no, text, section, scope);
  if (section == Section::kNone) fail(name, line_no, "rule outside any section");

  Pattern pattern;
  pattern.section = section;
  pattern.origin = origin;
  if (section == Section::kDropText) {
    pattern.key = Key::kText;
    pattern.pattern = std::string(text);
    check_pattern(name, line_no, pattern.key, pattern.pattern, origin);
    return add_rule(name, line_no, text, section, scope, std::move(pattern));
  }

  std::string_view rest = text;
  pattern.key = parse_key(name, line_no, take_word(rest));
  if (pattern.key == Key::kHidden) {
    if (section == Section::kIgnore) fail(name, line_no, "'hidden' cannot be used in [ignore]");
    if (!rest.empty()) fail(name, line_no, "'hidden' takes no pattern");
    return add_rule(name, line_no, text, section, scope, std::move(pattern));
  }
  if (pattern.key == Key::kTag && section == Section::kIgnore)
    fail(name, line_no, "'tag' cannot be used in [ignore]");
  if (pattern.key == Key::kAttr) {
    pattern.attr = lower(take_word(rest));
    if (pattern.attr.empty()) fail(name, line_no, "missing attribute name after 'attr'");
  }
  pattern.pattern = std::string(rest);
  check_pattern(name, line_no, pattern.key, pattern.pattern, origin);
  add_rule(name, line_no, text, section, scope, std::move(pattern));
}

void RuleSet::Impl::add_rule(std::string_view name, size_t line_no, std::string_view source,
                             Section section, const Scope& scope, Pattern pattern) {
  Rule rule;
  rule.id = std::string(name) + ":" + std::to_string(line_no);
  rule.source = std::string(source);
  rule.action = section == Section::kProtect ? Action::kProtect
                : section == Section::kPost  ? Action::kPost
                                             : Action::kDrop;
  rule.site = scope.site;
  rule.page_type = scope.page_type;
  rule.always = section == Section::kDropAlways;
  rule.ends_article = scope.ends_article;
  rules.push_back(std::move(rule));
  patterns.push_back(std::move(pattern));
  compiled = false;
}

PatternSet* RuleSet::Impl::element_set(Key key, bool ignore, const std::string& attr) {
  switch (key) {
    case Key::kTag:
      return &tag;
    case Key::kId:
      return ignore ? &ignore_id : &id;
    case Key::kClass:
      return ignore ? &ignore_cls : &cls;
    case Key::kRole:
      return ignore ? &ignore_role : &role;
    case Key::kItemprop:
      return ignore ? &ignore_itemprop : &itemprop;
    case Key::kText:
    case Key::kTextSearch:
    case Key::kHidden:
      return nullptr;
    case Key::kAttr:
      break;
  }
  for (AttrSets& sets : attrs) {
    if (sets.name == attr) return ignore ? &sets.ignore : &sets.match;
  }
  AttrSets& sets = attrs.emplace_back();
  sets.name = attr;
  return ignore ? &sets.ignore : &sets.match;
}

// A set that does not compile is too big for RE2's memory budget: name the
// rule whose pattern is too big on its own if there is one.
void RuleSet::Impl::compile_set(PatternSet& set) const {
  if (!set.atomless) return;
  const bool any_user =
      std::any_of(set.set_positions.begin(), set.set_positions.end(), [&](uint32_t position) {
        return patterns[set.lazy[position]->rule()].origin == Origin::kUser;
      });
  if (!any_user) {
    set.atomless->deferred = true;
    return;
  }
  if (set.atomless->set->Compile()) return;
  for (size_t i = 0; i < set.set_positions.size(); ++i) {
    const uint32_t index = set.set_rule(i);
    RE2 re(set_pattern(set.key, patterns[index].pattern), pattern_options(set.key));
    if (!re.ok())
      throw RuleFileError(rules[index].id + ": pattern too large to compile: " + re.error());
  }
  throw RuleFileError(rules[set.set_rule(0)].id +
                      ": too many patterns of this kind to compile together");
}

// A user's pattern compiled on its own is compiled at load, to report one
// over RE2's memory budget there; the shipped ones wait for their first use.
void RuleSet::Impl::check_compiles(const LazyPattern* pattern, uint32_t index) const {
  if (pattern == nullptr || patterns[index].origin != Origin::kUser) return;
  const std::string error = pattern->compile_error();
  if (!error.empty())
    throw RuleFileError(rules[index].id + ": pattern too large to compile: " + error);
}

void RuleSet::Impl::build() {
  for (PatternSet* set : {&tag, &id, &cls, &role, &itemprop, &ignore_id, &ignore_cls, &ignore_role,
                          &ignore_itemprop}) {
    *set = PatternSet{};
  }
  text = TextPatterns{};
  attrs.clear();
  hidden.clear();
  known_tag_rules.clear();
  for (uint32_t i = 0; i < patterns.size(); ++i) {
    const Pattern& p = patterns[i];
    if (p.key == Key::kHidden) {
      hidden.push_back(i);
      continue;
    }
    if (p.key == Key::kText) {
      check_compiles(
          text.add(is_search_pattern(p.pattern) ? Key::kTextSearch : Key::kText, p.pattern, i), i);
      continue;
    }
    check_compiles(
        element_set(p.key, p.section == Section::kIgnore, p.attr)->add(p.key, p.pattern, i), i);
  }
  for (PatternSet* set : {&tag, &id, &cls, &role, &itemprop, &ignore_id, &ignore_cls, &ignore_role,
                          &ignore_itemprop}) {
    compile_set(*set);
  }
  for (AttrSets& sets : attrs) {
    compile_set(sets.match);
    compile_set(sets.ignore);
  }
  std::vector<int> scratch;
  for (std::string_view known : kKnownTags) {
    std::vector<uint32_t>& hits = known_tag_rules[known];
    tag.for_each_match(known, scratch, [&](uint32_t rule) { hits.push_back(rule); });
  }
  compiled = true;
}

RuleSet::RuleSet() : impl_(std::make_unique<Impl>()) {}
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

void RuleSet::add_source(std::string_view name, std::string_view content, Origin origin) {
  impl_->parse(name, content, origin);
}

void RuleSet::compile() {
  impl_->build();
}

size_t RuleSet::size() const {
  return impl_->rules.size();
}

// A worker's cache forgets everything past this many values (a few MB).
constexpr size_t kMatchCacheEntries = 100000;

struct MatchCache::Impl {
  // (set, value) -> the rules the value matched, [ignore] rules applied.
  std::unordered_map<std::string, std::vector<uint32_t>> by_value;
  std::string key;
};

MatchCache::MatchCache() : impl_(std::make_unique<Impl>()) {}
MatchCache::~MatchCache() = default;

namespace {

// Collects the rules that match one element and picks the deciding one.
class NodeMatcher {
 public:
  NodeMatcher(const std::vector<Rule>& rules, std::string_view host, PageType page_type,
              MatchCache* cache)
      : rules_(rules), host_(host), page_type_(page_type), cache_(cache) {}

  void rules(const std::vector<uint32_t>& indices) {
    for (uint32_t index : indices) consider(index);
  }

  // A value the drop rules must not see when an [ignore] rule matches it.
  // The ignore set is consulted only when a drop rule matched.
  void value(const PatternSet& set, const PatternSet& ignore, std::string_view value) {
    if (value.empty() || set.empty()) return;
    if (cache_ == nullptr) {
      matched_.clear();
      match_value(set, ignore, value, matched_);
      for (uint32_t index : matched_) consider(index);
      return;
    }
    MatchCache::Impl& memo = cache_->impl();
    if (memo.by_value.size() >= kMatchCacheEntries) memo.by_value.clear();
    // [ignore] rules are limited to sites and page types, and the cached
    // matches have them applied: the key holds both, or one document's
    // matches would be reused for another (and -j2 output would depend
    // on which worker cleaned what before).
    // The set's address (not its first bytes: the key once took those, and
    // sets whose first member was equal shared their entries).
    const PatternSet* const set_address = &set;
    memo.key.assign(reinterpret_cast<const char*>(&set_address), sizeof set_address);
    memo.key.push_back(static_cast<char>(page_type_));
    memo.key.append(host_).push_back('\0');
    memo.key.append(value);
    auto [it, inserted] = memo.by_value.try_emplace(memo.key);
    if (inserted) match_value(set, ignore, value, it->second);
    for (uint32_t index : it->second) consider(index);
  }

  void tokens(const PatternSet& set, const PatternSet& ignore, std::string_view list) {
    if (list.empty() || set.empty()) return;
    for_each_token(list, [&](std::string_view token) { value(set, ignore, token); });
  }

  void tag(const PatternSet& set, std::string_view tag) {
    set.for_each_match(tag, scratch_, [&](uint32_t index) { consider(index); });
  }

  // A protect rule beats every drop rule; root elements are never dropped.
  const Rule* result(bool droppable) const {
    if (protect_ != kNoRule) return &rules_[protect_];
    if (drop_ != kNoRule && droppable) return &rules_[drop_];
    return nullptr;
  }
  const Rule* post() const { return post_ != kNoRule ? &rules_[post_] : nullptr; }

 private:
  void consider(uint32_t index) {
    const Rule& rule = rules_[index];
    if (!applies(rule, host_, page_type_)) return;
    uint32_t& slot = rule.action == Action::kProtect ? protect_
                     : rule.action == Action::kPost  ? post_
                                                     : drop_;
    slot = std::min(slot, index);
  }

  // The rules `value` matches in `set`, less the drop rules an [ignore]
  // rule hides it from. The ignore set is consulted only when a drop rule matched.
  void match_value(const PatternSet& set, const PatternSet& ignore, std::string_view value,
                   std::vector<uint32_t>& out) {
    int ignored = -1;  // not looked up yet
    set.for_each_match(value, scratch_, [&](uint32_t index) {
      if (rules_[index].action == Action::kDrop) {
        if (ignored < 0) ignored = is_ignored(ignore, value);
        if (ignored) return;
      }
      out.push_back(index);
    });
  }

  bool is_ignored(const PatternSet& ignore, std::string_view value) {
    bool hit = false;
    ignore.for_each_match(value, ignore_scratch_, [&](uint32_t index) {
      hit = hit || applies(rules_[index], host_, page_type_);
    });
    return hit;
  }

  const std::vector<Rule>& rules_;
  std::string_view host_;
  PageType page_type_;
  uint32_t protect_ = kNoRule;  // lowest matching protect rule
  uint32_t drop_ = kNoRule;     // lowest matching drop rule
  uint32_t post_ = kNoRule;     // lowest matching post rule
  MatchCache* cache_;
  std::vector<uint32_t> matched_;
  std::vector<int> scratch_;  // these allocate only when a set matches
  std::vector<int> ignore_scratch_;
};

}  // namespace

const Rule* RuleSet::match_node(const block::Node& node, std::string_view host, MatchCache* cache,
                                const Rule** post, PageType page_type) const {
  const Impl& im = *impl_;
  if (post != nullptr) *post = nullptr;
  if (!im.compiled) return nullptr;
  NodeMatcher matcher(im.rules, host, page_type, cache);
  if (auto known = im.known_tag_rules.find(node.tag); known != im.known_tag_rules.end()) {
    matcher.rules(known->second);
  } else if (!node.tag.empty()) {
    matcher.tag(im.tag, node.tag);
  }
  matcher.value(im.id, im.ignore_id, node.id);
  matcher.tokens(im.cls, im.ignore_cls, node.classes);
  matcher.tokens(im.role, im.ignore_role, node.role);
  matcher.tokens(im.itemprop, im.ignore_itemprop, node.itemprop);
  for (const AttrSets& sets : im.attrs) {
    if (is_node_field(sets.name)) {
      matcher.value(sets.match, sets.ignore, field_of(node, sets.name));
      continue;
    }
    for (const auto& [name, value] : node.attrs) {
      if (iequals(name, sets.name)) matcher.value(sets.match, sets.ignore, value);
    }
  }
  if (node.flags & block::kHidden) matcher.rules(im.hidden);
  if (post != nullptr) *post = matcher.post();
  return matcher.result(!is_root(node.tag));
}

const Rule* RuleSet::match_text(std::string_view text, std::string_view host,
                                PageType page_type) const {
  const Impl& im = *impl_;
  if (!im.compiled) return nullptr;
  text = trim(text);
  if (text.empty()) return nullptr;
  const Rule* first = nullptr;
  im.text.until_match(text, [&](uint32_t index, auto&& matches) {
    if (!applies(im.rules[index], host, page_type) || !matches()) return false;
    first = &im.rules[index];
    return true;
  });
  return first;
}

}  // namespace webclean::rules
