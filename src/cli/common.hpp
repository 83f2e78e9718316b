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
void add_output_options(CLI::App& cmd, OutputOptions& opts, const std::vector<std::string>& formats);

// Whether to colour stdout: --color always/never, or auto (a TTY, no NO_COLOR,
// not writing to a file).
bool use_color(const OutputOptions& opts);

// Writes a command's result to stdout, or atomically to -o FILE.
void emit(const OutputOptions& opts, const std::string& data);

// Prints one diagnostic line per finding on stderr: path:line:col: severity: message [rule].
void print_diagnostics(const Diagnostics& diags);

// SOP files, roster files (YAML or .csv) and cross-references. Findings go
// to `diags`; unreadable or non-YAML files throw Error.
std::vector<Sop> load_sops(const std::vector<std::string>& paths, Diagnostics& diags);
Roster load_rosters(const std::vector<std::string>& paths, Diagnostics& diags);

// `--calendar cn` (built in) or a calendar file; empty: Monday to Friday.
Calendar load_calendar(const std::string& spec);

}  // namespace sopctl::cli
