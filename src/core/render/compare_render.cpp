// `compare` as table, md, csv and json. Rates in JSON and CSV are fractions;
// table and md show percentages, lifts in percentage points (pp).

#include "compare_fields.hpp"
#include "report_format.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/render/compare_render.hpp>
#include <sopctl/text/csv_writer.hpp>
#include <sopctl/text/json_writer.hpp>
#include <sopctl/text/width.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace sopctl::render {
namespace {

using namespace compare_text;

std::vector<std::vector<std::string>> rows_of(const compare::Comparison& c) {
  std::vector<std::vector<std::string>> rows;
  // xgettext:no-c-format
  const char* interval = tr("95% interval");
  std::vector<std::string> head = {tr("variant"),    tr("users"),   tr("converted"),
                                   tr("conversion"), interval,      tr("lift"),
                                   tr("relative"),   tr("p-value"), tr("test")};
  if (!c.cluster.empty()) {
    head.insert(head.begin() + 3, c.cluster + "s");
  }
  rows.push_back(head);
  for (const compare::Arm& a : c.arms) {
    std::vector<std::string> r = {
        name_of(a),
        format_count(a.users),
        format_count(a.converted),
        format_percent(a.rate),
        a.rate ? format_percent(a.interval.first) + "–" + format_percent(a.interval.second) : "-",
        pp(a.lift),
        signed_percent(a.relative_lift),
        p_text(a.p_value),
        test_text(a)};
    if (!c.cluster.empty()) {
      r.insert(r.begin() + 3, std::to_string(a.clusters.size()));
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

void optional_number(text::JsonWriter& w, const char* key, std::optional<double> v) {
  w.key(key);
  if (v) {
    w.value(*v);
  } else {
    w.null();
  }
}

}  // namespace

std::string compare_table(const compare::Comparison& c) {
  const auto rows = rows_of(c);
  // Variant and test read left; the numbers right.
  std::vector<bool> right(rows.front().size(), true);
  right.front() = false;
  right.back() = false;
  std::string out = heading(c) + "\n\n" + align_columns(rows, right);
  if (!c.warnings.empty()) {
    out += "\n";
  }
  for (const std::string& warning : c.warnings) {
    out += "warning: " + warning + "\n";
  }
  return out;
}

std::string compare_markdown(const compare::Comparison& c) {
  const auto rows = rows_of(c);
  std::string out = "## " + markdown_cell(heading(c)) + "\n\n|";
  for (const auto& h : rows.front()) {
    out += " " + markdown_cell(h) + " |";
  }
  out += "\n|---|";
  for (std::size_t i = 1; i < rows.front().size(); ++i) {
    out += i + 1 == rows.front().size() ? "---|" : "---:|";
  }
  out += "\n";
  for (std::size_t r = 1; r < rows.size(); ++r) {
    out += "|";
    for (const auto& cell : rows[r]) {
      out += " " + markdown_cell(cell) + " |";
    }
    out += "\n";
  }
  for (const std::string& warning : c.warnings) {
    out += "\n> warning: " + markdown_cell(warning) + "\n";
  }
  return out;
}

std::string compare_csv(const compare::Comparison& c) {
  std::string out =
      text::csv_row({"variant", "users", "converted", "conversion", "ci_low", "ci_high", "control",
                     "lift", "relative_lift", "p_value", "test", "clusters"},
                    ',');
  const auto num = [](std::optional<double> v) { return v ? text::json_number(*v) : ""; };
  for (const compare::Arm& a : c.arms) {
    out += text::csv_row(
        {a.value, std::to_string(a.users), std::to_string(a.converted), num(a.rate),
         a.rate ? text::json_number(a.interval.first) : "",
         a.rate ? text::json_number(a.interval.second) : "", a.control ? "true" : "false",
         num(a.lift), num(a.relative_lift), num(a.p_value), a.test,
         c.cluster.empty() ? "" : std::to_string(a.clusters.size())},
        ',');
  }
  return out;
}

std::string compare_json(const compare::Comparison& c) {
  text::JsonWriter w(2);
  w.begin_object();
  w.key("steps").strings(c.steps);
  w.key("by").value(c.by);
  w.key("cluster");
  if (c.cluster.empty()) {
    w.null();
  } else {
    w.value(c.cluster);
  }
  w.key("variants").begin_array();
  for (const compare::Arm& a : c.arms) {
    w.begin_object();
    w.key("variant").value(a.value);
    w.key("users").value(a.users);
    w.key("converted").value(a.converted);
    optional_number(w, "conversion", a.rate);
    optional_number(w, "ci_low", a.rate ? std::optional<double>(a.interval.first) : std::nullopt);
    optional_number(w, "ci_high", a.rate ? std::optional<double>(a.interval.second) : std::nullopt);
    w.key("control").value(a.control);
    optional_number(w, "lift", a.lift);
    optional_number(w, "relative_lift", a.relative_lift);
    optional_number(w, "p_value", a.p_value);
    w.key("test");
    if (a.test.empty()) {
      w.null();
    } else {
      w.value(a.test);
    }
    if (!c.cluster.empty()) {
      w.key("clusters").begin_array();
      for (const compare::Cluster& g : a.clusters) {
        w.begin_object();
        w.key(c.cluster).value(g.value);
        w.key("users").value(g.users);
        w.key("converted").value(g.converted);
        w.end_object();
      }
      w.end_array();
      optional_number(w, "cluster_mean", a.cluster_mean);
    }
    w.end_object();
  }
  w.end_array();
  w.key("warnings").strings(c.warnings);
  w.end_object();
  return w.take_line();
}

}  // namespace sopctl::render
