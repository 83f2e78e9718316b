#pragma once
// Where a value came from, so that every message can name file, line, column.

#include <string>
#include <utility>

namespace sopctl {

// 1-based line and column (column counted in characters, not bytes);
// 0 means unknown.
struct SourceLoc {
  std::string file;
  int line = 0;
  int column = 0;

  bool known() const { return line > 0; }
  // "file:line:col", "file:line", or "file".
  std::string str() const;
};

// A value together with the place it was written.
template <class T>
struct Located {
  T value{};
  SourceLoc loc;

  Located() = default;
  Located(T v, SourceLoc l = {}) : value(std::move(v)), loc(std::move(l)) {}
};

}  // namespace sopctl
