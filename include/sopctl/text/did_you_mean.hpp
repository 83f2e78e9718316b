#pragma once
// Did-you-mean for unknown keys, values, ids, subcommands and flags.

#include <string>
#include <string_view>
#include <vector>

namespace sopctl::text {

// The candidate closest to `word` by edit distance (in characters), or ""
// when none is close enough to be a plausible typo.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" for the closest candidate, or "" when none is close.
std::string did_you_mean_suffix(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace sopctl::text
