// Rendering results: plain text, JSON (parsed back), the explain listing.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../source/temp_dir.h"
#include "sink/sink.h"

using webclean::BlockReport;
using webclean::Result;
using webclean::sink::render_explain;
using webclean::sink::render_json;
using webclean::sink::render_text;
using webclean::testing::lines_of;

namespace {

BlockReport block(std::string text, std::string kind, bool kept, std::string stage,
                  std::string reason, int heading_level = 0) {
  BlockReport report;
  report.text = std::move(text);
  report.kind = std::move(kind);
  report.kept = kept;
  report.stage = std::move(stage);
  report.reason = std::move(reason);
  report.heading_level = heading_level;
  return report;
}

Result sample_result() {
  Result result;
  result.text = "A headline\n\nThe first paragraph, \"quoted\".";
  result.metadata.title = "The title";
  result.metadata.language = "en";
  result.input_kind = "html";
  result.charset = "windows-1252";
  result.blocks = {block("Skip to content", "paragraph", false, "rules", "structure.rules:12"),
                   block("A headline", "heading", true, "structure", "main region", 2),
                   block("The first paragraph, \"quoted\".", "paragraph", true, "density",
                         "good (stop 0.42, link 0.00)")};
  return result;
}

}  // namespace

TEST_CASE("plain text is the result text with a final newline", "[sink]") {
  Result result;
  result.text = "One.\n\nTwo.";
  CHECK(render_text(result) == "One.\n\nTwo.\n");
}

TEST_CASE("an empty result renders as nothing at all in plain text", "[sink]") {
  CHECK(render_text(Result{}).empty());
}

TEST_CASE("JSON output parses back to the result's fields", "[sink]") {
  const Result result = sample_result();
  const std::string rendered = render_json(result, "dir/page.html", "https://example.org/a");
  const auto parsed = nlohmann::json::parse(rendered);
  CHECK(parsed["id"] == "dir/page.html");
  CHECK(parsed["url"] == "https://example.org/a");
  CHECK(parsed["title"] == "The title");
  CHECK(parsed["text"] == result.text);
  CHECK(parsed["input_kind"] == "html");
  CHECK(parsed["charset"] == "windows-1252");
  CHECK(parsed["schema_version"] == webclean::sink::kJsonSchemaVersion);
  CHECK(parsed["metadata"] == nlohmann::json({{"title", "The title"},
                                              {"headline", ""},
                                              {"byline", ""},
                                              {"author", ""},
                                              {"date", ""},
                                              {"site_name", ""},
                                              {"language", "en"},
                                              {"description", ""},
                                              {"canonical_url", ""},
                                              {"image", ""},
                                              {"page_type", "article"}}));
  CHECK_FALSE(parsed.contains("error"));
}

TEST_CASE("JSON blocks carry decisions, and a heading level only on headings", "[sink]") {
  const auto parsed = nlohmann::json::parse(render_json(sample_result(), "id", ""));
  const auto& blocks = parsed.at("blocks");
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0]["kept"] == false);
  CHECK(blocks[0]["stage"] == "rules");
  CHECK(blocks[0]["reason"] == "structure.rules:12");
  CHECK_FALSE(blocks[0].contains("heading_level"));
  CHECK(blocks[1]["kind"] == "heading");
  CHECK(blocks[1]["heading_level"] == 2);
  CHECK(blocks[2]["text"] == "The first paragraph, \"quoted\".");
}

TEST_CASE("JSON without block reports has no blocks key, and an error when one is set", "[sink]") {
  Result result;
  result.error = "binary data";
  const auto parsed = nlohmann::json::parse(render_json(result, "id", ""));
  CHECK_FALSE(parsed.contains("blocks"));
  CHECK(parsed["error"] == "binary data");
  CHECK(parsed["metadata"].size() == 11);
  // Every string field empty; the page type has its default.
  for (const auto& [name, value] : parsed["metadata"].items()) {
    CHECK(value == (name == "page_type" ? "article" : ""));
  }
}

TEST_CASE("compact JSON is one line and pretty JSON is indented, both ending in a newline",
          "[sink]") {
  const std::string compact = render_json(sample_result(), "id", "");
  const std::string pretty = render_json(sample_result(), "id", "", true);
  CHECK(compact.find('\n') == compact.size() - 1);
  CHECK(pretty.back() == '\n');
  CHECK(pretty.find("\n  \"id\": \"id\"") != std::string::npos);
  CHECK(nlohmann::json::parse(compact) == nlohmann::json::parse(pretty));
}

TEST_CASE("JSON output survives invalid UTF-8 in the text", "[sink]") {
  Result result;
  result.text = "bad \xff\xfe bytes";
  std::string rendered;
  REQUIRE_NOTHROW(rendered = render_json(result, "id", ""));
  CHECK(nlohmann::json::parse(rendered)["text"].get<std::string>().find("bytes") !=
        std::string::npos);
}

namespace {

// The block lines of an explain listing, after its first line (the page type).
std::vector<std::string> block_lines(const std::string& listing) {
  auto lines = lines_of(listing);
  REQUIRE_FALSE(lines.empty());
  CHECK(lines.front().rfind("page type: ", 0) == 0);
  lines.erase(lines.begin());
  return lines;
}

}  // namespace

TEST_CASE("the explain listing has one line a block with its decision, stage and reason",
          "[sink]") {
  const auto lines = block_lines(render_explain(sample_result()));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].rfind("DROP  rules ", 0) == 0);
  CHECK(lines[0].find("structure.rules:12") != std::string::npos);
  CHECK(lines[0].find("| Skip to content") != std::string::npos);
  CHECK(lines[1].rfind("KEEP  structure ", 0) == 0);
  CHECK(lines[1].find("| ## A headline") != std::string::npos);
  CHECK(lines[2].find("good (stop 0.42, link 0.00)") != std::string::npos);
}

TEST_CASE("the explain listing aligns its columns", "[sink]") {
  const auto lines = block_lines(render_explain(sample_result()));
  REQUIRE(lines.size() == 3);
  const size_t bar = lines[0].find(" | ");
  CHECK(lines[1].find(" | ") == bar);
  CHECK(lines[2].find(" | ") == bar);
  const size_t reason = lines[0].find("structure.rules");
  CHECK(lines[1].find("main region") == reason);
}

TEST_CASE("the explain listing cuts long text and keeps each block on one line", "[sink]") {
  Result result;
  std::string long_text;
  for (int i = 0; i < 60; ++i) long_text += "w\xc3\xb6rd ";
  result.blocks = {block("line one\nline two", "pre", true, "", ""),
                   block(long_text, "paragraph", true, "density", "good")};
  const auto lines = block_lines(render_explain(result));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].find("line one line two") != std::string::npos);
  CHECK(lines[1].size() < long_text.size());
  CHECK(lines[1].substr(lines[1].size() - 3) == "\xe2\x80\xa6");  // ends in an ellipsis
  CHECK(lines[1].find("w\xc3\xb6rd") != std::string::npos);
}

TEST_CASE("an explain listing starts with the page type and the signals that decided it",
          "[sink]") {
  Result result;
  result.metadata.page_type = webclean::PageType::kForum;
  result.metadata.page_type_signals = {"schema.org DiscussionForumPosting", "URL /t/…/123"};
  CHECK(render_explain(result) ==
        "page type: forum (schema.org DiscussionForumPosting; URL /t/…/123)\n");
  CHECK(render_explain(Result{}) == "page type: article (default: no signal)\n");
}

TEST_CASE("the explain listing shows a measured reason whole and cuts a rule's long pattern",
          "[sink]") {
  Result result;
  const std::string measured =
      "near-good -> bad by its neighbours (169 chars, stop 0.48), no good block in reach";
  const std::string rule =
      "rules/structure.rules:108 (?:skip|jump|go|move)(?: to)?:?(?: the)?(?: (?:main|primary))?";
  result.blocks = {block("A paragraph", "paragraph", false, "context", measured),
                   block("Skip to content", "paragraph", false, "rules", rule)};
  const auto lines = block_lines(render_explain(result));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].find(measured) != std::string::npos);
  CHECK(lines[1].find("rules/structure.rules:108") != std::string::npos);
  CHECK(lines[1].find(rule) == std::string::npos);
}

TEST_CASE("a measured reason too long for the listing keeps the name of the code that decided",
          "[sink]") {
  Result result;
  const std::string measured =
      "link-heavy box inside the article: link 0.62 > kLowWeightLinkDensity 0.20, class weight "
      "0 < kClassWeight 25, 3 commas < kCleanMinCommas 10 (clean_reason)";
  result.blocks = {block("Related stories", "paragraph", false, "structure", measured)};
  const auto lines = block_lines(render_explain(result));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find(measured) == std::string::npos);
  CHECK(lines[0].find("link-heavy box inside the article: link 0.62") != std::string::npos);
  CHECK(lines[0].find("\u2026 (clean_reason)") != std::string::npos);
}
