// closest_match(): the did-you-mean of unknown keys, values and ids.

#include <sopctl/text/did_you_mean.hpp>

#include <sopctl/base/i18n.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace sopctl::text {
namespace {

constexpr std::size_t k_max_word = 64;

// Code points of `s`, ASCII letters lowered so that "Every" matches "every".
// Invalid bytes become one unit each; the files were checked to be UTF-8.
std::vector<std::uint32_t> folded_code_points(std::string_view s) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = 1;
    std::uint32_t cp = b;
    if (b >= 0xF0) {
      len = 4;
      cp = b & 0x07;
    } else if (b >= 0xE0) {
      len = 3;
      cp = b & 0x0F;
    } else if (b >= 0xC0) {
      len = 2;
      cp = b & 0x1F;
    }
    if (i + len > s.size()) {
      len = 1;
      cp = b;
    } else {
      for (std::size_t k = 1; k < len; ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
      }
    }
    if (cp >= 'A' && cp <= 'Z') {
      cp += 'a' - 'A';
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

// Damerau-Levenshtein distance (optimal string alignment): insertions,
// deletions, substitutions and swaps of two neighbours each cost 1.
std::size_t edit_distance(const std::vector<std::uint32_t>& a,
                          const std::vector<std::uint32_t>& b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) {
    d[i][0] = i;
  }
  for (std::size_t j = 0; j <= m; ++j) {
    d[0][j] = j;
  }
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  const auto w = folded_code_points(word);
  // Long text is not a misspelt name, and comparing two long strings costs
  // their product: a broken file must not make `check` crawl.
  if (w.empty() || w.size() > k_max_word) {
    return {};
  }
  // A third of the word may be wrong; below three characters, one edit.
  const std::size_t max_distance = std::max<std::size_t>(1, w.size() / 3);
  const std::string* best = nullptr;
  std::size_t best_distance = max_distance + 1;
  for (const auto& candidate : candidates) {
    const auto c = folded_code_points(candidate);
    // Cheap bound: the distance is at least the difference in length.
    const std::size_t length_gap = c.size() > w.size() ? c.size() - w.size() : w.size() - c.size();
    if (length_gap >= best_distance) {
      continue;
    }
    const std::size_t dist = edit_distance(w, c);
    // Replacing every character is not a typo ('Z' is not a misspelt 'A').
    if (dist >= w.size() || dist >= c.size()) {
      continue;
    }
    if (dist < best_distance) {
      best_distance = dist;
      best = &candidate;
    }
  }
  return best ? *best : std::string();
}

std::string did_you_mean_suffix(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string match = closest_match(word, candidates);
  return match.empty() ? std::string() : trf(" (did you mean '{}'?)", match);
}

}  // namespace sopctl::text
