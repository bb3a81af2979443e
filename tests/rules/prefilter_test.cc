// The drop-text prefilter: the atoms it reads from a pattern, and the
// promise it rests on, that every match of a shipped pattern holds one.
#include <re2/re2.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "rules/embedded.h"
#include "rules/prefilter.h"

using webclean::rules::AtomIndex;
using webclean::rules::facts_of;
using webclean::rules::fold_case;
using webclean::rules::PatternFacts;

namespace {

std::vector<std::string> atoms_of(std::string_view pattern) {
  const auto atoms = facts_of(pattern).atoms;
  return atoms ? *atoms : std::vector<std::string>{"<none>"};
}

// The patterns of the [drop-text] sections of the shipped rule files.
std::vector<std::string> shipped_text_patterns() {
  std::vector<std::string> patterns;
  for (const auto& file : webclean::rules::embedded_files()) {
    bool in_text = false;
    std::string_view rest = file.content;
    while (!rest.empty()) {
      std::string_view line = rest.substr(0, rest.find('\n'));
      rest.remove_prefix(std::min(rest.size(), line.size() + 1));
      for (size_t i = 0; i < line.size(); ++i) {  // comments as rules/README.md has them
        if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
          line = line.substr(0, i);
          break;
        }
      }
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.remove_suffix(1);
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      if (line.empty()) continue;
      if (line.front() == '[' && line.back() == ']') {
        in_text = line.substr(0, 10) == "[drop-text";
      } else if (in_text) {
        patterns.emplace_back(line);
      }
    }
  }
  return patterns;
}

// Every line of the corpus's text dumps, as written and in capitals.
std::vector<std::string> corpus_lines() {
  namespace fs = std::filesystem;
  std::vector<std::string> lines;
  for (const char* dir : {"corpus/seeds", "corpus/text"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(WEBCLEAN_SOURCE_DIR) / dir)) {
      const std::string name = entry.path().filename().string();
      if (name.size() < 5 || name.substr(name.size() - 4) != ".txt" ||
          name.find(".gold.") != std::string::npos) {
        continue;
      }
      std::ifstream in(entry.path(), std::ios::binary);
      for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        lines.push_back(line);
        for (char& c : line) c = (c >= 'a' && c <= 'z') ? char(c - 32) : c;
        lines.push_back(line);
      }
    }
  }
  return lines;
}

}  // namespace

TEST_CASE("a literal pattern's atom is the pattern, case-folded", "[rules][prefilter]") {
  CHECK(atoms_of("share this") == std::vector<std::string>{"share this"});
  CHECK(atoms_of("SHARE") == std::vector<std::string>{"share"});
  CHECK(atoms_of("caf\\x{E9} ouvert") == std::vector<std::string>{"café ouvert"});
  CHECK(atoms_of("\\Qa.b.c\\E") == std::vector<std::string>{"a.b.c"});
  CHECK(atoms_of("Stra\xC3\x9F"
                 "e") == std::vector<std::string>{"stra\xC3\x9F"
                                                  "e"});
}

TEST_CASE("an alternation's atoms are its branches' atoms", "[rules][prefilter]") {
  CHECK(atoms_of("(?:share|tweet)(?: this)?") == std::vector<std::string>{"share", "tweet"});
  CHECK(atoms_of("read more|continue reading") ==
        std::vector<std::string>{"continue reading", "read more"});
}

TEST_CASE("the atom of a sequence is its most selective required part", "[rules][prefilter]") {
  CHECK(atoms_of("\\d+ comments?") == std::vector<std::string>{" comment"});
  CHECK(atoms_of("abc{2}") == std::vector<std::string>{"abc"});
  CHECK(atoms_of("(?i)(?:posted|published) by [a-z]+") ==
        std::vector<std::string>{"posted", "published"});
  CHECK(atoms_of("(?P<n>related) (?:stories|posts)") == std::vector<std::string>{"related"});
  CHECK(atoms_of("(?:big|large) (?:stories|posts)") ==
        std::vector<std::string>{"posts", "stories"});
}

TEST_CASE("a pattern that can match without a long enough literal has no atoms",
          "[rules][prefilter]") {
  for (const char* pattern : {"ad|advertisement", "[a-z]+", "(?:share)?", "x{2,}yz", ".*", "\\d+",
                              "foo(bar", "a\\1", "(?=x)abc"}) {
    INFO(pattern);
    CHECK_FALSE(facts_of(pattern).atoms.has_value());
  }
}

TEST_CASE("a pattern's longest match is counted in bytes of any case of its letters",
          "[rules][prefilter]") {
  CHECK(facts_of("abc").max_bytes == 3);
  CHECK(facts_of("ask").max_bytes == 1 + 2 + 3);  // LONG S, KELVIN SIGN
  CHECK(facts_of("(?:read|continue reading)(?: now)?").max_bytes == 16 + 4);
  CHECK(facts_of("\\d{1,3} views?").max_bytes == 3 * 4 + 1 + 4 + 2);
  CHECK(facts_of("caf\xE9").max_bytes == 3 + 4);
  CHECK(facts_of("^$").max_bytes == 0);
  for (const char* pattern : {"a+", "a*", "ab{2,}", ".*", "(?:x|y+)"}) {
    INFO(pattern);
    CHECK(facts_of(pattern).max_bytes == PatternFacts::kUnbounded);
  }
}

TEST_CASE("a pattern's first characters are those every match starts with", "[rules][prefilter]") {
  const auto first = [](std::string_view pattern) {
    const auto chars = facts_of(pattern).first_chars;
    return chars ? *chars : std::string("<none>");
  };
  CHECK(first("\\[[ _]*\\]") == "[");
  CHECK(first("(?:Foo|bar)+") == "fb");
  CHECK(first("^(?:x-)?Nav") == "xn");   // an optional prefix lets what follows start
  CHECK(first("\\bÉté") == "é");         // zero-width items are passed over
  CHECK(first("a?") == "<none>");        // can match the empty string
  CHECK(first("(?:a|b?)") == "<none>");  // so can one branch
  CHECK(first("[ab]c") == "<none>");     // classes are not read
  CHECK(first(".*x") == "<none>");
}

TEST_CASE("case folding maps every case of a letter to one", "[rules][prefilter]") {
  CHECK(fold_case("ShArE") == "share");
  CHECK(fold_case("\xC3\x89T\xC3\x89") == "\xC3\xA9t\xC3\xA9");  // ÉTÉ
  CHECK(fold_case("\xE2\x84\xAA") == "k");                       // KELVIN SIGN
  CHECK(fold_case("\xC5\xBF") == "s");                           // LATIN SMALL LETTER LONG S
  CHECK(fold_case("\xFF"
                  "ab") ==
        "\xFF"
        "ab");  // invalid UTF-8 kept
}

TEST_CASE("the atom index finds the patterns whose atoms a text holds", "[rules][prefilter]") {
  AtomIndex index;
  index.add("share", 0);
  index.add("tweet", 1);
  index.add("shar", 2);
  std::vector<uint32_t> found;
  index.find("please share now", found);
  std::sort(found.begin(), found.end());
  CHECK(found == std::vector<uint32_t>{0, 2});
  found.clear();
  index.find("sha", found);
  CHECK(found.empty());
}

TEST_CASE("every match of a shipped drop-text pattern holds one of its atoms and fits its length",
          "[rules][prefilter][shipped]") {
  const std::vector<std::string> patterns = shipped_text_patterns();
  REQUIRE(patterns.size() > 200);
  const std::vector<std::string> lines = corpus_lines();
  REQUIRE(lines.size() > 1000);
  std::vector<std::string> folded;
  for (const std::string& line : lines) folded.push_back(fold_case(line));
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_dot_nl(true);
  options.set_log_errors(false);
  size_t filtered = 0;
  size_t matches = 0;
  size_t bounded = 0;
  for (const std::string& pattern : patterns) {
    const PatternFacts facts = facts_of(pattern);
    filtered += facts.atoms.has_value();
    bounded += facts.max_bytes != PatternFacts::kUnbounded;
    const RE2 re("(" + pattern + ")", options);
    REQUIRE(re.ok());
    std::string match;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (!RE2::PartialMatch(lines[i], re, &match)) continue;
      ++matches;
      INFO(pattern << "\non: " << lines[i]);
      CHECK(match.size() <= facts.max_bytes);
      if (facts.first_chars) {
        REQUIRE(!match.empty());
        const std::string folded_match = fold_case(match);
        size_t length = 1;
        while (length < folded_match.size() &&
               (static_cast<unsigned char>(folded_match[length]) & 0xC0) == 0x80)
          ++length;
        CHECK(facts.first_chars->find(folded_match.substr(0, length)) != std::string::npos);
      }
      if (!facts.atoms) continue;
      bool holds = false;
      for (const std::string& atom : *facts.atoms) {
        holds = holds || folded[i].find(atom) != std::string::npos;
      }
      CHECK(holds);
    }
  }
  CHECK(bounded * 4 > patterns.size());        // a quarter of the shipped patterns have a bound
  CHECK(filtered * 10 > patterns.size() * 9);  // nine in ten shipped patterns have atoms
  CHECK(matches > 100);
}

TEST_CASE("the build's table of the shipped patterns' facts says what reading them says",
          "[rules][prefilter][shipped]") {
  const webclean::rules::FactsTable table = webclean::rules::shipped_facts();
  const std::vector<std::string> patterns = shipped_text_patterns();
  size_t found = 0;
  for (const std::string& pattern : patterns) {
    found += std::any_of(table.facts.begin(), table.facts.end(),
                         [&](const auto& known) { return table[known.pattern] == pattern; });
  }
  CHECK(found == patterns.size());  // every drop-text pattern is in it
  for (size_t i = 0; i < table.facts.size(); ++i) {
    const auto& known = table.facts[i];
    const std::string_view pattern = table[known.pattern];
    INFO(pattern);
    if (i > 0) CHECK(table[table.facts[i - 1].pattern] < pattern);  // sorted, for lookups
    const PatternFacts read = facts_of(pattern);
    CHECK(known.max_bytes == read.max_bytes);
    REQUIRE(known.has_first_chars == read.first_chars.has_value());
    if (read.first_chars) CHECK(table[known.first_chars] == *read.first_chars);
    REQUIRE(known.has_atoms == read.atoms.has_value());
    if (!read.atoms) continue;
    std::vector<std::string> atoms;
    for (const auto atom : table.atoms.subspan(known.first_atom, known.atom_count)) {
      atoms.emplace_back(table[atom]);
    }
    CHECK(atoms == *read.atoms);
  }
}
