#pragma once
// `sopctl compare`: an SOP's variants (A/B) with intervals, lift and
// significance (docs/spec.md §5.5).

#include "common.hpp"

namespace sopctl::cli {

Runner setup_compare(CLI::App& app);

}  // namespace sopctl::cli
