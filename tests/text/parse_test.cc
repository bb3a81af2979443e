// The text path of Parse: lines of a text dump become blocks, blank lines
// separate paragraphs, whitespace is collapsed.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/parse.h"

using webclean::block::Document;

namespace {

std::vector<std::string> texts(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& b : doc.blocks) out.push_back(b.text);
  return out;
}

std::vector<bool> continuations(const Document& doc) {
  std::vector<bool> out;
  for (const auto& b : doc.blocks) out.push_back(b.same_paragraph);
  return out;
}

}  // namespace

TEST_CASE("blank lines split paragraphs", "[text][parse]") {
  const Document doc = webclean::text::parse("First paragraph.\n\nSecond paragraph.\n");
  CHECK(texts(doc) == std::vector<std::string>{"First paragraph.", "Second paragraph."});
  CHECK(continuations(doc) == std::vector<bool>{false, false});
}

TEST_CASE("lines of one paragraph are blocks continuing the paragraph", "[text][parse]") {
  const Document doc = webclean::text::parse("Line one\nLine two\nLine three\n\nNext\nAgain");
  CHECK(texts(doc) ==
        std::vector<std::string>{"Line one", "Line two", "Line three", "Next", "Again"});
  CHECK(continuations(doc) == std::vector<bool>{false, true, true, false, true});
}

TEST_CASE("text blocks are paragraphs outside any element", "[text][parse]") {
  const Document doc = webclean::text::parse("A line\n");
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].kind == webclean::block::Kind::kParagraph);
  CHECK(doc.blocks[0].node == -1);
  CHECK(doc.nodes.empty());
  CHECK(doc.blocks[0].decision.keep);
}

TEST_CASE("runs of spaces, tabs and no-break spaces collapse to one space", "[text][parse]") {
  const Document doc =
      webclean::text::parse("  two   spaces\tand\t\ttabs \xC2\xA0 and\xC2\xA0nbsp  \n");
  CHECK(texts(doc) == std::vector<std::string>{"two spaces and tabs and nbsp"});
}

TEST_CASE("a line of only whitespace and no-break spaces is a blank line", "[text][parse]") {
  const Document doc = webclean::text::parse("One\n \t\xC2\xA0 \nTwo");
  CHECK(texts(doc) == std::vector<std::string>{"One", "Two"});
  CHECK(continuations(doc) == std::vector<bool>{false, false});
}

TEST_CASE("CRLF line ends are handled like LF", "[text][parse]") {
  const Document doc = webclean::text::parse("One\r\nTwo\r\n\r\nThree\r\n");
  CHECK(texts(doc) == std::vector<std::string>{"One", "Two", "Three"});
  CHECK(continuations(doc) == std::vector<bool>{false, true, false});
}

TEST_CASE("empty input gives no blocks", "[text][parse]") {
  CHECK(webclean::text::parse("").blocks.empty());
  CHECK(webclean::text::parse("\n\n \n").blocks.empty());
}

TEST_CASE("leading and trailing blank lines give no blocks", "[text][parse]") {
  const Document doc = webclean::text::parse("\n\n\nOnly line\n\n\n");
  CHECK(texts(doc) == std::vector<std::string>{"Only line"});
  CHECK(continuations(doc) == std::vector<bool>{false});
}

TEST_CASE("a text without a final newline keeps its last line", "[text][parse]") {
  CHECK(texts(webclean::text::parse("a\nb")) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("UTF-8 text other than no-break spaces is kept as is", "[text][parse]") {
  const Document doc = webclean::text::parse("Caf\xC3\xA9 \xE6\x88\x91\xE4\xBB\xAC\n");
  CHECK(texts(doc) == std::vector<std::string>{"Caf\xC3\xA9 \xE6\x88\x91\xE4\xBB\xAC"});
}

namespace {

// `paragraphs` hard-wrapped at `width` columns (greedy, as lynx -dump,
// w3m -dump and html2text do), one blank line between paragraphs.
std::string wrapped(const std::vector<std::string>& paragraphs, size_t width) {
  std::string out;
  for (const std::string& paragraph : paragraphs) {
    std::string line;
    size_t start = 0;
    while (start < paragraph.size()) {
      size_t end = paragraph.find(' ', start);
      if (end == std::string::npos) end = paragraph.size();
      const std::string word = paragraph.substr(start, end - start);
      if (!line.empty() && line.size() + 1 + word.size() > width) {
        out += line + "\n";
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
      start = end + 1;
    }
    out += line + "\n\n";
  }
  return out;
}

const std::vector<std::string> kStory = {
    "The council said on Tuesday that the new bridge over the river, which is more than two "
    "years late and well over its budget, will open to traffic in the spring of next year.",
    "Engineers found cracks in two of the supports last winter, and the repairs took longer "
    "than anyone had planned because the river was high for most of the summer months.",
    "Residents who have waited for the crossing since the old ferry stopped running said they "
    "were glad to hear a date at last, though several doubted that it would be kept this time.",
    "The mayor told reporters that the city would publish the final cost of the work once the "
    "contractor had sent its last invoice, which she expected to arrive before the end of May."};

}  // namespace

TEST_CASE("a dump hard-wrapped at a fixed width gives one block a paragraph", "[text][parse]") {
  std::vector<std::string> story;
  for (int i = 0; i < 3; ++i) story.insert(story.end(), kStory.begin(), kStory.end());
  for (const size_t width : {60, 72, 78, 100}) {
    INFO(width);
    CHECK(texts(webclean::text::parse(wrapped(story, width))) == story);
  }
  // Too few wrapped lines to tell a width: left as they are.
  CHECK(webclean::text::parse(wrapped({kStory[0]}, 72)).blocks.size() == 3);
}

TEST_CASE("list items and short lines of a wrapped dump stay lines of their own", "[text][parse]") {
  const std::string dump = wrapped(kStory, 72) +
                           "- Home\n- News and the weather for the region today and tomorrow\n"
                           "1. First item\n+ A nested item as lynx bullets it\no A third level\n"
                           "Short line\nAnother short line\n";
  const std::vector<std::string> blocks = texts(webclean::text::parse(dump));
  REQUIRE(blocks.size() == kStory.size() + 7);
  CHECK(blocks[kStory.size()] == "- Home");
  CHECK(blocks[kStory.size() + 2] == "1. First item");
  CHECK(blocks[kStory.size() + 4] == "o A third level");
  CHECK(blocks.back() == "Another short line");
}

TEST_CASE("a dump of whole paragraphs a line is not unwrapped", "[text][parse]") {
  // Lines of every length, no column they all end near: nothing joins.
  std::string dump;
  for (int i = 0; i < 20; ++i) {
    dump += kStory[size_t(i) % kStory.size()].substr(0, 40 + size_t(i) * 7) + "\n";
  }
  CHECK(webclean::text::parse(dump).blocks.size() == 20);
}

TEST_CASE("wrapped CJK joins without spaces and curly quotes keep theirs", "[text][parse]") {
  // 30 ideographs a line: 60 terminal columns, as w3m wraps them.
  std::string line;
  for (int i = 0; i < 30; ++i) line += "\xE6\x96\x87";  // 文
  std::string dump;
  for (int paragraph = 0; paragraph < 6; ++paragraph) {
    dump += line + "\n" + line + "\n" + line.substr(0, 3 * 10) + "\n\n";
  }
  const std::vector<std::string> blocks = texts(webclean::text::parse(dump));
  REQUIRE(blocks.size() == 6);
  CHECK(blocks[0] == line + line + line.substr(0, 30));
  // English wrapped at 72 with a closing quote at a line's end.
  std::vector<std::string> quoted;
  for (int i = 0; i < 3; ++i) {
    for (const std::string& p : kStory)
      quoted.push_back(p + " \xE2\x80\x9CIt is late,\xE2\x80\x9D he said.");
  }
  for (const std::string& block : texts(webclean::text::parse(wrapped(quoted, 72)))) {
    CHECK(block.find("\xE2\x80\x9D\xE2\x80\x9C") == std::string::npos);
  }
  CHECK(texts(webclean::text::parse(wrapped(quoted, 72))) == quoted);
}

TEST_CASE("a Markdown dump's links become their texts and count as link text", "[text][parse]") {
  const std::string dump =
      "<div class=\"nav\">\n\n"
      "- [Home](https://example.org/)\n- [News](https://example.org/news \"News\")\n"
      "- [Sport](/sport)\n- [Weather](/weather)\n\n</div>\n\n"
      "![A bridge](bridge.jpg)\n\n"
      "The council said on [Tuesday](https://example.org/tuesday) that the bridge will open.\n";
  const Document doc = webclean::text::parse(dump);
  REQUIRE(texts(doc) == std::vector<std::string>{"- Home", "- News", "- Sport", "- Weather",
                                                 "The council said on Tuesday that the bridge "
                                                 "will open."});
  CHECK(doc.blocks[1].link_chars == 4);
  CHECK(doc.blocks[4].link_chars == 7);
  // Fewer than five links: brackets are text like any other.
  const Document plain = webclean::text::parse("See [1](note) and [2](note).\n");
  CHECK(texts(plain) == std::vector<std::string>{"See [1](note) and [2](note)."});
  CHECK(plain.blocks[0].link_chars == 0);
}

TEST_CASE("lynx's link numbers and its References list are no text of the dump", "[text][parse]") {
  // `lynx -dump -width=80` of a small page, as lynx 2.9 writes it: the
  // mailto: link's body breaks its entry over two lines.
  const Document doc = webclean::text::parse(
      "     * [1]Home\n     * [2]News\n     * [3]Sport\n\n"
      "   The council met on Tuesday and agreed the [4]new budget after a long\n"
      "   debate.\n\n   Read the [5]full report or [6]mail us.\n\nReferences\n\n"
      "   1. file:///a\n   2. file:///b\n   3. file:///c\n   4. file:///budget\n"
      "   5. file:///report\n   6. mailto:x@example.com?subject=Budget&body=Line one\n"
      "Line two\n");
  CHECK(texts(doc) == std::vector<std::string>{
                          "* Home", "* News", "* Sport",
                          "The council met on Tuesday and agreed the new budget after a long",
                          "debate.", "Read the full report or mail us."});
}

TEST_CASE("a few bracketed numbers in a text are left as written", "[text][parse]") {
  const Document doc = webclean::text::parse(
      "See note [1]below and [2]there.\n\nReferences\n\n1. https://a.example/\n");
  CHECK(texts(doc) == std::vector<std::string>{"See note [1]below and [2]there.", "References",
                                               "1. https://a.example/"});
}

TEST_CASE("citation marks of an encyclopedia copied as text stay", "[text][parse]") {
  const Document doc = webclean::text::parse(
      "Neon was found in 1898.[1][2] It glows red.[3][4] Signs use it.[5]\n\nReferences\n\n"
      "Ramsay, W. (1898). On a new constituent of atmospheric air.\n");
  CHECK(texts(doc).front() == "Neon was found in 1898.[1][2] It glows red.[3][4] Signs use it.[5]");
  CHECK(texts(doc).size() == 3);
}

TEST_CASE("w3m's link numbers and its References list are no text of the dump", "[text][parse]") {
  // `w3m -dump -o display_link_number=1 -cols 80` of the same small page.
  const Document doc = webclean::text::parse(
      "  \xE2\x80\xA2 [1]Home\n  \xE2\x80\xA2 [2]News\n  \xE2\x80\xA2 [3]Sport\n\n"
      "The council met on Tuesday and agreed the [4]new budget after a long debate.\n\n"
      "Read the [5]full report or [6]mail us.\n\n\nReferences:\n\n[1] file:///a\n[2] file:///b\n"
      "[3] file:///c\n[4] file:///budget\n[5] file:///report\n"
      "[6] mailto:x@example.com?subject=Budget&body=Line%20one%0ALine%20two\n");
  CHECK(texts(doc) ==
        std::vector<std::string>{"\xE2\x80\xA2 Home", "\xE2\x80\xA2 News", "\xE2\x80\xA2 Sport",
                                 "The council met on Tuesday and agreed the new budget after a "
                                 "long debate.",
                                 "Read the full report or mail us."});
}

TEST_CASE("html2text's heading stars go and its underscored links become words counted as links",
          "[text][parse]") {
  // `html2text -utf8` (Debian's 1.3) of a small page.
  const Document doc = webclean::text::parse(
      "****** The_Daily_Planet ******\n    * Home\n    * World_news\n"
      "***** Bridge opens *****\n"
      "The council met on Tuesday and agreed the new_budget after a long debate.\n");
  REQUIRE(texts(doc) == std::vector<std::string>{"The Daily Planet", "* Home", "* World news",
                                                 "Bridge opens",
                                                 "The council met on Tuesday and agreed the new "
                                                 "budget after a long debate."});
  CHECK(doc.blocks[0].link_chars == 16);
  CHECK(doc.blocks[2].link_chars == 10);
  CHECK(doc.blocks[3].link_chars == 0);
  CHECK(doc.blocks[4].link_chars == 10);
}

TEST_CASE("underscores in a dump without html2text's headings are left as written",
          "[text][parse]") {
  const Document doc = webclean::text::parse("Set max_width in the config_file.\n");
  CHECK(texts(doc) == std::vector<std::string>{"Set max_width in the config_file."});
  CHECK(doc.blocks[0].link_chars == 0);
}
