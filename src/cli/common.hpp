#pragma once
// What every subcommand shares: output options, loading inputs, printing
// diagnostics. Only the CLI includes this; the core never sees CLI11.

#include <sopctl/calendar.hpp>
#include <sopctl/diagnostic.hpp>
#include <sopctl/roster.hpp>
#include <sopctl/sop.hpp>

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::cli {

// The body of a subcommand, run after parsing; returns the exit code.
using Runner = std::function<int()>;

struct OutputOptions {
  std::string format;
  std::string output;  // -o FILE; empty: stdout
  std::string color = "auto";
  bool quiet = false;
};

// Adds --format (restricted to `formats`, first is the default), -o, --color, -q.
// `hidden_formats` are accepted too but not listed in --help.
void add_output_options(CLI::App& cmd, OutputOptions& opts, const std::vector<std::string>& formats,
                        const std::vector<std::string>& hidden_formats = {});

// Whether to colour stdout: --color always/never, or auto (a TTY, no NO_COLOR,
// not writing to a file).
bool use_color(const OutputOptions& opts);

// Writes a command's result to stdout, or atomically to -o FILE.
void emit(const OutputOptions& opts, const std::string& data);

// Sorts the findings, prints the errors among them (like print_diagnostics)
// and says whether there were any.
bool report_errors(Diagnostics& diags);

// Prints one diagnostic line per finding on stderr: path:line:col: severity: message [rule].
void print_diagnostics(const Diagnostics& diags);

// SOP files, roster files (YAML or .csv) and cross-references. Findings go
// to `diags`; unreadable or non-YAML files throw Error.
std::vector<Sop> load_sops(const std::vector<std::string>& paths, Diagnostics& diags);
Roster load_rosters(const std::vector<std::string>& paths, Diagnostics& diags);

// One roster file's text, as CSV (*.csv) or YAML, appended to `roster`.
void load_roster_file(const std::string& path, std::string_view text, Roster& roster,
                      Diagnostics& diags);
// Whether a file given to `check` is a roster: *.roster.yaml, *.csv, or YAML
// whose top-level keys are staff/groups (and not sop/tasks).
bool is_roster_file(const std::string& path, std::string_view text);

// `--calendar cn` (built in) or a calendar file; empty: Monday to Friday.
Calendar load_calendar(const std::string& spec);

}  // namespace sopctl::cli
