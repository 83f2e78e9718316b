#pragma once
// `sopctl calendar [NAME|FILE]`: the years and days a calendar covers.

#include "common.hpp"

namespace sopctl::cli {

Runner setup_calendar(CLI::App& app);

}  // namespace sopctl::cli
