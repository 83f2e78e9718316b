#pragma once
// `sopctl plan`: SOP files and a roster to a dated schedule.

#include "common.hpp"

namespace sopctl::cli {

Runner setup_plan(CLI::App& app);

}  // namespace sopctl::cli
