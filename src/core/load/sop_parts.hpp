#pragma once
// Private to the SOP loader: the parts of load_sop() that live in their own files.

#include "yaml_walk.hpp"

#include <sopctl/model/sop.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sopctl::load {

// Phase ids declared in the file (also those whose bounds were invalid and
// so are missing from Sop::phases), for unknown-phase.
using PhaseIds = std::vector<std::string>;

// `tasks:` into sop.tasks.
void load_tasks(Reader& r, const Field& tasks, const PhaseIds& phase_ids, Sop& sop);

// `version: 1` of SOP, roster and calendar files: bad-value naming both
// versions when it is one this binary does not know.
int read_version(Reader& r, const Field& f);

// `anchor: 2026-12-12` of a dated SOP.
void read_anchor(Reader& r, const Field& f, Sop& sop);

// `kind: group|customer`, and a customer SOP's `target:` and `until:`
// (docs/spec.md §5.2). kind is read before anchor, which it changes.
void read_kind(Reader& r, const Field& f, Sop& sop);
void read_target(Reader& r, const Field& f, Sop& sop);
void read_until(Reader& r, const Field& f, Sop& sop);

// `setup:` and `limits:` (sop_setup.cpp).
void read_setup(Reader& r, const Field& f, Sop& sop);
void read_limits(Reader& r, const Field& f, Sop& sop);

// `funnel:` as a list of steps or {steps, window, mode}.
void read_funnel(Reader& r, const Field& f, Sop& sop);

// One schedule selector field (day, days, date, dates, every); nullopt when
// it is unusable (the reason was reported).
std::optional<Selector> read_selector(Reader& r, const Field& f);

}  // namespace sopctl::load
