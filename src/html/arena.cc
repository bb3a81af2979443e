#include "html/arena.h"

#include <cstdint>
#include <cstdlib>
#include <new>

namespace webclean::html {
namespace {

constexpr size_t kMaxChunk = size_t{16} << 20;

size_t round_up(size_t n, size_t align) {
  return (n + align - 1) & ~(align - 1);
}

}  // namespace

Arena::Arena(size_t first_chunk)
    : next_chunk_(round_up(first_chunk < 4096 ? 4096 : first_chunk, kAlign)) {}

void* Arena::allocate(size_t size) {
  ++allocations_;
  // malloc(0) may return a unique pointer; so do we.
  size = round_up(size == 0 ? 1 : size, kAlign);
  if (size > left_) new_chunk(size);
  void* p = cursor_;
  cursor_ += size;
  left_ -= size;
  return p;
}

void Arena::new_chunk(size_t at_least) {
  size_t size = next_chunk_;
  if (size < at_least + kAlign) size = at_least + kAlign;
  if (next_chunk_ < kMaxChunk) next_chunk_ *= 2;
  std::unique_ptr<unsigned char[]> chunk(new (std::nothrow) unsigned char[size]);
  if (!chunk) std::abort();
  reserved_ += size;
  use_chunk(std::move(chunk), size);
}

void Arena::use_chunk(std::unique_ptr<unsigned char[]> chunk, size_t size) {
  // new[] of bytes only promises fundamental alignment; align by hand.
  auto address = reinterpret_cast<uintptr_t>(chunk.get());
  size_t skip = round_up(address, kAlign) - address;
  cursor_ = chunk.get() + skip;
  left_ = size - skip;
  chunks_.push_back(std::move(chunk));
  chunk_sizes_.push_back(size);
}

void Arena::reset(size_t expected) {
  size_t largest = 0;
  for (size_t i = 1; i < chunks_.size(); ++i) {
    if (chunk_sizes_[i] > chunk_sizes_[largest]) largest = i;
  }
  std::unique_ptr<unsigned char[]> keep;
  size_t keep_size = 0;
  if (!chunks_.empty() && chunk_sizes_[largest] <= kMaxKeptChunk &&
      chunk_sizes_[largest] >= expected + kAlign) {
    keep = std::move(chunks_[largest]);
    keep_size = chunk_sizes_[largest];
  }
  chunks_.clear();
  chunk_sizes_.clear();
  cursor_ = nullptr;
  left_ = 0;
  allocations_ = 0;
  reserved_ = keep_size;
  next_chunk_ = round_up(expected < 4096 ? 4096 : expected, kAlign);
  if (keep) use_chunk(std::move(keep), keep_size);
}

void* Arena::gumbo_allocate(void* arena, size_t size) {
  return static_cast<Arena*>(arena)->allocate(size);
}

void Arena::gumbo_deallocate(void* /*arena*/, void* /*ptr*/) {}

}  // namespace webclean::html
