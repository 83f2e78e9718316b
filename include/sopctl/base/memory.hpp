#pragma once
// An allocator for the large arrays of event logs. resize() leaves new
// elements uninitialised: the loader writes every element, from several
// threads, so zeroing them first would only cost time on one. Blocks of
// 1 MiB or more are mapped and unmapped directly, so that memory freed while
// the loader regroups events leaves the resident set at once (malloc would
// keep it). Transparent huge pages were tried too: page faults fell, but
// zeroing and compacting 2 MiB pages at fault time cost more than it saved.

#include <cstddef>
#include <memory>
#include <new>
#include <utility>

namespace sopctl {

// Large blocks straight from the kernel; small ones from operator new.
void* allocate_big(std::size_t bytes);
void free_big(void* p, std::size_t bytes) noexcept;

template <class T>
struct BigAllocator {
  using value_type = T;

  BigAllocator() = default;
  template <class U>
  BigAllocator(const BigAllocator<U>&) noexcept {}

  T* allocate(std::size_t n) { return static_cast<T*>(allocate_big(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) noexcept { free_big(p, n * sizeof(T)); }

  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }

  template <class U>
  bool operator==(const BigAllocator<U>&) const noexcept {
    return true;
  }
};

}  // namespace sopctl
