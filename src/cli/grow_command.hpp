#pragma once
// `sopctl grow`: the seeds' growth models (viral, rocket) projected per cycle
// (docs/spec.md §5.5).

#include "common.hpp"

namespace sopctl::cli {

Runner setup_grow(CLI::App& app);

}  // namespace sopctl::cli
