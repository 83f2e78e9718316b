#pragma once
// What `funnel` and `aarrr` share for a warehouse: --sql DIALECT
// prints the query, --clickhouse URL runs it over ClickHouse's HTTP
// interface (docs/warehouse.md).

#include <sopctl/aarrr/aarrr.hpp>
#include <sopctl/funnel/funnel.hpp>
#include <sopctl/sql/aarrr_sql.hpp>
#include <sopctl/sql/sql.hpp>

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace sopctl::cli {

struct WarehouseOptions {
  std::string sql;         // --sql duckdb|clickhouse
  std::string table;       // --table T
  std::string clickhouse;  // --clickhouse URL
  std::string timeout = "300s";

  bool on() const { return !sql.empty() || !clickhouse.empty(); }
};

void add_warehouse_options(CLI::App& cmd, WarehouseOptions& o);

// Throws the usage error for an option that --sql (which prints a query,
// not a result) cannot honour, when `given`.
void refuse_with_sql(bool given, const std::string& option);

// The query (--sql), or the result (--clickhouse) of the funnel over the
// table; throws Error with what to do on a bad combination or a failed run.
std::string funnel_query(const WarehouseOptions& o, const funnel::Spec& spec,
                         const sql::Source& source);
funnel::Result funnel_from_clickhouse(const WarehouseOptions& o, const funnel::Spec& spec,
                                      const sql::Source& source);

// The same for aarrr.
std::string aarrr_query(const WarehouseOptions& o, const aarrr::Spec& spec,
                        const sql::AarrrSource& source);
aarrr::Result aarrr_from_clickhouse(const WarehouseOptions& o, const aarrr::Spec& spec,
                                    const sql::AarrrSource& source);

}  // namespace sopctl::cli
