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

// The key of a stream record: its id, or when it has none the input's
// shard key and the record's number in the stream.
std::string record_shard_key(std::string_view id, std::string_view input_key,
                             uint64_t record_number);

}  // namespace webclean::cli

#endif  // WEBCLEAN_CLI_SHARD_H_
