#include <sopctl/text/string_table.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

namespace sopctl::text {

namespace {

using detail::load32;
using detail::load64;

__extension__ typedef unsigned __int128 U128;

inline std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  const U128 r = static_cast<U128>(a) * b;
  return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
}

constexpr std::uint64_t k_p0 = 0xa0761d6478bd642fULL;
constexpr std::uint64_t k_p1 = 0xe7037ed1a0b428dbULL;
constexpr std::uint64_t k_p2 = 0x8ebc6af09c88c6e3ULL;

}  // namespace

// In the manner of wyhash: multiply-fold over 8-byte words.
std::uint64_t hash_bytes(std::string_view s) {
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t seed = k_p0 ^ n;
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  if (n <= 16) {
    if (n >= 8) {
      a = load64(p);
      b = load64(p + n - 8);
    } else if (n >= 4) {
      a = load32(p);
      b = load32(p + n - 4);
    } else if (n > 0) {
      a = (static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) << 16) |
          (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n >> 1])) << 8) |
          static_cast<unsigned char>(p[n - 1]);
    }
  } else {
    while (n > 16) {
      seed = mix(load64(p) ^ k_p1, load64(p + 8) ^ seed);
      p += 16;
      n -= 16;
    }
    a = load64(p + n - 16);
    b = load64(p + n - 8);
  }
  return mix(k_p1 ^ s.size(), mix(a ^ k_p1, b ^ seed) ^ k_p2);
}

void StringList::too_big() {
  throw Error(
      trf("more than {} bytes of distinct values in one column (user ids): split "
          "the log (by time or by user)",
          k_max_bytes));
}

void StringList::write_ends() {
  m_uniform = false;
  m_ends.reserve(m_count + 1);
  for (std::size_t i = 1; i <= m_count; ++i) {
    m_ends.push_back(static_cast<std::uint32_t>(i * m_length));
  }
}

void StringList::append(const StringList& other) {
  if (other.m_bytes.size() > k_max_bytes - m_bytes.size()) {
    too_big();
  }
  if (other.empty()) {
    return;
  }
  if (m_count == 0 && m_uniform) {
    m_length = other.m_length;
  }
  if (m_uniform && !(other.m_uniform && other.m_length == m_length)) {
    write_ends();
  }
  const auto base = static_cast<std::uint32_t>(m_bytes.size());
  m_bytes.append(other.m_bytes.data(), other.m_bytes.size());
  if (!m_uniform) {
    m_ends.reserve(m_ends.size() + other.size());
    for (std::size_t i = 0; i < other.size(); ++i) {
      const std::string_view s = other[i];
      m_ends.push_back(base +
                       static_cast<std::uint32_t>(s.data() - other.m_bytes.data() + s.size()));
    }
  }
  m_count += other.m_count;
}

std::optional<std::uint32_t> StringList::find(std::string_view s) const {
  for (std::size_t i = 0; i < size(); ++i) {
    if ((*this)[i] == s) {
      return static_cast<std::uint32_t>(i);
    }
  }
  return std::nullopt;
}

std::uint32_t Interner::intern(std::string_view s, std::uint64_t hash) {
  if ((m_strings.size() + 1) * 10 > m_slots.size() * 7) {
    grow();
  }
  const std::uint64_t tag = hash & 0xFFFFFFFF00000000ULL;
  const std::size_t mask = m_slots.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash >> (64 - m_bits));
  for (;; i = (i + 1) & mask) {
    const std::uint64_t slot = m_slots[i];
    if (slot == 0) {
      const std::uint32_t id = m_strings.push_back(s);
      m_slots[i] = tag | (static_cast<std::uint64_t>(id) + 1);
      return id;
    }
    if ((slot & 0xFFFFFFFF00000000ULL) == tag) {
      const auto id = static_cast<std::uint32_t>((slot & 0xFFFFFFFFULL) - 1);
      if (equal_bytes(m_strings[id], s)) {
        return id;
      }
    }
  }
}

std::optional<std::uint32_t> Interner::find(std::string_view s, std::uint64_t hash) const {
  if (m_slots.empty()) {
    return std::nullopt;
  }
  const std::uint64_t tag = hash & 0xFFFFFFFF00000000ULL;
  const std::size_t mask = m_slots.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(hash >> (64 - m_bits));; i = (i + 1) & mask) {
    const std::uint64_t slot = m_slots[i];
    if (slot == 0) {
      return std::nullopt;
    }
    if ((slot & 0xFFFFFFFF00000000ULL) == tag) {
      const auto id = static_cast<std::uint32_t>((slot & 0xFFFFFFFFULL) - 1);
      if (equal_bytes(m_strings[id], s)) {
        return id;
      }
    }
  }
}

void Interner::grow() {
  const unsigned bits = m_bits == 0 ? 10 : m_bits + 1;
  std::vector<std::uint64_t, BigAllocator<std::uint64_t>> slots(std::size_t{1} << bits, 0);
  const std::size_t mask = slots.size() - 1;
  for (const std::uint64_t slot : m_slots) {
    if (slot == 0) {
      continue;
    }
    // The tag is the hash's high 32 bits, and bits <= 32: enough to place it.
    std::size_t i = static_cast<std::size_t>(slot >> (64 - bits));
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = slot;
  }
  m_slots = std::move(slots);
  m_bits = bits;
}

}  // namespace sopctl::text
