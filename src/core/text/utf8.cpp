// UTF-8 validation at memory speed with AVX2 when the CPU has it: the
// "lookup" algorithm of Keiser and Lemire (Validating UTF-8 In Less Than One
// Instruction Per Byte, 2021), as in simdjson. Three table look-ups classify
// each pair of adjacent bytes; a 3- or 4-byte lead demands continuations.

#include <sopctl/text/utf8.hpp>

#include <sopctl/base/cpu.hpp>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#ifdef SOPCTL_AVX2_FUNCTIONS
#include <immintrin.h>
#endif

namespace sopctl::text {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

#ifdef SOPCTL_AVX2_FUNCTIONS

constexpr char k_too_short = 1 << 0;
constexpr char k_too_long = 1 << 1;
constexpr char k_overlong_3 = 1 << 2;
constexpr char k_too_large = 1 << 3;
constexpr char k_surrogate = 1 << 4;
constexpr char k_overlong_2 = 1 << 5;
constexpr char k_too_large_1000 = 1 << 6;
constexpr char k_overlong_4 = 1 << 6;
constexpr char k_two_conts = static_cast<char>(1 << 7);
constexpr char k_carry = k_too_short | k_too_long | k_two_conts;

#define SOPCTL_TABLE(...) _mm256_setr_epi8(__VA_ARGS__, __VA_ARGS__)

__attribute__((target("avx2"))) inline __m256i high_nibbles(__m256i v) {
  return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}

__attribute__((target("avx2"))) inline __m256i prev_bytes(__m256i input, __m256i prev, int n) {
  const __m256i joined = _mm256_permute2x128_si256(prev, input, 0x21);
  switch (n) {
    case 1:
      return _mm256_alignr_epi8(input, joined, 15);
    case 2:
      return _mm256_alignr_epi8(input, joined, 14);
    default:
      return _mm256_alignr_epi8(input, joined, 13);
  }
}

__attribute__((target("avx2"))) bool valid_avx2(const unsigned char* s, std::size_t n) {
  const __m256i byte_1_high_table = SOPCTL_TABLE(
      k_too_long, k_too_long, k_too_long, k_too_long, k_too_long, k_too_long, k_too_long,
      k_too_long, k_two_conts, k_two_conts, k_two_conts, k_two_conts, k_too_short | k_overlong_2,
      k_too_short, k_too_short | k_overlong_3 | k_surrogate,
      k_too_short | k_too_large | k_too_large_1000 | k_overlong_4);
  const __m256i byte_1_low_table = SOPCTL_TABLE(
      k_carry | k_overlong_3 | k_overlong_2 | k_overlong_4, k_carry | k_overlong_2, k_carry,
      k_carry, k_carry | k_too_large, k_carry | k_too_large | k_too_large_1000,
      k_carry | k_too_large | k_too_large_1000, k_carry | k_too_large | k_too_large_1000,
      k_carry | k_too_large | k_too_large_1000, k_carry | k_too_large | k_too_large_1000,
      k_carry | k_too_large | k_too_large_1000, k_carry | k_too_large | k_too_large_1000,
      k_carry | k_too_large | k_too_large_1000,
      k_carry | k_too_large | k_too_large_1000 | k_surrogate,
      k_carry | k_too_large | k_too_large_1000, k_carry | k_too_large | k_too_large_1000);
  const __m256i byte_2_high_table = SOPCTL_TABLE(
      k_too_short, k_too_short, k_too_short, k_too_short, k_too_short, k_too_short, k_too_short,
      k_too_short,
      k_too_long | k_overlong_2 | k_two_conts | k_overlong_3 | k_too_large_1000 | k_overlong_4,
      k_too_long | k_overlong_2 | k_two_conts | k_overlong_3 | k_too_large,
      k_too_long | k_overlong_2 | k_two_conts | k_surrogate | k_too_large,
      k_too_long | k_overlong_2 | k_two_conts | k_surrogate | k_too_large, k_too_short, k_too_short,
      k_too_short, k_too_short);
  // A lead byte in the last three positions needs bytes of the next block.
  const __m256i max_value =
      _mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                       -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, static_cast<char>(0xEF),
                       static_cast<char>(0xDF), static_cast<char>(0xBF));
  const __m256i low_nibble_mask = _mm256_set1_epi8(0x0F);
  const __m256i high_bit = _mm256_set1_epi8(static_cast<char>(0x80));
  __m256i prev_input = _mm256_setzero_si256();
  __m256i prev_incomplete = _mm256_setzero_si256();
  __m256i error = _mm256_setzero_si256();

  auto step = [&](__m256i input) __attribute__((target("avx2"))) {
    if (_mm256_movemask_epi8(input) == 0) {
      error = _mm256_or_si256(error, prev_incomplete);
      prev_incomplete = _mm256_setzero_si256();
      prev_input = input;
      return;
    }
    const __m256i prev1 = prev_bytes(input, prev_input, 1);
    const __m256i b1h = _mm256_shuffle_epi8(byte_1_high_table, high_nibbles(prev1));
    const __m256i b1l =
        _mm256_shuffle_epi8(byte_1_low_table, _mm256_and_si256(prev1, low_nibble_mask));
    const __m256i b2h = _mm256_shuffle_epi8(byte_2_high_table, high_nibbles(input));
    const __m256i special = _mm256_and_si256(_mm256_and_si256(b1h, b1l), b2h);
    const __m256i prev2 = prev_bytes(input, prev_input, 2);
    const __m256i prev3 = prev_bytes(input, prev_input, 3);
    const __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8(static_cast<char>(0xE0 - 0x80)));
    const __m256i fourth =
        _mm256_subs_epu8(prev3, _mm256_set1_epi8(static_cast<char>(0xF0 - 0x80)));
    const __m256i must23 = _mm256_and_si256(_mm256_or_si256(third, fourth), high_bit);
    error = _mm256_or_si256(error, _mm256_xor_si256(must23, special));
    prev_incomplete = _mm256_subs_epu8(input, max_value);
    prev_input = input;
  };

  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    step(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i)));
    if ((i & 4095) == 0 && !_mm256_testz_si256(error, error)) {
      return false;
    }
  }
  if (i < n) {
    // The tail, padded with NUL: a character cut short at the end shows as an error.
    alignas(32) unsigned char buf[32] = {};
    std::memcpy(buf, s + i, n - i);
    step(_mm256_load_si256(reinterpret_cast<const __m256i*>(buf)));
  }
  error = _mm256_or_si256(error, prev_incomplete);
  return _mm256_testz_si256(error, error) != 0;
}

#endif

}  // namespace

std::string_view strip_bom(std::string_view text) {
  if (text.starts_with(k_bom)) {
    text.remove_prefix(k_bom.size());
  }
  return text;
}

std::size_t find_invalid_utf8(std::string_view s) {
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    while (i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(u + i));
      const int high = _mm_movemask_epi8(v);
      if (high == 0) {
        i += 16;
        continue;
      }
      i += static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(high)));
      break;
    }
#endif
    if (i >= n) {
      break;
    }
    const unsigned char c = u[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Three-byte sequences (CJK) first: they are the common case here.
    if ((c & 0xF0) == 0xE0) {
      if (i + 2 >= n) {
        return i;
      }
      const unsigned char c1 = u[i + 1];
      if ((c1 & 0xC0) != 0x80 || (u[i + 2] & 0xC0) != 0x80 || (c == 0xE0 && c1 < 0xA0) ||
          (c == 0xED && c1 >= 0xA0)) {
        return i;  // not a continuation, overlong, or a surrogate
      }
      i += 3;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (i + 1 >= n || (u[i + 1] & 0xC0) != 0x80) {
        return i;
      }
      i += 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (i + 3 >= n) {
        return i;
      }
      const unsigned char c1 = u[i + 1];
      if ((c1 & 0xC0) != 0x80 || (u[i + 2] & 0xC0) != 0x80 || (u[i + 3] & 0xC0) != 0x80 ||
          (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) {
        return i;
      }
      i += 4;
    } else {
      return i;
    }
  }
  return std::string_view::npos;
}

bool is_valid_utf8(std::string_view s) {
#ifdef SOPCTL_AVX2_FUNCTIONS
  if (cpu_has_avx2()) {
    return valid_avx2(reinterpret_cast<const unsigned char*>(s.data()), s.size());
  }
#endif
  return find_invalid_utf8(s) == std::string_view::npos;
}

bool is_valid_utf8(std::string_view s, std::size_t* bad_offset) {
  const std::size_t bad = find_invalid_utf8(s);
  if (bad != std::string_view::npos && bad_offset != nullptr) {
    *bad_offset = bad;
  }
  return bad == std::string_view::npos;
}

std::string utf8_prefix(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) {
    return std::string(s);
  }
  std::size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) {
    --n;
  }
  return std::string(s.substr(0, n));
}

}  // namespace sopctl::text
