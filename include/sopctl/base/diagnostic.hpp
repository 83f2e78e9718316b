#pragma once
// Findings about input files: produced by the loaders and the lint rules,
// printed by `sopctl check`, and turned into a fatal error by `sopctl plan`.

#include <sopctl/base/source.hpp>

#include <string>
#include <vector>

namespace sopctl {

enum class Severity { error, warning };

const char* severity_name(Severity s);  // "error" / "warning"

struct Diagnostic {
  SourceLoc loc;
  Severity severity = Severity::error;
  std::string rule;     // stable rule id, e.g. "unknown-key"
  std::string message;  // one line, no trailing period needed
};

using Diagnostics = std::vector<Diagnostic>;

// Sort by file, line, column, then rule: the order check prints them in.
void sort_diagnostics(Diagnostics& diags);

bool has_errors(const Diagnostics& diags);

}  // namespace sopctl
