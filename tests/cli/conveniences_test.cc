// The small things users of a command-line tool expect: --version naming
// the libraries, a man page, shell completion, and progress they can see.
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "run_cli.h"
#include "webclean/webclean.h"

using namespace webclean::testing;

TEST_CASE("the version names webclean first and then each library it runs with", "[cli]") {
  TempDir dir;
  for (const char* flag : {"-V", "--version"}) {
    const Run version = run(dir, flag);
    CHECK(version.status == 0);
    const std::vector<std::string> lines = lines_of(version.out);
    REQUIRE(lines.size() == 7);
    // Scripts read the first line: it stays "webclean X.Y.Z".
    CHECK(lines[0] == std::string("webclean ") + webclean_version());
    const std::vector<std::string> libraries{"Gumbo", "ICU", "RE2", "libcurl", "zlib", "brotli"};
    for (size_t i = 0; i < libraries.size(); ++i) {
      INFO(lines[i + 1]);
      // A number, or for RE2 without a recorded version its ABI number.
      const std::regex line("^" + libraries[i] + " (ABI )?[0-9]+(\\.[0-9]+)*( .*)?$");
      CHECK(std::regex_match(lines[i + 1], line));
    }
  }
}
