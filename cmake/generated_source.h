// What the build-time generators of cmake/ share: reading a file whole,
// and writing their C++ source only when it changed (so that an unchanged
// table does not make the library rebuild).
#ifndef WEBCLEAN_CMAKE_GENERATED_SOURCE_H_
#define WEBCLEAN_CMAKE_GENERATED_SOURCE_H_

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <system_error>

namespace webclean::generated {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// The generator's exit status: 0, or 1 with a message naming `program`.
inline int write_if_changed(const char* program, const char* path, const std::string& source) {
  if (read_file(path) == source) return 0;
  // The build runs the generators in any order: the first makes the folder.
  std::error_code error;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), error);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << source;
  if (!out.flush()) {
    std::cerr << program << ": cannot write " << path << "\n";
    return 1;
  }
  return 0;
}

}  // namespace webclean::generated

#endif  // WEBCLEAN_CMAKE_GENERATED_SOURCE_H_
