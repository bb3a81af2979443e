// Output file names for -o DIR, and atomic writes.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "../source/temp_dir.h"
#include "sink/sink.h"

using webclean::sink::output_relative_path;
using webclean::sink::write_atomically;
using webclean::testing::read_file;
using webclean::testing::TempDir;
using webclean::testing::write_file;

namespace {

size_t entries_in(const std::filesystem::path& dir) {
  size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++count;
  return count;
}

}  // namespace

TEST_CASE("output paths replace the last extension after stripping .gz", "[sink]") {
  const std::pair<const char*, const char*> table[] = {
      {"a/b.html.gz", "a/b.txt"},
      {"x.de.story.html", "x.de.story.txt"},
      {"noext", "noext.txt"},
      {"dir.v2/file", "dir.v2/file.txt"},
      {"a.gz", "a.txt"},
      {"page.HTML.GZ", "page.txt"},
      {".hidden", ".hidden.txt"},
      {"d/.hidden.html", "d/.hidden.txt"},
      {"with space/na\xc3\xafve caf\xc3\xa9.htm", "with space/na\xc3\xafve caf\xc3\xa9.txt"},
      {"trailing.", "trailing.txt"},
  };
  for (const auto& [input, expected] : table) {
    INFO(input);
    CHECK(output_relative_path(input, ".txt") == expected);
  }
  CHECK(output_relative_path("a/b.html.gz", ".json") == "a/b.json");
}

TEST_CASE("an atomic write leaves the content and no temporary file", "[sink]") {
  TempDir dir;
  const std::string target = dir / "out.txt";
  CHECK(write_atomically(target, "first version\n").empty());
  CHECK(write_atomically(target, "second\n").empty());
  CHECK(read_file(target) == "second\n");
  CHECK(entries_in(dir.path()) == 1);
}

TEST_CASE("an atomic write creates the missing parent directories", "[sink]") {
  TempDir dir;
  const std::string target = dir / "a/b c/\xc3\xa9t\xc3\xa9/out.txt";
  CHECK(write_atomically(target, "deep").empty());
  CHECK(read_file(target) == "deep");
}

TEST_CASE("an atomic write to an impossible place is an error naming the path", "[sink]") {
  TempDir dir;
  write_file(dir.path() / "plain-file", "x");
  const std::string target = dir / "plain-file/out.txt";
  const std::string error = write_atomically(target, "content");
  CHECK(error.rfind(target + ": ", 0) == 0);
  CHECK_FALSE(std::filesystem::exists(target));
}

TEST_CASE("a failed atomic write over a directory removes its temporary file", "[sink]") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "taken/inside");
  const std::string error = write_atomically(dir / "taken", "content");
  CHECK_FALSE(error.empty());
  CHECK(entries_in(dir.path()) == 1);
  CHECK(std::filesystem::is_directory(dir.path() / "taken"));
}

TEST_CASE("atomically written files get the usual permissions, not 0600", "[sink]") {
  TempDir dir;
  const mode_t old_mask = umask(022);
  const std::string target = dir / "out.txt";
  REQUIRE(write_atomically(target, "x").empty());
  umask(old_mask);
  const auto perms = std::filesystem::status(target).permissions();
  CHECK((perms & std::filesystem::perms::others_read) != std::filesystem::perms::none);
}

TEST_CASE(
    "temporaries of dead runs are removed, those of live runs, of other machines and other "
    "files kept",
    "[sink]") {
  TempDir dir;
  // A pid that certainly ended: a child that exited and was reaped.
  const pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  ::waitpid(dead, nullptr, 0);
  const std::string host = webclean::sink::temporary_host();
  const std::string dead_tmp =
      ".a.txt.tmp." + host + "." + std::to_string(dead) + ".0123456789abcdef";
  const std::string live_tmp =
      ".b.txt.tmp." + host + "." + std::to_string(::getppid()) + ".0123456789abcdef";
  // Before the host was in the name: this machine's.
  const std::string dead_old_tmp = ".d.txt.tmp." + std::to_string(dead) + ".0123456789abcdef";
  // Another machine's, on a shared disk: its pid means nothing here.
  const std::string other_host_tmp =
      ".e.txt.tmp.not-" + host + "." + std::to_string(dead) + ".0123456789abcdef";
  write_file(dir / dead_tmp, "half");
  write_file(dir / live_tmp, "in flight");
  write_file(dir / dead_old_tmp, "half");
  write_file(dir / other_host_tmp, "in flight elsewhere");
  write_file(dir / ".c.txt.tmp.notapid.0123456789abcdef", "not ours");
  write_file(dir / "a.txt", "whole");
  write_file(dir / ("sub/" + dead_tmp), "below: not this directory's");
  CHECK(webclean::sink::remove_stale_temporaries(dir.path().string()) == 2);
  CHECK_FALSE(std::filesystem::exists(dir / dead_tmp));
  CHECK_FALSE(std::filesystem::exists(dir / dead_old_tmp));
  CHECK(std::filesystem::exists(dir / live_tmp));
  CHECK(std::filesystem::exists(dir / other_host_tmp));
  CHECK(std::filesystem::exists(dir / ".c.txt.tmp.notapid.0123456789abcdef"));
  CHECK(read_file(dir / "a.txt") == "whole");
  CHECK(std::filesystem::exists(dir / ("sub/" + dead_tmp)));
}
