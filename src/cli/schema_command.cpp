#include "schema_command.hpp"
#include <sopctl/base/i18n.hpp>

#include <sopctl/app/schema.hpp>

#include <memory>

namespace sopctl::cli {

Runner setup_schema(CLI::App& app) {
  auto opts = std::make_shared<OutputOptions>();
  CLI::App* cmd =
      app.add_subcommand("schema", tr("Print the JSON Schema of SOP files (for editors)"));
  cmd->footer(
      tr("With the YAML extension of VS Code (yaml-language-server), editors complete keys and\n"
         "show their meaning on hover:\n"
         "  sopctl schema -o .sopctl.schema.json\n"
         "and, at the top of an SOP file:\n"
         "  # yaml-language-server: $schema=./.sopctl.schema.json"));
  add_output_options(*cmd, *opts, {"json"});
  return [opts] {
    emit(*opts, std::string(sop_json_schema()));
    return 0;
  };
}

}  // namespace sopctl::cli
