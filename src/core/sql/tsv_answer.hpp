#pragma once
// Private to src/core/sql: ClickHouse's TabSeparatedWithNames answer (a
// header line, rows, an empty line, then WITH TOTALS' row), read by column
// name, for the funnel and the AARRR answers.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::sql::detail {

struct Field {
  std::string text;
  bool null = false;
};
using Row = std::vector<Field>;

class Answer {
public:
  // `where` names the server and `query` the query ("funnel", "aarrr") in errors.
  Answer(std::string_view text, std::string where, std::string query);

  const std::vector<Row>& rows() const { return m_rows; }
  const std::vector<Row>& totals() const { return m_totals; }

  std::size_t column(const std::string& name) const;
  bool has_column(const std::string& name) const { return m_column.count(name) != 0; }
  std::uint64_t count(const Row& row, const std::string& name) const;
  std::int64_t integer(const Row& row, const std::string& name) const;
  // nullopt for NULL or nan.
  std::optional<double> number(const Row& row, const std::string& name) const;
  const std::string& text(const Row& row, const std::string& name) const {
    return row[column(name)].text;
  }
  [[noreturn]] void fail(const std::string& what) const;

private:
  std::string m_where;
  std::string m_query;
  std::map<std::string, std::size_t> m_column;
  std::size_t m_width = 0;
  std::vector<Row> m_rows;
  std::vector<Row> m_totals;
};

}  // namespace sopctl::sql::detail
