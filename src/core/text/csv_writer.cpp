#include <sopctl/text/csv_writer.hpp>

namespace sopctl::text {

std::string csv_field(std::string_view field, char separator) {
  if (separator == '\t') {
    // TSV has no quoting: a tab or line break inside a field would split it.
    std::string out(field);
    for (char& c : out) {
      if (c == '\t' || c == '\r' || c == '\n') {
        c = ' ';
      }
    }
    return out;
  }
  const char specials[] = {separator, '"', '\r', '\n'};
  if (field.find_first_of(std::string_view(specials, sizeof specials)) == std::string_view::npos) {
    return std::string(field);
  }
  std::string out;
  out.reserve(field.size() + 2);
  out += '"';
  for (const char c : field) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_row(const std::vector<std::string>& fields, char separator) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      out += separator;
    }
    out += csv_field(fields[i], separator);
  }
  out += '\n';
  return out;
}

}  // namespace sopctl::text
