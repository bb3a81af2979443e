#include "rules/prefilter.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>

namespace webclean::rules {

namespace {

// Atoms shorter than this would hold in most blocks: no filter at all.
constexpr size_t kMinAtomBytes = 3;

using Atoms = std::optional<std::vector<std::string>>;

constexpr size_t kUnbounded = PatternFacts::kUnbounded;

size_t add_bytes(size_t a, size_t b) {
  return (a == kUnbounded || b == kUnbounded) ? kUnbounded : a + b;
}

size_t times(size_t bytes, size_t count) {
  if (bytes == 0 || count == 0) return 0;
  if (bytes == kUnbounded || count == kUnbounded || bytes > kUnbounded / count) return kUnbounded;
  return bytes * count;
}

// The longest UTF-8 form of a character a case-insensitive match may take
// for `literal`: "k" also matches KELVIN SIGN (3 bytes), "s" LONG S (2);
// other letters of ASCII stay in it; beyond ASCII, up to 4.
size_t literal_max_bytes(std::string_view literal) {
  size_t bytes = 0;
  for (char c : literal) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      if ((byte & 0xC0) != 0x80) bytes += 4;  // a lead byte: one character
    } else {
      const char lower = static_cast<char>(std::tolower(byte));
      bytes += lower == 'k' ? 3 : lower == 's' ? 2 : 1;
    }
  }
  return bytes;
}

void append_utf8(std::string& out, UChar32 c) {
  char bytes[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(bytes, length, U8_MAX_LENGTH, c, error);
  if (!error) out.append(bytes, size_t(length));
}

// Reads an RE2 pattern far enough to know which literal strings every
// match holds. Whatever it does not follow makes the answer "unknown",
// never a wrong set: a pattern with an unknown answer is tried on every text.
class AtomReader {
 public:
  explicit AtomReader(std::string_view pattern) : p_(pattern) {}

  PatternFacts read() {
    PatternFacts facts;
    First first;
    Atoms atoms = alternation(facts.max_bytes, first);
    if (failed_ || at_ != p_.size()) return PatternFacts{};
    facts.atoms = std::move(atoms);
    if (first.known && !first.nullable) facts.first_chars = std::move(first.chars);
    return facts;
  }

 private:
  enum class Kind { kLiteral, kAny, kZeroWidth, kGroup };
  // The characters a match may start with: `chars` (UTF-8, unfolded) when
  // `known`; `nullable` when it may match the empty string, so that what
  // follows may start the match too.
  struct First {
    bool known = true;
    bool nullable = false;
    std::string chars;
    void add(const First& next) {
      known = known && next.known;
      if (known) chars += next.chars;
    }
  };
  struct Item {
    Kind kind = Kind::kAny;
    std::string literal;   // kLiteral: one character (UTF-8)
    Atoms atoms;           // kGroup
    First first;           // kGroup
    size_t max_bytes = 4;  // the longest text it matches
  };

  bool more() const { return at_ < p_.size() && !failed_; }
  char peek(size_t ahead = 0) const { return at_ + ahead < p_.size() ? p_[at_ + ahead] : '\0'; }

  // `max_bytes`: the longest text any branch matches; `first`: the
  // characters any branch starts with.
  Atoms alternation(size_t& max_bytes, First& first) {
    std::vector<std::string> all;
    bool known = true;
    max_bytes = 0;
    first = First{};
    while (true) {
      size_t branch_bytes = 0;
      First branch_first;
      Atoms branch = concatenation(branch_bytes, branch_first);
      max_bytes = std::max(max_bytes, branch_bytes);
      first.add(branch_first);
      first.nullable = first.nullable || branch_first.nullable;
      if (!branch) known = false;
      if (known) {
        all.insert(all.end(), std::make_move_iterator(branch->begin()),
                   std::make_move_iterator(branch->end()));
      }
      if (!more() || peek() != '|') break;
      ++at_;
    }
    if (!known) return std::nullopt;
    return all;
  }

  // Of the literal runs and groups every match passes through, the one
  // whose shortest atom is longest.
  Atoms concatenation(size_t& max_bytes, First& first) {
    max_bytes = 0;
    first = First{};
    first.nullable = true;  // until an item that must match text
    std::vector<std::vector<std::string>> candidates;
    std::string run;
    auto end_run = [&] {
      if (run.size() >= kMinAtomBytes) candidates.push_back({run});
      run.clear();
    };
    while (more() && peek() != '|' && peek() != ')') {
      Item item = read_item();
      size_t max_count = 1;
      const int min_count = read_repeat(max_count);
      if (failed_) return std::nullopt;
      max_bytes = add_bytes(max_bytes, times(item.max_bytes, max_count));
      if (first.nullable) {
        const First item_first = first_of(item);
        first.add(item_first);
        first.nullable = item_first.nullable || min_count == 0;
      }
      if (item.kind == Kind::kLiteral) {
        if (min_count >= 1) run += item.literal;
        if (min_count != 1 || repeat_read_) end_run();
        continue;
      }
      end_run();
      if (item.kind == Kind::kGroup && min_count >= 1 && item.atoms) {
        candidates.push_back(std::move(*item.atoms));
      }
    }
    end_run();
    const auto shortest = [](const std::vector<std::string>& atoms) {
      size_t length = SIZE_MAX;
      for (const std::string& atom : atoms) length = std::min(length, atom.size());
      return length;
    };
    std::vector<std::string>* best = nullptr;
    for (auto& atoms : candidates) {
      if (atoms.empty() || shortest(atoms) < kMinAtomBytes) continue;
      if (best == nullptr || shortest(atoms) > shortest(*best) ||
          (shortest(atoms) == shortest(*best) && atoms.size() < best->size())) {
        best = &atoms;
      }
    }
    if (best == nullptr) return std::nullopt;
    return std::move(*best);
  }

  static First first_of(const Item& item) {
    First first;
    switch (item.kind) {
      case Kind::kLiteral: {
        size_t length = 1;
        while (length < item.literal.size() &&
               (static_cast<unsigned char>(item.literal[length]) & 0xC0) == 0x80)
          ++length;
        first.chars = item.literal.substr(0, length);
        break;
      }
      case Kind::kAny:
        first.known = false;
        break;
      case Kind::kZeroWidth:
        first.nullable = true;
        break;
      case Kind::kGroup:
        first = item.first;
        break;
    }
    return first;
  }

  // The least number of times the item just read repeats (1 without a
  // repetition operator), and in `max_count` the most. Sets repeat_read_
  // when there was an operator.
  int read_repeat(size_t& max_count) {
    repeat_read_ = false;
    max_count = 1;
    if (!more()) return 1;
    int min_count = 1;
    const char c = peek();
    if (c == '*' || c == '?') {
      min_count = 0;
      max_count = c == '*' ? kUnbounded : 1;
      ++at_;
    } else if (c == '+') {
      max_count = kUnbounded;
      ++at_;
    } else if (c == '{') {
      size_t i = at_ + 1;
      size_t digits = 0;
      int n = 0;
      while (i < p_.size() && p_[i] >= '0' && p_[i] <= '9' && digits < 5) {
        n = n * 10 + (p_[i++] - '0');
        ++digits;
      }
      if (digits == 0) return 1;  // a literal '{', read as the next item
      size_t most = size_t(n);
      if (i < p_.size() && p_[i] == ',') {
        ++i;
        const size_t first_digit = i;
        size_t m = 0;
        while (i < p_.size() && p_[i] >= '0' && p_[i] <= '9' && i - first_digit < 5) {
          m = m * 10 + size_t(p_[i++] - '0');
        }
        most = i == first_digit ? kUnbounded : m;
      }
      if (i >= p_.size() || p_[i] != '}') return 1;
      at_ = i + 1;
      min_count = n;
      max_count = most;
    } else {
      return 1;
    }
    repeat_read_ = true;
    if (more() && peek() == '?') ++at_;  // non-greedy
    return min_count;
  }

  Item read_item() {
    Item item;
    const char c = peek();
    if (c == '(') return read_group();
    if (c == '[') {
      skip_class();
      return item;  // kAny
    }
    if (c == '\\') return read_escape();
    if (c == '.') {
      ++at_;
      return item;
    }
    if (c == '^' || c == '$') {
      ++at_;
      item.kind = Kind::kZeroWidth;
      item.max_bytes = 0;
      return item;
    }
    if (c == '*' || c == '+' || c == '?') {
      failed_ = true;
      return item;
    }
    item.kind = Kind::kLiteral;
    size_t length = 1;
    while (at_ + length < p_.size() &&
           (static_cast<unsigned char>(p_[at_ + length]) & 0xC0) == 0x80)
      ++length;
    item.literal = std::string(p_.substr(at_, length));
    item.max_bytes = literal_max_bytes(item.literal);
    at_ += length;
    return item;
  }

  Item read_group() {
    Item item;
    ++at_;  // '('
    if (peek() == '?') {
      ++at_;
      if (peek() == 'P' || peek() == '<') {  // (?P<name>...) or (?<name>...)
        const size_t close = p_.find('>', at_);
        if (close == std::string_view::npos) return fail();
        at_ = close + 1;
      } else {
        while (more() && std::strchr("imsU-", peek()) != nullptr) ++at_;
        if (peek() == ')') {  // (?i): flags for what follows
          ++at_;
          item.kind = Kind::kZeroWidth;
          item.max_bytes = 0;
          return item;
        }
        if (peek() != ':') return fail();
        ++at_;
      }
    }
    item.kind = Kind::kGroup;
    item.atoms = alternation(item.max_bytes, item.first);
    if (!more() || peek() != ')') return fail();
    ++at_;
    return item;
  }

  void skip_class() {
    ++at_;  // '['
    if (peek() == '^') ++at_;
    if (peek() == ']') ++at_;  // a leading ']' is a member
    while (more() && peek() != ']') {
      if (peek() == '[' && peek(1) == ':') {
        const size_t close = p_.find(":]", at_ + 2);
        if (close == std::string_view::npos) return void(fail());
        at_ = close + 2;
      } else if (peek() == '\\') {
        skip_escape();
      } else {
        ++at_;
      }
    }
    if (!more()) return void(fail());
    ++at_;  // ']'
  }

  // Past an escape in a class: "\x{...}", "\p{...}", or two characters.
  void skip_escape() {
    const char c = peek(1);
    if ((c == 'x' || c == 'p' || c == 'P') && peek(2) == '{') {
      const size_t close = p_.find('}', at_);
      if (close == std::string_view::npos) return void(fail());
      at_ = close + 1;
      return;
    }
    at_ += (c == 'p' || c == 'P') ? 3 : 2;
    if (c == 'x') at_ += 2;
  }

  Item read_escape() {
    Item item;
    const char c = peek(1);
    if (c == '\0') return fail();
    if (std::strchr("dDsSwWC", c) != nullptr) {
      at_ += 2;
      return item;  // kAny
    }
    if (c == 'p' || c == 'P') {
      skip_escape();
      return item;
    }
    if (std::strchr("bBAz", c) != nullptr) {
      at_ += 2;
      item.kind = Kind::kZeroWidth;
      item.max_bytes = 0;
      return item;
    }
    item.kind = Kind::kLiteral;
    if (c == 'x') return read_hex_escape();
    if (c == 'Q') return read_quoted();
    static constexpr std::string_view kControls = "ntrfva";
    static constexpr std::string_view kControlChars = "\n\t\r\f\v\a";
    if (const size_t k = kControls.find(c); k != std::string_view::npos) {
      item.literal = std::string(1, kControlChars[k]);
    } else if (static_cast<unsigned char>(c) < 0x80 &&
               !std::isalnum(static_cast<unsigned char>(c))) {
      item.literal = std::string(1, c);  // an escaped punctuation character
    } else {
      return fail();  // octal, back-references and what RE2 refuses
    }
    item.max_bytes = literal_max_bytes(item.literal);
    at_ += 2;
    return item;
  }

  Item read_hex_escape() {
    Item item;
    item.kind = Kind::kLiteral;
    at_ += 2;  // "\x"
    std::string_view digits;
    if (peek() == '{') {
      const size_t close = p_.find('}', at_);
      if (close == std::string_view::npos) return fail();
      digits = p_.substr(at_ + 1, close - at_ - 1);
      at_ = close + 1;
    } else {
      digits = p_.substr(at_, 2);
      at_ += 2;
    }
    UChar32 code = 0;
    if (digits.empty() || digits.size() > 6) return fail();
    for (char d : digits) {
      if (!std::isxdigit(static_cast<unsigned char>(d))) return fail();
      code = code * 16 +
             (std::isdigit(static_cast<unsigned char>(d)) ? d - '0' : (d | 0x20) - 'a' + 10);
    }
    append_utf8(item.literal, code);
    if (item.literal.empty()) return fail();
    item.max_bytes = literal_max_bytes(item.literal);
    return item;
  }

  // "\Q...\E": all but the last character go straight into the run, which
  // a repetition operator after "\E" applies to alone.
  Item read_quoted() {
    at_ += 2;
    size_t end = p_.find("\\E", at_);
    if (end == std::string_view::npos) end = p_.size();
    const std::string_view quoted = p_.substr(at_, end - at_);
    at_ = std::min(p_.size(), end + 2);
    Item item;
    item.kind = Kind::kLiteral;
    item.literal = std::string(quoted);  // quantifiers after \Q..\E: see concatenation
    item.max_bytes = literal_max_bytes(item.literal);
    if (quoted.empty()) item.kind = Kind::kZeroWidth;
    return item;
  }

  Item fail() {
    failed_ = true;
    return Item{};
  }

  std::string_view p_;
  size_t at_ = 0;
  bool failed_ = false;
  bool repeat_read_ = false;
};

}  // namespace

PatternFacts facts_of(std::string_view pattern) {
  PatternFacts facts = AtomReader(pattern).read();
  if (facts.first_chars) facts.first_chars = fold_case(*facts.first_chars);
  if (!facts.atoms) return facts;
  std::vector<std::string>& atoms = *facts.atoms;
  for (std::string& atom : atoms) atom = fold_case(atom);
  std::sort(atoms.begin(), atoms.end());
  atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
  for (const std::string& atom : atoms) {
    if (atom.size() < kMinAtomBytes) facts.atoms.reset();  // folding shortened it
  }
  return facts;
}

std::string fold_case(std::string_view utf8) {
  const bool ascii = std::all_of(utf8.begin(), utf8.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    std::string folded(utf8);
    for (char& c : folded) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    return folded;
  }
  std::string folded;
  folded.reserve(utf8.size());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(utf8.data(), i, length, c);
    if (c < 0) {
      folded.append(utf8.substr(size_t(start), size_t(i - start)));  // invalid: as is
    } else if (c < 0x80) {
      folded.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    } else {
      append_utf8(folded, u_foldCase(c, U_FOLD_CASE_DEFAULT));
    }
  }
  return folded;
}

uint32_t AtomIndex::key_of(const char* bytes) {
  return uint32_t(static_cast<unsigned char>(bytes[0])) |
         uint32_t(static_cast<unsigned char>(bytes[1])) << 8 |
         uint32_t(static_cast<unsigned char>(bytes[2])) << 16;
}

void AtomIndex::add(const std::string& atom, uint32_t pattern) {
  const uint32_t key = key_of(atom.data());
  const uint32_t bit = bit_of(key);
  starts_[bit >> 6] |= uint64_t{1} << (bit & 63);
  by_prefix_[key].push_back(Entry{atom, pattern});
}

void AtomIndex::find(std::string_view text, std::vector<uint32_t>& out) const {
  if (by_prefix_.empty()) return;
  for (size_t i = 0; i + kMinAtomBytes <= text.size(); ++i) {
    const uint32_t key = key_of(text.data() + i);
    const uint32_t bit = bit_of(key);
    if ((starts_[bit >> 6] >> (bit & 63) & 1) == 0) continue;
    const auto it = by_prefix_.find(key);
    if (it == by_prefix_.end()) continue;
    for (const Entry& entry : it->second) {
      if (text.compare(i, entry.atom.size(), entry.atom) == 0) out.push_back(entry.pattern);
    }
  }
}

}  // namespace webclean::rules
