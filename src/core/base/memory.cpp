#include <sopctl/base/memory.hpp>

#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace sopctl {

namespace {

constexpr std::size_t k_map_from = 1 << 20;

}  // namespace

void* allocate_big(std::size_t bytes) {
  if (bytes < k_map_from) {
    return ::operator new(bytes);
  }
  void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    throw std::bad_alloc();
  }
  return p;
}

void free_big(void* p, std::size_t bytes) noexcept {
  if (p == nullptr) {
    return;
  }
  if (bytes < k_map_from) {
    ::operator delete(p);
  } else {
    ::munmap(p, bytes);
  }
}

void* grow_block(void* p, std::size_t used, std::size_t old_bytes, std::size_t new_bytes,
                 std::size_t& got) {
  if (new_bytes < k_map_from) {
    void* q = std::realloc(p, new_bytes);  // old_bytes < new_bytes: p is malloc's too
    if (q == nullptr) {
      throw std::bad_alloc();
    }
    got = new_bytes;
    return q;
  }
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t bytes = (new_bytes + page - 1) / page * page;
  void* q = MAP_FAILED;
#if defined(MREMAP_MAYMOVE)
  if (old_bytes >= k_map_from) {
    q = ::mremap(p, old_bytes, bytes, MREMAP_MAYMOVE);
    if (q == MAP_FAILED) {
      throw std::bad_alloc();
    }
    got = bytes;
    return q;
  }
#endif
  q = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (q == MAP_FAILED) {
    throw std::bad_alloc();
  }
  if (used != 0) {
    std::memcpy(q, p, used);
  }
  free_block(p, old_bytes);
  got = bytes;
  return q;
}

void free_block(void* p, std::size_t bytes) noexcept {
  if (p == nullptr) {
    return;
  }
  if (bytes < k_map_from) {
    std::free(p);
  } else {
    ::munmap(p, bytes);
  }
}

}  // namespace sopctl
