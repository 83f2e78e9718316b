#include "completion_command.hpp"
#include <sopctl/base/i18n.hpp>

#include <sopctl/app/completion.hpp>
#include <sopctl/app/templates.hpp>

#include <cctype>
#include <memory>
#include <string_view>

namespace sopctl::cli {

namespace {

struct CompletionOptions {
  std::string shell;
  OutputOptions out;
};

bool is_literal(std::string_view word) {
  if (word.empty()) {
    return false;
  }
  for (const char c : word) {
    if (!(std::islower(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '_')) {
      return false;
    }
  }
  return true;
}

bool is_file_type(std::string_view word) {
  return word == "FILE" || word == "SOP" || word == "CSV" || word == "DIR" || word == "PATH";
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = s.find(sep, start);
    out.emplace_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) {
      return out;
    }
    start = end + 1;
  }
}

// What CLI11 knows about an option's values: its type name ("FILE",
// "cn|FILE", "YYYY-MM") and the sets of its IsMember validators, which
// get_type_name() appends as ":{a,b,c}".
void read_values(const CLI::Option& opt, completion::OptionSpec& spec) {
  const std::vector<std::string> parts = split(opt.get_type_name(), ':');
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    if (i > 0 && part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      for (const std::string& v : split(std::string_view(part).substr(1, part.size() - 2), ',')) {
        if (!v.empty()) {
          spec.values.push_back(v);
        }
      }
    } else if (i == 0) {
      spec.value_name = part;
      for (const std::string& word : split(part, '|')) {
        if (is_file_type(word)) {
          spec.files = true;
        } else if (is_literal(word) && parts.size() == 1) {
          spec.values.push_back(word);
        }
      }
    }
  }
}

completion::OptionSpec option_spec(const CLI::Option& opt) {
  completion::OptionSpec spec;
  for (const std::string& s : opt.get_snames()) {
    spec.names.push_back("-" + s);
  }
  for (const std::string& l : opt.get_lnames()) {
    spec.names.push_back("--" + l);
  }
  spec.description = opt.get_description();
  spec.takes_value = opt.get_type_size_max() > 0 && opt.get_expected_max() > 0;  // flags expect 0
  spec.repeatable = opt.get_expected_max() > 1;
  if (spec.takes_value) {
    read_values(opt, spec);
  }
  return spec;
}

std::vector<completion::OptionSpec> options_of(const CLI::App& app) {
  std::vector<completion::OptionSpec> specs;
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->nonpositional() && !opt->get_group().empty()) {  // an empty group is hidden
      specs.push_back(option_spec(*opt));
    }
  }
  return specs;
}

completion::CommandSpec command_spec(const CLI::App& sub) {
  completion::CommandSpec spec;
  spec.name = sub.get_name();
  spec.description = sub.get_description();
  spec.options = options_of(sub);
  for (const CLI::Option* opt : sub.get_options()) {
    if (opt->get_positional()) {
      completion::OptionSpec values;
      read_values(*opt, values);
      spec.file_args = spec.file_args || values.files;
      spec.arg_values.insert(spec.arg_values.end(), values.values.begin(), values.values.end());
    }
  }
  for (completion::OptionSpec& o : spec.options) {
    if (o.names.back() == "--template") {
      o.values = templates::available_ids();
    }
  }
  return spec;
}

int run_completion(const CLI::App& app, const CompletionOptions& o) {
  std::vector<completion::CommandSpec> commands;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    commands.push_back(command_spec(*sub));
  }
  const auto global = options_of(app);
  emit(o.out, o.shell == "zsh" ? completion::zsh_script(commands, global)
                               : completion::bash_script(commands, global));
  return 0;
}

}  // namespace

Runner setup_completion(CLI::App& app) {
  auto opts = std::make_shared<CompletionOptions>();
  CLI::App* cmd =
      app.add_subcommand("completion", tr("Print a shell completion script (bash or zsh)"));
  cmd->footer(
      tr("Examples:\n"
         "  source <(sopctl completion bash)        # this bash session\n"
         "  sopctl completion bash > ~/.local/share/bash-completion/completions/sopctl\n"
         "  sopctl completion zsh > \"${fpath[1]}/_sopctl\"   # zsh, then restart it\n"
         "\n"
         "The script completes subcommands, their options, and the values of --format,\n"
         "--color, --template and other options with a fixed set of values.\n"));
  cmd->add_option("shell", opts->shell, tr("The shell: bash or zsh"))
      ->type_name("SHELL")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh"}));
  cmd->add_option("-o,--output", opts->out.output, tr("Write the script to FILE instead of stdout"))
      ->type_name("FILE");
  cmd->add_flag("-q,--quiet", opts->out.quiet, tr("Print nothing on stderr but errors"));
  const CLI::App* root = &app;
  return [opts, root] { return run_completion(*root, *opts); };
}

}  // namespace sopctl::cli
