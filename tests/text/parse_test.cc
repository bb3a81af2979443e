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
