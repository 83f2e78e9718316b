#pragma once
// Everything a command reads, in one call: SOP files, roster files (YAML or
// CSV) and the files `check` is given without saying which kind they are.
// Cross-references are validated once all are loaded. Plain values out, so
// unit tests and fuzzers reach the same code the CLI runs.

#include <sopctl/base/diagnostic.hpp>
#include <sopctl/model/roster.hpp>
#include <sopctl/model/sop.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::load {

struct InputPaths {
  std::vector<std::string> sops;     // SOP files
  std::vector<std::string> rosters;  // --roster files
  std::vector<std::string> any;      // SOP or roster, told apart by is_roster_file()
  // The encoding of roster CSVs (utf-8, gbk, gb18030: Excel on Chinese
  // Windows saves GBK); YAML files are UTF-8.
  std::string csv_encoding = "utf-8";
};

struct Inputs {
  // Every file read, by path as given (the texts suppression comments live in).
  std::map<std::string, std::string> texts;
  std::vector<Sop> sops;
  Roster roster;
  bool has_roster = false;
  // Paths skipped because they name a file already read (`--roster R --roster R`).
  std::vector<std::string> repeated;
};

// Reads and loads every path (a file named twice, even by another path, is
// read once); findings go to `diags`; unreadable or non-YAML files throw Error.
Inputs load_inputs(const InputPaths& paths, Diagnostics& diags);

// One roster file's text, as CSV (*.csv) or YAML, appended to `roster`.
void load_roster_file(const std::string& path, std::string_view text, Roster& roster,
                      Diagnostics& diags);

// Whether a file is a roster: *.roster.yaml, *.csv, or YAML whose top-level
// keys are staff/groups (and not sop/tasks).
bool is_roster_file(const std::string& path, std::string_view text);

}  // namespace sopctl::load
