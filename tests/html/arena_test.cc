// Tests of the arena Gumbo allocates from.
#include <catch2/catch.hpp>

#include <gumbo.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "html/arena.h"

using webclean::html::Arena;

TEST_CASE("arena allocations are 16-byte aligned and do not overlap", "[html][arena]") {
  Arena arena(4096);
  std::vector<std::pair<unsigned char*, size_t>> blocks;
  for (size_t size : {0, 1, 7, 16, 17, 100, 4000, 5000, 70000, 3, 1 << 20}) {
    auto* p = static_cast<unsigned char*>(arena.allocate(size));
    REQUIRE(p != nullptr);
    CHECK(reinterpret_cast<uintptr_t>(p) % 16 == 0);
    std::memset(p, int(blocks.size()), size);
    blocks.emplace_back(p, size);
  }
  for (size_t i = 0; i < blocks.size(); ++i) {
    size_t intact = 0;
    for (size_t j = 0; j < blocks[i].second; ++j) intact += blocks[i].first[j] == i;
    CHECK(intact == blocks[i].second);
  }
  CHECK(arena.allocations() == blocks.size());
}

TEST_CASE("Gumbo really allocates from the arena", "[html][arena]") {
  Arena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Arena::gumbo_allocate;
  options.deallocator = &Arena::gumbo_deallocate;
  options.userdata = &arena;
  std::string html;
  for (int i = 0; i < 200; ++i) html += "<div class=c><p>text</p></div>";
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  REQUIRE(output != nullptr);
  REQUIRE(output->root != nullptr);
  // Every element, attribute and text node was allocated here.
  CHECK(arena.allocations() > 600);
  CHECK(arena.bytes_reserved() > 0);
}

TEST_CASE("a reset arena reuses its largest chunk for the next page", "[html][arena]") {
  Arena arena(4096);
  for (int i = 0; i < 1000; ++i) arena.allocate(100);  // several chunks
  const size_t reserved = arena.bytes_reserved();
  REQUIRE(reserved > 4096);
  arena.reset(8192);
  CHECK(arena.allocations() == 0);
  CHECK(arena.bytes_reserved() <= reserved);  // only the largest chunk is kept
  void* first = arena.allocate(64);
  CHECK(first != nullptr);
  CHECK(arena.bytes_reserved() >= 8192);  // no new chunk was needed for it
}

TEST_CASE("a reset arena grows a chunk that fits the next page", "[html][arena]") {
  Arena arena(4096);
  arena.allocate(100);
  arena.reset(size_t{1} << 20);
  arena.allocate((size_t{1} << 20) - 64);
  CHECK(arena.bytes_reserved() >= (size_t{1} << 20));
}
