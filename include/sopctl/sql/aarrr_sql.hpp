#pragma once
// The AARRR report as one SQL query for a warehouse (docs/warehouse.md, SPEC
// 5.6): aarrr::compute's definitions carried to DuckDB or ClickHouse, and
// the server's answer read back into the Result compute() would give.

#include <sopctl/aarrr/aarrr.hpp>
#include <sopctl/sql/sql.hpp>

#include <string>
#include <string_view>

namespace sopctl::sql {

// The event log's table (user, event, time and --by as for the funnel) and
// the columns of the referrer and of revenue amounts (empty: none; then no
// user is referred, and every revenue event counts 0).
struct AarrrSource {
  Source events;
  std::string referrer_column;
  std::string amount_column;
};

// The most cohort periods the query carries (one column each).
constexpr int k_max_sql_periods = 366;

// The query: one row per (kind, acquisition day, --by value) of per-user
// facts, then a row for everyone. Throws Error for what it cannot express
// (more than k_max_sql_periods periods, names SQL cannot quote).
std::string aarrr_sql(const aarrr::Spec& spec, const AarrrSource& source, Dialect dialect);

// ClickHouse's answer to aarrr_sql(..., Dialect::clickhouse) in
// TabSeparatedWithNames (WITH TOTALS' row last), read into the result
// aarrr::compute gives on the same data (without the referral cycle, which
// only `grow --from` uses). Throws aarrr::BadAmount when the table holds a
// revenue event whose amount is not a number, Error naming `where` on an
// answer of another shape.
aarrr::Result read_aarrr_answer(std::string_view answer, const aarrr::Spec& spec,
                                const AarrrSource& source, const std::string& where);

}  // namespace sopctl::sql
