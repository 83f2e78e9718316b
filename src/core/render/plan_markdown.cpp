// `plan --format md`: a title, then per date a heading and a GitHub-flavoured
// Markdown table, for wikis, issues and chat tools that render Markdown.

#include "plan_fields.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/render/plan_render.hpp>

#include <fmt/format.h>

#include <string_view>

namespace sopctl::render {

namespace {

constexpr std::string_view k_table_head =
    "| 时间 | 群 | 天 | 任务 | 渠道 | 负责人 | 话术 |\n"
    "|---|---|---|---|---|---|---|\n";

// A table cell: `|` escaped, line breaks as <br> (a raw newline would end
// the row).
std::string md_cell(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '|') {
      out += "\\|";
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
        ++i;
      }
      out += "<br>";
    } else {
      out += c;
    }
  }
  return out;
}

// A heading is one line: line breaks become spaces.
std::string md_line(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\r' || c == '\n') {
      c = ' ';
    }
  }
  return out;
}

std::string group_cell(const ItemFields& f) {
  if (shown_name(f).empty() || shown_name(f) == shown_id(f)) {
    return shown_id(f);
  }
  return shown_id(f) + " " + shown_name(f);
}

std::string md_row(const ItemFields& f) {
  const std::string cells[] = {time_label(f), group_cell(f), day_phase_label(f),
                               f.title,       f.channel,     staff_names(f, "、"),
                               f.script};
  std::string out = "|";
  for (const auto& cell : cells) {
    out += ' ';
    out += md_cell(cell);
    out += " |";
  }
  return out + "\n";
}

}  // namespace

std::string plan_markdown(const Plan& plan, const PlanRenderOptions& opts) {
  const std::string from = format_date(plan.from);
  const std::string to = format_date(plan.to);
  std::string out = "# ";
  out += opts.title.empty() ? fmt::format("运营计划 {} – {}", from, to) : md_line(opts.title);
  out += "\n";
  if (plan.items.empty()) {
    return out + trf("\nno items from {} to {}\n", from, to);
  }
  for (std::size_t i = 0; i < plan.items.size(); ++i) {
    const PlanItem& item = plan.items[i];
    if (i == 0 || item.date != plan.items[i - 1].date) {
      out += fmt::format("\n## {}\n\n", date_heading(item.date));
      out += k_table_head;
    }
    out += md_row(item_fields(item));
  }
  return out;
}

}  // namespace sopctl::render
