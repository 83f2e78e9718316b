#pragma once
// Private to the SOP loader: the parts of load_sop() that live in their own files.

#include "yaml_walk.hpp"

#include <sopctl/sop.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sopctl::load {

// Phase ids declared in the file (also those whose bounds were invalid and
// so are missing from Sop::phases), for unknown-phase.
using PhaseIds = std::vector<std::string>;

// `tasks:` into sop.tasks.
void load_tasks(Reader& r, const Field& tasks, const PhaseIds& phase_ids, Sop& sop);

// One schedule selector field (day, days, date, dates, every); nullopt when
// it is unusable (the reason was reported).
std::optional<Selector> read_selector(Reader& r, const Field& f);

}  // namespace sopctl::load
