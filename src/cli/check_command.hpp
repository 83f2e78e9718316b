#pragma once
// `sopctl check`: lints SOP and roster files (docs/spec.md §2.2).

#include "common.hpp"

namespace sopctl::cli {

Runner setup_check(CLI::App& app);

}  // namespace sopctl::cli
