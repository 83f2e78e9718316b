#include <sopctl/base/memory.hpp>

#include <sys/mman.h>

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

}  // namespace sopctl
