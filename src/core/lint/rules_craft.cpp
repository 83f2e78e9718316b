// Craft rules that read the SOP as written: quiet hours, set-up, sensitive
// words and keyword replies.

#include "lint_parts.hpp"

#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace sopctl::lint::detail {
namespace {

void quiet_hours(const Sop& sop, const EffectiveLimits& limits, Reporter& out) {
  for (const Task& task : sop.tasks) {
    if (task.at && in_quiet_hours(task.at->value, limits.quiet_start, limits.quiet_end)) {
      out.add("quiet-hours", task.at->loc,
              trf("{} is sent at {}, inside the quiet hours {}", task_name(sop, task),
                  format_time_of_day(task.at->value),
                  format_quiet_hours(limits.quiet_start, limits.quiet_end)));
    }
  }
}

void missing_setup(const Sop& sop, Reporter& out) {
  if (sop.kind == SopKind::customer) {
    return;  // 1:1 chats have no announcement, welcome or rules
  }
  const Setup& setup = sop.setup;
  const SourceLoc at = setup.present && setup.loc.known() ? setup.loc : sop_loc(sop);
  const bool has_rules = std::any_of(setup.rules.begin(), setup.rules.end(),
                                     [](const auto& r) { return !r.value.empty(); });
  if (setup.announcement.value.empty()) {
    out.add("missing-setup", at,
            tr("no group announcement (setup.announcement, 群公告) for new members"));
  }
  if (setup.welcome.value.empty()) {
    out.add("missing-setup", at,
            tr("no welcome message (setup.welcome, 入群欢迎语) for new members"));
  }
  if (!has_rules) {
    out.add("missing-setup", at, tr("no group rules (setup.rules, 群规则) for new members"));
  }
}

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Substring search that ignores the case of ASCII letters; UTF-8 multibyte
// sequences compare byte for byte, which is exact for them.
bool contains_word(const std::string& text, const std::string& word) {
  const auto it = std::search(text.begin(), text.end(), word.begin(), word.end(),
                              [](char a, char b) { return ascii_lower(a) == ascii_lower(b); });
  return it != text.end();
}

void sensitive_words(const Sop& sop, Reporter& out) {
  const Setup& setup = sop.setup;
  std::vector<const std::string*> words;
  for (const auto& w : setup.sensitive_words) {
    if (!w.value.empty()) {
      words.push_back(&w.value);
    }
  }
  if (words.empty()) {
    return;
  }
  auto check = [&](const Located<std::string>& text, const std::string& what) {
    std::vector<std::string> found;
    for (const std::string* w : words) {
      if (contains_word(text.value, *w) &&
          std::find(found.begin(), found.end(), "'" + *w + "'") == found.end()) {
        found.push_back("'" + *w + "'");
      }
    }
    if (found.empty()) {
      return;
    }
    std::string list;
    for (std::size_t i = 0; i < found.size(); ++i) {
      list += (i == 0 ? "" : ", ") + found[i];
    }
    out.add("sensitive-word", text.loc,
            trf("{} contains the sensitive word{} {} from setup.sensitive_words; the ad "
                "monitor would flag the group's own message",
                what, found.size() > 1 ? "s" : "", list));
  };
  check(setup.announcement, "the announcement");
  check(setup.welcome, "the welcome message");
  for (const auto& rule : setup.rules) {
    check(rule, "the group rules");
  }
  for (const Keyword& kw : setup.keywords) {
    check(kw.reply, trf("the reply to keyword '{}'", kw.match.value));
  }
  for (const Task& task : sop.tasks) {
    check(task.script, "the script of " + task_name(sop, task));
  }
}

void keyword_conflicts(const Sop& sop, Reporter& out) {
  const auto& kws = sop.setup.keywords;
  std::unordered_map<std::string_view, const Keyword*> first_of;
  for (const Keyword& kw : kws) {
    if (kw.match.value.empty()) {
      continue;
    }
    const auto [it, fresh] = first_of.emplace(kw.match.value, &kw);
    if (fresh || it->second->reply.value == kw.reply.value) {
      continue;  // the same reply twice is redundant, not a conflict
    }
    const SourceLoc& at = kw.match.loc.known() ? kw.match.loc : kw.loc;
    const SourceLoc& first =
        it->second->match.loc.known() ? it->second->match.loc : it->second->loc;
    out.add("keyword-conflict", at,
            trf("keyword '{}' already has a different reply (line {}); only one reply is sent",
                kw.match.value, first.line));
  }
}

}  // namespace

void craft_static_rules(const Sop& sop, const EffectiveLimits& limits, Reporter& out) {
  quiet_hours(sop, limits, out);
  missing_setup(sop, out);
  sensitive_words(sop, out);
  keyword_conflicts(sop, out);
}

}  // namespace sopctl::lint::detail
