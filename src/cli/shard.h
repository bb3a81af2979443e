// Sharding: which documents belong to which of N cooperating runs. The
// hash is fixed (FNV-1a 64, then a bit mixer so that the remainder modulo
// N uses all the bits), so any machine computes the same split.
#ifndef WEBCLEAN_CLI_SHARD_H_
#define WEBCLEAN_CLI_SHARD_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "cli/options.h"

namespace webclean::cli {

uint64_t shard_hash(std::string_view key);

inline bool in_shard(const Shard& shard, std::string_view key) {
  return shard.count <= 1 || shard_hash(key) % shard.count == shard.index;
}

// The key that places a file or URL input: its shard key (the path below
// the walked directory, or the argument), or with Shard::by_site its site:
// the host of a URL, else the folder part of the key, as the repetition
// filter keys sites (RepeatIndex::site_of).
std::string input_shard_key(const Shard& shard, std::string_view input_key);

// The key of a stream record: its id, or when it has none the input's
// shard key and the record's number in the stream; with Shard::by_site the
// host of its URL, else the stream's folder.
std::string record_shard_key(const Shard& shard, std::string_view id, std::string_view url,
                             std::string_view input_key, uint64_t record_number);

}  // namespace webclean::cli

#endif  // WEBCLEAN_CLI_SHARD_H_
