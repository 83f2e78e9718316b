#include "common.hpp"

#include <sopctl/error.hpp>
#include <sopctl/io/files.hpp>
#include <sopctl/loader.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace sopctl::cli {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

void add_output_options(CLI::App& cmd, OutputOptions& opts, const std::vector<std::string>& formats) {
  opts.format = formats.front();
  std::string list;
  for (const auto& f : formats) {
    list += (list.empty() ? "" : ", ") + f;
  }
  cmd.add_option("--format", opts.format, "Output format: " + list)
      ->check(CLI::IsMember(formats))
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
    const std::string text = io::read_file(path);
    if (ends_with(path, ".csv") || ends_with(path, ".CSV")) {
      load_roster_csv(text, path, roster, diags);
    } else {
      load_roster_yaml(text, path, roster, diags);
    }
  }
  return roster;
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
