#include "common.hpp"

#include <sopctl/error.hpp>
#include <sopctl/io/files.hpp>
#include <sopctl/loader.hpp>

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace sopctl::cli {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

void add_output_options(CLI::App& cmd, OutputOptions& opts, const std::vector<std::string>& formats,
                        const std::vector<std::string>& hidden_formats) {
  opts.format = formats.front();
  std::string list;
  for (const auto& f : formats) {
    list += (list.empty() ? "" : ", ") + f;
  }
  std::vector<std::string> accepted = formats;
  accepted.insert(accepted.end(), hidden_formats.begin(), hidden_formats.end());
  CLI::Validator member = CLI::IsMember(accepted);
  if (!hidden_formats.empty()) {
    member.description(CLI::IsMember(formats).get_description());  // lists the visible ones
  }
  cmd.add_option("--format", opts.format, "Output format: " + list)
      ->check(member)
      ->default_str(formats.front());
  cmd.add_option("-o,--output", opts.output,
                 "Write the result to FILE (atomically: a temporary file, then rename)")
      ->type_name("FILE");
  cmd.add_option("--color", opts.color, "Colour: auto (a terminal without NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
  cmd.add_flag("-q,--quiet", opts.quiet, "Print nothing on stderr but errors");
}

bool use_color(const OutputOptions& opts) {
  if (opts.color == "always") {
    return true;
  }
  if (opts.color == "never" || !opts.output.empty()) {
    return false;
  }
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
}

void emit(const OutputOptions& opts, const std::string& data) {
  if (opts.output.empty() || opts.output == "-") {
    std::fwrite(data.data(), 1, data.size(), stdout);
    std::fflush(stdout);
    return;
  }
  io::write_file_atomic(opts.output, data);
  if (!opts.quiet) {
    std::fprintf(stderr, "sopctl: wrote %s\n", opts.output.c_str());
  }
}

bool report_errors(Diagnostics& diags) {
  sort_diagnostics(diags);
  Diagnostics errors;
  for (const Diagnostic& d : diags) {
    if (d.severity == Severity::error) {
      errors.push_back(d);
    }
  }
  print_diagnostics(errors);
  return !errors.empty();
}

void print_diagnostics(const Diagnostics& diags) {
  for (const Diagnostic& d : diags) {
    std::string line = d.loc.str() + ": " + severity_name(d.severity) + ": " + d.message;
    if (!d.rule.empty()) {
      line += " [" + d.rule + "]";
    }
    std::fprintf(stderr, "%s\n", line.c_str());
  }
}

std::vector<Sop> load_sops(const std::vector<std::string>& paths, Diagnostics& diags) {
  std::vector<Sop> sops;
  sops.reserve(paths.size());
  for (const std::string& path : paths) {
    sops.push_back(load_sop(io::read_file(path), path, diags));
  }
  return sops;
}

Roster load_rosters(const std::vector<std::string>& paths, Diagnostics& diags) {
  Roster roster;
  for (const std::string& path : paths) {
    load_roster_file(path, io::read_file(path), roster, diags);
  }
  return roster;
}

void load_roster_file(const std::string& path, std::string_view text, Roster& roster,
                      Diagnostics& diags) {
  if (ends_with(path, ".csv") || ends_with(path, ".CSV")) {
    load_roster_csv(text, path, roster, diags);
  } else {
    load_roster_yaml(text, path, roster, diags);
  }
}

bool is_roster_file(const std::string& path, std::string_view text) {
  if (ends_with(path, ".csv") || ends_with(path, ".CSV") || ends_with(path, ".roster.yaml") ||
      ends_with(path, ".roster.yml")) {
    return true;
  }
  // A look at the top-level keys only (lines that start in column 1), so
  // that a file which is not YAML still reaches the loader for its error.
  bool roster_keys = false;
  std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end;
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    const bool indented_or_not_a_key = line.empty() || line.find(':') == std::string_view::npos ||
                                       std::string_view(" \t#-{[\"'").find(line[0]) != line.npos;
    if (indented_or_not_a_key) {
      continue;
    }
    const std::string_view key = line.substr(0, line.find_first_of(" \t:"));
    if (key == "sop" || key == "tasks") {
      return false;
    }
    roster_keys = roster_keys || key == "staff" || key == "groups";
  }
  return roster_keys;
}

Calendar load_calendar(const std::string& spec) {
  if (spec.empty()) {
    return Calendar();
  }
  if (spec == "cn") {
    return Calendar::builtin_cn();
  }
  return Calendar::parse(io::read_file(spec), spec);
}

}  // namespace sopctl::cli
