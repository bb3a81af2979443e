// The repetition filter: a RepeatIndex fed the dumps of one site, then the
// Cleaner dropping the lines that recur on K of them, with its reason.
#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "webclean/cleaner.h"
#include "webclean/repeat_index.h"

using webclean::Cleaner;
using webclean::DocumentInfo;
using webclean::InputKind;
using webclean::RepeatIndex;
using webclean::RepeatOptions;
using webclean::Result;

namespace {

const char* const kStories[] = {
    "The council said on Tuesday that the new bridge, which has been delayed for more than two "
    "years, would open to traffic in the spring after the last inspections are complete.",
    "Engineers found that the steel of the eastern span had been painted with the wrong primer, "
    "and the work to strip and repaint it took most of the winter, the council said.",
    "Residents of the old town have complained for years about the traffic on the ferry road, "
    "and many of them said that they would walk across the bridge on the first day.",
    "The mayor thanked the workers who had stayed on the site through the floods of March, "
    "when the river rose higher than it had at any time in the last forty years.",
};
const std::string kSignOff =
    " The council will publish the full report on its website next week, with the costs.";

// Each story is longer than RepeatOptions::max_line_chars (200): prose.
// A dump of one story of the site, its menu and footer around it; the
// story's paragraph is written twice so that it can be told from the lines
// that all dumps share.
std::string dump(int story) {
  return std::string("Skip to: Content\nHome\nLocal news\nJoin the mailing list\n\n") +
         kStories[story] + kSignOff + "\n\n" + kStories[story] + kSignOff +
         "\n\nMore from the Riverside Gazette\nContact the newsroom\n";
}

DocumentInfo text_info(const RepeatIndex* index) {
  DocumentInfo info;
  info.kind = InputKind::kText;
  info.url = "https://gazette.example/story";
  info.repeats = index;
  return info;
}

bool has_line(const Result& r, const std::string& line) {
  return r.text.find(line) != std::string::npos;
}

}  // namespace

TEST_CASE("a line on K documents of a site is counted K times, however often a page says it",
          "[filter][repeats]") {
  RepeatIndex index;
  for (int i = 0; i < 3; ++i) index.add("gazette.example", dump(i));
  CHECK(index.documents("gazette.example", "Join the mailing list") == 3);
  CHECK(index.documents("gazette.example", "  JOIN the   mailing list ") == 3);
  CHECK(index.documents("gazette.example", kStories[0] + kSignOff) == 0);  // prose: never counted
  CHECK(index.documents("other.example", "Join the mailing list") == 0);
  CHECK(index.documents_added() == 3);
}

TEST_CASE("the cleaner drops a site's recurring lines with the number of documents and the site",
          "[filter][repeats]") {
  RepeatIndex index;
  for (int i = 0; i < 4; ++i) index.add("gazette.example", dump(i));
  const Cleaner cleaner;
  webclean::Options explain_options;
  explain_options.keep_block_reports = true;
  const Cleaner explaining(explain_options);
  const Result with = cleaner.clean(dump(1), text_info(&index));
  const Result without = cleaner.clean(dump(1), text_info(nullptr));
  CHECK(has_line(with, kStories[1]));
  CHECK_FALSE(has_line(with, "Contact the newsroom"));
  CHECK_FALSE(has_line(with, "More from the Riverside Gazette"));
  CHECK(has_line(without, kStories[1]));
  const Result report = explaining.clean(dump(1), text_info(&index));
  bool named = false;
  for (const auto& block : report.blocks) {
    if (block.text == "Contact the newsroom") {
      named = block.reason.find("repeated on 4 documents of gazette.example") != std::string::npos;
    }
  }
  CHECK(named);
}

TEST_CASE("a line on fewer documents than the minimum is left to the other filters",
          "[filter][repeats]") {
  RepeatOptions options;
  options.min_documents = 5;
  RepeatIndex index(options);
  for (int i = 0; i < 4; ++i) index.add("gazette.example", dump(i));
  CHECK(index.documents("gazette.example", "Contact the newsroom") == 4);
  webclean::Options explain_options;
  explain_options.keep_block_reports = true;
  const Result r = Cleaner(explain_options).clean(dump(2), text_info(&index));
  REQUIRE_FALSE(r.blocks.empty());
  for (const auto& block : r.blocks) CHECK(block.reason.find("repeated on") == std::string::npos);
}

TEST_CASE("a site's index holds no more distinct lines than its cap", "[filter][repeats]") {
  RepeatOptions options;
  options.max_lines_per_site = 10;
  RepeatIndex index(options);
  std::string many;
  for (int i = 0; i < 100; ++i) many += "line number " + std::to_string(i) + "\n";
  index.add("big.example", many);
  index.add("big.example", many);
  uint32_t counted = 0;
  for (int i = 0; i < 100; ++i) {
    counted += index.documents("big.example", "line number " + std::to_string(i)) > 0;
  }
  CHECK(counted == 10);
}

TEST_CASE("the index holds no more lines in all than its cap, however many sites come",
          "[filter][repeats]") {
  RepeatOptions options;
  options.max_lines = 50;
  RepeatIndex index(options);
  for (int site = 0; site < 100; ++site) {
    index.add("site" + std::to_string(site) + ".example", "Home\nContact us\n");
  }
  int counted_sites = 0;
  for (int site = 0; site < 100; ++site) {
    counted_sites += index.documents("site" + std::to_string(site) + ".example", "Home") > 0;
  }
  CHECK(counted_sites == 25);
}

TEST_CASE("a stream's document is judged by the documents up to its position",
          "[filter][repeats]") {
  RepeatIndex index;  // min_documents 3
  for (uint64_t position : {5u, 1u, 3u, 9u}) {
    index.add("gazette.example", "Join the mailing list\n", position);
  }
  CHECK(index.documents("gazette.example", "Join the mailing list") == 4);
  CHECK(index.documents("gazette.example", "Join the mailing list", 0) == 0);
  CHECK(index.documents("gazette.example", "Join the mailing list", 3) == 2);
  CHECK(index.documents("gazette.example", "Join the mailing list", 5) == 3);
  CHECK(index.documents("gazette.example", "Join the mailing list", 100) == 3);  // up to min
}

TEST_CASE("documents added from many threads are all counted", "[filter][repeats]") {
  RepeatIndex index;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&index] {
      for (int i = 0; i < 250; ++i) index.add("gazette.example", dump(i % 4));
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(index.documents_added() == 1000);
  CHECK(index.documents("gazette.example", "Home") == 1000);
}

TEST_CASE("a document's site is its URL's host, else the folder of its file", "[filter][repeats]") {
  CHECK(RepeatIndex::site_of("https://News.Example:8080/a/b?c", "x/y.html") == "news.example");
  CHECK(RepeatIndex::site_of("", "crawl/gazette/story-1.txt") == "crawl/gazette");
  CHECK(RepeatIndex::site_of("", "story.txt") == ".");
}

TEST_CASE("indexes of parts of a collection merge into the index of the whole",
          "[filter][repeats]") {
  RepeatIndex whole, first_half, second_half;
  const std::vector<std::string> sites = {"gazette.example", "herald.example"};
  for (int i = 0; i < 8; ++i) {
    whole.add(sites[i % 2], dump(i % 4));
    (i < 5 ? first_half : second_half).add(sites[i % 2], dump(i % 4));
  }
  first_half.merge(second_half);
  CHECK(first_half.documents_added() == 8);
  for (const std::string& site : sites) {
    for (const char* line : {"Home", "Join the mailing list", "Contact the newsroom"}) {
      CHECK(first_half.documents(site, line) == whole.documents(site, line));
    }
  }
  CHECK(first_half.documents("gazette.example", "Home") == 4);
  CHECK(second_half.documents("gazette.example", "Home") == 1);  // the part is unchanged
}

TEST_CASE("a merged index judges a stream's document by the positions shifted past its own",
          "[filter][repeats]") {
  RepeatIndex first, second;  // min_documents 3
  for (uint64_t position : {0u, 1u}) first.add("gazette.example", "Home\n", position);
  for (uint64_t position : {0u, 1u}) second.add("gazette.example", "Home\n", position);
  first.merge(second);  // second's 0 and 1 are 2 and 3 of the whole
  CHECK(first.documents("gazette.example", "Home", 1) == 2);
  CHECK(first.documents("gazette.example", "Home", 2) == 3);
}

TEST_CASE("indexes counting to different minimums do not merge", "[filter][repeats]") {
  RepeatOptions five;
  five.min_documents = 5;
  RepeatIndex index, other(five);
  CHECK_THROWS_AS(index.merge(other), std::invalid_argument);
  CHECK_THROWS_AS(index.merge(index), std::invalid_argument);
}

TEST_CASE("a merge keeps to the cap of lines per site", "[filter][repeats]") {
  RepeatOptions small;
  small.max_lines_per_site = 3;
  RepeatIndex index(small), other(small);
  index.add("gazette.example", "one\ntwo\n");
  other.add("gazette.example", "three\nfour\nfive\n");
  index.merge(other);
  int counted = 0;
  for (const char* line : {"one", "two", "three", "four", "five"}) {
    counted += index.documents("gazette.example", line) > 0;
  }
  CHECK(counted == 3);
}

TEST_CASE("a serialised index reads back as the same index", "[filter][repeats]") {
  RepeatOptions options;
  options.min_documents = 4;
  RepeatIndex index(options);
  for (int i = 0; i < 6; ++i) index.add(i % 2 ? "herald.example" : "gazette.example", dump(i % 4));
  const std::string bytes = index.serialize();
  const std::unique_ptr<RepeatIndex> copy = RepeatIndex::deserialize(bytes);
  CHECK(copy->options().min_documents == 4);
  CHECK(copy->documents_added() == 6);
  CHECK(copy->documents("gazette.example", "Home") == 3);
  CHECK(copy->documents("herald.example", "Contact the newsroom") == 3);
  CHECK(copy->serialize().size() == bytes.size());
  // The result of cleaning with either is the same.
  const Cleaner cleaner;
  CHECK(cleaner.clean(dump(1), text_info(&index)).text ==
        cleaner.clean(dump(1), text_info(copy.get())).text);
}

TEST_CASE("bytes that are not a serialised index, or are cut off, are refused",
          "[filter][repeats]") {
  RepeatIndex index;
  index.add("gazette.example", dump(0));
  const std::string bytes = index.serialize();
  CHECK_THROWS_AS(RepeatIndex::deserialize("not an index"), std::invalid_argument);
  CHECK_THROWS_AS(RepeatIndex::deserialize(""), std::invalid_argument);
  CHECK_THROWS_AS(RepeatIndex::deserialize(bytes.substr(0, bytes.size() - 3)),
                  std::invalid_argument);
  CHECK_THROWS_AS(RepeatIndex::deserialize(bytes + "x"), std::invalid_argument);
}
