#pragma once
// Private to src/core/sql: the AARRR query's pieces (aarrr_levels.cpp) in
// either dialect, for aarrr_sql.cpp to put together.

#include "sql_parts.hpp"

#include <sopctl/sql/aarrr_sql.hpp>

#include <string>
#include <vector>

namespace sopctl::sql::detail {

// What the query is for, and the few expressions whose syntax differs.
struct AarrrQuery {
  AarrrQuery(const aarrr::Spec& spec, const AarrrSource& source, Dialect dialect);

  const aarrr::Spec& spec;
  const AarrrSource& src;
  Dialect dialect;
  int periods;  // the cohort periods carried, 1..periods

  bool ch() const { return dialect == Dialect::clickhouse; }
  std::string count_all() const { return ch() ? "count()" : "count(*)"; }
  std::string count_if(const std::string& cond) const;
  std::string sum_if(const std::string& expr, const std::string& cond) const;
  std::string min_if(const std::string& expr, const std::string& cond) const;
  // The user counts for day (or period) n of the list of offsets: one on n,
  // or (--unbounded) on n or later.
  std::string retained(const std::string& list, int n) const;
};

// Throws Error when the referrer or amount column cannot be quoted.
void check_aarrr_columns(const AarrrSource& source);

// The select lists of the three steps (aarrr_sql.cpp's comment).
std::vector<std::string> row_columns(const AarrrQuery& q);
std::vector<std::string> per_user_columns(const AarrrQuery& q);
std::vector<std::string> facts_columns(const AarrrQuery& q);

}  // namespace sopctl::sql::detail
