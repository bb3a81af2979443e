// Fetching web pages: many URLs at once over libcurl's multi interface,
// politely (a cap on transfers per host, an optional delay between them),
// with retries. What comes back is a document for the ordinary pipeline;
// libcurl's types never leave src/fetch/.
#ifndef WEBCLEAN_FETCH_FETCH_H_
#define WEBCLEAN_FETCH_FETCH_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace webclean::fetch {

inline constexpr size_t kDefaultMaxBytes = size_t{20} << 20;

struct FetchOptions {
  unsigned jobs = 8;                    // transfers at once
  unsigned per_host = 2;                // transfers at once to one host
  double delay = 0;                     // seconds between the starts of requests to one host
  double timeout = 30;                  // seconds: connect, and the whole transfer
  size_t max_bytes = kDefaultMaxBytes;  // a larger body aborts the transfer
  unsigned retries = 2;                 // more attempts after a 429, 5xx or timeout
  double retry_after_cap = 60;          // seconds: the most a Retry-After is honoured
  double backoff = 0.5;                 // seconds before the first retry; doubled each time
  std::string user_agent;
  bool insecure = false;  // skip TLS certificate checks
};

// One fetched URL: a document when `error` is empty.
struct Page {
  size_t index = 0;  // the URL's position in the list given to fetch_all
  std::string url;
  std::string final_url;  // after redirects
  std::string content_type;
  std::string content_language;  // the Content-Language header, e.g. "de-DE"
  int status = 0;                // the last HTTP status; 0 when there was no response
  double seconds = 0;            // the whole fetch, retries included
  std::string bytes;             // the body, decoded from gzip, deflate or br
  std::string error;             // e.g. "HTTP 404", "not HTML or text (application/pdf)"
};

// Fetches `urls`, up to `jobs` at once, starting them in order as far as
// the per-host limits allow; a slow or retrying URL holds only its own
// slot. URL i is first started only when `may_start(i)` is true (it is
// asked again later while false), which lets the caller bound the pages it
// holds; its retries do not ask.
// `done` is called on the calling thread as each URL ends, in any order;
// every URL gets exactly one call unless `stop()` becomes true, which ends
// the run early (or memory runs out): the caller must expect URLs never
// reported once this returns. Never throws.
void fetch_all(const std::vector<std::string>& urls, const FetchOptions& options,
               const std::function<bool(size_t)>& may_start,
               const std::function<void(Page&&)>& done, const std::function<bool()>& stop);

// Whether `arg` names a URL to fetch (http:// or https://).
bool is_url(std::string_view arg);

// A safe relative output path for a URL, without extension: host/path,
// "index" for a path ending in "/", the query string as a hash, no "." or
// ".." components, no component over 200 bytes (longer ones end in a hash).
std::string url_output_stem(std::string_view url);

// The version of the libcurl in use and its TLS library, e.g.
// "7.88.1 (OpenSSL/3.0.11)".
std::string curl_version();

}  // namespace webclean::fetch

#endif  // WEBCLEAN_FETCH_FETCH_H_
