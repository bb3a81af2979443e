#include "cli/version.h"

#include "decode/decode.h"
#include "fetch/fetch.h"
#include "html/parse.h"
#include "rules/rules.h"
#include "source/gzip.h"
#include "source/http.h"

namespace webclean::cli {

std::string version_text() {
  std::string text = std::string("webclean ") + WEBCLEAN_VERSION + "\n";
  text += "Gumbo " + html::gumbo_version() + " (built with)\n";
  text += "ICU " + decode::icu_version() + "\n";
  text += "RE2 " + rules::re2_version() + " (built with)\n";
  text += "libcurl " + fetch::curl_version() + "\n";
  text += "zlib " + source::zlib_library_version() + "\n";
  text += "brotli " + source::brotli_version();
  return text;
}

}  // namespace webclean::cli
