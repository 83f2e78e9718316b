#pragma once
// Private to src/core/sql: writing queries an analyst can read (one clause
// per line, nested queries indented), quoting, and the parts of the funnel
// query shared by both dialects.

#include <sopctl/sql/sql.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::sql::detail {

// A query, line by line, indented four spaces per level.
class Writer {
public:
  void line(std::string_view text);
  void open_select() {
    line("SELECT");
    ++m_depth;
  }
  void close_select() { --m_depth; }
  void open_from() {
    line("FROM");
    line("(");
    ++m_depth;
  }
  void close_from() {
    --m_depth;
    line(")");
  }
  void indent() { ++m_depth; }
  void dedent() { --m_depth; }
  std::string take() { return std::move(m_out); }

private:
  std::string m_out;
  int m_depth = 0;
};

// Throws Error naming the option `what` when `name` cannot be quoted safely.
void check_name(std::string_view what, std::string_view name);
// "name" (double quotes: both dialects); check_source() refused the rest.
std::string ident(std::string_view name);
// "db"."table" from db.table.
std::string table(std::string_view name);
// A string literal of the dialect.
std::string literal(std::string_view text, Dialect d);
// "1, 2, ..., n".
std::string numbers(std::size_t n);

// Percentiles of a sorted array column `a` exactly as funnel::compute takes
// them: the median (mean of the two middle values), linear between order
// statistics (numpy's), the mean; NULL for an empty array.
std::string median_of(const std::string& a, Dialect d);
std::string percentile_of(const std::string& a, double q, Dialect d);
std::string mean_of(const std::string& a, Dialect d);

// The slot (1-based) of each step: its event name's first step.
struct Slots {
  std::vector<std::string> names;
  std::vector<std::size_t> of_step;  // per step, 1-based
};
Slots slots_of(const funnel::Spec& spec);
// ['a', 'b'] in the dialect's literals.
std::string list_of(const std::vector<std::string>& items, Dialect d);

// The per-user part of the funnel query in each dialect (funnel_sql.cpp,
// funnel_duckdb.cpp): columns seg (with --by), level, e1.. (events per
// slot), d2..dm (seconds from the previous step on the best attempt), dt.
void clickhouse_attempts(Writer& w, const funnel::Spec& spec, const Slots& slots,
                         const Source& src);
// DuckDB: a WITH list ending in a query named `attempts`.
// The position in bp (the best attempt's steps) whose event gives the --by value.
std::string by_step_index(const funnel::Spec& spec);
void duckdb_attempts(Writer& w, const funnel::Spec& spec, const Slots& slots, const Source& src);

// The comment that says what the query computes.
void header_comment(Writer& w, const funnel::Spec& spec, const Source& src, Dialect d);
// The outer query up to its FROM: counts and times per --by value and for
// everyone; finish() closes it (GROUP BY ... ORDER BY).
void aggregate(Writer& w, const funnel::Spec& spec, std::size_t slots, const Source& src,
               Dialect d);
void finish(Writer& w, const funnel::Spec& spec, const Source& src, Dialect d);

}  // namespace sopctl::sql::detail
