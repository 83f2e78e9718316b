#include "calendar_command.hpp"
#include <sopctl/base/i18n.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/render/calendar_render.hpp>
#include <sopctl/text/strings.hpp>

#include <cstdlib>
#include <filesystem>
#include <memory>

namespace sopctl::cli {
namespace {

struct CalendarOptions {
  std::string name = "cn";
  OutputOptions out;
};

int run_calendar(const CalendarOptions& o) {
  render::CalendarView view;
  view.name = o.name;
  // Folders as the user would type them.
  for (std::string dir : calendar::calendar_dirs()) {
    if (const char* home = std::getenv("HOME");
        home != nullptr && *home != '\0' && dir.rfind(std::string(home) + "/", 0) == 0) {
      dir = "~" + dir.substr(std::string(home).size());
    }
    view.dirs.push_back(std::move(dir));
  }
  Calendar cal;
  const bool file = o.name.find('/') != std::string::npos ||
                    text::ends_with_nocase(o.name, ".yaml") ||
                    text::ends_with_nocase(o.name, ".yml") || std::filesystem::exists(o.name);
  if (file) {
    cal = calendar::load(o.name);
    for (const int y : cal.years()) {
      view.years.push_back({y, o.name});
    }
    view.dirs.clear();
  } else {
    cal = calendar::load_named(o.name, &view.years);
  }
  view.calendar = &cal;
  emit(o.out, o.out.format == "json" ? render::calendar_json(view) : render::calendar_text(view));
  return 0;
}

}  // namespace

Runner setup_calendar(CLI::App& app) {
  auto opts = std::make_shared<CalendarOptions>();
  CLI::App* cmd =
      app.add_subcommand("calendar", tr("Show the years and days off a workday calendar covers"));
  cmd->footer(
      tr("Examples:\n"
         "  sopctl calendar                 # the built-in mainland-China calendar (cn)\n"
         "  sopctl calendar cn --format json\n"
         "  sopctl calendar holidays.yaml\n"
         "\n"
         "A named calendar is the built-in table (cn) plus files NAME-YEAR.yaml in\n"
         "$SOPCTL_CALENDARS, then $XDG_DATA_HOME/sopctl/calendars (default\n"
         "~/.local/share/sopctl/calendars): a new year needs no new sopctl. A file for a\n"
         "built-in year replaces it. No date is guessed: add a year when the State\n"
         "Council publishes it.\n"));
  cmd->add_option("calendar", opts->name, tr("A calendar name (cn) or file"))
      ->type_name("NAME|FILE")
      ->check(non_empty_path());
  add_output_options(*cmd, opts->out, {"text", "json"});
  return [opts] { return run_calendar(*opts); };
}

}  // namespace sopctl::cli
