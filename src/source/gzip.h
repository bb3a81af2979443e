// Gzip decoding for the Source stage: files and stdin may arrive gzipped
// (saved crawls often are). Decompression is bounded so that a small
// hostile file cannot expand into gigabytes of memory.
#ifndef WEBCLEAN_SOURCE_GZIP_H_
#define WEBCLEAN_SOURCE_GZIP_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace webclean::source {

// True when `bytes` start with the gzip magic bytes 1f 8b.
bool is_gzip(std::string_view bytes);

// Decompresses gzip data, including several concatenated members (as
// `cat a.gz b.gz` makes). Bytes after the last member that do not start
// another member are ignored, as gzip(1) does. Stops with an error as soon
// as the output would exceed `max_bytes`. On error returns "" and sets
// `error` (e.g. "corrupt gzip data: truncated").
std::string gunzip(std::string_view compressed, size_t max_bytes, std::string& error);

// The version of the zlib in use, e.g. "1.2.13" (not zlib_version: zlib.h
// defines that as a macro).
std::string zlib_library_version();

}  // namespace webclean::source

#endif  // WEBCLEAN_SOURCE_GZIP_H_
