// Reading files and stdin, with gzip detection and the size limits.
#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>

#include "source/gzip.h"
#include "source/source.h"
#include "temp_dir.h"
#include "warc_writer.h"

using webclean::source::read_file;
using webclean::source::read_stdin;
using webclean::testing::TempDir;
using webclean::testing::write_file;

namespace {

// One gzip member, compressed with real zlib (tests/source/warc_writer.h).
std::string gzip(const std::string& plain) {
  return webclean::testing::gzip_member(plain);
}

// Text that is not trivially compressible, so that members are not tiny.
std::string sample_text(size_t lines) {
  std::string text;
  for (size_t i = 0; i < lines; ++i) {
    text +=
        "Line " + std::to_string(i * 7919 % 10007) + " of the sample, caf\xc3\xa9 na\xc3\xafve.\n";
  }
  return text;
}

// Runs `body` with standard input redirected from `path`.
template <typename Body>
void with_stdin_from(const std::string& path, Body body) {
  const int saved = dup(STDIN_FILENO);
  const int fd = open(path.c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  dup2(fd, STDIN_FILENO);
  close(fd);
  body();
  dup2(saved, STDIN_FILENO);
  close(saved);
}

}  // namespace

TEST_CASE("a plain file is read byte for byte, NUL bytes included", "[source]") {
  TempDir dir;
  const std::string bytes("<p>one\0two</p>\r\n\xff", 17);
  write_file(dir / "page.html", bytes);
  const auto doc = read_file(dir / "page.html");
  CHECK(doc.error.empty());
  CHECK(doc.bytes == bytes);
  CHECK(doc.id == dir / "page.html");
}

TEST_CASE("a gzipped file reads back as the bytes that were compressed", "[source]") {
  TempDir dir;
  const std::string plain = sample_text(5000);
  write_file(dir / "page.html.gz", gzip(plain));
  const auto doc = read_file(dir / "page.html.gz");
  CHECK(doc.error.empty());
  CHECK(doc.bytes == plain);
}

TEST_CASE("gzip is recognised by its magic bytes whatever the file name", "[source]") {
  TempDir dir;
  write_file(dir / "page.html", gzip("hello"));
  CHECK(read_file(dir / "page.html").bytes == "hello");
}

TEST_CASE("concatenated gzip members decode to the concatenation of their contents", "[source]") {
  TempDir dir;
  const std::string first = sample_text(3000);
  const std::string second = "second member\n";
  const std::string third = sample_text(10);
  write_file(dir / "joined.txt.gz", gzip(first) + gzip(second) + gzip(third));
  const auto doc = read_file(dir / "joined.txt.gz");
  CHECK(doc.error.empty());
  CHECK(doc.bytes == first + second + third);
}

TEST_CASE("bytes after the last gzip member that start no new member are ignored", "[source]") {
  TempDir dir;
  write_file(dir / "padded.gz", gzip("content") + std::string(16, '\0'));
  const auto doc = read_file(dir / "padded.gz");
  CHECK(doc.error.empty());
  CHECK(doc.bytes == "content");
}

TEST_CASE("a truncated gzip file is reported as corrupt gzip data", "[source]") {
  TempDir dir;
  const std::string packed = gzip(sample_text(2000));
  write_file(dir / "cut.html.gz", packed.substr(0, packed.size() / 2));
  const auto doc = read_file(dir / "cut.html.gz");
  CHECK(doc.error.find("corrupt gzip data") == 0);
  CHECK(doc.bytes.empty());
}

TEST_CASE("a gzip member whose trailer is cut off is reported as corrupt", "[source]") {
  TempDir dir;
  const std::string packed = gzip("short text");
  write_file(dir / "cut.gz", packed.substr(0, packed.size() - 4));
  CHECK(read_file(dir / "cut.gz").error.find("corrupt gzip data") == 0);
}

TEST_CASE("gzip data with damaged bytes is reported as corrupt gzip data", "[source]") {
  TempDir dir;
  std::string packed = gzip(sample_text(2000));
  for (size_t i = 20; i < 60; ++i) packed[i] = static_cast<char>(packed[i] ^ 0x5a);
  write_file(dir / "damaged.gz", packed);
  const auto doc = read_file(dir / "damaged.gz");
  CHECK(doc.error.find("corrupt gzip data") == 0);
  CHECK(doc.bytes.empty());
}

TEST_CASE("an empty .gz file is an error, not an empty document", "[source]") {
  TempDir dir;
  write_file(dir / "empty.html.gz", "");
  CHECK_FALSE(read_file(dir / "empty.html.gz").error.empty());
}

TEST_CASE("a .gz file without gzip data in it is an error", "[source]") {
  TempDir dir;
  write_file(dir / "fake.html.gz", "<p>not compressed</p>");
  CHECK(read_file(dir / "fake.html.gz").error == "not gzip data");
}

TEST_CASE("an empty plain file is an empty document", "[source]") {
  TempDir dir;
  write_file(dir / "empty.html", "");
  const auto doc = read_file(dir / "empty.html");
  CHECK(doc.error.empty());
  CHECK(doc.bytes.empty());
}

TEST_CASE("a gzip bomb stops at the byte limit with an error", "[source]") {
  TempDir dir;
  const std::string zeros(size_t{32} << 20, '\0');  // 32 MiB packs into about 32 KiB
  const std::string packed = gzip(zeros);
  REQUIRE(packed.size() < (size_t{1} << 20));
  write_file(dir / "bomb.html.gz", packed);
  const auto doc = read_file(dir / "bomb.html.gz", size_t{1} << 20);
  CHECK(doc.error.find("limit") != std::string::npos);
  CHECK(doc.bytes.empty());
}

TEST_CASE("gzip data expanding to exactly the limit is accepted", "[source]") {
  TempDir dir;
  const std::string plain = sample_text(100);
  write_file(dir / "exact.gz", gzip(plain));
  CHECK(read_file(dir / "exact.gz", plain.size()).bytes == plain);
  CHECK_FALSE(read_file(dir / "exact.gz", plain.size() - 1).error.empty());
}

TEST_CASE("a file larger than the limit is refused with its size and the limit", "[source]") {
  TempDir dir;
  write_file(dir / "big.html", std::string(100, 'x'));
  const auto doc = read_file(dir / "big.html", 10);
  CHECK(doc.error == "file too large (100 bytes, limit 10)");
  CHECK(doc.bytes.empty());
  CHECK(read_file(dir / "big.html", 100).bytes.size() == 100);
}

TEST_CASE("a missing file is reported without its path", "[source]") {
  TempDir dir;
  const auto doc = read_file(dir / "absent.html");
  CHECK(doc.error == "No such file or directory");
}

TEST_CASE("a directory given as a file is an error", "[source]") {
  TempDir dir;
  CHECK(read_file(dir.path().string()).error == "Is a directory");
}

TEST_CASE("standard input is read whole and gunzipped like a file", "[source]") {
  TempDir dir;
  const std::string plain = sample_text(3000);
  write_file(dir / "plain.txt", plain);
  write_file(dir / "packed.gz", gzip(plain));
  with_stdin_from(dir / "plain.txt", [&] {
    const auto doc = read_stdin();
    CHECK(doc.id == "-");
    CHECK(doc.bytes == plain);
  });
  with_stdin_from(dir / "packed.gz", [&] { CHECK(read_stdin().bytes == plain); });
  with_stdin_from(dir / "plain.txt", [&] {
    const auto doc = read_stdin(1000);
    CHECK(doc.error.find("too large") != std::string::npos);
    CHECK(doc.bytes.empty());
  });
}

TEST_CASE("gunzip of nothing at all is an error rather than an empty document", "[source]") {
  std::string error;
  CHECK(webclean::source::gunzip("", 100, error).empty());
  CHECK(error.find("corrupt gzip data") == 0);
}
