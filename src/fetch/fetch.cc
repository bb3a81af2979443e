#include "fetch/fetch.h"

#include "base/ascii.h"
#include "fetch/curl_api.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <deque>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace webclean::fetch {
namespace {

using Clock = std::chrono::steady_clock;

constexpr long kMaxRedirects = 10;
constexpr int kPollMilliseconds = 100;
// URLs taken from the list ahead of their start: far more than
// --fetch-jobs, so that URLs of other hosts further on can go while the
// next ones wait for their host (--per-host, --delay).
constexpr size_t kMaxQueuedUrls = 1024;
// When every URL read ahead waits for a busy host and slots are free, the
// list is read on (its URLs queued by host, an index each) this many URLs
// per round for another host: a list sorted by host keeps --fetch-jobs
// transfers going, not --per-host.
constexpr size_t kReadPastBusyHosts = size_t{1} << 16;
// Hosts remembered before the idle ones are forgotten: a list of millions
// of hosts would otherwise keep an entry for each.
constexpr size_t kHostsBeforeSweep = 4096;

Clock::duration seconds(double value) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(value));
}

// Politeness is per host: the host of the URL as given (lower case), or
// the URL itself when it does not parse.
std::string host_of(const CurlApi& curl, const std::string& url) {
  CURLU* handle = curl.url();
  if (handle == nullptr) return url;
  std::string host = url;
  char* part = nullptr;
  if (curl.url_set(handle, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK &&
      curl.url_get(handle, CURLUPART_HOST, &part, 0) == CURLUE_OK) {
    host = base::lower_ascii(part);
    curl.free(part);
  }
  curl.url_cleanup(handle);
  return host;
}

// Documents are HTML or text; anything else (PDF, images) is not cleaned.
bool is_document_type(const std::string& content_type) {
  std::string mime = base::lower_ascii(content_type.substr(0, content_type.find(';')));
  while (!mime.empty() && (mime.back() == ' ' || mime.back() == '\t')) mime.pop_back();
  while (!mime.empty() && (mime.front() == ' ' || mime.front() == '\t')) mime.erase(0, 1);
  return mime.empty() || mime.rfind("text/", 0) == 0 || mime == "application/xhtml+xml";
}

struct Job {
  size_t index = 0;
  unsigned attempt = 0;
  std::string host;
  Clock::time_point not_before;
  Clock::time_point first_start;
  bool started = false;
};

struct Transfer {
  Job job;
  std::string body;
  size_t max_bytes = 0;
  bool too_large = false;
  char error[CURL_ERROR_SIZE] = {};
};

size_t write_body(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  if (transfer->body.size() + bytes > transfer->max_bytes) {
    transfer->too_large = true;
    return 0;  // aborts the transfer
  }
  transfer->body.append(data, bytes);
  return bytes;
}

// A host's politeness state and the URLs waiting for it: first attempts in
// URL order, and retries (started already, waiting out their backoff).
struct HostState {
  std::string name;
  unsigned active = 0;
  Clock::time_point next_start;
  std::deque<size_t> fresh;
  std::vector<Job> retries;
  size_t order_key = SIZE_MAX;  // its key in Fetcher::order_, SIZE_MAX: none

  bool waiting() const { return !fresh.empty() || !retries.empty(); }
  // The smallest URL index waiting here: hosts take turns in URL order.
  size_t first_waiting() const {
    size_t first = fresh.empty() ? SIZE_MAX : fresh.front();
    for (const Job& job : retries) first = std::min(first, job.index);
    return first;
  }
};

class Fetcher {
 public:
  Fetcher(const std::vector<std::string>& urls, const FetchOptions& options,
          const std::function<bool(size_t)>& may_start, const std::function<void(Page&&)>& done)
      : urls_(urls), options_(options), may_start_(may_start), done_(done) {
    curl_ = curl_api(&load_error_);
    if (curl_ != nullptr) multi_ = curl_->multi_init();
  }

  ~Fetcher() {
    for (auto& [easy, transfer] : active_) {
      curl_->multi_remove_handle(multi_, easy);
      curl_->easy_cleanup(easy);
    }
    if (multi_ != nullptr) curl_->multi_cleanup(multi_);
  }

  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  void run(const std::function<bool()>& stop) {
    if (curl_ == nullptr) return fail_all(load_error_);
    if (multi_ == nullptr) return fail_all("cannot start libcurl");
    while (!stop() && !finished()) {
      admit_new_urls();
      forget_idle_hosts();
      start_ready();
      read_past_busy_hosts();
      int running = 0;
      curl_->multi_perform(multi_, &running);
      // A finished transfer frees a place: fill it before waiting.
      if (collect_finished()) continue;
      curl_->multi_poll(multi_, nullptr, 0, kPollMilliseconds, nullptr);
    }
  }

 private:
  bool finished() const {
    return next_url_ == urls_.size() && queued_urls_ == 0 && retries_ == 0 && active_.empty();
  }

  void fail_all(const std::string& reason) {
    for (size_t i = 0; i < urls_.size(); ++i) {
      Page page;
      page.index = i;
      page.url = urls_[i];
      page.error = reason;
      done_(std::move(page));
    }
  }

  // The caller's may_start is asked when a URL is about to start, not
  // here: a URL queued here holds no memory worth bounding.
  void admit_new_urls() {
    while (next_url_ < urls_.size() && queued_urls_ < kMaxQueuedUrls) admit(next_url_++);
  }

  HostState& admit(size_t index) {
    const std::string name = host_of(*curl_, urls_[index]);
    HostState& host = hosts_[name];
    if (host.name.empty()) host.name = name;
    host.fresh.push_back(index);
    ++queued_urls_;
    requeue(host);
    return host;
  }

  // Puts the host in order_ under its first waiting URL.
  void requeue(HostState& host) {
    const size_t key = host.first_waiting();
    if (key == host.order_key) return;
    if (host.order_key != SIZE_MAX) order_.erase(host.order_key);
    host.order_key = key;
    if (key != SIZE_MAX) order_.emplace(key, &host);
  }

  // A host with nothing under way, nothing waiting and its --delay over is
  // the same as one never seen.
  void forget_idle_hosts() {
    if (hosts_.size() < kHostsBeforeSweep) return;
    const Clock::time_point now = Clock::now();
    for (auto it = hosts_.begin(); it != hosts_.end();) {
      const HostState& host = it->second;
      const bool idle = host.active == 0 && host.next_start <= now && !host.waiting();
      it = idle ? hosts_.erase(it) : std::next(it);
    }
  }

  // Starts waiting URLs, hosts taking turns in URL order, as far as the
  // limits allow. A URL that may not start yet (its host busy, a retry's
  // backoff) is passed over, never waited for: only transfers under way
  // hold a slot.
  void start_ready() {
    const Clock::time_point now = Clock::now();
    for (auto it = order_.begin(); it != order_.end() && active_.size() < options_.jobs;) {
      HostState& host = *it->second;
      ++it;  // starting re-keys this host
      while (active_.size() < options_.jobs && start_one(host, now)) {
      }
    }
  }

  // The list's next URLs all wait for busy hosts and slots are free: reads
  // on, starting the URLs of hosts that can take one now.
  void read_past_busy_hosts() {
    const Clock::time_point now = Clock::now();
    for (size_t budget = kReadPastBusyHosts; budget > 0 && active_.size() < options_.jobs &&
                                             next_url_ < urls_.size() && may_start_(next_url_);
         --budget) {
      start_one(admit(next_url_++), now);
    }
  }

  // Starts the host's first URL that may go now; false when none may.
  bool start_one(HostState& host, Clock::time_point now) {
    if (host.active >= std::max(1u, options_.per_host) || host.next_start > now) return false;
    std::optional<Job> job = take_retry(host, now);
    const bool fresh_first = !host.fresh.empty() && (!job || host.fresh.front() < job->index);
    if (fresh_first && may_start_(host.fresh.front())) {
      if (job) host.retries.push_back(std::move(*job));
      job = Job{};
      job->index = host.fresh.front();
      job->host = host.name;
      host.fresh.pop_front();
      --queued_urls_;
    }
    if (!job) return false;
    if (job->started) --retries_;
    ++host.active;
    host.next_start = now + seconds(options_.delay);
    requeue(host);
    start(std::move(*job), now);
    return true;
  }

  // Takes out the host's first retry whose backoff is over, if any.
  static std::optional<Job> take_retry(HostState& host, Clock::time_point now) {
    auto best = host.retries.end();
    for (auto it = host.retries.begin(); it != host.retries.end(); ++it) {
      if (it->not_before <= now && (best == host.retries.end() || it->index < best->index)) {
        best = it;
      }
    }
    if (best == host.retries.end()) return std::nullopt;
    Job job = std::move(*best);
    host.retries.erase(best);
    return job;
  }

  void start(Job job, Clock::time_point now) {
    if (!job.started) {
      job.started = true;
      job.first_start = now;
    }
    auto transfer = std::make_unique<Transfer>();
    transfer->job = std::move(job);
    transfer->max_bytes = options_.max_bytes;
    CURL* easy = curl_->easy_init();
    if (easy == nullptr) return finish_failed(*transfer, "cannot start a transfer");
    configure(easy, *transfer);
    curl_->multi_add_handle(multi_, easy);
    active_.emplace(easy, std::move(transfer));
  }

  void configure(CURL* easy, Transfer& transfer) {
    const auto timeout_ms = static_cast<long>(std::max(1.0, options_.timeout * 1000));
    curl_->easy_setopt(easy, CURLOPT_URL, urls_[transfer.job.index].c_str());
    curl_->easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_->easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_->easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl_->easy_setopt(easy, CURLOPT_MAXREDIRS, kMaxRedirects);
    curl_->easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
    curl_->easy_setopt(easy, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_->easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");  // all libcurl decodes
    curl_->easy_setopt(easy, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_->easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE,
                       static_cast<curl_off_t>(options_.max_bytes));
    curl_->easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_->easy_setopt(easy, CURLOPT_WRITEFUNCTION, write_body);
    curl_->easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
    curl_->easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer.error);
    if (options_.insecure) {
      curl_->easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
      curl_->easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
    }
  }

  // Returns whether any transfer ended.
  bool collect_finished() {
    bool any = false;
    int left = 0;
    while (CURLMsg* message = curl_->multi_info_read(multi_, &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      CURL* easy = message->easy_handle;
      const CURLcode result = message->data.result;
      auto found = active_.find(easy);
      if (found == active_.end()) continue;
      std::unique_ptr<Transfer> transfer = std::move(found->second);
      active_.erase(found);
      curl_->multi_remove_handle(multi_, easy);
      --hosts_[transfer->job.host].active;
      conclude(easy, result, *transfer);
      curl_->easy_cleanup(easy);
      any = true;
    }
    return any;
  }

  // A retry waits for Retry-After when the server sent one (capped), else
  // backs off exponentially.
  double retry_delay(CURL* easy, unsigned attempt) const {
    curl_off_t retry_after = 0;
    if (curl_->easy_getinfo(easy, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK &&
        retry_after > 0) {
      return std::min(static_cast<double>(retry_after), options_.retry_after_cap);
    }
    return options_.backoff * std::pow(2.0, attempt);
  }

  void conclude(CURL* easy, CURLcode result, Transfer& transfer) {
    long status = 0;
    curl_->easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    const bool transient = (result == CURLE_OPERATION_TIMEDOUT && !transfer.too_large) ||
                           (result == CURLE_OK && (status == 429 || status >= 500));
    if (transient && transfer.job.attempt < options_.retries) {
      Job job = std::move(transfer.job);
      job.not_before = Clock::now() + seconds(retry_delay(easy, job.attempt));
      ++job.attempt;
      HostState& host = hosts_[job.host];
      host.retries.push_back(std::move(job));
      ++retries_;
      requeue(host);
      return;
    }
    Page page = page_of(transfer);
    page.status = static_cast<int>(status);
    const char* final_url = nullptr;
    if (curl_->easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &final_url) == CURLE_OK && final_url) {
      page.final_url = final_url;
    }
    const char* content_type = nullptr;
    if (curl_->easy_getinfo(easy, CURLINFO_CONTENT_TYPE, &content_type) == CURLE_OK &&
        content_type) {
      page.content_type = content_type;
    }
    // The last response's header (after redirects); -1: the last request.
    curl_header* language = nullptr;
    if (curl_->easy_header(easy, "Content-Language", 0, CURLH_HEADER, -1, &language) == CURLHE_OK &&
        language != nullptr) {
      page.content_language = language->value;
    }
    page.error = failure(result, transfer, page);
    if (page.error.empty()) page.bytes = std::move(transfer.body);
    done_(std::move(page));
  }

  Page page_of(const Transfer& transfer) const {
    Page page;
    page.index = transfer.job.index;
    page.url = urls_[page.index];
    page.final_url = page.url;
    page.seconds = std::chrono::duration<double>(Clock::now() - transfer.job.first_start).count();
    return page;
  }

  std::string failure(CURLcode result, const Transfer& transfer, const Page& page) const {
    if (transfer.too_large || result == CURLE_FILESIZE_EXCEEDED) {
      return "larger than " + std::to_string(options_.max_bytes) + " bytes (--max-bytes)";
    }
    if (result != CURLE_OK) {
      return transfer.error[0] != '\0' ? std::string(transfer.error)
                                       : std::string(curl_->easy_strerror(result));
    }
    if (page.status >= 400) return "HTTP " + std::to_string(page.status);
    if (!is_document_type(page.content_type)) {
      return "not HTML or text (" + page.content_type + ")";
    }
    return "";
  }

  void finish_failed(const Transfer& transfer, const std::string& reason) {
    --hosts_[transfer.job.host].active;
    Page page = page_of(transfer);
    page.error = reason;
    done_(std::move(page));
  }

  const std::vector<std::string>& urls_;
  const FetchOptions& options_;
  const std::function<bool(size_t)>& may_start_;
  const std::function<void(Page&&)>& done_;
  const CurlApi* curl_ = nullptr;  // nullptr: libcurl could not be loaded
  std::string load_error_;
  CURLM* multi_ = nullptr;
  size_t next_url_ = 0;
  size_t queued_urls_ = 0;  // URLs in the hosts' queues, not started yet
  size_t retries_ = 0;      // retries in the hosts' queues
  // The hosts with URLs waiting, by their first waiting URL index: the
  // order in which they take turns. A std::map keeps the HostStates put.
  std::map<size_t, HostState*> order_;
  std::map<CURL*, std::unique_ptr<Transfer>> active_;
  std::map<std::string, HostState> hosts_;
};

uint64_t fnv1a(std::string_view text) {
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string hex_hash(std::string_view text) {
  static const char kDigits[] = "0123456789abcdef";
  uint64_t hash = fnv1a(text);
  std::string hex(12, '0');
  for (size_t i = hex.size(); i-- > 0; hash >>= 4) hex[i] = kDigits[hash & 15];
  return hex;
}

constexpr size_t kMaxComponent = 200;

std::string safe_component(std::string_view raw) {
  std::string component;
  for (char c : raw) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       std::string_view("._-~%+,=@").find(c) != std::string_view::npos;
    component += plain ? c : '_';
  }
  if (component == "." || component == "..") component.assign(component.size(), '_');
  if (component.size() > kMaxComponent) {
    component = component.substr(0, kMaxComponent - 13) + "-" + hex_hash(raw);
  }
  return component;
}

}  // namespace

void fetch_all(const std::vector<std::string>& urls, const FetchOptions& options,
               const std::function<bool(size_t)>& may_start,
               const std::function<void(Page&&)>& done, const std::function<bool()>& stop) {
  try {
    Fetcher fetcher(urls, options, may_start, done);
    fetcher.run(stop);
  } catch (...) {
    // Out of memory in the fetcher: the URLs not yet reported are never
    // reported (the header says so).
  }
}

bool is_url(std::string_view arg) {
  const std::string lower = base::lower_ascii(arg.substr(0, 8));
  return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0;
}

std::string url_output_stem(std::string_view url) {
  url = url.substr(0, url.find('#'));
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const size_t authority_end = std::min(url.find_first_of("/?"), url.size());
  std::string_view authority = url.substr(0, authority_end);
  const size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string_view rest = url.substr(authority_end);
  const size_t query_start = std::min(rest.find('?'), rest.size());
  const std::string_view query = rest.substr(query_start);
  const std::string_view path = rest.substr(0, query_start);

  std::string host = safe_component(base::lower_ascii(authority));
  if (host.empty()) host = "_";
  std::vector<std::string> parts{host};
  size_t start = 0;
  while (start < path.size()) {
    const size_t end = std::min(path.find('/', start), path.size());
    if (end > start) parts.push_back(safe_component(path.substr(start, end - start)));
    start = end + 1;
  }
  if (parts.size() == 1 || path.back() == '/') parts.push_back("index");
  std::string& last = parts.back();
  for (std::string_view extension : {".html", ".htm"}) {
    if (last.size() > extension.size() &&
        base::lower_ascii(last.substr(last.size() - extension.size())) == extension) {
      last.resize(last.size() - extension.size());
      break;
    }
  }
  if (query.size() > 1) last += "-q" + hex_hash(query.substr(1));
  std::string stem;
  for (const std::string& part : parts) stem += (stem.empty() ? "" : "/") + part;
  return stem;
}

std::string curl_version() {
  std::string error;
  const CurlApi* curl = curl_api(&error);
  if (curl == nullptr) return "not loaded: " + error;
  const curl_version_info_data* info = curl->version_info(CURLVERSION_NOW);
  std::string version = info->version;
  if (info->ssl_version != nullptr) version += std::string(" (") + info->ssl_version + ")";
  return version;
}

}  // namespace webclean::fetch
