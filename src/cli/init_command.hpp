#pragma once
// `sopctl init`: start an SOP file from one of the templates.

#include "common.hpp"

namespace sopctl::cli {

Runner setup_init(CLI::App& app);

}  // namespace sopctl::cli
