#pragma once
// Interned strings: a list of strings stored end to end (ids 0..n-1), and an
// interner that finds or adds a string's id with an open-addressing hash
// table. Built for millions of short ids (user ids of an event log).

#include <sopctl/base/memory.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sopctl::text {

// A fast non-cryptographic 64-bit hash of a short string.
std::uint64_t hash_bytes(std::string_view s);

namespace detail {
inline std::uint64_t load64(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline std::uint64_t load32(const char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
}  // namespace detail

// a == b, inline for up to 16 bytes (two loads from each, which may
// overlap, and never past either end): user ids and event names are short,
// and calling memcmp for each row cost more than comparing.
inline bool equal_bytes(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) {
    return false;
  }
  const char* p = a.data();
  const char* q = b.data();
  if (n >= 8) {
    if (n > 16) {
      return std::memcmp(p, q, n) == 0;
    }
    return ((detail::load64(p) ^ detail::load64(q)) |
            (detail::load64(p + n - 8) ^ detail::load64(q + n - 8))) == 0;
  }
  if (n >= 4) {
    return ((detail::load32(p) ^ detail::load32(q)) |
            (detail::load32(p + n - 4) ^ detail::load32(q + n - 4))) == 0;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (p[i] != q[i]) {
      return false;
    }
  }
  return true;
}

// While every string has the same length (user ids usually do: openids,
// "wx_" plus 12 hex digits) the list keeps no ends: string i is at i * length.
// The first string of another length writes the ends out once.
class StringList {
public:
  StringList() = default;
  StringList(const StringList&) = default;
  StringList& operator=(const StringList&) = default;
  StringList(StringList&& other) noexcept { *this = std::move(other); }
  StringList& operator=(StringList&& other) noexcept {
    m_bytes = std::move(other.m_bytes);
    m_ends = std::move(other.m_ends);
    m_count = std::exchange(other.m_count, 0);
    m_length = std::exchange(other.m_length, 0);
    m_uniform = std::exchange(other.m_uniform, true);
    return *this;
  }

  std::size_t size() const { return m_count; }
  bool empty() const { return m_count == 0; }
  std::string_view operator[](std::size_t id) const {
    if (m_uniform) {
      return {m_bytes.data() + id * m_length, m_length};
    }
    const std::size_t b = id == 0 ? 0 : m_ends[id - 1];
    return {m_bytes.data() + b, m_ends[id] - b};
  }
  // Appends `s` (no check for duplicates); returns its id. Error past
  // k_max_bytes in all.
  std::uint32_t push_back(std::string_view s) {
    if (s.size() > k_max_bytes - m_bytes.size()) {
      too_big();
    }
    if (m_count == 0 && m_uniform) {
      m_length = s.size();
    } else if (m_uniform && s.size() != m_length) {
      write_ends();
    }
    m_bytes.append(s.data(), s.size());
    if (!m_uniform) {
      m_ends.push_back(static_cast<std::uint32_t>(m_bytes.size()));
    }
    return static_cast<std::uint32_t>(m_count++);
  }
  // Appends every string of `other`, in order.
  void append(const StringList& other);
  // Bytes of all strings together (ends are 32-bit: 4 bytes per string).
  static constexpr std::size_t k_max_bytes = 0xFFFFFFFFU;
  // Linear search: meant for short lists (event names, column values).
  std::optional<std::uint32_t> find(std::string_view s) const;
  void reserve(std::size_t strings, std::size_t bytes) {
    if (!m_uniform) {
      m_ends.reserve(strings);
    }
    m_bytes.reserve(bytes);
  }

private:
  [[noreturn]] static void too_big();
  void write_ends();

  GrowArray<char> m_bytes;          // grows without a second copy: user ids go to millions
  GrowArray<std::uint32_t> m_ends;  // empty while m_uniform
  std::size_t m_count = 0;
  std::size_t m_length = 0;  // of every string, while m_uniform
  bool m_uniform = true;
};

class Interner {
public:
  // The id of `s` (hash: hash_bytes(s)), added when new.
  std::uint32_t intern(std::string_view s, std::uint64_t hash);
  std::uint32_t intern(std::string_view s) { return intern(s, hash_bytes(s)); }
  std::optional<std::uint32_t> find(std::string_view s, std::uint64_t hash) const;
  std::optional<std::uint32_t> find(std::string_view s) const { return find(s, hash_bytes(s)); }
  // Brings the slot of `hash` into the cache ahead of a find() or intern().
  void prefetch(std::uint64_t hash) const {
    if (!m_slots.empty()) {
      __builtin_prefetch(&m_slots[static_cast<std::size_t>(hash >> (64 - m_bits))]);
    }
  }

  std::size_t size() const { return m_strings.size(); }
  std::string_view operator[](std::size_t id) const { return m_strings[id]; }
  const StringList& strings() const { return m_strings; }
  // Gives up the strings (the interner is empty afterwards, its table freed).
  StringList take() {
    decltype(m_slots)().swap(m_slots);  // frees the table
    m_bits = 0;
    return std::move(m_strings);
  }

private:
  void grow();

  StringList m_strings;
  // Per slot: the hash's high 32 bits, then id + 1 (0: empty). The slot index
  // is the hash's top m_bits bits, so growing needs no re-hashing.
  std::vector<std::uint64_t, BigAllocator<std::uint64_t>> m_slots;
  unsigned m_bits = 0;
};

}  // namespace sopctl::text
