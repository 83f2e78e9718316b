// Sequential re-reads of an event log, only to say more in an error: the
// line of a bad amount, the event names a file holds. The fast parallel
// loader (events/load.cpp) keeps neither lines nor the names it skips.

#include <sopctl/aarrr/aarrr.hpp>

#include <sopctl/text/csv.hpp>

#include <algorithm>
#include <set>

namespace sopctl::aarrr {

std::optional<BadRow> find_bad_amount(std::string_view text, const std::string& path,
                                      const csv::Header& header, std::size_t event_column,
                                      std::size_t amount_column,
                                      const std::vector<std::string>& revenue_events) {
  csv::Reader reader(text, path, header.data_offset, header.data_line);
  csv::Record rec;
  const std::size_t need = std::max(event_column, amount_column);
  while (reader.next(rec)) {
    if (rec.fields.size() <= need) {
      continue;
    }
    const std::string_view event = rec.fields[event_column];
    if (std::find(revenue_events.begin(), revenue_events.end(), event) == revenue_events.end()) {
      continue;
    }
    if (!parse_amount(rec.fields[amount_column])) {
      return BadRow{rec.line, std::string(rec.fields[amount_column])};
    }
  }
  return std::nullopt;
}

std::vector<std::string> column_values(std::string_view text, const std::string& path,
                                       const csv::Header& header, std::size_t column) {
  csv::Reader reader(text, path, header.data_offset, header.data_line);
  csv::Record rec;
  std::set<std::string, std::less<>> values;
  while (reader.next(rec)) {
    if (rec.fields.size() > column && !rec.blank() &&
        values.find(rec.fields[column]) == values.end()) {
      values.emplace(rec.fields[column]);
    }
  }
  return {values.begin(), values.end()};
}

}  // namespace sopctl::aarrr
