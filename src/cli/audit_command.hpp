#pragma once
// `sopctl audit`: the plan against a log of what was done (docs/spec.md §5.4).

#include "common.hpp"

namespace sopctl::cli {

Runner setup_audit(CLI::App& app);

}  // namespace sopctl::cli
