// The corpus regression test: cleans every document of corpus/ and checks
// its quality against the per-document floor in corpus/floors.tsv. The
// scores measured are written to corpus_scores.tsv in the working
// directory, for scripts/update_floors.sh.
#include <re2/re2.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "../source/temp_dir.h"
#include "shingles.h"
#include "source/source.h"
#include "webclean/cleaner.h"

namespace fs = std::filesystem;
using webclean::testing::read_file;

namespace {

const fs::path kCorpus = fs::path(WEBCLEAN_SOURCE_DIR) / "corpus";

std::map<std::string, double> read_floors() {
  std::map<std::string, double> floors;
  std::ifstream in(kCorpus / "floors.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab != std::string::npos) floors[line.substr(0, tab)] = std::stod(line.substr(tab + 1));
  }
  return floors;
}

struct Scored {
  std::string key;  // set/id
  double score;
};

std::string clean_file(const webclean::Cleaner& cleaner, const fs::path& input) {
  const webclean::source::RawDocument raw = webclean::source::read_file(input.string());
  REQUIRE(raw.error.empty());
  const webclean::Result result = cleaner.clean(raw.bytes);
  INFO(input.string() << ": " << result.error);
  REQUIRE(result.ok());
  return result.text;
}

// Gold sets: every ID.gold.txt with its input ID.html.gz or ID.txt, scored
// by `measure` (shingle F1; for wcxb-dev the benchmark's word-bag F1).
using Measure = double (*)(std::string_view predicted, std::string_view gold);
std::vector<Scored> score_gold_set(const webclean::Cleaner& cleaner, const std::string& set,
                                   Measure measure = webclean::testing::shingle_f1) {
  std::vector<Scored> scores;
  for (const auto& entry : fs::directory_iterator(kCorpus / set)) {
    const std::string name = entry.path().filename().string();
    const std::string suffix = ".gold.txt";
    if (name.size() <= suffix.size() || name.substr(name.size() - suffix.size()) != suffix)
      continue;
    const std::string id = name.substr(0, name.size() - suffix.size());
    fs::path input = kCorpus / set / (id + ".html.gz");
    if (!fs::exists(input)) input = kCorpus / set / (id + ".txt");
    const std::string text = clean_file(cleaner, input);
    scores.push_back({set + "/" + id, measure(text, read_file(entry.path()))});
  }
  return scores;
}

std::vector<Scored> score_snippet_set(const webclean::Cleaner& cleaner, const std::string& set) {
  std::vector<Scored> scores;
  std::ifstream in(kCorpus / set / "evaldata.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    const nlohmann::json record = nlohmann::json::parse(line);
    const std::string id = record["id"];
    const std::string text = clean_file(cleaner, kCorpus / set / (id + ".html.gz"));
    scores.push_back({set + "/" + id, webclean::testing::snippet_accuracy(
                                          text, record["with"].get<std::vector<std::string>>(),
                                          record["without"].get<std::vector<std::string>>())});
  }
  return scores;
}

}  // namespace

TEST_CASE("every corpus document scores at or above its floor", "[corpus]") {
  const webclean::Cleaner cleaner;
  std::vector<Scored> all;
  for (const char* set : {"seeds", "readability", "text"}) {
    for (Scored& s : score_gold_set(cleaner, set)) all.push_back(std::move(s));
  }
  for (Scored& s : score_snippet_set(cleaner, "trafilatura")) all.push_back(std::move(s));
  for (Scored& s : score_gold_set(cleaner, "wcxb-dev", webclean::testing::word_bag_f1)) {
    all.push_back(std::move(s));
  }
  REQUIRE(all.size() > 200);

  std::ofstream out("corpus_scores.tsv");
  for (const Scored& s : all) out << s.key << '\t' << s.score << '\n';

  const std::map<std::string, double> floors = read_floors();
  int below = 0;
  std::ostringstream which;  // named with the final check, which reports it
  for (const Scored& s : all) {
    auto floor = floors.find(s.key);
    INFO(s.key << " has no floor in corpus/floors.tsv");
    CHECK(floor != floors.end());
    if (floor == floors.end()) continue;
    if (s.score + 1e-9 < floor->second) {
      ++below;
      which << "\n  " << s.key << ": " << s.score << " < floor " << floor->second;
    }
  }
  INFO("below their floors:" << which.str());
  CHECK(below == 0);
}

TEST_CASE("the seeds lose every boilerplate line and keep every body paragraph", "[corpus]") {
  const webclean::Cleaner cleaner;
  std::ifstream in(kCorpus / "seeds" / "evaldata.jsonl");
  std::string line;
  int documents = 0;
  while (std::getline(in, line)) {
    const nlohmann::json record = nlohmann::json::parse(line);
    const std::string id = record["id"];
    const std::string text =
        webclean::testing::normalise_space(clean_file(cleaner, kCorpus / "seeds" / (id + ".txt")));
    for (const std::string with : record["with"]) {
      INFO(id << " lost: " << with);
      CHECK(text.find(webclean::testing::normalise_space(with)) != std::string::npos);
    }
    for (const std::string without : record["without"]) {
      INFO(id << " kept: " << without);
      CHECK(text.find(webclean::testing::normalise_space(without)) == std::string::npos);
    }
    ++documents;
  }
  CHECK(documents == 5);
}

TEST_CASE(
    "Markdown output and block reports change neither the text nor a decision on any corpus "
    "document",
    "[corpus]") {
  webclean::Options explained;
  explained.keep_block_reports = true;
  webclean::Options marked = explained;
  marked.markdown = true;
  marked.markdown_links = true;
  const webclean::Cleaner plain_cleaner(explained);
  const webclean::Cleaner markdown_cleaner(marked);
  const webclean::Cleaner unexplained_cleaner{webclean::Options{}};
  int documents = 0;
  for (const char* set : {"seeds", "readability", "text", "trafilatura", "wcxb-dev"}) {
    for (const auto& entry : fs::directory_iterator(kCorpus / set)) {
      const std::string name = entry.path().filename().string();
      const auto ends_with = [&](const std::string& suffix) {
        return name.size() > suffix.size() &&
               name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
      };
      const bool input = ends_with(".html.gz") || (ends_with(".txt") && !ends_with(".gold.txt"));
      if (!input) continue;
      const webclean::source::RawDocument raw = webclean::source::read_file(entry.path().string());
      REQUIRE(raw.error.empty());
      const webclean::DocumentInfo info{"https://example.org/" + name, "", "",
                                        webclean::InputKind::kAuto};
      const webclean::Result plain = plain_cleaner.clean(raw.bytes, info);
      const webclean::Result markdown = markdown_cleaner.clean(raw.bytes, info);
      const webclean::Result unexplained = unexplained_cleaner.clean(raw.bytes, info);
      INFO(entry.path().string());
      // Block reports (--explain) explain the very run that gives the text.
      CHECK(unexplained.text == plain.text);
      CHECK(unexplained.metadata.byline == plain.metadata.byline);
      CHECK(unexplained.metadata.date == plain.metadata.date);
      CHECK(unexplained.metadata.headline == plain.metadata.headline);
      CHECK(plain.markdown.empty());
      CHECK(markdown.text == plain.text);
      CHECK(markdown.markdown.empty() == plain.text.empty());
      REQUIRE(markdown.blocks.size() == plain.blocks.size());
      for (size_t i = 0; i < plain.blocks.size(); ++i) {
        CHECK(markdown.blocks[i].kept == plain.blocks[i].kept);
        CHECK(markdown.blocks[i].reason == plain.blocks[i].reason);
      }
      ++documents;
    }
  }
  CHECK(documents > 150);
}

namespace {

// The page with its tag names in upper case (<P>, </STYLE>).
std::string with_upper_case_tags(const std::string& page) {
  static const RE2 tag_name{"<(/?)([a-zA-Z][a-zA-Z0-9]*)"};
  std::string upper;
  re2::StringPiece input(page);
  re2::StringPiece slash, tag;
  const char* copied = page.data();
  while (RE2::FindAndConsume(&input, tag_name, &slash, &tag)) {
    upper.append(copied, tag.data());
    for (char c : tag) upper += char(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    copied = tag.data() + tag.size();
  }
  return upper.append(copied, page.data() + page.size());
}

// The page saved with Windows line ends.
std::string with_crlf(const std::string& page) {
  std::string out;
  for (char c : page) {
    if (c == '\n') out += '\r';
    if (c != '\r') out += c;
  }
  return out;
}

}  // namespace

TEST_CASE("upper-case tag names and CRLF line ends change nothing on any corpus page", "[corpus]") {
  // Old pages write <P>, <STYLE>, <TITLE> (an upper-case <STYLE> once hid
  // the rest of a page); saved pages have CRLF (<pre> text kept its CRs).
  const webclean::Cleaner cleaner{webclean::Options{}};
  int documents = 0;
  std::vector<fs::path> pages;
  for (const char* set : {"readability", "trafilatura", "wcxb-dev"}) {
    for (const auto& entry : fs::directory_iterator(kCorpus / set)) {
      const std::string name = entry.path().filename().string();
      if (name.size() > 8 && name.compare(name.size() - 8, 8, ".html.gz") == 0) {
        pages.push_back(entry.path());
      }
    }
  }
  const webclean::DocumentInfo info{"", "", "", webclean::InputKind::kHtml};
  for (const fs::path& page : pages) {
    const webclean::source::RawDocument raw = webclean::source::read_file(page.string());
    REQUIRE(raw.error.empty());
    const webclean::Result plain = cleaner.clean(raw.bytes, info);
    for (const std::string& variant : {with_upper_case_tags(raw.bytes), with_crlf(raw.bytes)}) {
      const webclean::Result result = cleaner.clean(variant, info);
      INFO(page.string() << (variant.find("</P>") != std::string::npos ? " upper case" : " CRLF"));
      CHECK(result.text == plain.text);
      CHECK(result.metadata.title == plain.metadata.title);
      CHECK(result.metadata.byline == plain.metadata.byline);
      CHECK(result.metadata.date == plain.metadata.date);
    }
    ++documents;
  }
  CHECK(documents > 100);
}
