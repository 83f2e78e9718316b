#pragma once
// The funnel as one SQL query for a warehouse (docs/warehouse.md, SPEC 5.6):
// the same definitions as funnel::compute, carried to DuckDB or ClickHouse,
// and the server's answer read back into the Result compute() would give.

#include <sopctl/funnel/funnel.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace sopctl::sql {

enum class Dialect { duckdb, clickhouse };
std::optional<Dialect> parse_dialect(std::string_view text);  // "duckdb", "clickhouse"
const char* dialect_name(Dialect d);

// What the query reads: a table with the event log's columns (user, event,
// time as the CSV names them, and the --by column). The time column holds
// timestamps: a DateTime in ClickHouse (shown in `zone` for local days and
// seconds), a TIMESTAMP of local time in `zone` in DuckDB.
struct Source {
  std::string table;  // "events" or "db.events"
  std::string user_column = "user_id";
  std::string event_column = "event";
  std::string time_column = "ts";
  std::string by_column;  // empty: no --by
  std::string zone = "Asia/Shanghai";
};

// Throws Error when the table or a column name cannot be quoted safely.
void check_source(const Source& source);

// The query. Throws Error naming what SQL cannot express here (mode any,
// ClickHouse modes, --exclude, --trend are computed locally only).
std::string funnel_sql(const funnel::Spec& spec, const Source& source, Dialect dialect);

// ClickHouse's answer to funnel_sql(..., Dialect::clickhouse) in
// TabSeparatedWithNames (per --by value, then WITH TOTALS' row), read into
// the result funnel::compute gives on the same data. Throws Error naming
// `where` (the server) on an answer of another shape.
funnel::Result read_funnel_answer(std::string_view answer, const funnel::Spec& spec,
                                  const Source& source, const std::string& where);

}  // namespace sopctl::sql
