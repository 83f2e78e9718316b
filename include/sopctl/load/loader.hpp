#pragma once
// YAML and CSV files into the plain structs of sop.hpp and roster.hpp.
//
// Loaders are tolerant: a finding about the content (unknown key with a
// did-you-mean, wrong type, bad date, day 0, duplicate id, ...) becomes a
// Diagnostic and loading goes on, so that `check` reports every mistake in
// one run. Only input that cannot be read at all (not YAML, not CSV, not
// UTF-8) throws Error with file and line.

#include <sopctl/base/diagnostic.hpp>
#include <sopctl/model/roster.hpp>
#include <sopctl/model/sop.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace sopctl {

// Parses one SOP file's text; `path` is used in locations.
Sop load_sop(std::string_view text, const std::string& path, Diagnostics& diags);

// Parses a YAML roster (staff and groups) and appends it to `roster`.
void load_roster_yaml(std::string_view text, const std::string& path, Roster& roster,
                      Diagnostics& diags);
// Parses a CSV roster (groups only: id,name,sop,open,owner,assistants,size,tags;
// lists separated by ';') and appends it to `roster`.
void load_roster_csv(std::string_view text, const std::string& path, Roster& roster,
                     Diagnostics& diags);

// Cross-file checks once everything is loaded: duplicate SOP ids, a group
// naming an unknown SOP, a group owner or assistant that is not in the staff
// list, duplicate group or staff ids across roster files.
void validate_references(const std::vector<Sop>& sops, const Roster& roster, Diagnostics& diags);

}  // namespace sopctl
