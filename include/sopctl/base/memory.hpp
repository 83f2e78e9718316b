#pragma once
// An allocator for the large arrays of event logs. resize() leaves new
// elements uninitialised: the loader writes every element, from several
// threads, so zeroing them first would only cost time on one. Blocks of
// 1 MiB or more are mapped and unmapped directly, so that memory freed while
// the loader regroups events leaves the resident set at once (malloc would
// keep it). Transparent huge pages were tried too: page faults fell, but
// zeroing and compacting 2 MiB pages at fault time cost more than it saved.

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
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

// Grows the block at `p` (`old_bytes` of it allocated, the first `used`
// in use; nullptr and 0 for none) to at least `new_bytes`; returns it and
// sets `got` to its size. Below 1 MiB a malloc block; from 1 MiB on a mapping
// of its own that grows with mremap: the pages move, nothing is copied, and
// the old and the new block never both hold memory.
void* grow_block(void* p, std::size_t used, std::size_t old_bytes, std::size_t new_bytes,
                 std::size_t& got);
void free_block(void* p, std::size_t bytes) noexcept;

// A growable array of a trivially copyable T for the large lists of an
// event log (user ids): like a vector, but growing costs no second copy
// (a vector's doubling holds the old and the new array at once, and at 5M
// ids that was the loader's peak).
template <class T>
class GrowArray {
  static_assert(std::is_trivially_copyable_v<T>);

public:
  GrowArray() = default;
  GrowArray(const GrowArray& other) { append(other.data(), other.size()); }
  GrowArray& operator=(const GrowArray& other) {
    if (this != &other) {
      m_size = 0;
      append(other.data(), other.size());
    }
    return *this;
  }
  GrowArray(GrowArray&& other) noexcept
      : m_data(std::exchange(other.m_data, nullptr)),
        m_size(std::exchange(other.m_size, 0)),
        m_bytes(std::exchange(other.m_bytes, 0)) {}
  GrowArray& operator=(GrowArray&& other) noexcept {
    if (this != &other) {
      free_block(m_data, m_bytes);
      m_data = std::exchange(other.m_data, nullptr);
      m_size = std::exchange(other.m_size, 0);
      m_bytes = std::exchange(other.m_bytes, 0);
    }
    return *this;
  }
  ~GrowArray() { free_block(m_data, m_bytes); }

  std::size_t size() const { return m_size; }
  bool empty() const { return m_size == 0; }
  T* data() { return m_data; }
  const T* data() const { return m_data; }
  T& operator[](std::size_t i) { return m_data[i]; }
  const T& operator[](std::size_t i) const { return m_data[i]; }
  const T* begin() const { return m_data; }
  const T* end() const { return m_data + m_size; }

  void push_back(const T& v) {
    if (m_size == capacity()) {
      grow(m_size + 1);
    }
    m_data[m_size++] = v;
  }
  void append(const T* p, std::size_t n) {
    if (n > capacity() - m_size) {
      grow(m_size + n);
    }
    if (n != 0) {
      std::memcpy(m_data + m_size, p, n * sizeof(T));
    }
    m_size += n;
  }
  void reserve(std::size_t n) {
    if (n > capacity()) {
      resize_block(n);
    }
  }

private:
  std::size_t capacity() const { return m_bytes / sizeof(T); }
  void grow(std::size_t need) { resize_block(std::max({need, capacity() * 2, std::size_t{16}})); }
  void resize_block(std::size_t n) {
    std::size_t got = 0;
    m_data = static_cast<T*>(grow_block(m_data, m_size * sizeof(T), m_bytes, n * sizeof(T), got));
    m_bytes = got;
  }

  T* m_data = nullptr;
  std::size_t m_size = 0;
  std::size_t m_bytes = 0;  // allocated
};

}  // namespace sopctl
