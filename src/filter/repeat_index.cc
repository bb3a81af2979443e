// The repetition filter: lines that recur on many documents of one site.
// RepeatIndex (include/webclean/repeat_index.h) counts them per site as
// hashes of their normalised text; drop_repeated_lines is the filter step
// that drops the blocks it counts on min_documents or more documents.
#include "webclean/repeat_index.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "filter/filter.h"

namespace webclean {
namespace {

// Lowercase ASCII, runs of whitespace as one space, trimmed: the same line
// as two pages write it ("Join  the mailing list " / "join the mailing list").
std::string normalise(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool space = false;
  for (const char ch : line) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : ch);
  }
  return out;
}

// 64-bit FNV-1a: stable across runs and platforms, unlike std::hash.
uint64_t hash_of(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

struct RepeatIndex::Impl {
  RepeatOptions options;
  mutable std::shared_mutex mutex;
  std::unordered_map<std::string, std::unordered_map<uint64_t, uint32_t>> sites;
  uint64_t documents = 0;

  // The hash of a line that may be counted; false for empty lines and prose.
  bool countable(std::string_view line, uint64_t& hash) const {
    const std::string norm = normalise(line);
    if (norm.empty() || norm.size() > options.max_line_chars) return false;
    hash = hash_of(norm);
    return true;
  }
};

RepeatIndex::RepeatIndex(const RepeatOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
}

RepeatIndex::~RepeatIndex() = default;

void RepeatIndex::add(std::string_view site, std::string_view text) {
  std::unordered_set<uint64_t> lines;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    uint64_t hash = 0;
    if (impl_->countable(text.substr(start, end - start), hash)) lines.insert(hash);
    start = end + 1;
  }
  std::unique_lock lock(impl_->mutex);
  ++impl_->documents;
  auto& counts = impl_->sites[std::string(site)];
  for (const uint64_t hash : lines) {
    auto it = counts.find(hash);
    if (it != counts.end()) {
      ++it->second;
    } else if (counts.size() < impl_->options.max_lines_per_site) {
      counts.emplace(hash, 1);
    }
  }
}

uint32_t RepeatIndex::documents(std::string_view site, std::string_view line) const {
  uint64_t hash = 0;
  if (!impl_->countable(line, hash)) return 0;
  std::shared_lock lock(impl_->mutex);
  const auto s = impl_->sites.find(std::string(site));
  if (s == impl_->sites.end()) return 0;
  const auto it = s->second.find(hash);
  return it == s->second.end() ? 0 : it->second;
}

const RepeatOptions& RepeatIndex::options() const {
  return impl_->options;
}

uint64_t RepeatIndex::documents_added() const {
  std::shared_lock lock(impl_->mutex);
  return impl_->documents;
}

std::string RepeatIndex::site_of(std::string_view url, std::string_view path) {
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    std::string_view rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (const size_t at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
    std::string host(rest.substr(0, rest.find(':')));
    std::transform(host.begin(), host.end(), host.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!host.empty()) return host;
  }
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string(".") : std::string(path.substr(0, slash));
}

namespace filter {

void drop_repeated_lines(block::Document& doc, const RepeatIndex& index, std::string_view site) {
  const uint32_t min_documents = index.options().min_documents;
  for (block::Block& b : doc.blocks) {
    if (!b.decision.keep) continue;
    const uint32_t n = index.documents(site, b.text);
    if (n < min_documents) continue;
    char reason[160];
    std::snprintf(reason, sizeof reason, "repeated on %u documents of %.*s (min %u)", n,
                  static_cast<int>(std::min<size_t>(site.size(), 100)), site.data(), min_documents);
    b.decision = {false, block::Stage::kRepetition, reason};
  }
}

}  // namespace filter
}  // namespace webclean
