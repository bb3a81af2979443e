// Test support for the command-line tests: running the built webclean
// binary through the shell or as a child process (for signals and peak
// memory), and sample documents whose article any cleaner keeps.
#ifndef WEBCLEAN_TESTS_CLI_RUN_CLI_H_
#define WEBCLEAN_TESTS_CLI_RUN_CLI_H_

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "../source/temp_dir.h"

#ifdef WEBCLEAN_SANITIZED
// Flushes ASan's quarantine; declared in <sanitizer/allocator_interface.h>,
// which GCC does not ship (its runtime has the function).
extern "C" void __sanitizer_purge_allocator();
#endif

extern char** environ;  // the inherited environment, for spawn()

namespace webclean::testing {

struct Run {
  int status = -1;  // exit status; -1 when killed by a signal
  std::string out;
  std::string err;
};

inline std::string quoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Runs webclean with `arguments` (already shell-quoted) in a shell,
// capturing its output in files of `scratch`.
inline Run run(const TempDir& scratch, const std::string& arguments) {
  const std::string out = scratch / "stdout.capture";
  const std::string err = scratch / "stderr.capture";
  const std::string command =
      quoted(WEBCLEAN_BINARY) + " " + arguments + " >" + quoted(out) + " 2>" + quoted(err);
  const int raw = std::system(command.c_str());
  Run result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = read_file(out);
  result.err = read_file(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return result;
}

// A webclean started as a child process, its stdin an open descriptor and
// its stdout and stderr files.
struct Child {
  pid_t pid = -1;
};

// A shell redirection giving webclean an empty standard input. Not
// </dev/null: in some sandboxes (this project's CI among them) /dev/null is
// a regular file that other processes' writes briefly fill.
inline std::string empty_stdin(const TempDir& scratch) {
  const std::string path = scratch / "empty.stdin";
  write_file(path, "");
  return "<" + quoted(path);
}

// Starts webclean with `arguments` (not quoted: each is one argv entry).
// `stdin_fd` becomes its standard input (-1: an empty pipe, for the
// reason empty_stdin() gives). `extra_env`
// ("NAME=value" entries) goes before the inherited environment, so it wins.
inline Child spawn(const std::vector<std::string>& arguments, int stdin_fd, const std::string& out,
                   const std::string& err, std::vector<std::string> extra_env = {}) {
  std::vector<std::string> words{WEBCLEAN_BINARY};
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (std::string& entry : extra_env) envp.push_back(entry.data());
  for (char** entry = environ; *entry != nullptr; ++entry) envp.push_back(*entry);
  envp.push_back(nullptr);
  int empty_pipe[2] = {-1, -1};
  if (stdin_fd < 0 && ::pipe2(empty_pipe, O_CLOEXEC) != 0) return Child{};
  Child child;
  child.pid = ::fork();
  if (child.pid == 0) {
    // Only async-signal-safe calls between fork and exec.
    const int in = stdin_fd >= 0 ? stdin_fd : empty_pipe[0];
    const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out_fd < 0 || err_fd < 0) ::_exit(127);
    ::dup2(in, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  // The write end closes here, so the child reads end of input at once.
  for (const int end : empty_pipe) {
    if (end >= 0) ::close(end);
  }
  return child;
}

// Starts a child whose peak memory the test measures (Ended::peak_rss_kb).
// A forked child's peak counts the pages it shared with this process, and
// under AddressSanitizer this process keeps up to 256 MB of freed memory
// resident in its quarantine: that is flushed first, and the child runs
// without a quarantine (its other checks stay on), or the figures would be
// the sanitizer's rather than webclean's.
inline Child spawn_measured(const std::vector<std::string>& arguments, int stdin_fd,
                            const std::string& out, const std::string& err) {
#ifdef WEBCLEAN_SANITIZED
  __sanitizer_purge_allocator();
  return spawn(arguments, stdin_fd, out, err, {"ASAN_OPTIONS=quarantine_size_mb=0"});
#else
  return spawn(arguments, stdin_fd, out, err);
#endif
}

struct Ended {
  int status = -1;       // exit status; -1 when killed by a signal
  long peak_rss_kb = 0;  // the child's peak resident memory
};

inline Ended wait_for(const Child& child) {
  int raw = 0;
  struct rusage usage {};
  Ended ended;
  if (::wait4(child.pid, &raw, 0, &usage) != child.pid) return ended;
  ended.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  ended.peak_rss_kb = usage.ru_maxrss;
  return ended;
}

// Runs webclean with `arguments` and the file `input` on its standard
// input, output and errors to files, to its end: its exit status and peak
// memory (spawn_measured).
inline Ended run_measured(const std::vector<std::string>& arguments, const std::string& input,
                          const std::string& out, const std::string& err) {
  const int in = ::open(input.c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(in >= 0);
  const Child child = spawn_measured(arguments, in, out, err);
  ::close(in);
  return wait_for(child);
}

// Every regular file below `dir` by its relative path, with its content.
// Also called while a run is writing there: a temporary renamed away
// between listing and reading is skipped, not an error.
inline std::map<std::string, std::string> files_under(const std::string& dir) {
  namespace fs = std::filesystem;
  std::map<std::string, std::string> files;
  std::error_code error;
  for (fs::recursive_directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    if (!it->is_regular_file(error) || error) {
      error.clear();
      continue;
    }
    files[it->path().lexically_relative(dir).generic_string()] = read_file(it->path());
  }
  return files;
}

// The lines of `text`, sorted: outputs whose order differs (shards).
inline std::vector<std::string> sorted_lines(const std::string& text) {
  std::vector<std::string> lines = lines_of(text);
  std::sort(lines.begin(), lines.end());
  return lines;
}

// A page any cleaner keeps the article of: a long, ordinary paragraph.
inline std::string article_page(const std::string& topic) {
  return "<!DOCTYPE html><html lang=\"en\"><head><title>About " + topic +
         "</title></head><body><article><h1>Notes on " + topic + "</h1><p>The " + topic +
         " was discussed at length by the members of the council on Tuesday evening, and most "
         "of them agreed that it should be looked at again before the end of the year. Several "
         "residents, who had come to the meeting to hear the debate, said that they were not "
         "convinced by the arguments that were made, and that they would write to the mayor "
         "about it. The council will meet again next month, when a final decision is "
         "expected.</p></article></body></html>\n";
}

}  // namespace webclean::testing

#endif  // WEBCLEAN_TESTS_CLI_RUN_CLI_H_
