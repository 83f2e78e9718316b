#include "ics_text.hpp"

#include <sopctl/text/utf8.hpp>
#include <sopctl/text/width.hpp>

namespace sopctl::render {

namespace {

constexpr std::size_t k_max_line_octets = 75;               // RFC 5545 3.1, without CRLF
constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Appends valid UTF-8 `s` escaped.
void escape_valid(std::string_view s, std::string& out) {
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += '\t';
        break;
      default:
        // TEXT allows no CONTROL characters; CR only ever comes from CRLF.
        if (u >= 0x20 && u != 0x7F) {
          out += c;
        }
        break;
    }
  }
}

}  // namespace

std::string ics_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  while (!text.empty()) {
    std::size_t bad = 0;
    if (text::is_valid_utf8(text, &bad)) {
      escape_valid(text, out);
      break;
    }
    escape_valid(text.substr(0, bad), out);
    out += k_replacement;
    text.remove_prefix(bad + 1);
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  out.reserve(line.size() + 3 * (line.size() / 70 + 1));
  std::size_t pos = 0;
  bool first = true;
  do {
    // Continuation lines spend one octet on the leading space.
    const std::size_t room = first ? k_max_line_octets : k_max_line_octets - 1;
    std::size_t cut = line.size();
    if (line.size() - pos > room) {
      cut = pos + room;
      // Back up to the start of the character that straddles the limit; a
      // UTF-8 character has at most 3 continuation bytes. Bytes that are not
      // UTF-8 (a long run of continuation bytes) are cut at the limit.
      std::size_t k = cut;
      while (k > pos && cut - k < 3 && is_continuation_byte(line[k])) {
        --k;
      }
      if (k > pos && !is_continuation_byte(line[k])) {
        cut = k;
      }
    }
    if (!first) {
      out += ' ';
    }
    out.append(line.substr(pos, cut - pos));
    out += "\r\n";
    pos = cut;
    first = false;
  } while (pos < line.size());
  return out;
}

}  // namespace sopctl::render
