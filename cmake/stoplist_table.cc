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

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace

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
  if (read_file(argv[2]) == source) return 0;  // unchanged: nothing to rebuild
  std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
  out << source;
  if (!out.flush()) {
    std::cerr << "stoplist_table: cannot write " << argv[2] << "\n";
    return 1;
  }
  return 0;
}
