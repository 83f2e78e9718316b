// Platform rules on the texts themselves: WeCom's length and attachment
// limits. Texts are measured as sent (docs/spec.md §5.1): with a roster,
// each group's rendered text; without one, the template as written.

#include "lint_parts.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/text/width.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace sopctl::lint::detail {
namespace {

constexpr std::size_t k_max_message_bytes = 4000;
constexpr std::size_t k_max_welcome_bytes = 3000;
constexpr std::size_t k_max_moments_chars = 2000;
constexpr std::size_t k_max_assets = 9;
// A value no built-in per-item placeholder ({day}, {date}, {weekday},
// {countdown}, {phase_name}) is expected to pass, for the quick bound below.
constexpr std::size_t k_item_value_bytes = 64;

enum class Unit { bytes, chars };

std::size_t measure(const std::string& text, Unit unit) {
  return unit == Unit::bytes ? text.size() : text::count_chars(text);
}

// The groups of the roster running one SOP, with what rendering needs.
class Renderer {
public:
  Renderer(const Sop& sop, const Roster* roster) : m_sop(sop) {
    if (roster == nullptr) {
      return;
    }
    for (const Group& g : roster->groups) {
      if (!g.runs(sop.id.value)) {
        continue;
      }
      const Staff* owner = roster->find_staff(g.owner.value);
      Member m{&g, owner, render_group_name(sop, g, owner, Date::from_ymd(2026, 1, 1))};
      m_widest = std::max({m_widest, m.name.size(), g.id.value.size(), g.letter_or_id().size(),
                           owner ? owner->name.value.size() : g.owner.value.size()});
      for (const auto& var : g.vars) {
        m_widest = std::max(m_widest, var.second.value.size());
      }
      m_members.push_back(std::move(m));
    }
  }

  bool has_groups() const { return !m_members.empty(); }

  // True when no group can render `text` past `limit`: each placeholder
  // grows the text by at most the widest value.
  bool surely_within(const std::string& text, std::size_t limit) const {
    const auto braces = static_cast<std::size_t>(std::count(text.begin(), text.end(), '{'));
    return braces == 0 ? text.size() <= limit
                       : text.size() + braces * std::max(m_widest, k_item_value_bytes) <= limit;
  }

  // The longest rendering of `text` over the groups, and the first group
  // that renders it that long. `task` (may be null) sets day, date, phase.
  std::pair<std::size_t, const Group*> longest(const std::string& text, const Task* task,
                                               Unit unit) const {
    std::pair<std::size_t, const Group*> best{0, nullptr};
    for (const Member& m : m_members) {
      const PlanItem item = probe(m, task);
      const std::size_t n = measure(render_placeholders(text, item), unit);
      if (best.second == nullptr || n > best.first) {
        best = {n, m.group};
      }
    }
    return best;
  }

private:
  struct Member {
    const Group* group;
    const Staff* owner;
    std::string name;
  };

  // One item of the task for the group: its widest day number, its first
  // date (or the open date), its phase.
  PlanItem probe(const Member& m, const Task* task) const {
    PlanItem item;
    item.group = m.group;
    item.sop = &m_sop;
    item.group_owner = m.owner;
    item.group_name = m.name;
    item.date = m.group->open ? m.group->open->value : Date::from_ymd(2026, 1, 1);
    if (task != nullptr) {
      if (task->selector && !task->selector->days.empty()) {
        const auto widest = std::max_element(
            task->selector->days.begin(), task->selector->days.end(),
            [](int a, int b) { return std::to_string(a).size() < std::to_string(b).size(); });
        item.day = *widest;
      } else if (m.group->open) {
        item.day = 1;
      }
      if (task->selector && !task->selector->dates.empty()) {
        item.date = task->selector->dates.front();
      }
      if (!task->phase.value.empty()) {
        item.phase = m_sop.find_phase(task->phase.value);
      }
    }
    return item;
  }

  const Sop& m_sop;
  std::vector<Member> m_members;
  std::size_t m_widest = 0;
};

struct Limit {
  const char* rule;
  std::size_t max;
  Unit unit;
  const char* what;  // "WeCom rejects messages over {} bytes (UTF-8)", translated
};

constexpr Limit k_message{"message-too-long", k_max_message_bytes, Unit::bytes,
                          N_("WeCom rejects messages over {} bytes (UTF-8)")};
constexpr Limit k_welcome{"welcome-too-long", k_max_welcome_bytes, Unit::bytes,
                          N_("WeCom rejects group welcome messages over {} bytes (UTF-8)")};
constexpr Limit k_moments{"moments-too-long", k_max_moments_chars, Unit::chars,
                          N_("WeCom rejects Moments posts over {} characters")};

void check(const Located<std::string>& text, const std::string& what, const Task* task,
           const Limit& limit, const Renderer& groups, Reporter& out) {
  const char* unit = limit.unit == Unit::bytes ? tr("bytes") : tr("characters");
  const std::string rejects = fmt::format(fmt::runtime(tr(limit.what)), limit.max);
  if (!groups.has_groups()) {
    const std::size_t n = measure(text.value, limit.unit);
    if (n > limit.max) {
      out.add(limit.rule, text.loc, trf("{} is {} {}; {}", what, n, unit, rejects));
    }
    return;
  }
  if (groups.surely_within(text.value, limit.max)) {
    return;
  }
  const auto [n, group] = groups.longest(text.value, task, limit.unit);
  if (n > limit.max) {
    const std::size_t written = measure(text.value, limit.unit);
    out.add(limit.rule, text.loc,
            written == n ? trf("{} is {} {}; {}", what, n, unit, rejects)
                         : trf("{} is {} {} as sent to group {} ({} as written); {}", what, n, unit,
                               group->id.value, written, rejects));
  }
}

}  // namespace

void platform_text_rules(const Sop& sop, const Roster* roster, Reporter& out) {
  const Renderer groups(sop, roster);
  const Setup& setup = sop.setup;
  check(setup.announcement, tr("the announcement"), nullptr, k_message, groups, out);
  for (const Keyword& kw : setup.keywords) {
    check(kw.reply, trf("the reply to keyword '{}'", kw.match.value), nullptr, k_message, groups,
          out);
  }
  check(setup.welcome, tr("the welcome message"), nullptr, k_welcome, groups, out);
  for (const Task& task : sop.tasks) {
    const std::string name = task_name(sop, task);
    if (task.channel.value == "moments") {
      check(task.script, trf("the Moments post of {}", name), &task, k_moments, groups, out);
    } else {
      check(task.script, trf("the script of {}", name), &task, k_message, groups, out);
    }
    if (task.assets.size() > k_max_assets) {
      out.add("too-many-assets", task.assets[k_max_assets].loc,
              trf("{} has {} assets; WeCom sends at most {} attachments with one message", name,
                  task.assets.size(), k_max_assets));
    }
  }
}

}  // namespace sopctl::lint::detail
