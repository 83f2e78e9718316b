#include <sopctl/text/json_writer.hpp>
#include <sopctl/text/utf8.hpp>

#include <sopctl/text/width.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sopctl::text {

namespace {

constexpr std::string_view k_replacement_char = "\xEF\xBF\xBD";  // U+FFFD

// The first byte at or after `i` that JSON must escape (a control
// character, '"' or '\'), or s.size(); 16 bytes at a time where it can.
std::size_t next_to_escape(std::string_view s, std::size_t i) {
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
#if defined(__SSE2__)
  const __m128i k_control_max = _mm_set1_epi8(0x1F);
  const __m128i k_quote = _mm_set1_epi8('"');
  const __m128i k_backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(u + i));
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(v, k_control_max), k_control_max);
    const int hit = _mm_movemask_epi8(_mm_or_si128(
        control, _mm_or_si128(_mm_cmpeq_epi8(v, k_quote), _mm_cmpeq_epi8(v, k_backslash))));
    if (hit != 0) {
      return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(hit)));
    }
  }
#endif
  for (; i < s.size(); ++i) {
    if (u[i] < 0x20 || u[i] == '"' || u[i] == '\\') {
      return i;
    }
  }
  return s.size();
}

// Appends valid UTF-8 `s`, escaping what JSON requires; the runs between
// escapes are appended whole.
void append_escaped(std::string& out, std::string_view s) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::size_t run = 0;  // start of the bytes not yet appended
  for (std::size_t i = next_to_escape(s, 0); i < s.size(); i = next_to_escape(s, i + 1)) {
    const auto c = static_cast<unsigned char>(s[i]);
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        out += "\\u00";
        out += k_hex[c >> 4];
        out += k_hex[c & 0xF];
    }
  }
  out.append(s.data() + run, s.size() - run);
}

// Whether every byte of `s` is below 0x80, 8 bytes at a time.
bool is_ascii(std::string_view s) {
  std::uint64_t high = 0;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, s.data() + i, 8);
    high |= word;
  }
  for (; i < s.size(); ++i) {
    high |= static_cast<unsigned char>(s[i]);
  }
  return (high & 0x8080808080808080ULL) == 0;
}

// Appends `s` as a JSON string literal. Each invalid byte becomes U+FFFD, so
// the output is always valid JSON.
void append_quoted(std::string& out, std::string_view s) {
  out += '"';
  std::size_t bad = 0;
  // ASCII (keys, ids, dates) needs no check; then the whole-string check
  // (16 or 32 bytes at a time): nearly every text is valid, and finding
  // where it is not costs more.
  while (!is_ascii(s) && !is_valid_utf8(s) && !is_valid_utf8(s, &bad)) {
    append_escaped(out, s.substr(0, bad));
    out += k_replacement_char;
    s.remove_prefix(bad + 1);
  }
  append_escaped(out, s);
  out += '"';
}

template <typename Int>
void append_integer(std::string& out, Int n) {
  std::array<char, 24> buf{};
  const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), n);
  out.append(buf.data(), end);
}

}  // namespace

std::string json_quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  append_quoted(out, s);
  return out;
}

std::string json_number(double v) {
  if (!std::isfinite(v)) {
    return "null";
  }
  std::array<char, 32> buf{};
  const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  std::string out(buf.data(), end);
  if (out.find_first_of(".e") == std::string::npos) {
    out += ".0";  // keep a double looking like one: 347.0, not 347
  }
  return out;
}

void JsonWriter::newline() {
  if (m_indent > 0) {
    m_out += '\n';
    m_out.append(m_first.size() * static_cast<std::size_t>(m_indent), ' ');
  }
}

void JsonWriter::before_value() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_first.empty()) {
    return;  // the document's top-level value
  }
  if (!m_first.back()) {
    m_out += ',';
  }
  m_first.back() = 0;
  newline();
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  m_out += '{';
  m_first.push_back(1);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  const bool empty = m_first.back() != 0;
  m_first.pop_back();
  if (!empty) {
    newline();
  }
  m_out += '}';
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  m_out += '[';
  m_first.push_back(1);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const bool empty = m_first.back() != 0;
  m_first.pop_back();
  if (!empty) {
    newline();
  }
  m_out += ']';
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  before_value();
  append_quoted(m_out, k);
  m_out += m_indent > 0 ? ": " : ":";
  m_after_key = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  append_quoted(m_out, s);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n) {
  before_value();
  append_integer(m_out, n);
  return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t n) {
  before_value();
  append_integer(m_out, n);
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  before_value();
  m_out += json_number(d);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  m_out += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  m_out += "null";
  return *this;
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& items) {
  begin_array();
  for (const std::string& s : items) {
    value(s);
  }
  return end_array();
}

}  // namespace sopctl::text
