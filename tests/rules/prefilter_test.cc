// The drop-text prefilter: the atoms it reads from a pattern, and the
// promise it rests on, that every match of a shipped pattern holds one.
#include <re2/re2.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "rules/embedded.h"
#include "rules/prefilter.h"

using webclean::rules::AtomIndex;
using webclean::rules::fold_case;
using webclean::rules::required_atoms;

namespace {

std::vector<std::string> atoms_of(std::string_view pattern) {
  const auto atoms = required_atoms(pattern);
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
    CHECK_FALSE(required_atoms(pattern).has_value());
  }
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

TEST_CASE("every match of a shipped drop-text pattern holds one of its atoms",
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
  for (const std::string& pattern : patterns) {
    const auto atoms = required_atoms(pattern);
    if (!atoms) continue;
    ++filtered;
    const RE2 re(pattern, options);
    REQUIRE(re.ok());
    for (size_t i = 0; i < lines.size(); ++i) {
      if (!RE2::PartialMatch(lines[i], re)) continue;
      ++matches;
      bool holds = false;
      for (const std::string& atom : *atoms)
        holds = holds || folded[i].find(atom) != std::string::npos;
      INFO(pattern << "\non: " << lines[i]);
      CHECK(holds);
    }
  }
  CHECK(filtered * 10 > patterns.size() * 9);  // nine in ten shipped patterns have atoms
  CHECK(matches > 100);
}
