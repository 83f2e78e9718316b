#include <sopctl/text/width.hpp>

#include <utf8proc.h>

namespace sopctl::text {

namespace {

constexpr char32_t k_variation_selector_16 = 0xFE0F;  // emoji presentation

// Decodes one code point at s[pos]. Returns its length in bytes, or 0 when
// the bytes there are not valid UTF-8 (overlong, surrogate, > U+10FFFF,
// truncated, stray continuation byte).
std::size_t decode(std::string_view s, std::size_t pos, char32_t& cp) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    return 0;  // continuation byte, C0/C1 (always overlong) or F5..FF
  }
  if (pos + len > s.size()) {
    return 0;
  }
  for (std::size_t i = 1; i < len; ++i) {
    const unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) {
      return 0;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}

bool is_regional_indicator(char32_t cp) {
  return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

// Width of one grapheme cluster: that of its first code point with a
// non-zero width, widened to 2 for emoji presentation (VS16) and flags.
class ClusterWidth {
public:
  void add(char32_t cp) {
    if (m_empty && is_regional_indicator(cp)) {
      m_width = 2;
    }
    m_empty = false;
    if (cp == k_variation_selector_16) {
      m_emoji = true;
    }
    if (m_width == 0) {
      m_width = static_cast<std::size_t>(utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp)));
    }
  }
  std::size_t take() {
    const std::size_t w = (m_emoji && m_width == 1) ? 2 : m_width;
    *this = ClusterWidth{};
    return w;
  }

private:
  std::size_t m_width = 0;
  bool m_empty = true;
  bool m_emoji = false;
};

}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t total = 0;
  ClusterWidth cluster;
  utf8proc_int32_t state = 0;
  char32_t prev = 0;
  bool in_cluster = false;
  std::size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = 0;
    const std::size_t len = decode(s, pos, cp);
    if (len == 0) {
      // An invalid byte ends the cluster and stands alone, one column.
      total += cluster.take() + 1;
      in_cluster = false;
      state = 0;
      ++pos;
      continue;
    }
    if (in_cluster && utf8proc_grapheme_break_stateful(static_cast<utf8proc_int32_t>(prev),
                                                       static_cast<utf8proc_int32_t>(cp), &state)) {
      total += cluster.take();
    }
    cluster.add(cp);
    in_cluster = true;
    prev = cp;
    pos += len;
  }
  return total + cluster.take();
}

std::string pad_right(std::string_view s, std::size_t width) {
  std::string out(s);
  const std::size_t w = display_width(s);
  if (w < width) {
    out.append(width - w, ' ');
  }
  return out;
}

std::size_t count_chars(std::string_view s) {
  std::size_t n = 0;
  std::size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = 0;
    const std::size_t len = decode(s, pos, cp);
    pos += len == 0 ? 1 : len;
    ++n;
  }
  return n;
}

}  // namespace sopctl::text
