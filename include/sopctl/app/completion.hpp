#pragma once
// Shell completion scripts (`sopctl completion bash|zsh`), generated from a
// plain description of the commands so that they follow the CLI as it grows:
// the CLI describes its subcommands, this renders the script.

#include <string>
#include <vector>

namespace sopctl::completion {

struct OptionSpec {
  std::vector<std::string> names;  // "-o", "--output"
  std::string description;
  bool takes_value = false;         // false: a flag
  std::string value_name;           // what the value is ("FILE", "YYYY-MM")
  bool repeatable = false;          // may be given more than once
  std::vector<std::string> values;  // the values it accepts, when a fixed set
  bool files = false;               // complete file names as values
};

struct CommandSpec {
  std::string name;
  std::string description;
  std::vector<OptionSpec> options;
  bool file_args = false;               // positional arguments are files
  std::vector<std::string> arg_values;  // or one of these words
};

// A bash script defining `_sopctl` and `complete -F _sopctl sopctl`, for
// `source <(sopctl completion bash)` or a file in bash-completion's directory.
std::string bash_script(const std::vector<CommandSpec>& commands,
                        const std::vector<OptionSpec>& global_options);

// A zsh script (`#compdef sopctl`) that works both from a directory of $fpath
// (as `_sopctl`) and with `source <(sopctl completion zsh)` after compinit.
std::string zsh_script(const std::vector<CommandSpec>& commands,
                       const std::vector<OptionSpec>& global_options);

}  // namespace sopctl::completion
