#pragma once
// `sopctl notify`: today's work to each staff member's phone through WeCom
// group robots (docs/spec.md §5.3).

#include "common.hpp"

namespace sopctl::cli {

Runner setup_notify(CLI::App& app);

}  // namespace sopctl::cli
