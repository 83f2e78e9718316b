#pragma once
// Findings about input files: produced by the loaders and the lint rules,
// printed by `sopctl check`, and turned into a fatal error by `sopctl plan`.

#include <sopctl/base/source.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace sopctl {

enum class Severity { error, warning };

const char* severity_name(Severity s);   // "error" / "warning", for machines (JSON, SARIF)
const char* severity_label(Severity s);  // the same for people, in the chosen language

struct Diagnostic {
  SourceLoc loc;
  Severity severity = Severity::error;
  std::string rule;     // stable rule id, e.g. "unknown-key"
  std::string message;  // one line, no trailing period needed
  // A line that stands for this many more findings of its rule in its file,
  // not shown (cap_repeats); 0 for an ordinary finding.
  std::size_t hidden = 0;
};

using Diagnostics = std::vector<Diagnostic>;

// Sort by file, line, column, then rule: the order check prints them in.
void sort_diagnostics(Diagnostics& diags);

bool has_errors(const Diagnostics& diags);

// Keeps the first `keep` findings of each rule in each file (diags sorted)
// and puts after them one line "and N more like it": a file with 100,000
// unknown keys is one mistake repeated, not 100,000 lines to read.
constexpr std::size_t k_repeats_shown = 100;
void cap_repeats(Diagnostics& diags, std::size_t keep = k_repeats_shown);

// Findings counted with the ones a cap line stands for.
std::size_t count_findings(const Diagnostics& diags, Severity severity);

}  // namespace sopctl
