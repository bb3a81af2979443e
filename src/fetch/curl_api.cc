#include "fetch/curl_api.h"

#include <dlfcn.h>

namespace webclean::fetch {

namespace {

// libcurl's ABI has been 4 since 2006; Debian builds it against OpenSSL
// (libcurl.so.4) and against GnuTLS (libcurl-gnutls.so.4).
constexpr const char* kLibraryNames[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"};

struct Loaded {
  CurlApi api{};
  std::string error;  // empty once loaded
};

template <typename Function>
bool bind(void* library, const char* name, Function& function, std::string& error) {
  function = reinterpret_cast<Function>(dlsym(library, name));
  if (function == nullptr && error.empty()) error = std::string("libcurl has no ") + name;
  return function != nullptr;
}

Loaded load() {
  Loaded loaded;
  void* library = nullptr;
  std::string tried;
  for (const char* name : kLibraryNames) {
    library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (library != nullptr) break;
    const char* reason = dlerror();
    tried += std::string(tried.empty() ? "" : "; ") + (reason != nullptr ? reason : name);
  }
  if (library == nullptr) {
    loaded.error = "cannot load libcurl (" + tried + ")";
    return loaded;
  }
  CurlApi& a = loaded.api;
  std::string& e = loaded.error;
  // The handle stays open for the life of the process: libcurl keeps
  // global state (its TLS library's) that unloading would tear down. The
  // first function missing is the one the error names.
  const bool all = bind(library, "curl_global_init", a.global_init, e) &&
                   bind(library, "curl_version_info", a.version_info, e) &&
                   bind(library, "curl_free", a.free, e) && bind(library, "curl_url", a.url, e) &&
                   bind(library, "curl_url_set", a.url_set, e) &&
                   bind(library, "curl_url_get", a.url_get, e) &&
                   bind(library, "curl_url_cleanup", a.url_cleanup, e) &&
                   bind(library, "curl_easy_init", a.easy_init, e) &&
                   bind(library, "curl_easy_setopt", a.easy_setopt, e) &&
                   bind(library, "curl_easy_getinfo", a.easy_getinfo, e) &&
                   bind(library, "curl_easy_header", a.easy_header, e) &&
                   bind(library, "curl_easy_strerror", a.easy_strerror, e) &&
                   bind(library, "curl_easy_cleanup", a.easy_cleanup, e) &&
                   bind(library, "curl_multi_init", a.multi_init, e) &&
                   bind(library, "curl_multi_add_handle", a.multi_add_handle, e) &&
                   bind(library, "curl_multi_remove_handle", a.multi_remove_handle, e) &&
                   bind(library, "curl_multi_perform", a.multi_perform, e) &&
                   bind(library, "curl_multi_poll", a.multi_poll, e) &&
                   bind(library, "curl_multi_info_read", a.multi_info_read, e) &&
                   bind(library, "curl_multi_cleanup", a.multi_cleanup, e);
  if (!all) {
    e += " (libcurl 7.84 or later is needed)";
    return loaded;
  }
  // Not thread-safe in libcurl: done here, once, before any handle exists.
  if (a.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) e = "cannot initialise libcurl";
  return loaded;
}

}  // namespace

const CurlApi* curl_api(std::string* error) {
  static const Loaded loaded = load();
  if (!loaded.error.empty()) {
    if (error != nullptr) *error = loaded.error;
    return nullptr;
  }
  return &loaded.api;
}

}  // namespace webclean::fetch
