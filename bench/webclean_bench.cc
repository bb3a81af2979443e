// Throughput and memory of webclean::Cleaner::clean() on a folder of pages,
// the counterpart of readability_bench.mjs: every page is loaded (and
// gunzipped) into memory first, then only the cleaning is timed.
//   webclean_bench [--jobs N] [--warm] [--stages FILE] PAGES_DIR
// Prints one line of key=value pairs on stdout, for bench/run.sh; with
// --stages, the timed pass's seconds per stage (the library's own stage
// clocks, summed over the workers) to FILE, one "stage<TAB>seconds" a line.
#include <sys/resource.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "block/stage_clock.h"
#include "core/workspace.h"
#include "webclean/cleaner.h"

namespace {

namespace fs = std::filesystem;

struct Args {
  std::string pages_dir;
  int jobs = 1;
  // One untimed pass over the pages first: what a bulk run of many pages
  // reaches after its first thousand (RE2's DFA states and the workers'
  // rule-match caches are built once, then reused).
  bool warm = false;
  std::string stages_file;
};

struct Totals {
  size_t failures = 0;      // pages whose Result::error is set
  size_t output_bytes = 0;  // clean text produced: keeps the work observable
};

std::optional<Args> parse_args(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if ((arg == "--jobs" || arg == "-j") && i + 1 < argc) {
      std::string_view value = argv[++i];
      auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), args.jobs);
      if (error != std::errc{} || end != value.data() + value.size() || args.jobs < 1) {
        return std::nullopt;
      }
    } else if (arg == "--warm") {
      args.warm = true;
    } else if (arg == "--stages" && i + 1 < argc) {
      args.stages_file = argv[++i];
    } else if (args.pages_dir.empty() && !arg.starts_with("-")) {
      args.pages_dir = arg;
    } else {
      return std::nullopt;
    }
  }
  if (args.pages_dir.empty()) return std::nullopt;
  return args;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Inflates a gzip member; nullopt when the data is not valid gzip.
std::optional<std::string> gunzip(std::string_view compressed) {
  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) return std::nullopt;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::string out;
  char chunk[1 << 16];
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof chunk;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - stream.avail_out);
    if (status == Z_BUF_ERROR && stream.avail_in == 0) break;  // truncated input
  }
  inflateEnd(&stream);
  if (status != Z_STREAM_END) return std::nullopt;
  return out;
}

bool is_page(const fs::path& path) {
  std::string name = path.filename().string();
  return name.ends_with(".html") || name.ends_with(".html.gz") || name.ends_with(".htm") ||
         name.ends_with(".htm.gz");
}

// Every page of the folder (not recursive), in name order, uncompressed.
std::vector<std::string> load_pages(const fs::path& dir) {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && is_page(entry.path())) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> pages;
  pages.reserve(paths.size());
  for (const auto& path : paths) {
    std::string bytes = read_file(path);
    if (path.extension() != ".gz") {
      pages.push_back(std::move(bytes));
    } else if (auto inflated = gunzip(bytes)) {
      pages.push_back(std::move(*inflated));
    } else {
      std::cerr << "webclean_bench: " << path.string() << ": not valid gzip, skipped\n";
    }
  }
  pages.shrink_to_fit();
  return pages;
}

// Resident set size now, in kB (VmRSS of /proc/self/status); 0 if unknown.
long current_rss_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return 0;
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // kB on Linux
}

// Each worker pulls the next page index until none is left.
Totals clean_all(const webclean::Cleaner& cleaner, const std::vector<std::string>& pages,
                 std::vector<webclean::Workspace>& workspaces) {
  std::atomic<size_t> next{0};
  std::vector<Totals> per_worker(workspaces.size());
  auto work = [&](size_t worker) {
    webclean::DocumentInfo info;
    info.kind = webclean::InputKind::kHtml;
    Totals& totals = per_worker[worker];
    for (size_t i = next.fetch_add(1); i < pages.size(); i = next.fetch_add(1)) {
      webclean::Result result = cleaner.clean(pages[i], info, workspaces[worker]);
      totals.failures += result.ok() ? 0 : 1;
      totals.output_bytes += result.text.size();
    }
  };
  std::vector<std::jthread> threads;
  for (size_t worker = 1; worker < workspaces.size(); ++worker) threads.emplace_back(work, worker);
  work(0);
  threads.clear();  // joins
  Totals sum;
  for (const Totals& totals : per_worker) {
    sum.failures += totals.failures;
    sum.output_bytes += totals.output_bytes;
  }
  return sum;
}

// Each stage's clock, summed over the workers' workspaces.
std::vector<uint64_t> stage_nanoseconds(std::vector<webclean::Workspace>& workspaces) {
  std::vector<uint64_t> sums(webclean::block::kClockedStages);
  for (webclean::Workspace& workspace : workspaces) {
    for (size_t i = 0; i < sums.size(); ++i) {
      sums[i] += workspace.impl().clock.nanoseconds(static_cast<webclean::block::ClockedStage>(i));
    }
  }
  return sums;
}

bool write_stages(const std::string& path, const std::vector<uint64_t>& before,
                  const std::vector<uint64_t>& after) {
  std::ofstream out(path);
  for (size_t i = 0; i < after.size(); ++i) {
    out << webclean::block::kClockedStageNames[i] << '\t' << double(after[i] - before[i]) / 1e9
        << '\n';
  }
  return bool(out.flush());
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<Args> args = parse_args(argc, argv);
  if (!args) {
    std::cerr << "usage: webclean_bench [--jobs N] [--warm] [--stages FILE] PAGES_DIR\n";
    return 2;
  }
  std::vector<std::string> pages;
  try {
    pages = load_pages(args->pages_dir);
  } catch (const fs::filesystem_error& error) {
    std::cerr << "webclean_bench: " << error.what() << "\n";
    return 1;
  }
  if (pages.empty()) {
    std::cerr << "webclean_bench: no .html or .html.gz pages in " << args->pages_dir << "\n";
    return 1;
  }
  size_t input_bytes = 0;
  for (const auto& page : pages) input_bytes += page.size();
  long baseline_rss_kb = current_rss_kb();

  const webclean::Cleaner cleaner{webclean::Options{}};
  std::vector<webclean::Workspace> workspaces(static_cast<size_t>(args->jobs));
  long ready_rss_kb = current_rss_kb();  // pages + compiled rules, before any page

  if (args->warm) clean_all(cleaner, pages, workspaces);
  const std::vector<uint64_t> before = stage_nanoseconds(workspaces);
  auto start = std::chrono::steady_clock::now();
  Totals totals = clean_all(cleaner, pages, workspaces);
  std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  if (!args->stages_file.empty() &&
      !write_stages(args->stages_file, before, stage_nanoseconds(workspaces))) {
    std::cerr << "webclean_bench: cannot write " << args->stages_file << "\n";
    return 1;
  }

  std::printf(
      "engine=%s threads=%d pages=%zu bytes=%zu seconds=%.6f failures=%zu "
      "output_bytes=%zu baseline_rss_kb=%ld ready_rss_kb=%ld peak_rss_kb=%ld\n",
      args->warm ? "webclean-warm" : "webclean", args->jobs, pages.size(), input_bytes,
      seconds.count(), totals.failures, totals.output_bytes, baseline_rss_kb, ready_rss_kb,
      peak_rss_kb());
  return 0;
}
