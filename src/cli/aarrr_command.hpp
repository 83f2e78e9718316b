#pragma once
// `sopctl aarrr`: the five AARRR stages, cohort retention and ROI from an event log.

#include "common.hpp"

namespace sopctl::cli {

Runner setup_aarrr(CLI::App& app);

}  // namespace sopctl::cli
