#pragma once
// The JSON Schema of SOP files (docs/spec.md §1.1, 1.2), printed by `sopctl schema`
// for editors: yaml-language-server shows its descriptions on hover and
// completes its enums.

#include <string_view>

namespace sopctl {

// JSON Schema draft-07 text, ending in a newline. It mirrors the loader's
// keys; the loader and `sopctl check` remain the authority on what is valid.
std::string_view sop_json_schema();

}  // namespace sopctl
