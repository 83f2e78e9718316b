#pragma once
// `sopctl funnel`: users per step and drop-off from an event log or stage counts.

#include "common.hpp"

namespace sopctl::cli {

Runner setup_funnel(CLI::App& app);

}  // namespace sopctl::cli
