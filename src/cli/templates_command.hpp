#pragma once
// `sopctl templates`: the SOP templates that `sopctl init` can start from.

#include "common.hpp"

namespace sopctl::cli {

Runner setup_templates(CLI::App& app);

}  // namespace sopctl::cli
