// Turning the command line's INPUT arguments into the list of files to
// clean: directories are walked, named files are taken as they are.
#include <algorithm>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "base/ascii.h"
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
  std::string lower = base::lower_ascii(name);
  if (ends_with(lower, ".gz")) lower.resize(lower.size() - 3);
  static const std::string_view kExtensions[] = {
      ".html", ".htm", ".xhtml", ".txt", ".md", ".markdown", ".warc", ".wet", ".jsonl", ".ndjson"};
  return std::any_of(std::begin(kExtensions), std::end(kExtensions),
                     [&](std::string_view ext) { return ends_with(lower, ext); });
}

bool is_url(std::string_view arg) {
  return arg.substr(0, 7) == "http://" || arg.substr(0, 8) == "https://";
}

// Why an entry of a walk that is not a regular file is not read; "" for
// the kinds that are walked (directories) or taken.
std::string not_regular_reason(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo:
      return "a FIFO, not a regular file";
    case fs::file_type::socket:
      return "a socket, not a regular file";
    case fs::file_type::block:
      return "a block device, not a regular file";
    case fs::file_type::character:
      return "a character device, not a regular file";
    default:
      return "";
  }
}

// One directory of a walk: files with an input's name are taken, real
// subdirectories queued (symlinks to directories are not followed, so a
// link back up the tree cannot loop; symlinks to files are taken).
void list_directory(const fs::path& directory, const std::string& root,
                    std::vector<fs::path>& pending, std::vector<InputFile>& files,
                    ExpandedInputs& out) {
  std::error_code ec;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& path = it->path();
    std::error_code type_ec;
    const fs::file_type own_type = it->symlink_status(type_ec).type();
    if (own_type == fs::file_type::directory) {
      pending.push_back(path);
      continue;
    }
    if (!is_document_name(path.filename().string())) continue;
    fs::file_type type = own_type;
    if (own_type == fs::file_type::symlink) {
      type = fs::status(path, type_ec).type();
      if (type == fs::file_type::not_found) {
        const fs::path target = fs::read_symlink(path, type_ec);
        out.errors.push_back(
            {path.string(), "a symbolic link to a missing file (" + target.string() + ")"});
        continue;
      }
      if (type_ec) {
        out.errors.push_back({path.string(), type_ec.message()});
        continue;
      }
    }
    if (type == fs::file_type::regular) {
      files.push_back({path.string(), path.lexically_relative(root).generic_string()});
    } else if (const std::string reason = not_regular_reason(type); !reason.empty()) {
      out.skipped.push_back({path.string(), reason});
    }
  }
  if (ec) out.errors.push_back({directory.string(), "cannot list directory: " + ec.message()});
}

// Walks `dir` recursively; each subdirectory that cannot be listed is an
// error of its own and the walk goes on.
void walk_directory(const std::string& dir, ExpandedInputs& out) {
  std::vector<InputFile> files;
  std::vector<fs::path> pending{fs::path(dir)};
  while (!pending.empty()) {
    const fs::path directory = std::move(pending.back());
    pending.pop_back();
    list_directory(directory, dir, pending, files, out);
  }
  std::sort(files.begin(), files.end(),
            [](const InputFile& a, const InputFile& b) { return a.relative < b.relative; });
  out.files.insert(out.files.end(), files.begin(), files.end());
}

}  // namespace

ExpandedInputs expand_input_list(const std::vector<std::string>& args) {
  ExpandedInputs out;
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.files.push_back({arg, ""});
      continue;
    }
    if (is_url(arg)) {
      out.errors.push_back({arg, "fetching URLs is not built yet"});
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (status.type() == fs::file_type::not_found) {
      out.errors.push_back({arg, "No such file or directory"});
    } else if (ec) {
      out.errors.push_back({arg, ec.message()});
    } else if (fs::is_directory(status)) {
      walk_directory(arg, out);
    } else {
      out.files.push_back({arg, ""});
    }
  }
  return out;
}

std::vector<InputFile> expand_inputs(const std::vector<std::string>& args,
                                     std::vector<std::string>& errors) {
  ExpandedInputs expanded = expand_input_list(args);
  for (const InputNotice& error : expanded.errors)
    errors.push_back(error.path + ": " + error.reason);
  return std::move(expanded.files);
}

}  // namespace webclean::source
