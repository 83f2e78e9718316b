#pragma once
// Customers of 1:1 (customer) SOPs (docs/spec.md §5.2), as an SCRM exports
// them: id, name, owner, the date they were added, tags, and any other date
// columns (paid, expires, ...) an SOP may count its days from.

#include <sopctl/base/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace sopctl {

struct Customer {
  std::string id;
  std::string name;
  std::string owner;  // a staff id of the roster
  std::vector<std::string> tags;
  // Date columns by index into Customers::date_columns; none when empty.
  std::vector<std::optional<Date>> dates;
  int line = 0;  // where the row starts in the file
};

struct Customers {
  std::string path;
  std::vector<std::string> date_columns;  // "added" first, then the file's other date columns
  std::vector<Customer> customers;
  // Other columns, which are not date columns: name and the first value
  // that is not a date ("line 7: 'VIP'"), for the error when an SOP anchors there.
  std::vector<std::pair<std::string, std::string>> not_dates;

  // Index of a date column, or nullopt.
  std::optional<std::size_t> date_column(const std::string& name) const;
  const Customer* find(const std::string& id) const;

private:
  mutable std::unordered_map<std::string, std::size_t> m_index;  // built on first find()
};

// When each customer first did each event of interest, from an event log
// (local wall seconds); `until` of customer SOPs looks it up.
struct CustomerEvents {
  // customer id -> (event, first time)
  std::unordered_map<std::string, std::vector<std::pair<std::string, std::int64_t>>> first;
  // The earliest time the customer did any of `events`; none if never.
  std::optional<std::int64_t> first_of(const std::string& customer,
                                       const std::vector<std::string>& events) const;
};

}  // namespace sopctl
