#pragma once
// 64-bit FNV-1a over a sequence of strings: tiny and the same on every
// platform, for ids that must not change between runs (plan item keys,
// calendar UIDs). Not for hash tables under attack.

#include <cstdint>
#include <string_view>

namespace sopctl {

class Fnv1a {
public:
  // Adds one field; a separator follows it, so ("ab", "c") and ("a", "bc") differ.
  void add(std::string_view s) {
    for (const char c : s) {
      m_hash ^= static_cast<unsigned char>(c);
      m_hash *= k_prime;
    }
    m_hash ^= 0xFF;
    m_hash *= k_prime;
  }
  std::uint64_t value() const { return m_hash; }

private:
  static constexpr std::uint64_t k_prime = 0x100000001b3ULL;
  std::uint64_t m_hash = 0xcbf29ce484222325ULL;
};

}  // namespace sopctl
