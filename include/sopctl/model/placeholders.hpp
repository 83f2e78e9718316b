#pragma once
// The `{name}` placeholders of SOP scripts: which names are built in. The
// loader checks scripts against them; the plan renders them.

#include <string>
#include <vector>

namespace sopctl {

// Names of the built-in placeholders ({day}, {date}, {group_name}, ...).
const std::vector<std::string>& known_placeholders();

}  // namespace sopctl
