#pragma once
// RFC 5545 text helpers for the ICS renderer, exposed for unit tests and
// fuzzing: TEXT value escaping and content-line folding.

#include <string>
#include <string_view>

namespace sopctl::render {

// A TEXT property value (RFC 5545 3.3.11): backslash, ';' and ',' are
// escaped, LF becomes "\n", CR and other control characters (except TAB) are
// dropped, and bytes that are not valid UTF-8 become U+FFFD, so the result is
// always valid UTF-8.
std::string ics_escape(std::string_view text);

// One content line (without its line break) as physical lines, each ending in
// CRLF and at most 75 octets long without it; continuation lines start with
// one space. A fold never splits a UTF-8 character, so a physical line may
// be shorter than 75 octets.
std::string ics_fold(std::string_view line);

}  // namespace sopctl::render
