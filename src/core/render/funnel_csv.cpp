// `funnel --format csv`: one row per step (and per --by value), rates as
// fractions at full precision, for spreadsheets.

#include "funnel_fields.hpp"

#include <sopctl/render/funnel_render.hpp>
#include <sopctl/text/csv_writer.hpp>
#include <sopctl/text/json_writer.hpp>

namespace sopctl::render {

namespace {

std::string number(std::optional<double> v) {
  return v ? text::json_number(*v) : "";
}

void rows(std::string& out, const funnel::Funnel& f, const std::string* by_value) {
  for (const funnel::Step& s : f.steps) {
    std::vector<std::string> fields;
    if (by_value != nullptr) {
      fields.push_back(*by_value);
    }
    fields.insert(fields.end(),
                  {s.name, std::to_string(s.users), number(s.from_previous), number(s.from_first),
                   std::to_string(s.lost), number(s.drop_off), number(s.median_seconds)});
    out += text::csv_row(fields, ',');
  }
}

}  // namespace

std::string funnel_csv(const funnel::Result& r, const FunnelRenderOptions&) {
  std::vector<std::string> header;
  const bool by = !r.by_column.empty();
  if (by) {
    header.push_back(r.by_column);
  }
  header.insert(header.end(), {"step", "users", "from_previous", "from_first", "lost", "drop_off",
                               "median_seconds_from_previous"});
  std::string out = text::csv_row(header, ',');
  const std::string all = "(all)";
  rows(out, r.total, by ? &all : nullptr);
  for (const funnel::Segment& seg : r.segments) {
    rows(out, seg.funnel, &seg.value);
  }
  return out;
}

}  // namespace sopctl::render
