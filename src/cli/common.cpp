#include "common.hpp"
#include <sopctl/base/i18n.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/base/files.hpp>
#include <sopctl/calendar/calendar.hpp>

#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace sopctl::cli {

const CLI::Validator& non_empty_path() {
  static const CLI::Validator v(
      [](std::string& s) { return s.empty() ? std::string("an empty path names no file") : ""; },
      "");
  return v;
}

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
  cmd.add_option("--format", opts.format, trf("Output format: {}", list))
      ->check(member)
      ->default_str(formats.front());
  cmd.add_option("-o,--output", opts.output,
                 tr("Write the result to FILE (atomically: a temporary file, then rename)"))
      ->check(non_empty_path())
      ->type_name("FILE");
  cmd.add_option("--color", opts.color,
                 tr("Colour: auto (a terminal without NO_COLOR), always, never"))
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
  cmd.add_flag("-q,--quiet", opts.quiet, tr("Print nothing on stderr but errors"));
  if (std::find(formats.begin(), formats.end(), "csv") != formats.end()) {
    cmd.add_flag("--bom", opts.bom,
                 tr("Start CSV/TSV output with a UTF-8 BOM, so that Excel opens it as UTF-8"));
  }
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
  if (opts.bom && (opts.format == "csv" || opts.format == "tsv")) {
    OutputOptions plain = opts;
    plain.bom = false;
    emit(plain, "\xEF\xBB\xBF" + data);
    return;
  }
  if (opts.output.empty() || opts.output == "-" || opts.output == "/dev/stdout") {
    if (opts.format == "xlsx" && isatty(STDOUT_FILENO) != 0) {
      throw Error(tr("--format xlsx writes a binary file: give -o FILE.xlsx (or redirect stdout)"));
    }
    std::fwrite(data.data(), 1, data.size(), stdout);
    std::fflush(stdout);
    return;
  }
  io::write_file_atomic(opts.output, data);
  if (!opts.quiet) {
    std::fprintf(stderr, tr("sopctl: wrote %s\n"), opts.output.c_str());
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
  cap_repeats(errors);
  print_diagnostics(errors);
  return !errors.empty();
}

void print_diagnostics(const Diagnostics& diags) {
  for (const Diagnostic& d : diags) {
    std::string line = d.loc.str() + ": " + severity_label(d.severity) + ": " + d.message;
    if (!d.rule.empty()) {
      line += " [" + d.rule + "]";
    }
    std::fprintf(stderr, "%s\n", line.c_str());
  }
}

void note_repeated(const load::Inputs& in, const OutputOptions& opts) {
  if (opts.quiet) {
    return;
  }
  for (const std::string& path : in.repeated) {
    std::fprintf(stderr, tr("sopctl: %s: named twice; read once\n"), path.c_str());
  }
}

}  // namespace sopctl::cli
