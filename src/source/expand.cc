// Turning the command line's INPUT arguments into the list of files to
// clean: directories are walked, named files are taken as they are.
#include <algorithm>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "source/ascii.h"
#include "source/source.h"

namespace webclean::source {
namespace {

namespace fs = std::filesystem;

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Whether a file found in a directory walk is an input: a document (.html
// .htm .xhtml .txt .md .markdown) or a record stream (.warc .wet .jsonl .ndjson), each
// optionally gzipped, in any letter case.
bool is_document_name(std::string_view name) {
  std::string lower = lower_ascii(name);
  if (ends_with(lower, ".gz")) lower.resize(lower.size() - 3);
  static const std::string_view kExtensions[] = {
      ".html", ".htm", ".xhtml", ".txt", ".md", ".markdown", ".warc", ".wet", ".jsonl", ".ndjson"};
  return std::any_of(std::begin(kExtensions), std::end(kExtensions),
                     [&](std::string_view ext) { return ends_with(lower, ext); });
}

bool is_url(std::string_view arg) {
  return arg.substr(0, 7) == "http://" || arg.substr(0, 8) == "https://";
}

// Walks `dir` recursively. Directory symlinks are not followed (the
// iterator's default), so a link back up the tree cannot loop; symlinks to
// files are taken. Unreadable subdirectories are skipped.
void walk_directory(const std::string& dir, std::vector<InputFile>& found,
                    std::vector<std::string>& errors) {
  std::vector<InputFile> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code status_ec;
    if (!it->is_regular_file(status_ec)) continue;
    const fs::path& path = it->path();
    if (!is_document_name(path.filename().string())) continue;
    files.push_back({path.string(), path.lexically_relative(dir).generic_string()});
  }
  if (ec) errors.push_back(dir + ": " + ec.message());
  std::sort(files.begin(), files.end(),
            [](const InputFile& a, const InputFile& b) { return a.relative < b.relative; });
  found.insert(found.end(), files.begin(), files.end());
}

}  // namespace

std::vector<InputFile> expand_inputs(const std::vector<std::string>& args,
                                     std::vector<std::string>& errors) {
  std::vector<InputFile> found;
  for (const std::string& arg : args) {
    if (arg == "-") {
      found.push_back({arg, ""});
      continue;
    }
    if (is_url(arg)) {
      errors.push_back(arg + ": fetching URLs is not built yet");
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (status.type() == fs::file_type::not_found) {
      errors.push_back(arg + ": No such file or directory");
    } else if (ec) {
      errors.push_back(arg + ": " + ec.message());
    } else if (fs::is_directory(status)) {
      walk_directory(arg, found, errors);
    } else {
      found.push_back({arg, ""});
    }
  }
  return found;
}

}  // namespace webclean::source
