// load_sop(): the top level of an SOP file and its sections other than tasks.

#include "sop_parts.hpp"
#include "values.hpp"
#include "yaml_walk.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/base/timezone.hpp>
#include <sopctl/load/loader.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace sopctl {
namespace {

using load::Field;
using load::Reader;

// Zones an operator is likely to mean, for the did-you-mean of bad-timezone.
const std::vector<std::string> k_common_zones = {
    "Asia/Shanghai",  "Asia/Hong_Kong",   "Asia/Taipei",         "Asia/Macau",
    "Asia/Singapore", "Asia/Tokyo",       "Asia/Seoul",          "Asia/Kuala_Lumpur",
    "Europe/London",  "America/New_York", "America/Los_Angeles", "UTC"};

void read_timezone(Reader& r, const Field& f, Sop& sop) {
  auto tz = r.text(f);
  if (!tz) {
    return;
  }
  if (tz->value.empty()) {
    r.report(tz->loc, "bad-timezone",
             tr("empty time zone: use an IANA name such as Asia/Shanghai, or remove the key "
                "(Asia/Shanghai is the default)"));
    return;
  }
  sop.timezone = *tz;
  if (const std::string why = TimeZone::why_not(tz->value); !why.empty()) {
    r.report(tz->loc, "bad-timezone",
             trf("time zone '{}' {}{}", TimeZone::printable(tz->value), why,
                 text::closest_match(tz->value, k_common_zones) == tz->value
                     ? std::string()
                     : load::did_you_mean_suffix(tz->value, k_common_zones)));
  }
}

// A number, or a percentage such as "20%".
std::optional<double> parse_rate(std::string_view text) {
  text = load::trim(text);
  double scale = 1.0;
  if (!text.empty() && text.back() == '%') {
    text.remove_suffix(1);
    scale = 0.01;
  }
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) {
    return std::nullopt;
  }
  return value * scale;
}

void read_goal(Reader& r, const Field& f, Sop& sop) {
  if (!r.expect_map(f, tr("a mapping like {metric: order, target: 0.20}")) || f.is_null()) {
    return;
  }
  Goal goal;
  goal.loc = f.key_loc;
  const auto fields = r.fields(f.value, {"metric", "target"});
  if (const Field* m = fields.get("metric")) {
    if (auto t = r.text(*m)) {
      goal.metric = *t;
    }
  }
  if (const Field* t = fields.get("target")) {
    std::optional<double> rate;
    if (!t->is_null() && t->value.is_scalar()) {
      rate = parse_rate(t->value.scalar());
    }
    if (rate) {
      goal.target = Located<double>{*rate, t->value_loc};
    } else {
      r.report(t->value_loc, "wrong-type", tr("'target' must be a number such as 0.20 or 20%"));
    }
  }
  sop.goal = goal;
}

void read_phases(Reader& r, const Field& f, Sop& sop, load::PhaseIds& ids) {
  if (!r.expect_list(f, tr("a list of phases like {id: camp, name: 正式期, from: 1, to: 7}")) ||
      f.is_null()) {
    return;
  }
  load::IdRegistry seen(tr("phase"));
  for (const text::YamlNode item : f.value.items()) {
    const SourceLoc item_loc = r.loc(item, f.value_loc);
    if (!item.is_map()) {
      r.report(item_loc, "wrong-type",
               tr("each phase must be a mapping with id, name, from and to"));
      continue;
    }
    Phase phase;
    phase.loc = item_loc;
    const auto fields = r.fields(item, {"id", "name", "from", "to"});
    bool duplicate = false;
    if (const Field* id_field = fields.get("id")) {
      if (auto id = r.text(*id_field)) {
        phase.id = *id;
        load::check_slug_id(r.diags(), phase.id, tr("phase"));
        duplicate = !seen.add(r.diags(), phase.id);
        if (!duplicate && !phase.id.value.empty()) {
          ids.push_back(phase.id.value);
        }
      }
    }
    // Only whole phases go into the model, so that rules and the plan never
    // see a phase with made-up bounds.
    bool complete = !phase.id.value.empty() && !duplicate;
    const std::string what =
        phase.id.value.empty() ? std::string(tr("phase")) : trf("phase '{}'", phase.id.value);
    for (const char* key : {"id", "from", "to"}) {
      if (!fields.get(key)) {
        r.report(item_loc, "missing-key", trf("missing key '{}' in {}", key, what));
        complete = false;
      }
    }
    if (const Field* name = fields.get("name")) {
      if (auto t = r.text(*name)) {
        phase.name = *t;
      }
    }
    for (const char* key : {"from", "to"}) {
      if (const Field* b = fields.get(key)) {
        auto ref = load::read_day_ref(r, *b);
        complete = complete && ref.has_value();
        if (ref) {
          (std::string_view(key) == "from" ? phase.from : phase.to) = *ref;
        }
      }
    }
    if (complete) {
      load::check_bounds_order(r.diags(), phase.from, phase.to, what);
      sop.phases.push_back(std::move(phase));
    }
  }
}

void read_metrics(Reader& r, const Field& f, Sop& sop) {
  if (!r.expect_map(f, tr("a mapping of acquisition, activation, retention, revenue, referral")) ||
      f.is_null()) {
    return;
  }
  Metrics& m = sop.metrics;
  m.present = true;
  m.loc = f.key_loc;
  const auto fields =
      r.fields(f.value, {"acquisition", "activation", "retention", "revenue", "referral"});
  const std::pair<const char*, std::vector<Located<std::string>>*> stages[] = {
      {"acquisition", &m.acquisition},
      {"activation", &m.activation},
      {"retention", &m.retention},
      {"revenue", &m.revenue},
      {"referral", &m.referral}};
  for (const auto& [key, target] : stages) {
    if (const Field* sf = fields.get(key)) {
      *target = r.text_list(*sf);
    }
  }
}

// Customer SOPs talk to one customer: private chats, mass sends (客户群发)
// and Moments. A task without `channel` is a private chat.
void check_customer_tasks(Reader& r, Sop& sop) {
  for (Task& task : sop.tasks) {
    const bool defaulted =
        task.channel.loc.line == task.loc.line && task.channel.loc.column == task.loc.column;
    if (defaulted) {
      task.channel.value = "private";
    } else if (task.channel.value != "private" && task.channel.value != "mass" &&
               task.channel.value != "moments") {
      r.report(task.channel.loc, "bad-value",
               trf("channel '{}' is for group SOPs; a customer SOP's tasks use private, "
                   "mass or moments",
                   task.channel.value));
    }
  }
}

}  // namespace

Sop load_sop(std::string_view text, const std::string& path, Diagnostics& diags) {
  const text::YamlFile file(text, path);
  Reader r(file, diags);
  Sop sop;
  sop.path = path;
  r.set_placeholder_sink(&sop.deferred_placeholders);
  const text::YamlNode root = file.root();
  if (root && !root.is_null() && !root.is_map()) {
    r.report(r.loc(root, file.file_loc()), "wrong-type",
             tr("an SOP file must be a mapping of keys such as sop, title and tasks"));
    return sop;
  }
  load::Fields fields;
  if (root && root.is_map()) {
    fields = r.fields(
        root, {"version", "sop", "kind", "title", "description", "timezone", "anchor", "target",
               "until", "goal", "phases", "setup", "limits", "funnel", "metrics", "tasks"});
  }
  if (const Field* v = fields.get("version")) {
    sop.version = load::read_version(r, *v);
  }
  if (const Field* k = fields.get("kind")) {
    load::read_kind(r, *k, sop);
  }
  if (const Field* t = fields.get("target")) {
    load::read_target(r, *t, sop);
  }
  if (const Field* u = fields.get("until")) {
    load::read_until(r, *u, sop);
  }
  if (sop.kind == SopKind::group && (sop.target.loc.line > 0 || !sop.until.empty())) {
    const Field* f = fields.get("target") ? fields.get("target") : fields.get("until");
    r.report(f->key_loc, "bad-value", trf("'{}' is for customer SOPs: add kind: customer", f->key));
  }
  if (const Field* a = fields.get("anchor")) {
    load::read_anchor(r, *a, sop);
  }
  if (const Field* id = fields.get("sop")) {
    if (auto t = r.text(*id)) {
      sop.id = *t;
      load::check_slug_id(diags, sop.id, tr("SOP"));
    }
  } else {
    r.report(file.file_loc(), "missing-key",
             tr("missing key 'sop' (the SOP's id, e.g. sop: camp-7d)"));
  }
  const std::pair<const char*, Located<std::string>*> texts[] = {{"title", &sop.title},
                                                                 {"description", &sop.description}};
  for (const auto& [key, target] : texts) {
    if (const Field* tf = fields.get(key)) {
      if (auto t = r.text(*tf)) {
        *target = *t;
      }
    }
  }
  if (const Field* tz = fields.get("timezone")) {
    read_timezone(r, *tz, sop);
  }
  if (const Field* g = fields.get("goal")) {
    read_goal(r, *g, sop);
  }
  load::PhaseIds phase_ids;
  if (const Field* p = fields.get("phases")) {
    read_phases(r, *p, sop, phase_ids);
  }
  if (const Field* s = fields.get("setup")) {
    read_setup(r, *s, sop);
  }
  if (const Field* l = fields.get("limits")) {
    read_limits(r, *l, sop);
  }
  if (const Field* fu = fields.get("funnel")) {
    load::read_funnel(r, *fu, sop);
  }
  if (const Field* m = fields.get("metrics")) {
    read_metrics(r, *m, sop);
  }
  if (const Field* t = fields.get("tasks")) {
    load::load_tasks(r, *t, phase_ids, sop);
  } else {
    r.report(file.file_loc(), "missing-key",
             tr("missing key 'tasks' (the list of scheduled tasks)"));
  }
  if (sop.kind == SopKind::customer) {
    check_customer_tasks(r, sop);
  }
  // {countdown} counts to the open date, or in a dated SOP to its anchor.
  if (sop.kind == SopKind::group && !sop.anchor && !sop.relative_days()) {
    for (const PlaceholderUse& use : sop.deferred_placeholders) {
      if (use.name == "countdown") {
        r.report(use.loc, "undefined-placeholder",
                 tr("'{countdown}' in a dated SOP needs 'anchor:' (the campaign's main day, e.g. "
                    "anchor: 2026-12-12) to count to"));
      }
    }
  }
  return sop;
}

}  // namespace sopctl
