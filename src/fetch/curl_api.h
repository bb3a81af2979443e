// libcurl, loaded with dlopen on the first fetch instead of linked: linked,
// it loads some thirty libraries (TLS, Kerberos, LDAP, SSH...) into every
// process, a third of the start-up of one that cleans a single file.
#ifndef WEBCLEAN_FETCH_CURL_API_H_
#define WEBCLEAN_FETCH_CURL_API_H_

#include <curl/curl.h>

#include <string>

namespace webclean::fetch {

// The libcurl functions src/fetch/ calls, by the names libcurl gives them.
struct CurlApi {
  decltype(&::curl_global_init) global_init;
  decltype(&::curl_version_info) version_info;
  decltype(&::curl_free) free;
  decltype(&::curl_url) url;
  decltype(&::curl_url_set) url_set;
  decltype(&::curl_url_get) url_get;
  decltype(&::curl_url_cleanup) url_cleanup;
  decltype(&::curl_easy_init) easy_init;
  decltype(&::curl_easy_setopt) easy_setopt;
  decltype(&::curl_easy_getinfo) easy_getinfo;
  decltype(&::curl_easy_header) easy_header;
  decltype(&::curl_easy_strerror) easy_strerror;
  decltype(&::curl_easy_cleanup) easy_cleanup;
  decltype(&::curl_multi_init) multi_init;
  decltype(&::curl_multi_add_handle) multi_add_handle;
  decltype(&::curl_multi_remove_handle) multi_remove_handle;
  decltype(&::curl_multi_perform) multi_perform;
  decltype(&::curl_multi_poll) multi_poll;
  decltype(&::curl_multi_info_read) multi_info_read;
  decltype(&::curl_multi_cleanup) multi_cleanup;
};

// libcurl, loaded and initialised (curl_global_init) by the first call of
// the process; nullptr, with `error` saying why, when it cannot be loaded.
// Thread-safe.
const CurlApi* curl_api(std::string* error = nullptr);

}  // namespace webclean::fetch

#endif  // WEBCLEAN_FETCH_CURL_API_H_
