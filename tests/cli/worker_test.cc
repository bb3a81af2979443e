// Worker mode (issue 14, item 4): with standard input a pipe, each JSONL
// record is answered as soon as it is cleaned, so that a program can send
// one record, wait for its answer, then send the next. webclean runs here
// as a real co-process on two pipes. The only clock is a generous deadline
// that turns a hang into a failure; nothing measures time.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run_cli.h"

using namespace webclean::testing;

namespace {

// Far past any answer's time on a loaded machine: a test that reaches it
// has hung (the answer was held back), it was not slow.
constexpr int kDeadlineMs = 60 * 1000;

// The site's frame above every story, a tagline that reads like prose:
// only the repetition filter takes it out.
const char* const kFrame =
    "The Riverside Gazette has brought you the news of the river towns every morning since 1871.";

std::string record(int n) {
  std::string text = "Bridge news " + std::to_string(n) + "\n\n" + kFrame + "\n\n";
  for (int p = 0; p < 3; ++p) {
    text += "Story " + std::to_string(n) + ", part " + std::to_string(p) +
            ": the council said on Tuesday that the new bridge, which has been delayed for "
            "more than two years, would open to traffic in the spring after the inspections.\n\n";
  }
  const nlohmann::json line = {{"id", "r" + std::to_string(n)},
                               {"url", "https://gazette.example/" + std::to_string(n)},
                               {"text", text}};
  return line.dump() + "\n";
}

// webclean with its standard input and output on pipes held by the test;
// stderr goes to a file.
class CoProcess {
 public:
  CoProcess(const std::vector<std::string>& arguments, const std::string& err_path) {
    // A write to a webclean that died must fail the test, not kill it.
    old_sigpipe_ = ::signal(SIGPIPE, SIG_IGN);
    int in[2], out[2];
    REQUIRE(::pipe2(in, O_CLOEXEC) == 0);
    REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
    std::vector<std::string> words{WEBCLEAN_BINARY};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      // Only async-signal-safe calls between fork and exec.
      const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (err < 0 || ::dup2(in[0], 0) < 0 || ::dup2(out[1], 1) < 0 || ::dup2(err, 2) < 0) {
        ::_exit(127);
      }
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    to_child_ = in[1];
    from_child_ = out[0];
  }

  ~CoProcess() {
    close_input();
    if (from_child_ >= 0) ::close(from_child_);
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::signal(SIGPIPE, old_sigpipe_);
  }

  CoProcess(const CoProcess&) = delete;
  CoProcess& operator=(const CoProcess&) = delete;

  bool send(const std::string& bytes) {
    for (size_t done = 0; done < bytes.size();) {
      const ssize_t n = ::write(to_child_, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      done += static_cast<size_t>(n);
    }
    return true;
  }

  // The next line of its output, without the '\n'; false when none came
  // before the deadline or the output ended.
  bool read_line(std::string& line) {
    line.clear();
    for (;;) {
      const size_t newline = pending_.find('\n');
      if (newline != std::string::npos) {
        line = pending_.substr(0, newline);
        pending_.erase(0, newline + 1);
        return true;
      }
      pollfd entry{from_child_, POLLIN, 0};
      const int ready = ::poll(&entry, 1, kDeadlineMs);
      if (ready < 0 && errno == EINTR) continue;
      if (ready <= 0) return false;
      char chunk[65536];
      const ssize_t n = ::read(from_child_, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      pending_.append(chunk, static_cast<size_t>(n));
    }
  }

  void close_input() {
    if (to_child_ >= 0) ::close(to_child_);
    to_child_ = -1;
  }

  // Reads its output to the end (all of it must have been read already:
  // what is left is returned), then its exit status; -1 when it did not
  // end by itself before the deadline, or was killed by a signal.
  int finish(std::string& rest) {
    std::string line;
    while (read_line(line)) rest += line + "\n";
    for (int waited_ms = 0; waited_ms < kDeadlineMs; waited_ms += 10) {
      int raw = 0;
      const pid_t ended = ::waitpid(pid_, &raw, WNOHANG);
      if (ended == pid_) {
        pid_ = -1;
        return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
      }
      ::usleep(10 * 1000);
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int to_child_ = -1;
  int from_child_ = -1;
  std::string pending_;
  void (*old_sigpipe_)(int) = SIG_DFL;
};

// Sends `rounds` records one at a time, each only after the answer to the
// one before; returns the answers' texts.
std::vector<std::string> converse(CoProcess& webclean, int rounds) {
  std::vector<std::string> texts;
  for (int n = 0; n < rounds; ++n) {
    INFO("round " << n);
    REQUIRE(webclean.send(record(n)));
    std::string answer;
    REQUIRE(webclean.read_line(answer));
    const nlohmann::json parsed = nlohmann::json::parse(answer);
    CHECK(parsed["id"] == "r" + std::to_string(n));
    texts.push_back(parsed["text"].get<std::string>());
  }
  return texts;
}

void check_clean_exit(CoProcess& webclean, const std::string& err_path) {
  webclean.close_input();
  std::string rest;
  CHECK(webclean.finish(rest) == 0);
  CHECK(rest.empty());
  CHECK(read_file(err_path).empty());
}

}  // namespace

TEST_CASE("a producer that waits for each answer on a pipe gets it before sending the next record",
          "[cli][worker]") {
  TempDir scratch;
  const std::string err = scratch / "err.capture";
  SECTION("one worker") {
    CoProcess webclean({"-q", "--input", "jsonl", "-"}, err);
    converse(webclean, 5);
    check_clean_exit(webclean, err);
  }
  SECTION("two workers") {
    CoProcess webclean({"-q", "-j2", "--input", "jsonl", "-"}, err);
    converse(webclean, 5);
    check_clean_exit(webclean, err);
  }
}

TEST_CASE(
    "with the repetition filter on stdin a waiting producer still gets each answer and the "
    "filter learns from the records answered so far",
    "[cli][worker][repeats]") {
  TempDir scratch;
  const std::string err = scratch / "err.capture";
  CoProcess webclean({"-q", "-j2", "--stdin-repeats", "--input", "jsonl", "-"}, err);
  const std::vector<std::string> texts = converse(webclean, 5);
  REQUIRE(texts.size() == 5);
  // The first answer could not wait for the warm-up window (500 records):
  // it is judged by itself, and the frame stays; by the fifth, the frame
  // has been seen on enough records of the site (--repeat-min 3) to go.
  CHECK(texts[0].find(kFrame) != std::string::npos);
  CHECK(texts[4].find(kFrame) == std::string::npos);
  CHECK(texts[4].find("Story 4, part 0") != std::string::npos);
  check_clean_exit(webclean, err);
}

TEST_CASE("JSON Lines on a pipe are answered one by one without --input jsonl", "[cli][worker]") {
  TempDir scratch;
  const std::string err = scratch / "err.capture";
  CoProcess webclean({"-q", "-j2"}, err);
  converse(webclean, 5);
  check_clean_exit(webclean, err);
}

// A fast producer, here one whose whole stream already waits in the pipe,
// never leaves the reader waiting: the warm-up window is not cut short,
// and the output is the same as from a regular file.
TEST_CASE("a stream already waiting in a pipe keeps the whole warm-up window of the filter",
          "[cli][worker][repeats]") {
  TempDir scratch;
  std::string jsonl;
  for (int n = 0; n < 40; ++n) jsonl += record(n);
  write_file(scratch / "in.jsonl", jsonl);
  // Small enough to be written whole before webclean starts: a Linux pipe
  // holds 64 KiB.
  REQUIRE(jsonl.size() < 65536);
  int pipe_ends[2];
  REQUIRE(::pipe2(pipe_ends, O_CLOEXEC) == 0);
  REQUIRE(::write(pipe_ends[1], jsonl.data(), jsonl.size()) == static_cast<ssize_t>(jsonl.size()));
  ::close(pipe_ends[1]);
  const std::vector<std::string> args = {"-q", "-j2", "--stdin-repeats", "--input", "jsonl", "-"};
  const Child piped = spawn(args, pipe_ends[0], scratch / "piped.out", scratch / "piped.err");
  ::close(pipe_ends[0]);
  CHECK(wait_for(piped).status == 0);
  const Run from_file =
      run(scratch, "-q -j2 --stdin-repeats --input jsonl - <" + quoted(scratch / "in.jsonl"));
  REQUIRE(from_file.status == 0);
  CHECK(read_file(scratch / "piped.out") == from_file.out);
  // Judged by the whole window, even the first record loses the frame.
  CHECK(from_file.out.find(kFrame) == std::string::npos);
}
