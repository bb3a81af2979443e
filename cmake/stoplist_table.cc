// Build-time generator of the shipped stop-word table: hashes the lists of
// rules/stoplists/ as the library would at start-up, and writes the table
// as C++ source (Stoplists::shipped()), so that no process pays for it.
// Usage: stoplist_table STOPLISTS_DIR OUTPUT.cc
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "block/stoplists.h"
#include "generated_source.h"

namespace fs = std::filesystem;
using webclean::generated::read_file;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: stoplist_table STOPLISTS_DIR OUTPUT.cc\n";
    return 2;
  }
  // By file name, as the lists' indices (and detect()'s ties) have always been.
  std::vector<fs::path> lists;
  for (const auto& entry : fs::directory_iterator(argv[1])) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      lists.push_back(entry.path());
  }
  std::sort(lists.begin(), lists.end());
  std::vector<std::string> contents;
  size_t words = 0;
  for (const fs::path& path : lists) {
    contents.push_back(read_file(path));
    words += static_cast<size_t>(std::count(contents.back().begin(), contents.back().end(), '\n'));
  }
  webclean::block::Stoplists stoplists;
  stoplists.reserve(words);
  for (size_t i = 0; i < lists.size(); ++i) stoplists.add(lists[i].stem().string(), contents[i]);
  const std::string source = stoplists.to_source();
  return webclean::generated::write_if_changed("stoplist_table", argv[2], source);
}
