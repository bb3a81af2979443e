// End-to-end tests of the webclean binary: exit statuses, outputs, order.
// They check only what does not depend on how well pages are cleaned.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run_cli.h"

using namespace webclean::testing;

namespace {

namespace fs = std::filesystem;

std::string corrupt_gzip() {
  return std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x0b", 11);
}

}  // namespace

TEST_CASE("webclean --help and --version exit with status 0", "[cli]") {
  TempDir dir;
  const Run help = run(dir, "--help");
  CHECK(help.status == 0);
  CHECK(help.out.find("--output") != std::string::npos);
  const Run version = run(dir, "--version");
  CHECK(version.status == 0);
  CHECK(version.out.find("webclean") != std::string::npos);
}

TEST_CASE("an unknown option or a bad value is a usage error with status 2", "[cli]") {
  TempDir dir;
  CHECK(run(dir, "--no-such-option").status == 2);
  CHECK(run(dir, "--format yaml -").status == 2);
  CHECK(run(dir, "--jobs 0 -").status == 2);
  CHECK(run(dir, "--max-bytes 12Q -").status == 2);
  const Run missing_rules = run(dir, "--rules " + quoted(dir / "no-such-dir") + " -");
  CHECK(missing_rules.status == 2);
}

TEST_CASE("an -o naming an existing file with several inputs is a usage error", "[cli]") {
  TempDir dir;
  write_file(dir / "a.html", article_page("bridge"));
  write_file(dir / "b.html", article_page("library"));
  write_file(dir / "out.txt", "keep me");
  const Run result = run(dir, quoted(dir / "a.html") + " " + quoted(dir / "b.html") + " -o " +
                                  quoted(dir / "out.txt"));
  CHECK(result.status == 2);
  CHECK(result.err.find("--output") != std::string::npos);
  CHECK(read_file(dir / "out.txt") == "keep me");
}

TEST_CASE("a malformed rule file stops the run with status 2 and its file:line", "[cli]") {
  TempDir dir;
  write_file(dir / "rules/bad.rules", "%%% this ((( is [[ not a rule\n");
  write_file(dir / "a.html", article_page("bridge"));
  const Run result = run(dir, "--rules " + quoted(dir / "rules") + " " + quoted(dir / "a.html"));
  CHECK(result.status == 2);
  CHECK(result.err.find(".rules:") != std::string::npos);
  CHECK(result.out.empty());
}

TEST_CASE("one page on stdin is cleaned to stdout", "[cli]") {
  TempDir dir;
  write_file(dir / "page.html", article_page("bridge"));
  const Run result = run(dir, "< " + quoted(dir / "page.html"));
  CHECK(result.status == 0);
  CHECK(result.out.find("council") != std::string::npos);
  CHECK(result.err.empty());
  const Run dash = run(dir, "- < " + quoted(dir / "page.html"));
  CHECK(dash.out == result.out);
}

TEST_CASE(
    "a bad file among good ones: the good outputs are written, status 1, the bad one "
    "named on stderr",
    "[cli]") {
  TempDir dir;
  write_file(dir / "in/a.html", article_page("bridge"));
  write_file(dir / "in/b.html.gz", corrupt_gzip());
  write_file(dir / "in/c.html", article_page("library"));
  const Run result = run(dir, "--quiet " + quoted(dir / "in") + " -o " + quoted(dir / "out"));
  CHECK(result.status == 1);
  CHECK(result.err.find("b.html.gz") != std::string::npos);
  CHECK(lines_of(result.err).size() == 1);
  CHECK(fs::file_size(dir / "out/a.txt") > 0);
  CHECK(fs::file_size(dir / "out/c.txt") > 0);
  CHECK_FALSE(fs::exists(dir / "out/b.txt"));
}

TEST_CASE("an -o DIR mirrors a directory input's tree with the format's extension", "[cli]") {
  TempDir dir;
  write_file(dir / "in/top.html", article_page("bridge"));
  write_file(dir / "in/news/2024/story.htm", article_page("harbour"));
  write_file(dir / "in/with space/caf\xc3\xa9.html", article_page("market"));
  write_file(dir / "in/ignored.png", "not a page");
  const Run text = run(dir, quoted(dir / "in") + " -o " + quoted(dir / "out"));
  CHECK(text.status == 0);
  CHECK(fs::file_size(dir / "out/top.txt") > 0);
  CHECK(fs::file_size(dir / "out/news/2024/story.txt") > 0);
  CHECK(fs::file_size(dir / "out/with space/caf\xc3\xa9.txt") > 0);
  CHECK_FALSE(fs::exists(dir / "out/ignored.txt"));

  const Run json = run(dir, "-f json " + quoted(dir / "in") + " -o " + quoted(dir / "json"));
  CHECK(json.status == 0);
  const auto parsed = nlohmann::json::parse(read_file(dir / "json/news/2024/story.json"));
  CHECK(parsed["id"] == dir / "in/news/2024/story.htm");
}

TEST_CASE("an -o FILE with one input writes that file", "[cli]") {
  TempDir dir;
  write_file(dir / "page.html", article_page("bridge"));
  const Run result = run(dir, quoted(dir / "page.html") + " -o " + quoted(dir / "result.txt"));
  CHECK(result.status == 0);
  CHECK(result.out.empty());
  CHECK(read_file(dir / "result.txt").find("council") != std::string::npos);
}

TEST_CASE("named files with -o DIR go to DIR under their own names", "[cli]") {
  TempDir dir;
  write_file(dir / "x/one.html", article_page("bridge"));
  write_file(dir / "y/two.de.html", article_page("library"));
  const Run result = run(dir, quoted(dir / "x/one.html") + " " + quoted(dir / "y/two.de.html") +
                                  " -o " + quoted(dir / "out"));
  CHECK(result.status == 0);
  CHECK(fs::exists(dir / "out/one.txt"));
  CHECK(fs::exists(dir / "out/two.de.txt"));
}

TEST_CASE("two inputs with the same output path: the second fails, nothing is overwritten",
          "[cli]") {
  TempDir dir;
  write_file(dir / "in/story.htm", article_page("bridge"));
  write_file(dir / "in/story.html", article_page("library"));
  const Run result = run(dir, quoted(dir / "in") + " -o " + quoted(dir / "out"));
  CHECK(result.status == 1);
  CHECK(result.err.find("story.html") != std::string::npos);
  const std::string written = read_file(dir / "out/story.txt");
  CHECK(written.find("bridge") != std::string::npos);
  CHECK(written.find("library") == std::string::npos);
}

TEST_CASE("an output that would overwrite an input is refused", "[cli]") {
  TempDir dir;
  const std::string page = "A text dump with one paragraph about the bridge and the council.\n";
  write_file(dir / "in/notes.txt", page);
  const Run result = run(dir, quoted(dir / "in") + " -o " + quoted(dir / "in"));
  CHECK(result.status == 1);
  CHECK(result.err.find("notes.txt") != std::string::npos);
  CHECK(read_file(dir / "in/notes.txt") == page);
}

TEST_CASE("several inputs come out on stdout in input order, the same with -j1 and -j4", "[cli]") {
  TempDir dir;
  const char* topics[] = {"bridge", "library", "harbour", "market",  "school",  "tram",
                          "museum", "park",    "river",   "stadium", "station", "tower"};
  for (const char* topic : topics)
    write_file(dir / ("in/" + std::string(topic) + ".html"), article_page(topic));
  const Run one = run(dir, "-j1 " + quoted(dir / "in"));
  const Run four = run(dir, "-j4 " + quoted(dir / "in"));
  CHECK(one.status == 0);
  CHECK(four.status == 0);
  CHECK(one.out == four.out);
  // Documents appear in path order: bridge, harbour, library, ...
  const size_t bridge = one.out.find("bridge.html");
  const size_t harbour = one.out.find("harbour.html");
  const size_t tower = one.out.find("tower.html");
  CHECK(bridge < harbour);
  CHECK(harbour < tower);
  CHECK(tower != std::string::npos);

  const Run json_one = run(dir, "-j1 -f json " + quoted(dir / "in"));
  const Run json_four = run(dir, "-j4 -f json " + quoted(dir / "in"));
  CHECK(json_one.out == json_four.out);
}

TEST_CASE("json output for several inputs is one JSON object per line", "[cli]") {
  TempDir dir;
  write_file(dir / "a.html", article_page("bridge"));
  write_file(dir / "b.html", article_page("library"));
  const Run result = run(dir, "-f json " + quoted(dir / "a.html") + " " + quoted(dir / "b.html"));
  CHECK(result.status == 0);
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 2);
  CHECK(nlohmann::json::parse(lines[0])["id"] == dir / "a.html");
  CHECK(nlohmann::json::parse(lines[1])["id"] == dir / "b.html");
}

TEST_CASE("a missing input is reported while the others are still cleaned", "[cli]") {
  TempDir dir;
  write_file(dir / "a.html", article_page("bridge"));
  const Run result = run(dir, quoted(dir / "gone.html") + " " + quoted(dir / "a.html"));
  CHECK(result.status == 1);
  CHECK(result.err.find("gone.html: No such file or directory") != std::string::npos);
  CHECK(result.out.find("council") != std::string::npos);
}

TEST_CASE("an input over --max-bytes fails with a size error", "[cli]") {
  TempDir dir;
  write_file(dir / "a.html", article_page("bridge"));
  const Run result = run(dir, "--max-bytes 100 " + quoted(dir / "a.html"));
  CHECK(result.status == 1);
  CHECK(result.err.find("too large") != std::string::npos);
  CHECK(run(dir, "--max-bytes 1M " + quoted(dir / "a.html")).status == 0);
}

TEST_CASE("a document over --max-time fails while the others are written", "[cli]") {
  TempDir dir;
  std::string big = "<p>";
  for (int i = 0; i < 400000; ++i) big += "word after word in a long paragraph. ";
  write_file(dir / "in/big.html", big);
  write_file(dir / "in/small.html", article_page("bridge"));
  const Run result =
      run(dir, "--max-time 0.000001 " + quoted(dir / "in") + " -o " + quoted(dir / "out"));
  CHECK(result.status == 1);
  CHECK(result.err.find("big.html: cleaning took longer than the limit") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "out/big.txt"));
  const Run relaxed = run(dir, "--max-time 0 " + quoted(dir / "in") + " -o " + quoted(dir / "out"));
  CHECK(relaxed.status == 0);
  CHECK(std::filesystem::exists(dir / "out/big.txt"));
  CHECK(run(dir, "--max-time -1 " + quoted(dir / "in/small.html")).status == 2);
}

TEST_CASE("the explain option prints the page type, then one KEEP or DROP line a block", "[cli]") {
  TempDir dir;
  write_file(dir / "a.html", article_page("bridge"));
  const Run result = run(dir, "--explain " + quoted(dir / "a.html"));
  CHECK(result.status == 0);
  auto lines = lines_of(result.out);
  REQUIRE(lines.size() > 1);
  CHECK(lines.front().rfind("page type: ", 0) == 0);
  lines.erase(lines.begin());
  for (const std::string& line : lines) {
    INFO(line);
    CHECK((line.rfind("KEEP  ", 0) == 0 || line.rfind("DROP  ", 0) == 0));
  }
}

TEST_CASE("the explain option with json output adds the blocks to the JSON", "[cli]") {
  TempDir dir;
  write_file(dir / "a.html", article_page("bridge"));
  const Run result = run(dir, "--explain -f json " + quoted(dir / "a.html"));
  CHECK(result.status == 0);
  const auto parsed = nlohmann::json::parse(result.out);
  REQUIRE(parsed.contains("blocks"));
  CHECK_FALSE(parsed["blocks"].empty());
}

TEST_CASE("the page-type option forces the type and names what it expects", "[cli]") {
  TempDir dir;
  write_file(dir / "a.html", article_page("bridge"));
  const Run forced = run(dir, "--page-type forum -f json " + quoted(dir / "a.html"));
  CHECK(forced.status == 0);
  CHECK(nlohmann::json::parse(forced.out)["metadata"]["page_type"] == "forum");
  const Run bad = run(dir, "--page-type blog " + quoted(dir / "a.html"));
  CHECK(bad.status == 2);
  CHECK(bad.err.find("--page-type") != std::string::npos);
  CHECK(bad.err.find("expected auto, article, forum") != std::string::npos);
  CHECK(bad.err.find("\"blog\"") != std::string::npos);
}

TEST_CASE("stdin named twice is a usage error", "[cli]") {
  TempDir dir;
  CHECK(run(dir, "- - " + empty_stdin(dir)).status == 2);
}
