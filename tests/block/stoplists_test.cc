// Stop-word lists: lookups per language, and the detection of a document's
// language from the words it is made of.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "block/stoplists.h"

using webclean::block::Stoplists;

namespace {

// Splits `text` at spaces into the lower-case words detect() expects.
std::vector<std::string_view> split(std::string_view text) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

Stoplists english_and_german() {
  Stoplists s;
  s.add("en", "the\nof\nand\na\nis\nin\nto\nit\n");
  s.add("de", "der\ndie\ndas\nund\nist\nin\nzu\nein\n");
  return s;
}

}  // namespace

TEST_CASE("an added list is found by its code and answers for its words", "[block][stoplists]") {
  Stoplists s;
  s.add("en", "the\nof\nand\n");
  const Stoplists::Lang en = s.find("en");
  REQUIRE(en >= 0);
  CHECK(s.code(en) == "en");
  CHECK(s.is_stop(en, "the"));
  CHECK(s.is_stop(en, "and"));
  CHECK_FALSE(s.is_stop(en, "cat"));
  CHECK_FALSE(s.is_stop(en, "th"));
}

TEST_CASE("each language gets its own index", "[block][stoplists]") {
  const Stoplists s = english_and_german();
  const Stoplists::Lang en = s.find("en");
  const Stoplists::Lang de = s.find("de");
  REQUIRE(en >= 0);
  REQUIRE(de >= 0);
  CHECK(en != de);
  CHECK(s.code(de) == "de");
  CHECK(s.is_stop(de, "und"));
  CHECK_FALSE(s.is_stop(en, "und"));
  CHECK_FALSE(s.is_stop(de, "the"));
}

TEST_CASE("an unknown language has no list and no code", "[block][stoplists]") {
  const Stoplists s = english_and_german();
  CHECK(s.find("fr") == -1);
  CHECK(s.code(-1).empty());
  CHECK(s.code(63).empty());
  CHECK_FALSE(s.is_stop(-1, "the"));
}

TEST_CASE("list files may have comments, CRLF line ends and trailing spaces",
          "[block][stoplists]") {
  Stoplists s;
  s.add("en", "# English stop words\r\nthe\r\nof  \r\n\r\nand");
  const Stoplists::Lang en = s.find("en");
  CHECK(s.is_stop(en, "the"));
  CHECK(s.is_stop(en, "of"));
  CHECK(s.is_stop(en, "and"));  // last line without a newline
  CHECK_FALSE(s.is_stop(en, "# english stop words"));
  CHECK_FALSE(s.is_stop(en, ""));
}

TEST_CASE("adding to a language twice extends its list", "[block][stoplists]") {
  Stoplists s;
  s.add("en", "the\n");
  s.add("en", "of\n");
  CHECK(s.find("en") == 0);
  CHECK(s.code(1).empty());
  CHECK(s.is_stop(0, "the"));
  CHECK(s.is_stop(0, "of"));
}

TEST_CASE("detect picks the language whose list covers the words", "[block][stoplists]") {
  const Stoplists s = english_and_german();
  CHECK(s.code(s.detect(split("it is the end of the line and the start of a new one"))) == "en");
  CHECK(s.code(s.detect(split("der hund und die katze sind in dem haus das ist ein garten"))) ==
        "de");
}

TEST_CASE("detect returns -1 with fewer than five hits", "[block][stoplists]") {
  const Stoplists s = english_and_german();
  CHECK(s.detect(split("the cat of the house and")) == -1);  // four hits
  CHECK(s.detect(split("the cat of the house and the dog")) == s.find("en"));
  CHECK(s.detect({}) == -1);
}

TEST_CASE("detect returns -1 when the hits are under a tenth of the words", "[block][stoplists]") {
  const Stoplists s = english_and_german();
  std::string text = "the the the the the the";
  for (int i = 0; i < 60; ++i) text += " word";
  CHECK(s.detect(split(text)) == -1);  // 6 of 66
  text = "the the the the the the the";
  for (int i = 0; i < 60; ++i) text += " word";
  CHECK(s.detect(split(text)) == s.find("en"));  // 7 of 67
}

TEST_CASE("a word in two lists counts for both languages", "[block][stoplists]") {
  const Stoplists s = english_and_german();
  CHECK(s.is_stop(s.find("en"), "in"));
  CHECK(s.is_stop(s.find("de"), "in"));
  // Six "in" count for both; the one "und" makes German win. Were "in"
  // counted for English only, English would win six to one.
  CHECK(s.code(s.detect(split("in in in in in in und"))) == "de");
  CHECK(s.code(s.detect(split("in in in in in in the"))) == "en");
}

TEST_CASE("words of a list written in another script than most of it are left out",
          "[block][stoplists]") {
  Stoplists s;
  s.add("en", "the\nof\nand\nin\n");
  // Devanagari words with English ones mixed in, as in jusText's Marathi list.
  s.add("mr", "आहे\nआणि\nव\nकी\nहे\nया\nते\nतो\nthe\nof\nand\nin\nwww\n");
  const Stoplists::Lang mr = s.find("mr");
  CHECK(s.is_stop(mr, "आहे"));
  CHECK_FALSE(s.is_stop(mr, "the"));
  CHECK_FALSE(s.is_stop(mr, "www"));
  CHECK(s.detect({"the", "cat", "in", "the", "hat", "and", "of", "www", "the", "in"}) ==
        s.find("en"));
}

TEST_CASE("a cleared list keeps its index and no longer holds any word", "[block][stoplists]") {
  Stoplists s = english_and_german();
  const Stoplists::Lang de = s.find("de");
  s.clear("de");
  CHECK(s.find("de") == de);
  CHECK_FALSE(s.is_stop(de, "und"));
  CHECK_FALSE(s.is_stop(de, "in"));
  CHECK(s.is_stop(s.find("en"), "in"));  // the other list keeps the shared word
  s.add("de", "und\n");
  CHECK(s.is_stop(de, "und"));
  CHECK_FALSE(s.is_stop(de, "der"));
}

TEST_CASE("a tie between languages goes to the code first in alphabetical order",
          "[block][stoplists]") {
  Stoplists s;
  s.add("zz", "the\nof\nand\na\nis\n");
  s.add("aa", "the\nof\nand\na\nis\n");
  CHECK(s.code(s.detect(split("the of and a is the of and a is"))) == "aa");
}

TEST_CASE("the shipped table answers as the lists of rules/stoplists hashed at start-up do",
          "[block][stoplists]") {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::directory_iterator(fs::path(WEBCLEAN_SOURCE_DIR) / "rules" / "stoplists")) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 40);
  Stoplists built;
  std::vector<std::string> contents;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    contents.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    built.add(file.stem().string(), contents.back());
  }
  const Stoplists shipped = Stoplists::shipped();
  size_t words = 0;
  size_t mismatches = 0;
  for (const std::string& content : contents) {
    std::string_view rest = content;
    while (!rest.empty()) {
      const std::string_view word = rest.substr(0, rest.find('\n'));
      rest.remove_prefix(std::min(rest.size(), word.size() + 1));
      ++words;
      for (Stoplists::Lang lang = 0; lang < Stoplists::Lang(files.size()); ++lang) {
        if (shipped.code(lang) != built.code(lang) ||
            shipped.is_stop(lang, word) != built.is_stop(lang, word)) {
          ++mismatches;
        }
      }
    }
  }
  CHECK(words > 100000);
  CHECK(mismatches == 0);
  CHECK_FALSE(shipped.is_stop(shipped.find("en"), "boilerplate"));
}

TEST_CASE("room reserved for words never added answers no for every word", "[block][stoplists]") {
  Stoplists s;
  s.reserve(1000);
  s.add("en", "# a comment, no words\n");
  CHECK_FALSE(s.is_stop(s.find("en"), "the"));
  CHECK(s.detect({"the", "of", "and", "the", "of", "and"}) == -1);
}
