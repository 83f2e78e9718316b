// Checks shared by the YAML and CSV roster loaders.

#include "roster_parts.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/base/limits.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace sopctl::load {

namespace {

[[noreturn]] void too_many_groups(SourceLoc where) {
  throw Error(trf("more than {} groups in the roster files (the limit); split the "
                  "roster and plan it in parts",
                  limits::k_max_groups),
              std::move(where));
}

}  // namespace

void check_group_count(std::size_t loaded, std::size_t in_file,
                       const std::function<SourceLoc(std::size_t)>& where) {
  if (loaded + in_file > limits::k_max_groups) {
    // The file's first row or item past the limit.
    too_many_groups(where(limits::k_max_groups - std::min(loaded, limits::k_max_groups)));
  }
}

void add_group(Diagnostics& diags, const GroupInput& in, IdRegistry& ids, Roster& roster) {
  Group g;
  g.loc = in.loc;
  if (!in.id) {
    report_to(diags, in.loc, "missing-key", tr("missing key 'id' in group"));
    return;
  }
  g.id = *in.id;
  const bool id_ok = check_name_id(diags, g.id, tr("group"));
  const bool unique = ids.add(diags, g.id);
  const std::string what = trf("group '{}'", g.id.value);
  for (const auto& s : in.sops) {
    if (!s.value.empty() && !g.runs(s.value)) {
      g.sops.push_back(s);
    }
  }
  if (g.sops.empty() && in.sop && !in.sop->value.empty()) {
    g.sops.push_back(*in.sop);
  }
  if (!g.sops.empty()) {
    g.sop = g.sops.front();
  } else {
    report_to(diags, in.sop ? in.sop->loc : in.loc, "missing-key",
              trf("missing key 'sop' in {} (the id of the SOP it runs)", what));
  }
  if (in.open && !in.open->value.empty()) {
    if (auto d = check_date(diags, *in.open)) {
      g.open = Located<Date>{*d, in.open->loc};
    }
  }
  if (in.close && !in.close->value.empty()) {
    if (auto d = check_date(diags, *in.close)) {
      g.close = Located<Date>{*d, in.close->loc};
      if (g.open && g.open->value > *d) {
        report_to(diags, in.close->loc, "bad-date",
                  trf("{} closes on {}, before it opens ({})", what, format_date(*d),
                      format_date(g.open->value)));
      }
    }
  }
  for (const auto& s : in.skip) {
    if (auto d = check_date(diags, s)) {
      g.skip.push_back(*d);
    }
  }
  std::sort(g.skip.begin(), g.skip.end());
  g.vars = in.vars;
  if (in.size && !in.size->value.empty()) {
    const auto n = parse_int(in.size->value);
    if (n && *n >= 0) {
      g.size = *n;
    } else {
      report_to(diags, in.size->loc, "wrong-type",
                trf("'size' must be a whole number of members, not '{}'", in.size->value));
    }
  }
  if (in.name) {
    g.name = *in.name;
  }
  if (in.owner) {
    g.owner = *in.owner;
  }
  if (in.letter) {
    g.letter = *in.letter;
  }
  g.assistants = in.assistants;
  for (const auto& t : in.tags) {
    g.tags.push_back(t.value);
  }
  // A group that cannot be named, or that repeats an id, would only make
  // the plan ambiguous.
  if (id_ok && unique) {
    if (roster.groups.size() >= limits::k_max_groups) {
      too_many_groups(g.loc);
    }
    roster.groups.push_back(std::move(g));
  }
}

}  // namespace sopctl::load
