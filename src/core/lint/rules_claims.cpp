// fixed-scarcity-claim and dated-task-reaches-no-group: what a script or a
// campaign promises that the plan cannot keep.

#include "lint_parts.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/plan/plan.hpp>

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace sopctl::lint::detail {

namespace {

bool is_digit_at(std::string_view s, std::size_t i) {
  return i < s.size() && s[i] >= '0' && s[i] <= '9';
}

// The digits (and spaces) after `pos`, if a number follows.
bool number_follows(std::string_view s, std::size_t pos) {
  while (pos < s.size() && s[pos] == ' ') {
    ++pos;
  }
  return is_digit_at(s, pos);
}

// A phrase that states a count or a share as fact ("仅剩 3 个名额", "预约人数破
// 200", "名额已经抢走一大半"): true the day it was written, false the next. The
// number should come from the operator on the day, e.g. "仅剩{places}个名额".
std::string_view scarcity_phrase(std::string_view s) {
  static constexpr std::array<std::string_view, 6> k_fixed = {"抢走一大半", "已经抢光", "只剩最后",
                                                              "名额不多了", "仅剩最后", "已售罄"};
  for (const std::string_view p : k_fixed) {
    if (s.find(p) != std::string_view::npos) {
      return p;
    }
  }
  // Followed by a literal number: 仅剩 3, 只剩 5, 破 200, 已有 1000, 已报名 86.
  static constexpr std::array<std::string_view, 6> k_counted = {"仅剩", "只剩",   "破",
                                                                "已有", "已报名", "已抢"};
  for (const std::string_view p : k_counted) {
    for (std::size_t at = s.find(p); at != std::string_view::npos; at = s.find(p, at + 1)) {
      if (number_follows(s, at + p.size())) {
        return p;
      }
    }
  }
  return {};
}

}  // namespace

void fixed_scarcity_claims(const Sop& sop, Reporter& out) {
  auto check = [&](const Located<std::string>& text, const std::string& what) {
    const std::string_view phrase = scarcity_phrase(text.value);
    if (!phrase.empty()) {
      out.add("fixed-scarcity-claim", text.loc,
              trf("{} states a fixed count or share ('{}'): it is false whenever the "
                  "numbers differ; let the operator fill it in, e.g. {{places}} as a "
                  "group variable",
                  what, phrase));
    }
  };
  for (const Task& task : sop.tasks) {
    check(task.script, trf("task '{}'", task.id.value));
  }
  for (const Keyword& kw : sop.setup.keywords) {
    check(kw.reply, trf("the reply to '{}'", kw.match.value));
  }
}

void dated_tasks_reach_groups(const std::vector<Sop>& sops, const Roster& roster, Reporter& out) {
  DaysMemo days_of;
  for (const Sop& sop : sops) {
    std::vector<std::pair<const Group*, GroupLife>> running;
    for (const Group& g : roster.groups) {
      if (!g.runs(sop.id.value)) {
        continue;
      }
      running.emplace_back(&g, group_life(days_of(sops_run_by(g, sops)), g));
    }
    if (running.empty()) {
      continue;  // no group runs it: nothing to reach (or unknown-sop was reported)
    }
    for (const Task& task : sop.tasks) {
      if (!task.selector || !is_dated_task(sop, task)) {
        continue;
      }
      const Selector& sel = *task.selector;
      std::optional<std::pair<Date, Date>> bounds;
      if (sel.kind == Selector::Kind::date || sel.kind == Selector::Kind::dates) {
        if (sel.dates.empty()) {
          continue;
        }
        bounds = {sel.dates.front(), sel.dates.back()};
      } else if (task.from && task.to && task.from->kind == DayRef::Kind::date &&
                 task.to->kind == DayRef::Kind::date) {
        bounds = {task.from->date, task.to->date};
      } else {
        continue;  // an open-ended `every`: it reaches whoever lives in the plan's range
      }
      const bool reaches = std::any_of(running.begin(), running.end(), [&](const auto& gl) {
        const GroupLife& life = gl.second;
        if (sel.kind != Selector::Kind::every) {
          return std::any_of(sel.dates.begin(), sel.dates.end(),
                             [&](Date d) { return life.contains(d); });
        }
        return (!life.first || bounds->second >= *life.first) &&
               (!life.last || bounds->first <= *life.last);
      });
      if (!reaches) {
        out.add("dated-task-reaches-no-group", sel.loc,
                trf("task '{}' is dated {}..{}, when no group running '{}' is alive "
                    "(each group lives from its first planned day to `close` or its "
                    "last relative day): it reaches no group",
                    task.id.value, format_date(bounds->first), format_date(bounds->second),
                    sop.id.value));
      }
    }
  }
}

}  // namespace sopctl::lint::detail
