// ASCII and file-name helpers any stage may use (base/ascii.h).
#include "base/ascii.h"

#include <catch2/catch.hpp>

using webclean::base::named_as;

TEST_CASE("a file is named as an extension in any case, gzipped or not", "[base]") {
  CHECK(named_as("crawl/part-1.WET.gz", {".wet"}));
  CHECK(named_as("page.HTM", {".html", ".htm"}));
  CHECK(named_as("dump.jsonl", {".jsonl", ".ndjson"}));
  CHECK_FALSE(named_as("crawl/part-1.warc.gz", {".wet"}));
  CHECK_FALSE(named_as("archive.gz", {".wet"}));
  CHECK_FALSE(named_as("wet", {".wet"}));
}
