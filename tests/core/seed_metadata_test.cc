// The user's own documents (corpus/seeds, text dumps of news pages): the
// Cleaner finds the title, and every date, byline and site their
// meta.json gives, exactly; the lines they came from are not in the body.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../source/temp_dir.h"
#include "webclean/cleaner.h"

namespace fs = std::filesystem;
using webclean::testing::lines_of;
using webclean::testing::read_file;

namespace {

// Every input of corpus/seeds: NAME.txt beside NAME.meta.json.
std::vector<fs::path> seed_inputs() {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(fs::path(WEBCLEAN_SOURCE_DIR) / "corpus/seeds")) {
    const std::string name = entry.path().filename().string();
    const bool gold = name.size() > 9 && name.compare(name.size() - 9, 9, ".gold.txt") == 0;
    if (entry.path().extension() == ".txt" && !gold) inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

}  // namespace

TEST_CASE("the seeds give the title and every date byline and site of their meta.json",
          "[core][meta]") {
  webclean::Options options;
  options.keep_block_reports = true;
  const webclean::Cleaner cleaner{options};
  const std::vector<fs::path> inputs = seed_inputs();
  REQUIRE(inputs.size() >= 5);
  for (const fs::path& input : inputs) {
    INFO(input.filename().string());
    fs::path meta_path = input;
    meta_path.replace_extension(".meta.json");
    REQUIRE(fs::exists(meta_path));
    const nlohmann::json gold = nlohmann::json::parse(read_file(meta_path));
    const webclean::Result result = cleaner.clean(read_file(input));
    REQUIRE(result.ok());
    CHECK(result.input_kind == "text");
    const webclean::Metadata& meta = result.metadata;
    REQUIRE(gold.contains("title"));
    CHECK(meta.title == gold["title"].get<std::string>());
    if (gold.contains("date")) CHECK(meta.date == gold["date"].get<std::string>());
    if (gold.contains("byline")) CHECK(meta.byline == gold["byline"].get<std::string>());
    if (gold.contains("site")) CHECK(meta.site_name == gold["site"].get<std::string>());
    // The seeds are English news; text dumps get their language from stop words.
    CHECK(meta.language == "en");

    // The title, byline and dateline lines leave the body.
    const std::vector<std::string> body = lines_of(result.text);
    int metadata_lines = 0;
    for (const webclean::BlockReport& block : result.blocks) {
      if (block.stage != "metadata") continue;
      ++metadata_lines;
      INFO(block.reason << ": " << block.text);
      CHECK_FALSE(block.kept);
      CHECK(std::find(body.begin(), body.end(), block.text) == body.end());
    }
    CHECK(std::find(body.begin(), body.end(), meta.title) == body.end());
    // The title and at least one byline or dateline where the gold has a date or byline.
    CHECK(metadata_lines >= (gold.contains("date") || gold.contains("byline") ? 2 : 1));
  }
}
