#pragma once
// UTF-8 at the edges of every input: byte order marks and validation. Every
// reader (YAML, CSV, calendars, configs) uses these, so "valid UTF-8" means
// the same thing everywhere.

#include <cstddef>
#include <string_view>

namespace sopctl::text {

// `text` without a leading UTF-8 byte order mark.
std::string_view strip_bom(std::string_view text);

// Offset of the first byte that is not valid UTF-8 (overlong forms,
// surrogates and code points over U+10FFFF are invalid), or npos.
std::size_t find_invalid_utf8(std::string_view s);

// Whether all of `s` is valid UTF-8: the same answer as find_invalid_utf8,
// several times faster on CPUs with AVX2.
bool is_valid_utf8(std::string_view s);
// The same; when false, `bad_offset` is the first bad byte.
bool is_valid_utf8(std::string_view s, std::size_t* bad_offset);

// The longest prefix of `s` within `max_bytes`, cut at a character boundary.
std::string utf8_prefix(std::string_view s, std::size_t max_bytes);

}  // namespace sopctl::text
