#include "cli/shard.h"

#include "webclean/repeat_index.h"

namespace webclean::cli {

uint64_t shard_hash(std::string_view key) {
  uint64_t hash = 0xcbf29ce484222325ull;  // FNV-1a 64 offset basis
  for (char c : key) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;  // FNV-1a 64 prime
  }
  // FNV's low bits mix poorly for keys that differ only at the end (file
  // names with numbers); MurmurHash3's finaliser spreads every input bit.
  hash ^= hash >> 33;
  hash *= 0xff51afd7ed558ccdull;
  hash ^= hash >> 33;
  hash *= 0xc4ceb9fe1a85ec53ull;
  hash ^= hash >> 33;
  return hash;
}

// By site, the key is the site as the repetition filter names it; a URL
// given as an input is its own address.
std::string input_shard_key(const Shard& shard, std::string_view input_key) {
  return shard.by_site ? RepeatIndex::site_of(input_key, input_key) : std::string(input_key);
}

std::string record_shard_key(const Shard& shard, std::string_view id, std::string_view url,
                             std::string_view input_key, uint64_t record_number) {
  if (shard.by_site) return RepeatIndex::site_of(url, input_key);
  if (!id.empty()) return std::string(id);
  std::string key(input_key);
  key += '#';
  key += std::to_string(record_number);
  return key;
}

}  // namespace webclean::cli
