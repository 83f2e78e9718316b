#pragma once
// RFC 4180 field quoting for CSV and TSV output.

#include <string>
#include <string_view>
#include <vector>

namespace sopctl::text {

// Quotes a field when it holds the separator, a quote, CR or LF.
// For TSV (separator '\t') tabs and newlines inside a field become spaces.
std::string csv_field(std::string_view field, char separator);

// One line (fields joined, ending in "\n").
std::string csv_row(const std::vector<std::string>& fields, char separator);

}  // namespace sopctl::text
