// A bump-pointer arena for Gumbo (GumboOptions::allocator): one parse
// allocates hundreds of thousands of small objects, and freeing them one by
// one (gumbo_destroy_output walks the tree recursively) costs as much as
// parsing. Here a free is a no-op and the whole tree goes when the arena does.
#ifndef WEBCLEAN_HTML_ARENA_H_
#define WEBCLEAN_HTML_ARENA_H_

#include <cstddef>
#include <memory>
#include <vector>

namespace webclean::html {

class Arena {
 public:
  // `first_chunk` sizes the first chunk; later chunks double, up to a cap.
  explicit Arena(size_t first_chunk = 64 * 1024);
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // 16-byte aligned, never null (aborts when memory is exhausted: the caller
  // is C code that cannot take an exception).
  void* allocate(size_t size);

  // Forgets every allocation and makes sure the next `expected` bytes fit
  // in one chunk. The largest chunk is kept for reuse unless it exceeds
  // kMaxKeptChunk, so a worker's arena stops growing with its largest page.
  void reset(size_t expected);

  size_t allocations() const { return allocations_; }
  size_t bytes_reserved() const { return reserved_; }

  // Signatures of GumboAllocatorFunction / GumboDeallocatorFunction;
  // `arena` is GumboOptions::userdata.
  static void* gumbo_allocate(void* arena, size_t size);
  static void gumbo_deallocate(void* arena, void* ptr);

 private:
  static constexpr size_t kAlign = 16;
  static constexpr size_t kMaxKeptChunk = size_t{64} << 20;
  void use_chunk(std::unique_ptr<unsigned char[]> chunk, size_t size);
  void new_chunk(size_t at_least);

  std::vector<std::unique_ptr<unsigned char[]>> chunks_;
  std::vector<size_t> chunk_sizes_;
  unsigned char* cursor_ = nullptr;
  size_t left_ = 0;
  size_t next_chunk_;
  size_t allocations_ = 0;
  size_t reserved_ = 0;
};

}  // namespace webclean::html

#endif  // WEBCLEAN_HTML_ARENA_H_
