// The repetition filter's counts: lines that recur on many documents of
// one site. RepeatIndex (include/webclean/repeat_index.h) counts them per
// site as hashes of their normalised text; the filter step that drops them
// is drop_repeated_lines (repetition.cc).
#include "webclean/repeat_index.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/url.h"
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

// A counted line: on how many documents, and the first positions it was
// seen at (the smallest min_documents of them), for judging a document of
// a stream by what came before it.
struct Seen {
  uint32_t documents = 0;
  std::vector<uint64_t> first;
};

struct RepeatIndex::Impl {
  RepeatOptions options;
  mutable std::shared_mutex mutex;
  std::unordered_map<std::string, std::unordered_map<uint64_t, Seen>> sites;
  uint64_t documents = 0;
  size_t lines = 0;  // distinct lines counted, of all sites

  using Counts = std::unordered_map<uint64_t, Seen>;

  // The counts of `site`, made when it is new; null once the index is full.
  Counts* site_counts(std::string_view site) {
    auto found = sites.find(std::string(site));
    if (found == sites.end()) {
      if (lines >= options.max_lines) return nullptr;  // full: no new site
      found = sites.emplace(std::string(site), Counts{}).first;
    }
    return &found->second;
  }

  // The entry of `hash` in a site's counts, made when it is new; null when
  // the site or the index is full.
  Seen* counted_line(Counts& counts, uint64_t hash) {
    auto it = counts.find(hash);
    if (it == counts.end()) {
      if (counts.size() >= options.max_lines_per_site || lines >= options.max_lines) {
        return nullptr;
      }
      it = counts.emplace(hash, Seen{}).first;
      ++lines;
    }
    return &it->second;
  }

  // Keeps `position` among the smallest min_documents positions of `seen`.
  void remember_position(Seen& seen, uint64_t position) const {
    std::vector<uint64_t>& first = seen.first;
    if (first.size() >= options.min_documents && position >= first.back()) return;
    first.insert(std::upper_bound(first.begin(), first.end(), position), position);
    if (first.size() > options.min_documents) first.pop_back();
  }

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
  add(site, text, kNoPosition);
}

void RepeatIndex::add(std::string_view site, std::string_view text, uint64_t position) {
  std::unordered_set<uint64_t> lines;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    uint64_t hash = 0;
    if (impl_->countable(text.substr(start, end - start), hash)) lines.insert(hash);
    start = end + 1;
  }
  std::unique_lock lock(impl_->mutex);
  if (position == kNoPosition) position = impl_->documents;
  ++impl_->documents;
  Impl::Counts* counts = impl_->site_counts(site);
  if (counts == nullptr) return;
  for (const uint64_t hash : lines) {
    Seen* seen = impl_->counted_line(*counts, hash);
    if (seen == nullptr) continue;
    ++seen->documents;
    impl_->remember_position(*seen, position);
  }
}

uint32_t RepeatIndex::documents(std::string_view site, std::string_view line,
                                uint64_t as_of) const {
  std::vector<uint32_t> out;
  documents(site, {line}, as_of, out);
  return out[0];
}

void RepeatIndex::documents(std::string_view site, const std::vector<std::string_view>& lines,
                            uint64_t as_of, std::vector<uint32_t>& out) const {
  out.assign(lines.size(), 0);
  std::vector<uint64_t> hashes(lines.size());
  std::vector<bool> countable(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) countable[i] = impl_->countable(lines[i], hashes[i]);
  std::shared_lock lock(impl_->mutex);
  const auto s = impl_->sites.find(std::string(site));
  if (s == impl_->sites.end()) return;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!countable[i]) continue;
    const auto it = s->second.find(hashes[i]);
    if (it == s->second.end()) continue;
    if (as_of == kNoPosition) {
      out[i] = it->second.documents;
      continue;
    }
    const std::vector<uint64_t>& first = it->second.first;
    out[i] =
        static_cast<uint32_t>(std::upper_bound(first.begin(), first.end(), as_of) - first.begin());
  }
}

void RepeatIndex::merge(const RepeatIndex& other) {
  if (&other == this) throw std::invalid_argument("RepeatIndex::merge: an index with itself");
  if (other.impl_->options.min_documents != impl_->options.min_documents) {
    throw std::invalid_argument("RepeatIndex::merge: the indexes count to different minimums");
  }
  std::shared_lock theirs(other.impl_->mutex);
  std::unique_lock mine(impl_->mutex);
  const uint64_t offset = impl_->documents;
  impl_->documents += other.impl_->documents;
  for (const auto& [site, their_counts] : other.impl_->sites) {
    Impl::Counts* counts = impl_->site_counts(site);
    if (counts == nullptr) continue;
    for (const auto& [hash, their_line] : their_counts) {
      Seen* seen = impl_->counted_line(*counts, hash);
      if (seen == nullptr) continue;
      seen->documents += their_line.documents;
      for (const uint64_t position : their_line.first) {
        impl_->remember_position(*seen, position + offset);
      }
    }
  }
}

namespace {

// The serialised form: a tag with the format's version, the options, the
// number of documents, then each site (name, lines) and each line (hash,
// documents, first positions), as fixed-width integers in the machine's
// byte order.
constexpr std::string_view kSerialTag = "webclean.RepeatIndex.1\n";

template <typename T>
void put(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void put_string(std::string& out, std::string_view s) {
  put<uint64_t>(out, s.size());
  out.append(s);
}

// Reads what put() wrote; throws at the end of the bytes.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  template <typename T>
  T get() {
    T value;
    std::memcpy(&value, take(sizeof value).data(), sizeof value);
    return value;
  }
  std::string_view get_string() { return take(get<uint64_t>()); }
  std::string_view take(uint64_t n) {
    if (n > rest_.size()) throw std::invalid_argument("RepeatIndex::deserialize: bytes cut off");
    const std::string_view out = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return out;
  }
  bool done() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

}  // namespace

std::string RepeatIndex::serialize() const {
  std::shared_lock lock(impl_->mutex);
  const RepeatOptions& o = impl_->options;
  std::string out(kSerialTag);
  put<uint32_t>(out, o.min_documents);
  put<uint64_t>(out, o.max_line_chars);
  put<uint64_t>(out, o.max_lines_per_site);
  put<uint64_t>(out, o.max_lines);
  put<uint64_t>(out, impl_->documents);
  put<uint64_t>(out, impl_->sites.size());
  for (const auto& [site, counts] : impl_->sites) {
    put_string(out, site);
    put<uint64_t>(out, counts.size());
    for (const auto& [hash, seen] : counts) {
      put<uint64_t>(out, hash);
      put<uint32_t>(out, seen.documents);
      put<uint32_t>(out, static_cast<uint32_t>(seen.first.size()));
      for (const uint64_t position : seen.first) put<uint64_t>(out, position);
    }
  }
  return out;
}

std::unique_ptr<RepeatIndex> RepeatIndex::deserialize(std::string_view bytes) {
  Reader in(bytes);
  if (in.take(std::min(bytes.size(), kSerialTag.size())) != kSerialTag) {
    throw std::invalid_argument("RepeatIndex::deserialize: not a serialised RepeatIndex");
  }
  RepeatOptions o;
  o.min_documents = in.get<uint32_t>();
  o.max_line_chars = in.get<uint64_t>();
  o.max_lines_per_site = in.get<uint64_t>();
  o.max_lines = in.get<uint64_t>();
  auto index = std::make_unique<RepeatIndex>(o);
  Impl& impl = *index->impl_;
  impl.documents = in.get<uint64_t>();
  for (uint64_t sites = in.get<uint64_t>(); sites > 0; --sites) {
    auto& counts = impl.sites[std::string(in.get_string())];
    for (uint64_t lines = in.get<uint64_t>(); lines > 0; --lines) {
      const uint64_t hash = in.get<uint64_t>();
      Seen& seen = counts[hash];
      seen.documents = in.get<uint32_t>();
      const uint32_t positions = in.get<uint32_t>();
      if (positions > o.min_documents) {
        throw std::invalid_argument("RepeatIndex::deserialize: a line with too many positions");
      }
      seen.first.resize(positions);
      for (uint64_t& position : seen.first) position = in.get<uint64_t>();
      ++impl.lines;
    }
  }
  if (!in.done()) throw std::invalid_argument("RepeatIndex::deserialize: bytes after the index");
  return index;
}

const RepeatOptions& RepeatIndex::options() const {
  return impl_->options;
}

uint64_t RepeatIndex::documents_added() const {
  std::shared_lock lock(impl_->mutex);
  return impl_->documents;
}

std::string RepeatIndex::site_of(std::string_view url, std::string_view path) {
  if (std::string host = base::host_of(url); !host.empty()) return host;
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string(".") : std::string(path.substr(0, slash));
}

}  // namespace webclean
