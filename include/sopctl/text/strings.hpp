#pragma once
// Small string helpers shared by every reader.

#include <string>
#include <string_view>
#include <vector>

namespace sopctl::text {

// `s` without leading and trailing ASCII spaces, tabs, CR and LF.
std::string_view trim(std::string_view s);

// "a, b, c": the items with `sep` between them.
std::string join(const std::vector<std::string>& items, std::string_view sep = ", ");

// Whether `s` ends with `suffix`, ignoring ASCII case.
bool ends_with_nocase(std::string_view s, std::string_view suffix);

// A value for a one-line message: line breaks shown as \n, cut after 40
// bytes (never inside a UTF-8 character) with "...".
std::string shorten(std::string_view s);

}  // namespace sopctl::text
