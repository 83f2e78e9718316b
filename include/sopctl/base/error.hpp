#pragma once
// The one error model of sopctl.
//
// - Fatal problems (unreadable file, YAML syntax error, bad usage, a plan
//   that cannot be computed) throw sopctl::Error. It is caught in exactly one
//   place, src/cli/main.cpp, which prints it and exits with its code.
// - Findings about a file that was read (unknown key, day 0, ...) are
//   Diagnostics (diagnostic.hpp), collected, never thrown.

#include <sopctl/base/source.hpp>

#include <stdexcept>
#include <string>

namespace sopctl {

// Process exit codes (docs/spec.md §3), used only by the CLI's main().
enum class ExitCode : int {
  ok = 0,        // success; check: no errors
  findings = 1,  // check found errors (or warnings with --strict); funnel below --fail-below
  failure = 2,   // bad usage, unreadable or malformed input
};

// A fatal error. what() is the message without location; where() says where.
class Error : public std::runtime_error {
public:
  explicit Error(std::string message, SourceLoc where = {}, ExitCode code = ExitCode::failure)
      : std::runtime_error(std::move(message)), m_where(std::move(where)), m_code(code) {}

  const SourceLoc& where() const { return m_where; }
  ExitCode code() const { return m_code; }

  // "file:line:col: error: message", or "sopctl: error: message" without a file.
  std::string format() const;

private:
  SourceLoc m_where;
  ExitCode m_code;
};

}  // namespace sopctl
