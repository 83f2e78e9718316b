#pragma once
// Private to the roster loaders: a group's values as read from YAML or CSV,
// checked the same way whichever format they came from.

#include "values.hpp"

#include <sopctl/model/roster.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sopctl::load {

struct GroupInput {
  SourceLoc loc;  // the list item or CSV row
  std::optional<Located<std::string>> id, name, sop, open, close, owner, size, letter;
  std::vector<Located<std::string>> sops;  // sop: [a, b] (or a;b in CSV); else `sop`
  std::vector<Located<std::string>> assistants, tags, skip;
  std::vector<std::pair<std::string, Located<std::string>>> vars;
};

// Checks one group (bad-id, missing-key, bad-date, wrong-type, duplicate-id)
// and appends it to `roster` unless it has no usable id or repeats one.
void add_group(Diagnostics& diags, const GroupInput& in, IdRegistry& ids, Roster& roster);

// Throws Error when the groups loaded so far plus the rows or items of the
// file being read exceed limits::k_max_groups (checked before reading them,
// so that a huge file fails fast); `where(k)` locates the file's k-th row or
// item (0-based).
void check_group_count(std::size_t loaded, std::size_t in_file,
                       const std::function<SourceLoc(std::size_t)>& where);

}  // namespace sopctl::load
