// Block features: word, stop-word, punctuation and link counts, and the
// choice of the document language, on blocks built by hand.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "block/features.h"
#include "block/stoplists.h"

using webclean::block::Block;
using webclean::block::compute_features;
using webclean::block::Document;
using webclean::block::Features;
using webclean::block::for_each_word;
using webclean::block::Stoplists;

namespace {

Stoplists tiny_stoplists() {
  Stoplists s;
  s.add("en", "the\nof\nand\na\nis\nin\nto\nit\n");
  s.add("de", "der\ndie\ndas\nund\nist\nin\nzu\nein\n");
  return s;
}

Features features_of(const std::string& text, uint32_t link_chars = 0) {
  Document doc;
  Block& b = doc.blocks.emplace_back();
  b.text = text;
  b.link_chars = link_chars;
  compute_features(doc, tiny_stoplists(), "en");
  return doc.blocks.front().features;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string scratch;
  for_each_word(text, scratch, [&](std::string_view w) { words.emplace_back(w); });
  return words;
}

Document document_of(const std::vector<std::string>& texts) {
  Document doc;
  for (const std::string& t : texts) doc.blocks.emplace_back().text = t;
  return doc;
}

}  // namespace

TEST_CASE("words are runs of letters and digits, lower-cased", "[block][features]") {
  CHECK(words_of("Hello,   World!") == std::vector<std::string>{"hello", "world"});
  CHECK(features_of("Hello,   World!").words == 2);
  CHECK(features_of("In 2011 there were 3 cats").words == 6);
  CHECK(features_of("").words == 0);
  CHECK(features_of(" -- ... !!").words == 0);
}

TEST_CASE("accented letters belong to their word and are lower-cased", "[block][features]") {
  CHECK(words_of("Café DÉJÀ vu") == std::vector<std::string>{"café", "déjà", "vu"});
  CHECK(features_of("Café DÉJÀ vu").words == 3);
}

TEST_CASE("an apostrophe splits a word in two", "[block][features]") {
  CHECK(words_of("don't") == std::vector<std::string>{"don", "t"});
  CHECK(features_of("It's the people's choice").words == 6);  // it s the people s choice
}

TEST_CASE("a decimal number is two words of digits", "[block][features]") {
  CHECK(words_of("3.5 million") == std::vector<std::string>{"3", "5", "million"});
}

TEST_CASE("CJK text counts several words through ICU word breaks, not one", "[block][features]") {
  // "We go to school today, the weather is very good."
  const std::string chinese = "我们今天去学校，天气很好。";
  const uint32_t words = features_of(chinese).words;
  CHECK(words >= 4);
  CHECK(words <= 13);  // never more than one per character
  // Japanese kana and kanji mixed.
  CHECK(features_of("私は東京に住んでいます").words >= 3);
}

TEST_CASE("CJK words next to Latin words are counted with them", "[block][features]") {
  const uint32_t cjk = features_of("我们今天去学校").words;
  CHECK(features_of("Hello 我们今天去学校 world").words == cjk + 2);
}

TEST_CASE("stop words are counted with the document language's list", "[block][features]") {
  const Features f = features_of("The history of the town and its people");
  CHECK(f.words == 8);
  CHECK(f.stop_words == 4);  // the, of, the, and ("its" is not in the tiny list)
  CHECK(f.stopword_density() == Approx(0.5));
  // Case does not matter: words are lower-cased before the lookup.
  CHECK(features_of("THE OF AND").stop_words == 3);
  // German stop words do not count in an English document.
  CHECK(features_of("der die das und").stop_words == 0);
}

TEST_CASE("stop-word density of a block without words is zero", "[block][features]") {
  CHECK(features_of("...").stopword_density() == 0.f);
}

TEST_CASE("link density is the share of characters inside links", "[block][features]") {
  const Features f = features_of("0123456789", 5);
  CHECK(f.chars == 10);
  CHECK(f.link_chars == 5);
  CHECK(f.link_density() == Approx(0.5));
  CHECK(features_of("0123456789").link_density() == 0.f);
}

TEST_CASE("link characters never exceed the block's characters", "[block][features]") {
  const Features f = features_of("short", 1000);
  CHECK(f.link_chars == f.chars);
  CHECK(f.link_density() == Approx(1.0));
}

TEST_CASE("characters are code points, not bytes", "[block][features]") {
  CHECK(features_of("héllo").chars == 5);
  CHECK(features_of("我们").chars == 2);
}

TEST_CASE("a full stop followed by a space ends a sentence", "[block][features]") {
  CHECK(features_of("One. Two. Three").sentence_ends == 2);
  CHECK(features_of("Is it? Yes! Done.").sentence_ends == 3);
}

TEST_CASE("a decimal point does not end a sentence", "[block][features]") {
  const Features f = features_of("It cost 3.5 dollars and rose to 4.25 dollars");
  CHECK(f.sentence_ends == 0);
  CHECK_FALSE(f.ends_with_punct);
}

TEST_CASE("a full stop inside a closing quote ends a sentence and the block", "[block][features]") {
  const Features f = features_of("He said: \xE2\x80\x9CWe shall never surrender.\xE2\x80\x9D");
  CHECK(f.sentence_ends == 1);
  CHECK(f.ends_with_punct);
  CHECK(features_of("(It was over.)").ends_with_punct);
}

TEST_CASE("ends_with_punct looks at the last character that is not space", "[block][features]") {
  CHECK(features_of("It ended.").ends_with_punct);
  CHECK(features_of("Read more:").ends_with_punct);
  CHECK_FALSE(features_of("Read more").ends_with_punct);
  CHECK_FALSE(features_of("Share this, Tweet this").ends_with_punct);
}

TEST_CASE("CJK full stops end sentences without a space after them", "[block][features]") {
  const Features f = features_of("天气很好。我们去学校。");
  CHECK(f.sentence_ends == 2);
  CHECK(f.ends_with_punct);
}

TEST_CASE("commas are counted in their Latin and CJK forms", "[block][features]") {
  CHECK(features_of("one, two, three").commas == 2);
  CHECK(features_of("我们，你们，他们").commas == 2);  // U+FF0C
  CHECK(features_of("东京、大阪").commas == 1);        // U+3001
  CHECK(features_of("no commas here").commas == 0);
}

TEST_CASE("starts_upper looks at the first letter", "[block][features]") {
  CHECK(features_of("Hello there").starts_upper);
  CHECK_FALSE(features_of("hello there").starts_upper);
  CHECK(features_of("\"Quoted words\"").starts_upper);
  CHECK(features_of("2011: The year").starts_upper);
  CHECK(features_of("\xC3\x89t\xC3\xA9 en ville").starts_upper);  // "Été"
  CHECK_FALSE(features_of("12345").starts_upper);
}

TEST_CASE("the declared language is used when a list exists for it", "[block][features]") {
  // The text reads German, but the page says it is English.
  Document doc = document_of({"Der Hund und die Katze sind in dem Haus, das ist ein Garten."});
  compute_features(doc, tiny_stoplists(), "en-US");
  CHECK(doc.language == "en");
  CHECK(doc.blocks.front().features.stop_words == 1);  // only "in" is in both lists
}

TEST_CASE("the declared language is matched case-insensitively on its primary tag",
          "[block][features]") {
  Document doc = document_of({"some words"});
  compute_features(doc, tiny_stoplists(), "DE_at");
  CHECK(doc.language == "de");
}

TEST_CASE("the language is detected when the declared one has no list", "[block][features]") {
  Document doc = document_of(
      {"Der Hund und die Katze sind in dem Haus,", "das ist ein Garten und der Hund ist zu alt."});
  compute_features(doc, tiny_stoplists(), "fr");
  CHECK(doc.language == "de");
  CHECK(doc.blocks.front().features.stop_words == 4);  // der, und, die, in
}

TEST_CASE("the language is detected when none is declared", "[block][features]") {
  Document doc = document_of({"It is the end of the line and the start of a new one."});
  compute_features(doc, tiny_stoplists(), "");
  CHECK(doc.language == "en");
}

TEST_CASE("URL and markup debris before the text does not decide its language",
          "[block][features]") {
  // A dump's tracking URLs split into many short "words" ("de", "die"...).
  std::vector<std::string> texts;
  for (int i = 0; i < 40; ++i) {
    texts.push_back("amp;rnd=63614&amp;lng=de-de&amp;die=1&amp;das=ist&amp;und=der%253A" +
                    std::to_string(i));
  }
  texts.push_back("It is the end of the line and the start of a new one for all of us.");
  Document doc = document_of(texts);
  compute_features(doc, tiny_stoplists(), "");
  CHECK(doc.language == "en");
}

TEST_CASE("Japanese Chinese and Thai are told by their script", "[block][features]") {
  // Japanese: kana among the ideographs; Chinese: ideographs alone; a few
  // Latin words (brand names) do not change either.
  const std::pair<std::string, std::string> cases[] = {
      {"\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAF\xE6\x97\xA5\xE6\x9C\xAC\xE3\x81\xAE"
       "\xE9\xA6\x96\xE9\x83\xBD\xE3\x81\xA7\xE3\x81\x99 Wi-Fi",
       "ja"},
      {"\xE5\x8C\x97\xE4\xBA\xAC\xE6\x98\xAF\xE4\xB8\xAD\xE5\x9B\xBD\xE7\x9A\x84"
       "\xE9\xA6\x96\xE9\x83\xBD PIXNET",
       "zh"},
      {"\xE0\xB8\x81\xE0\xB8\xA3\xE0\xB8\xB8\xE0\xB8\x87\xE0\xB9\x80\xE0\xB8\x97"
       "\xE0\xB8\x9E",
       "th"}};
  for (const auto& [text, language] : cases) {
    INFO(language);
    Document doc = document_of({text});
    compute_features(doc, tiny_stoplists(), "");
    CHECK(doc.language == language);
  }
}

TEST_CASE("no language is chosen when no list fits the text", "[block][features]") {
  Document doc = document_of({"Lorem ipsum dolor sit amet, consectetur adipiscing elit."});
  compute_features(doc, tiny_stoplists(), "");
  CHECK(doc.language.empty());
  CHECK(doc.blocks.front().features.words == 8);
  CHECK(doc.blocks.front().features.stop_words == 0);
}

TEST_CASE("an element is described by its tag, id and first class, stray spaces aside", "[block]") {
  webclean::block::Node node;
  node.tag = "div";
  node.id = "main";
  node.classes = "  story wide";
  CHECK(webclean::block::describe(node) == "div#main.story");
  node.classes = " ";
  CHECK(webclean::block::describe(node) == "div#main");
}
