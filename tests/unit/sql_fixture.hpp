#pragma once
// A warehouse source for the sql tests: the event-log columns by their
// default names over one table.

#include <sopctl/sql/sql.hpp>

#include <string>

namespace sql_fixture {

inline sopctl::sql::Source on(const std::string& table) {
  sopctl::sql::Source s;
  s.table = table;
  return s;
}

}  // namespace sql_fixture
