#include <sopctl/text/strings.hpp>
#include <sopctl/text/utf8.hpp>

#include <algorithm>
#include <cctype>

namespace sopctl::text {

std::string_view trim(std::string_view s) {
  constexpr std::string_view k_space = " \t\r\n";
  const std::size_t first = s.find_first_not_of(k_space);
  if (first == std::string_view::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(k_space) - first + 1);
}

bool ends_with_nocase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) {
    return false;
  }
  const std::string_view tail = s.substr(s.size() - suffix.size());
  for (std::size_t i = 0; i < tail.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(tail[i])) !=
        std::tolower(static_cast<unsigned char>(suffix[i]))) {
      return false;
    }
  }
  return true;
}

std::string shorten(std::string_view s) {
  const std::string head = utf8_prefix(s, 40);
  std::string out;
  for (const char c : head) {
    out += c == '\n' ? std::string("\\n") : c == '\r' ? std::string("\\r") : std::string(1, c);
  }
  return head.size() < s.size() ? out + "..." : out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += sep;
    }
    out += items[i];
  }
  return out;
}

}  // namespace sopctl::text
