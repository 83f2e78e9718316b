// parse_answer(): the JSON a WeCom robot answers with, {"errcode": 0,
// "errmsg": "ok"}. A small strict reader of one JSON object: the two keys are
// read, any other value is skipped (nesting at most 32 deep).

#include <sopctl/notify/notify.hpp>

#include <cstdint>

namespace sopctl::notify {
namespace {

constexpr int k_max_depth = 32;

class Scanner {
public:
  explicit Scanner(std::string_view s) : m_s(s) {}

  std::optional<Answer> answer() {
    Answer a;
    bool have_code = false;
    skip_space();
    if (!eat('{')) {
      return std::nullopt;
    }
    skip_space();
    if (!eat('}')) {
      while (true) {
        skip_space();
        std::string key;
        if (!string(key)) {
          return std::nullopt;
        }
        skip_space();
        if (!eat(':')) {
          return std::nullopt;
        }
        skip_space();
        if (key == "errcode") {
          const auto code = integer();
          if (!code) {
            return std::nullopt;
          }
          a.errcode = *code;
          have_code = true;
        } else if (key == "errmsg" && peek() == '"') {
          if (!string(a.errmsg)) {
            return std::nullopt;
          }
        } else if (!value(0)) {
          return std::nullopt;
        }
        skip_space();
        if (eat(',')) {
          continue;
        }
        if (eat('}')) {
          break;
        }
        return std::nullopt;
      }
    }
    skip_space();
    if (m_i != m_s.size() || !have_code) {
      return std::nullopt;
    }
    return a;
  }

private:
  char peek() const { return m_i < m_s.size() ? m_s[m_i] : '\0'; }
  bool eat(char c) {
    if (peek() == c && m_i < m_s.size()) {
      ++m_i;
      return true;
    }
    return false;
  }
  void skip_space() {
    while (m_i < m_s.size() &&
           (m_s[m_i] == ' ' || m_s[m_i] == '\t' || m_s[m_i] == '\n' || m_s[m_i] == '\r')) {
      ++m_i;
    }
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  static void put_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  std::optional<std::uint32_t> hex4() {
    if (m_i + 4 > m_s.size()) {
      return std::nullopt;
    }
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      const int h = hex(m_s[m_i++]);
      if (h < 0) {
        return std::nullopt;
      }
      v = v * 16 + static_cast<std::uint32_t>(h);
    }
    return v;
  }

  bool string(std::string& out) {
    if (!eat('"')) {
      return false;
    }
    while (m_i < m_s.size()) {
      const char c = m_s[m_i++];
      if (c == '"') {
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        return false;
      }
      if (c != '\\') {
        out += c;
        continue;
      }
      if (m_i >= m_s.size()) {
        return false;
      }
      const char e = m_s[m_i++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          auto cp = hex4();
          if (!cp) {
            return false;
          }
          if (*cp >= 0xD800 && *cp < 0xDC00 && m_s.substr(m_i, 2) == "\\u") {
            m_i += 2;
            const auto low = hex4();
            if (!low || *low < 0xDC00 || *low > 0xDFFF) {
              return false;
            }
            cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
          } else if (*cp >= 0xD800 && *cp <= 0xDFFF) {
            cp = 0xFFFD;  // a lone surrogate
          }
          put_utf8(out, *cp);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  std::optional<long> integer() {
    const std::size_t start = m_i;
    eat('-');
    long v = 0;
    std::size_t digits = 0;
    while (m_i < m_s.size() && m_s[m_i] >= '0' && m_s[m_i] <= '9') {
      if (v > 100'000'000'000L) {
        return std::nullopt;
      }
      v = v * 10 + (m_s[m_i++] - '0');
      ++digits;
    }
    if (digits == 0) {
      m_i = start;
      return std::nullopt;
    }
    return m_s[start] == '-' ? -v : v;
  }

  bool number() {
    eat('-');
    std::size_t digits = 0;
    while (m_i < m_s.size() &&
           ((m_s[m_i] >= '0' && m_s[m_i] <= '9') || m_s[m_i] == '.' || m_s[m_i] == 'e' ||
            m_s[m_i] == 'E' || m_s[m_i] == '+' || m_s[m_i] == '-')) {
      ++m_i;
      ++digits;
    }
    return digits > 0;
  }

  bool literal(std::string_view word) {
    if (m_s.substr(m_i, word.size()) == word) {
      m_i += word.size();
      return true;
    }
    return false;
  }

  bool value(int depth) {
    if (depth > k_max_depth) {
      return false;
    }
    skip_space();
    const char c = peek();
    if (c == '"') {
      std::string ignored;
      return string(ignored);
    }
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++m_i;
      skip_space();
      if (eat(close)) {
        return true;
      }
      while (true) {
        skip_space();
        if (c == '{') {
          std::string ignored;
          if (!string(ignored)) {
            return false;
          }
          skip_space();
          if (!eat(':')) {
            return false;
          }
        }
        if (!value(depth + 1)) {
          return false;
        }
        skip_space();
        if (eat(',')) {
          continue;
        }
        return eat(close);
      }
    }
    if (c == 't') {
      return literal("true");
    }
    if (c == 'f') {
      return literal("false");
    }
    if (c == 'n') {
      return literal("null");
    }
    return number();
  }

  std::string_view m_s;
  std::size_t m_i = 0;
};

}  // namespace

std::optional<Answer> parse_answer(std::string_view body) {
  return Scanner(body).answer();
}

}  // namespace sopctl::notify
