// ICS text: ics_escape and ics_fold (RFC 5545 3.1 and 3.3.11). Invariants:
// escaping always gives valid UTF-8 without CR or LF; every folded physical
// line is at most 75 octets and ends in CRLF; unfolding gives the input back;
// a fold of valid UTF-8 never splits a character.

#include "fuzz_common.hpp"
#include "render/ics_text.hpp"

#include <sopctl/text/utf8.hpp>
#include <sopctl/text/width.hpp>

using namespace sopctl;

namespace {

// RFC 5545 unfolding: remove every CRLF followed by one space; the last CRLF ends the line.
std::string unfold(std::string_view folded) {
  std::string out;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    const std::size_t crlf = folded.find("\r\n", pos);
    fuzz::require(crlf != std::string_view::npos, "every physical line ends in CRLF");
    fuzz::require(crlf - pos <= 75, "a physical line is at most 75 octets");
    std::string_view physical = folded.substr(pos, crlf - pos);
    if (pos > 0) {
      fuzz::require(!physical.empty() && physical.front() == ' ',
                    "a continuation line starts with a space");
      physical.remove_prefix(1);
    }
    out.append(physical);
    pos = crlf + 2;
  }
  return out;
}

void check_fold(std::string_view line) {
  const std::string folded_text = render::ics_fold(line);
  const std::string_view folded = folded_text;
  fuzz::require(unfold(folded) == line, "unfold(fold(x)) == x");
  if (!text::is_valid_utf8(line)) {
    return;
  }
  std::size_t pos = 0;
  while (pos < folded.size()) {
    const std::size_t crlf = folded.find("\r\n", pos);
    std::string_view physical = folded.substr(pos, crlf - pos);
    if (pos > 0) {
      physical.remove_prefix(1);
    }
    fuzz::require(text::is_valid_utf8(physical), "a fold never splits a UTF-8 character");
    pos = crlf + 2;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view raw = fuzz::as_text(data, size);
  const std::string escaped = render::ics_escape(raw);
  fuzz::require(text::is_valid_utf8(escaped), "ics_escape gives valid UTF-8");
  fuzz::require(escaped.find_first_of("\r\n") == std::string::npos,
                "ics_escape leaves no line break");
  if (text::is_valid_utf8(raw) && raw.find_first_of("\\;,\r\n") == std::string_view::npos) {
    bool plain = true;
    for (const char c : raw) {
      const auto u = static_cast<unsigned char>(c);
      plain = plain && (u >= 0x20 || c == '\t') && u != 0x7F;
    }
    fuzz::require(!plain || escaped == raw, "plain valid text is unchanged by escaping");
  }
  check_fold("DESCRIPTION:" + escaped);
  // Folding takes any content line; raw bytes test its handling of broken UTF-8.
  if (raw.find_first_of("\r\n") == std::string_view::npos) {
    check_fold(raw);
  }
  return 0;
}
