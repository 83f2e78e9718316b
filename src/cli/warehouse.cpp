#include "warehouse.hpp"
#include <sopctl/base/i18n.hpp>

#include "event_input.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/net/http.hpp>

#include <fmt/format.h>

namespace sopctl::cli {

namespace {

// The server's error, without the stack trace newer servers append.
std::string first_line(const std::string& text) {
  const std::size_t nl = text.find('\n');
  return nl == std::string::npos ? text : text.substr(0, nl);
}

// The URL as messages show it: without the query string and the user
// information, which carry the password (?password=p, http://u:p@host/).
std::string shown(const std::string& url) {
  std::string out = url.substr(0, url.find_first_of("?#"));
  const std::size_t scheme = out.find("://");
  const std::size_t host = scheme == std::string::npos ? 0 : scheme + 3;
  const std::size_t at = out.find('@', host);
  if (at != std::string::npos && out.find('/', host) > at) {
    out.erase(host, at + 1 - host);
  }
  return out;
}

}  // namespace

void add_warehouse_options(CLI::App& cmd, WarehouseOptions& o) {
  auto* sql = cmd.add_option("--sql", o.sql,
                             tr("Print the query that computes the same over --table in this "
                                "warehouse, instead of reading a CSV (docs/warehouse.md)"))
                  ->check(CLI::IsMember({"duckdb", "clickhouse"}))
                  ->type_name("DIALECT")
                  ->group("Warehouse");
  auto* ch = cmd.add_option("--clickhouse", o.clickhouse,
                            tr("Run the query on this ClickHouse HTTP interface "
                               "(http://127.0.0.1:8123/?user=u&password=p) and show its answer"))
                 ->type_name("URL")
                 ->group("Warehouse");
  sql->excludes(ch);
  cmd.add_option("--table", o.table, tr("The table (or db.table) holding the event log's columns"))
      ->type_name("TABLE")
      ->group("Warehouse");
  cmd.add_option("--timeout", o.timeout, tr("How long --clickhouse waits for the answer"))
      ->default_str("300s")
      ->type_name("DURATION")
      ->group("Warehouse");
}

void refuse_with_sql(bool given, const std::string& option) {
  if (given) {
    throw Error(option + trf(" applies to a result, and --sql prints the query: run it with "
                             "--clickhouse URL, or drop {}",
                             option));
  }
}

namespace {

// The answer of ClickHouse at o.clickhouse to `query`, in TabSeparatedWithNames.
std::string run_on_clickhouse(const WarehouseOptions& o, const std::string& where,
                              const std::string& query) {
  if (o.clickhouse.rfind("http://", 0) != 0 && o.clickhouse.rfind("https://", 0) != 0) {
    throw Error(where + tr(": an http:// or https:// URL of ClickHouse's HTTP interface"));
  }
  const auto timeout = parse_window_option("--timeout", o.timeout);
  if (!timeout || *timeout <= 0) {
    throw Error("--timeout " + o.timeout + tr(": a duration such as 300s or 10m"));
  }
  net::PostOptions po;
  po.content_type = "text/plain; charset=utf-8";
  po.timeout_ms = *timeout * 1000;
  po.max_body = std::size_t{256} << 20;
  const net::HttpResult answer =
      net::post(o.clickhouse, query + "FORMAT TabSeparatedWithNames\n", po);
  if (answer.kind == net::HttpResult::Kind::timed_out) {
    throw Error(trf("{}: no answer within {} (raise --timeout)", where, o.timeout));
  }
  if (answer.kind != net::HttpResult::Kind::answered) {
    throw Error(fmt::format("{}: {}", where, answer.error));
  }
  if (answer.status != 200) {
    throw Error(
        trf("{}: the server answered HTTP {}: {}", where, answer.status, first_line(answer.body)));
  }
  if (answer.truncated) {
    throw Error(trf("{}: the answer is over 256 MiB", where));
  }
  return answer.body;
}

sql::Dialect dialect_of(const WarehouseOptions& o) {
  const auto dialect = sql::parse_dialect(o.sql);
  if (!dialect) {
    throw Error("--sql " + o.sql + tr(": duckdb or clickhouse"));
  }
  return *dialect;
}

}  // namespace

std::string funnel_query(const WarehouseOptions& o, const funnel::Spec& spec,
                         const sql::Source& source) {
  return sql::funnel_sql(spec, source, dialect_of(o));
}

funnel::Result funnel_from_clickhouse(const WarehouseOptions& o, const funnel::Spec& spec,
                                      const sql::Source& source) {
  const std::string where = "--clickhouse " + shown(o.clickhouse);
  const std::string query = sql::funnel_sql(spec, source, sql::Dialect::clickhouse);
  return sql::read_funnel_answer(run_on_clickhouse(o, where, query), spec, source, where);
}

std::string aarrr_query(const WarehouseOptions& o, const aarrr::Spec& spec,
                        const sql::AarrrSource& source) {
  return sql::aarrr_sql(spec, source, dialect_of(o));
}

aarrr::Result aarrr_from_clickhouse(const WarehouseOptions& o, const aarrr::Spec& spec,
                                    const sql::AarrrSource& source) {
  const std::string where = "--clickhouse " + shown(o.clickhouse);
  const std::string query = sql::aarrr_sql(spec, source, sql::Dialect::clickhouse);
  return sql::read_aarrr_answer(run_on_clickhouse(o, where, query), spec, source, where);
}

}  // namespace sopctl::cli
