// A literal prefilter for drop-text patterns: the strings one of which
// every match of a pattern must hold, found by reading the pattern, so that
// a block is matched only against the patterns whose strings it holds and
// a pattern is compiled only when some block first needs it.
#ifndef WEBCLEAN_RULES_PREFILTER_H_
#define WEBCLEAN_RULES_PREFILTER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace webclean::rules {

// What reading a pattern (RE2 syntax, matched case-insensitively) tells
// of its matches without compiling it.
struct PatternFacts {
  static constexpr size_t kUnbounded = SIZE_MAX;
  // The case-folded strings ("atoms") one of which every match holds, each
  // at least 3 bytes long; nullopt when no such set is known (the pattern
  // can match without any, or uses syntax this reader does not follow).
  std::optional<std::vector<std::string>> atoms;
  // The longest match in bytes, or kUnbounded.
  size_t max_bytes = kUnbounded;
  // The case-folded characters (UTF-8, one after another) one of which
  // every match starts with; nullopt when unknown or when the pattern can
  // match the empty string.
  std::optional<std::string> first_chars;
};
PatternFacts facts_of(std::string_view pattern);

// The facts of the shipped rules' patterns, read by the build
// (cmake/rule_facts.cc), sorted by pattern.
struct TextRef {
  uint32_t offset;  // into FactsTable::text
  uint32_t length;
};
struct KnownFacts {
  TextRef pattern;
  size_t max_bytes;
  bool has_atoms;
  uint32_t first_atom;  // into FactsTable::atoms
  uint32_t atom_count;
  bool has_first_chars;
  TextRef first_chars;
};
struct FactsTable {
  std::string_view text;  // the patterns' and atoms' bytes
  std::span<const KnownFacts> facts;
  std::span<const TextRef> atoms;
  std::string_view operator[](TextRef ref) const { return text.substr(ref.offset, ref.length); }
};
// Defined in the generated source; src/rules/rules.cc looks patterns up
// in it before reading them.
FactsTable shipped_facts();

// Unicode simple case folding, as RE2's case-insensitive matching uses.
std::string fold_case(std::string_view utf8);

// Which patterns' atoms a text holds.
class AtomIndex {
 public:
  void add(const std::string& atom, uint32_t pattern);
  // Appends to `out` each pattern with an atom in `folded_text` (once per
  // atom found; callers sort and deduplicate).
  void find(std::string_view folded_text, std::vector<uint32_t>& out) const;

 private:
  // Atoms by their first three bytes: each position of a text costs one
  // hash lookup, and a comparison for the few atoms sharing its bytes.
  struct Entry {
    std::string atom;
    uint32_t pattern;
  };
  static uint32_t key_of(const char* bytes);
  static uint32_t bit_of(uint32_t key) { return (key * 0x9E3779B1u) >> 16; }
  // One bit per hash of the three bytes that start an atom: a position of
  // a text that starts none (most) is passed over after one bit test.
  std::array<uint64_t, 1024> starts_{};
  std::unordered_map<uint32_t, std::vector<Entry>> by_prefix_;
};

}  // namespace webclean::rules

#endif  // WEBCLEAN_RULES_PREFILTER_H_
