// Writing SQL text: lines, quoting, the exact percentile expressions.

#include "sql_parts.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

namespace sopctl::sql {

std::optional<Dialect> parse_dialect(std::string_view text) {
  if (text == "duckdb") {
    return Dialect::duckdb;
  }
  if (text == "clickhouse") {
    return Dialect::clickhouse;
  }
  return std::nullopt;
}

const char* dialect_name(Dialect d) {
  return d == Dialect::duckdb ? "duckdb" : "clickhouse";
}

namespace {

// A name sopctl puts between double quotes: no quote, backslash, backtick
// or control character (neither dialect escapes them the same way).
bool quotable(std::string_view name) {
  if (name.empty()) {
    return false;
  }
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == '"' || c == '\\' || c == '`') {
      return false;
    }
  }
  return true;
}

}  // namespace

void check_source(const Source& source) {
  const auto check = detail::check_name;
  if (source.table.empty()) {
    throw Error(tr("--table: name the table that holds the event log (--table events)"));
  }
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = source.table.find('.', start);
    check("--table", std::string_view(source.table).substr(start, dot - start));
    if (dot == std::string::npos) {
      break;
    }
    start = dot + 1;
  }
  check("--user-col", source.user_column);
  check("--event-col", source.event_column);
  check("--time-col", source.time_column);
  if (!source.by_column.empty()) {
    check("--by", source.by_column);
  }
}

namespace detail {

void check_name(std::string_view what, std::string_view name) {
  if (!quotable(name)) {
    throw Error(
        fmt::format("{} '{}': a name for SQL must be non-empty and hold no quote, "
                    "backslash, backtick or control character",
                    what, name));
  }
}

void Writer::line(std::string_view text) {
  m_out.append(static_cast<std::size_t>(m_depth) * 4, ' ');
  m_out += text;
  m_out += '\n';
}

std::string ident(std::string_view name) {
  return "\"" + std::string(name) + "\"";
}

std::string table(std::string_view name) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = name.find('.', start);
    out += ident(name.substr(start, dot - start));
    if (dot == std::string_view::npos) {
      return out;
    }
    out += '.';
    start = dot + 1;
  }
}

std::string literal(std::string_view text, Dialect d) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += d == Dialect::clickhouse ? "\\'" : "''";
    } else if (c == '\\' && d == Dialect::clickhouse) {
      out += "\\\\";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string numbers(std::size_t n) {
  std::string out;
  for (std::size_t i = 1; i <= n; ++i) {
    out += (i > 1 ? ", " : "") + std::to_string(i);
  }
  return out;
}

Slots slots_of(const funnel::Spec& spec) {
  Slots s;
  for (const std::string& step : spec.steps) {
    std::size_t k = 0;
    while (k < s.names.size() && s.names[k] != step) {
      ++k;
    }
    if (k == s.names.size()) {
      s.names.push_back(step);
    }
    s.of_step.push_back(k + 1);
  }
  return s;
}

std::string list_of(const std::vector<std::string>& items, Dialect d) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += (i > 0 ? ", " : "") + literal(items[i], d);
  }
  return out + "]";
}

std::string median_of(const std::string& a, Dialect d) {
  if (d == Dialect::clickhouse) {
    return fmt::format(
        "if(length({0}) = 0, NULL, if(length({0}) % 2 = 1, toFloat64({0}[intDiv(length({0}) + 1, "
        "2)]), ({0}[intDiv(length({0}), 2)] + {0}[intDiv(length({0}), 2) + 1]) / 2))",
        a);
  }
  return fmt::format(
      "CASE WHEN coalesce(len({0}), 0) = 0 THEN NULL WHEN len({0}) % 2 = 1 THEN "
      "CAST({0}[(len({0}) + 1) // 2] AS DOUBLE) ELSE (CAST({0}[len({0}) // 2] AS DOUBLE) + "
      "CAST({0}[len({0}) // 2 + 1] AS DOUBLE)) / 2 END",
      a);
}

std::string percentile_of(const std::string& a, double q, Dialect d) {
  // h = (n - 1) * q; a[lo] + (h - lo) * (a[min(lo + 1, n - 1)] - a[lo]), 0-based.
  if (d == Dialect::clickhouse) {
    const std::string h = fmt::format("((length({}) - 1) * {})", a, q);
    const std::string lo = fmt::format("toUInt64(floor({}))", h);
    return fmt::format(
        "if(length({0}) = 0, NULL, {0}[{2} + 1] + ({1} - floor({1})) * ({0}[least({2} + 2, "
        "length({0}))] - {0}[{2} + 1]))",
        a, h, lo);
  }
  const std::string h = fmt::format("((len({}) - 1) * CAST('{}' AS DOUBLE))", a, q);
  const std::string lo = fmt::format("CAST(floor({}) AS BIGINT)", h);
  return fmt::format(
      "CASE WHEN coalesce(len({0}), 0) = 0 THEN NULL ELSE CAST({0}[{2} + 1] AS DOUBLE) + ({1} - "
      "floor({1})) * CAST({0}[least({2} + 2, len({0}))] - {0}[{2} + 1] AS DOUBLE) END",
      a, h, lo);
}

std::string mean_of(const std::string& a, Dialect d) {
  if (d == Dialect::clickhouse) {
    return fmt::format("if(length({0}) = 0, NULL, arraySum({0}) / length({0}))", a);
  }
  return fmt::format(
      "CASE WHEN coalesce(len({0}), 0) = 0 THEN NULL ELSE CAST(list_sum({0}) AS DOUBLE) / "
      "len({0}) END",
      a);
}

}  // namespace detail
}  // namespace sopctl::sql
