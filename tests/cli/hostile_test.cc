// Hostile files in a batch (issue 6): each one ends in a clean result or a
// clear error naming the file and the reason, and the rest of the batch is
// still written.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "../hostile_scale.h"
#include "../source/warc_writer.h"
#include "run_cli.h"

using namespace webclean::testing;

namespace {

namespace fs = std::filesystem;

constexpr size_t kScale = webclean::testing::kHostileScale;

bool has_line(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("a batch of hostile files reports each bad one and writes every good one",
          "[cli][hostile]") {
  TempDir dir;
  write_file(dir / "in/good1.html", article_page("bridge"));
  write_file(dir / "in/empty.html", "");
  write_file(dir / "in/empty.txt", "");
  write_file(dir / "in/zero.html.gz", "");
  write_file(dir / "in/not-gzip.html.gz", "this is not gzip data at all");
  write_file(dir / "in/bomb.html.gz", gzip_member("<p>" + std::string(size_t{8} << 20, 'a')));
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  for (int i = 0; i < 3000; ++i) png += static_cast<char>((i * 7919) & 0xFF);
  write_file(dir / "in/image.html", png);
  std::string nul = article_page("ferry");
  nul.insert(nul.find("council"), std::string(3, '\0'));
  write_file(dir / "in/nul.html", nul);
  write_file(dir / "in/nul-padded.html", "<p>x</p>" + std::string(4000, '\0'));
  write_file(dir / "in/good2.txt",
             "The ferry across the river stopped running on Monday after the council decided "
             "that the old boat was no longer safe to carry passengers or their cars.\n");

  const Run result =
      run(dir, "-q --max-bytes 4M " + quoted(dir / "in") + " -o " + quoted(dir / "out"));
  CHECK(result.status == 1);
  CHECK(has_line(result.err, "zero.html.gz: "));
  CHECK(has_line(result.err, "not-gzip.html.gz: "));
  CHECK(has_line(result.err, "bomb.html.gz: gzip data expands beyond the limit of 4194304 bytes"));
  CHECK(has_line(result.err, "image.html: "));
  CHECK(has_line(result.err, "nul-padded.html: binary data"));
  CHECK_FALSE(has_line(result.err, "good1.html"));
  CHECK_FALSE(has_line(result.err, "nul.html"));
  CHECK(has_line(read_file(dir / "out/good1.txt"), "council"));
  CHECK(has_line(read_file(dir / "out/good2.txt"), "ferry across the river"));
  CHECK(has_line(read_file(dir / "out/nul.txt"), "council"));
  // An empty file is an empty document, not an error.
  CHECK(fs::exists(dir / "out/empty.txt"));
  CHECK(read_file(dir / "out/empty.txt").empty());
}

TEST_CASE(
    "a 100 MB page on one line is refused by the default size limit and cleaned under a "
    "larger one in bounded memory",
    "[cli][hostile][slow]") {
  TempDir dir;
  const std::string sentence = "the river rose in the night and the town woke to water. ";
  const size_t size = (size_t{100} << 20) / kScale;
  std::string page = "<html><body><p>";
  page.reserve(size + sentence.size());
  while (page.size() < size) page += sentence;
  write_file(dir / "big.html", page);
  page.clear();
  page.shrink_to_fit();

  if (kScale == 1) {
    const Run refused = run(dir, quoted(dir / "big.html"));
    CHECK(refused.status == 1);
    CHECK(has_line(refused.err, "big.html: "));
    CHECK(has_line(refused.err, "too large"));
  }
  const Child child =
      spawn_measured({"--max-bytes", "128M", "-o", dir / "big.txt", dir / "big.html"}, -1,
                     dir / "run.out", dir / "run.err");
  const Ended ended = wait_for(child);
  CHECK(ended.status == 0);
  CHECK(fs::file_size(dir / "big.txt") > size * 9 / 10);
  // Measured 0.5 GB for the 100 MB page: five times the input, not more.
  // AddressSanitizer adds its shadow memory and allocator (0.27 GB for the
  // 10 MB page it gets).
  const long sanitizer_kb = kScale == 1 ? 0 : 320 * 1024;
  CHECK(ended.peak_rss_kb < long(size / 1024) * 8 + sanitizer_kb);
}

TEST_CASE(
    "a rule file with a back-reference or a 10000 character pattern stops the run naming "
    "file and line",
    "[cli][hostile]") {
  TempDir dir;
  write_file(dir / "a.html", article_page("bridge"));
  write_file(dir / "backref/site.rules", "[drop]\n# comment\nclass (ab)\\1\n");
  write_file(dir / "long/site.rules", "[drop-text]\n" + std::string(10000, 'x') + "\n");
  const Run backref = run(dir, "--rules " + quoted(dir / "backref") + " " + quoted(dir / "a.html"));
  CHECK(backref.status == 2);
  CHECK(has_line(backref.err, "site.rules:3: back-reference"));
  const Run long_one = run(dir, "--rules " + quoted(dir / "long") + " " + quoted(dir / "a.html"));
  CHECK(long_one.status == 2);
  CHECK(has_line(long_one.err, "site.rules:2: pattern longer than 1000 characters"));
  CHECK(long_one.out.empty());
}
