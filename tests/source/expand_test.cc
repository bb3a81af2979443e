// Expanding INPUT arguments: directory walks, named files, stdin, errors.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "source/source.h"
#include "temp_dir.h"

using webclean::source::expand_inputs;
using webclean::source::InputFile;
using webclean::testing::TempDir;
using webclean::testing::write_file;

namespace {

std::vector<std::string> relatives(const std::vector<InputFile>& files) {
  std::vector<std::string> names;
  for (const InputFile& file : files) names.push_back(file.relative);
  return names;
}

}  // namespace

TEST_CASE("a directory is walked recursively for document files, sorted by path", "[source]") {
  TempDir dir;
  const auto root = dir.path() / "site";
  for (const char* name :
       {"b.html", "A.HTM", "sub/deeper/c.txt.gz", "sub/page.xhtml", "sub/image.png",
        "with space.html", "\xc3\xbcml\xc3\xa4ut/\xc3\xa7\xc3\xb6.html", "d.Html.GZ", "readme",
        "notes.txt", "archive.tar.gz", "sub/deeper/e.htm", "page.md", "sub/post.markdown.gz"}) {
    write_file(root / name, "x");
  }
  std::vector<std::string> errors;
  const auto files = expand_inputs({root.string()}, errors);
  CHECK(errors.empty());
  CHECK(relatives(files) == std::vector<std::string>{"A.HTM", "b.html", "d.Html.GZ", "notes.txt",
                                                     "page.md", "sub/deeper/c.txt.gz",
                                                     "sub/deeper/e.htm", "sub/page.xhtml",
                                                     "sub/post.markdown.gz", "with space.html",
                                                     "\xc3\xbcml\xc3\xa4ut/\xc3\xa7\xc3\xb6.html"});
  for (const InputFile& file : files) {
    CHECK(std::filesystem::path(file.path) == root / file.relative);
  }
}

TEST_CASE("a named file is taken whatever its extension, with no relative path", "[source]") {
  TempDir dir;
  write_file(dir.path() / "picture.png", "x");
  std::vector<std::string> errors;
  const auto files = expand_inputs({dir / "picture.png"}, errors);
  REQUIRE(files.size() == 1);
  CHECK(files[0].path == dir / "picture.png");
  CHECK(files[0].relative.empty());
  CHECK(errors.empty());
}

TEST_CASE("inputs keep the order of the arguments, directories expanded in place", "[source]") {
  TempDir dir;
  write_file(dir.path() / "z.html", "x");
  write_file(dir.path() / "d/a.html", "x");
  write_file(dir.path() / "d/b.html", "x");
  std::vector<std::string> errors;
  const auto files = expand_inputs({dir / "z.html", dir / "d", "-"}, errors);
  REQUIRE(files.size() == 4);
  CHECK(files[0].path == dir / "z.html");
  CHECK(files[1].relative == "a.html");
  CHECK(files[2].relative == "b.html");
  CHECK(files[3].path == "-");
}

TEST_CASE("a missing input is an error naming it, and the others are still taken", "[source]") {
  TempDir dir;
  write_file(dir.path() / "here.html", "x");
  std::vector<std::string> errors;
  const auto files = expand_inputs({dir / "gone.html", dir / "here.html"}, errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == dir / "gone.html" + ": No such file or directory");
  REQUIRE(files.size() == 1);
  CHECK(files[0].path == dir / "here.html");
}

TEST_CASE("a URL argument is refused until fetching exists", "[source]") {
  std::vector<std::string> errors;
  const auto files = expand_inputs({"https://example.org/story", "http://example.org/"}, errors);
  CHECK(files.empty());
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == "https://example.org/story: fetching URLs is not built yet");
}

TEST_CASE("a directory symlink loop does not make the walk loop or repeat files", "[source]") {
  TempDir dir;
  const auto root = dir.path() / "root";
  write_file(root / "sub/page.html", "x");
  write_file(dir.path() / "elsewhere/linked.html", "x");
  std::filesystem::create_directory_symlink(root, root / "sub/loop");
  std::filesystem::create_symlink(dir.path() / "elsewhere/linked.html", root / "link.html");
  std::vector<std::string> errors;
  const auto files = expand_inputs({root.string()}, errors);
  CHECK(errors.empty());
  CHECK(relatives(files) == std::vector<std::string>{"link.html", "sub/page.html"});
}

TEST_CASE("an empty directory yields no inputs and no error", "[source]") {
  TempDir dir;
  std::filesystem::create_directory(dir.path() / "empty");
  std::vector<std::string> errors;
  CHECK(expand_inputs({dir / "empty"}, errors).empty());
  CHECK(errors.empty());
}

TEST_CASE("a walk reports FIFOs and dangling links with an input's name and never opens them",
          "[source]") {
  TempDir dir;
  const auto root = dir.path() / "root";
  write_file(root / "page.html", "x");
  std::filesystem::create_directories(root / "sub");
  REQUIRE(::mkfifo((root / "live.jsonl").c_str(), 0644) == 0);
  REQUIRE(::mkfifo((root / "sub/pipe").c_str(), 0644) == 0);  // no input's name: not looked at
  std::filesystem::create_symlink(root / "gone.html", root / "sub/dead.html");
  const webclean::source::ExpandedInputs found =
      webclean::source::expand_input_list({root.string()});
  CHECK(relatives(found.files) == std::vector<std::string>{"page.html"});
  REQUIRE(found.skipped.size() == 1);
  CHECK(found.skipped[0].path == (root / "live.jsonl").string());
  CHECK(found.skipped[0].reason == "a FIFO, not a regular file");
  REQUIRE(found.errors.size() == 1);
  CHECK(found.errors[0].path == (root / "sub/dead.html").string());
  CHECK(found.errors[0].reason ==
        "a symbolic link to a missing file (" + (root / "gone.html").string() + ")");
}
