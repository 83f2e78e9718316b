#pragma once
// What every subcommand shares: output options, loading inputs, printing
// diagnostics. Only the CLI includes this; the core never sees CLI11.

#include <sopctl/base/diagnostic.hpp>
#include <sopctl/load/inputs.hpp>

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
  bool bom = false;  // --bom: a UTF-8 BOM before CSV/TSV output (Excel)
};

// Rejects "" for -o, --calendar and other paths (bad usage, exit 2).
const CLI::Validator& non_empty_path();

// Adds --format (restricted to `formats`, first is the default), -o, --color,
// -q, and --bom when csv is among the formats.
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

// One note on stderr per input path skipped because it names a file already read.
void note_repeated(const load::Inputs& in, const OutputOptions& opts);

}  // namespace sopctl::cli
