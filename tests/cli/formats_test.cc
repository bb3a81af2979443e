// End-to-end tests of the output formats: Markdown, --with-title, and the
// extension of output files following the format.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "run_cli.h"

using namespace webclean::testing;

namespace {

namespace fs = std::filesystem;

// An article with a heading, emphasis, a link and a list, all long enough
// for any cleaner to keep.
const std::string kStructuredPage =
    "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour works</title></head><body><article>"
    "<h2>What the council decided</h2>"
    "<p>The <strong>harbour works</strong> were discussed at length by the members of the "
    "council on Tuesday evening, and most of them agreed that the plans should be <a "
    "href=\"/plans/harbour.html\">looked at again</a> before the end of the year, when a "
    "final decision is expected.</p>"
    "<ol><li>The first proposal would close the old quay to all traffic for two years while "
    "the walls are rebuilt.</li><li>The second proposal would keep one lane of the quay open "
    "while the walls are rebuilt in stages.</li></ol>"
    "<p>Several residents, who had come to the meeting to hear the debate, said that they were "
    "not convinced by the arguments that were made, and that they would write to the mayor "
    "about it before the next meeting.</p></article></body></html>\n";

bool has_line(const std::string& text, const std::string& line) {
  for (const std::string& l : lines_of(text)) {
    if (l == line) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("format markdown writes headings lists and emphasis of the article", "[cli][markdown]") {
  TempDir dir;
  write_file(dir / "page.html", kStructuredPage);
  const Run result = run(dir, "-f markdown " + quoted(dir / "page.html"));
  REQUIRE(result.status == 0);
  CHECK(has_line(result.out, "## What the council decided"));
  CHECK(result.out.find("The **harbour works** were discussed") != std::string::npos);
  CHECK(result.out.find("1. The first proposal") != std::string::npos);
  CHECK(result.out.find("\n2. The second proposal") != std::string::npos);
  CHECK(result.out.find("looked at again before") != std::string::npos);  // no link target
  CHECK(result.out.back() == '\n');
  const Run alias = run(dir, "-f md " + quoted(dir / "page.html"));
  CHECK(alias.out == result.out);
}

TEST_CASE("the links option keeps link targets in Markdown and changes nothing in text",
          "[cli][markdown]") {
  TempDir dir;
  write_file(dir / "page.html", kStructuredPage);
  const Run linked = run(dir, "-f markdown --links " + quoted(dir / "page.html"));
  REQUIRE(linked.status == 0);
  CHECK(linked.out.find("[looked at again](/plans/harbour.html)") != std::string::npos);
  const Run text = run(dir, quoted(dir / "page.html"));
  const Run text_with_links = run(dir, "--links " + quoted(dir / "page.html"));
  CHECK(text_with_links.out == text.out);
  CHECK(text.out.find("**") == std::string::npos);
}

TEST_CASE("the with-title option puts the title and a blank line first", "[cli]") {
  TempDir dir;
  write_file(dir / "page.html", kStructuredPage);
  const Run text = run(dir, quoted(dir / "page.html"));
  const Run titled = run(dir, "--with-title " + quoted(dir / "page.html"));
  REQUIRE(titled.status == 0);
  CHECK(titled.out == "Harbour works\n\n" + text.out);
  const Run markdown = run(dir, "-f markdown " + quoted(dir / "page.html"));
  const Run titled_markdown = run(dir, "-f markdown --with-title " + quoted(dir / "page.html"));
  CHECK(titled_markdown.out == "# Harbour works\n\n" + markdown.out);
}

TEST_CASE("the with-title option changes nothing for a page without a title", "[cli]") {
  TempDir dir;
  std::string page = kStructuredPage;
  page.replace(page.find("<title>"), std::string("<title>Harbour works</title>").size(), "");
  page.replace(page.find("<h2>"), std::string("<h2>What the council decided</h2>").size(), "");
  write_file(dir / "page.html", page);
  const Run text = run(dir, quoted(dir / "page.html"));
  REQUIRE(text.status == 0);
  const Run json = run(dir, "-f json " + quoted(dir / "page.html"));
  REQUIRE(nlohmann::json::parse(json.out)["metadata"]["title"] == "");
  CHECK(run(dir, "--with-title " + quoted(dir / "page.html")).out == text.out);
  CHECK(run(dir, "-f md --with-title " + quoted(dir / "page.html")).out ==
        run(dir, "-f md " + quoted(dir / "page.html")).out);
}

TEST_CASE("with an output directory the file extension follows the format", "[cli]") {
  TempDir dir;
  write_file(dir / "in/a.html", kStructuredPage);
  write_file(dir / "in/sub/b.htm", article_page("bridge"));
  const struct {
    const char* format;
    const char* extension;
  } cases[] = {
      {"text", ".txt"}, {"markdown", ".md"}, {"md", ".md"}, {"json", ".json"}, {"jsonl", ".jsonl"}};
  for (const auto& c : cases) {
    INFO(c.format);
    const fs::path out = dir / (std::string("out-") + c.format);
    const Run result = run(
        dir, std::string("-q -f ") + c.format + " " + quoted(dir / "in") + " -o " + quoted(out));
    REQUIRE(result.status == 0);
    CHECK(fs::exists(out / (std::string("a") + c.extension)));
    CHECK(fs::exists(out / "sub" / (std::string("b") + c.extension)));
    size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(out))
      files += entry.is_regular_file();
    CHECK(files == 2);
  }
  // One document a file: JSON indented, JSON Lines one line.
  const std::string jsonl = read_file(dir / "out-jsonl/a.jsonl");
  CHECK(lines_of(jsonl).size() == 1);
  CHECK(nlohmann::json::parse(jsonl)["schema_version"] == 1);
  CHECK(lines_of(read_file(dir / "out-json/a.json")).size() > 1);
  CHECK(read_file(dir / "out-md/a.md").find("## What the council decided") != std::string::npos);
}

TEST_CASE("JSONL input with format markdown adds the Markdown to each record", "[cli][markdown]") {
  TempDir dir;
  const nlohmann::json record = {{"id", "r1"}, {"html", kStructuredPage}};
  write_file(dir / "in.jsonl", record.dump() + "\n");
  const Run result = run(dir, "-f markdown " + quoted(dir / "in.jsonl"));
  REQUIRE(result.status == 0);
  const auto output = nlohmann::json::parse(result.out);
  CHECK(output["markdown"].get<std::string>().find("## What the council decided") !=
        std::string::npos);
  CHECK(output["text"].get<std::string>().find("##") == std::string::npos);
}
