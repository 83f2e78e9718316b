#pragma once
// `sopctl completion bash|zsh`: prints a shell completion script generated
// from the subcommands registered on the app.

#include "common.hpp"

namespace sopctl::cli {

// The script is built when the command runs, from every subcommand
// registered on `app` by then, so registration order does not matter.
Runner setup_completion(CLI::App& app);

}  // namespace sopctl::cli
