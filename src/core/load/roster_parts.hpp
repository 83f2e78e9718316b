#pragma once
// Private to the roster loaders: a group's values as read from YAML or CSV,
// checked the same way whichever format they came from.

#include "values.hpp"

#include <sopctl/roster.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sopctl::load {

struct GroupInput {
  SourceLoc loc;  // the list item or CSV row
  std::optional<Located<std::string>> id, name, sop, open, owner, size, letter;
  std::vector<Located<std::string>> assistants, tags;
};

// Checks one group (bad-id, missing-key, bad-date, wrong-type, duplicate-id)
// and appends it to `roster` unless it has no usable id or repeats one.
void add_group(Diagnostics& diags, const GroupInput& in, IdRegistry& ids, Roster& roster);

}  // namespace sopctl::load
