#pragma once
// `sopctl schema`: prints the JSON Schema of SOP files, for editors.

#include "common.hpp"

namespace sopctl::cli {

Runner setup_schema(CLI::App& app);

}  // namespace sopctl::cli
