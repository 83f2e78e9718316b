// The `setup:` (group name, announcement, welcome, rules, keywords) and
// `limits:` sections of an SOP file.

#include "sop_parts.hpp"
#include "values.hpp"
#include "yaml_walk.hpp"

#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace sopctl::load {
namespace {

void read_keywords(Reader& r, const Field& f, Setup& setup) {
  if (!r.expect_list(f, tr("a list like [{match: 优惠券, reply: ...}]")) || f.is_null()) {
    return;
  }
  for (const YamlNode item : f.value.items()) {
    const SourceLoc item_loc = r.loc(item, f.value_loc);
    if (!item.is_map()) {
      r.report(item_loc, "wrong-type", tr("each keyword must be a mapping with match and reply"));
      continue;
    }
    Keyword kw;
    kw.loc = item_loc;
    const auto fields = r.fields(item, {"match", "reply"});
    for (const char* key : {"match", "reply"}) {
      const Field* kf = fields.get(key);
      if (!kf) {
        r.report(item_loc, "missing-key", trf("missing key '{}' in keyword", key));
        continue;
      }
      if (auto t = r.text(*kf)) {
        (std::string_view(key) == "match" ? kw.match : kw.reply) = *t;
      }
    }
    load::check_placeholders(r, kw.reply);
    setup.keywords.push_back(std::move(kw));
  }
}

void read_mass_sends(Reader& r, const Field& f, Limits& limits) {
  if (!r.expect_map(f, tr("a mapping like {per: month, max: days_in_month}")) || f.is_null()) {
    return;
  }
  MassQuota& quota = limits.mass_sends;
  quota.loc = f.key_loc;
  const auto fields = r.fields(f.value, {"per", "max"});
  if (const Field* per = fields.get("per")) {
    if (auto t = r.text(*per); t && r.one_of(*t, "'per' value", {"day", "week", "month"})) {
      quota.per = t->value == "day"    ? MassQuota::Per::day
                  : t->value == "week" ? MassQuota::Per::week
                                       : MassQuota::Per::month;
    }
  }
  if (const Field* max = fields.get("max")) {
    auto t = r.text(*max);
    const auto n = t ? load::parse_int(t->value) : std::nullopt;
    if (t && t->value == "days_in_month") {
      quota.max = -1;
    } else if (n && *n >= 0) {
      quota.max = *n;
    } else if (t) {
      r.report(t->loc, "bad-value",
               trf("bad 'max' value '{}': expected a number of sends or days_in_month", t->value));
    }
  }
}

}  // namespace

void read_setup(Reader& r, const Field& f, Sop& sop) {
  if (!r.expect_map(f,
                    "a mapping of group_name, announcement, welcome, rules, keywords, "
                    "sensitive_words") ||
      f.is_null()) {
    return;
  }
  Setup& setup = sop.setup;
  setup.present = true;
  setup.loc = f.key_loc;
  const auto fields = r.fields(
      f.value, {"group_name", "announcement", "welcome", "rules", "keywords", "sensitive_words"});
  const std::pair<const char*, Located<std::string>*> texts[] = {
      {"group_name", &setup.group_name},
      {"announcement", &setup.announcement},
      {"welcome", &setup.welcome}};
  for (const auto& [key, target] : texts) {
    if (const Field* tf = fields.get(key)) {
      if (auto t = r.text(*tf)) {
        *target = *t;
        load::check_placeholders(r, *target);
      }
    }
  }
  if (const Field* rules = fields.get("rules")) {
    setup.rules = r.text_list(*rules);
    for (const auto& rule : setup.rules) {
      load::check_placeholders(r, rule);
    }
  }
  if (const Field* kw = fields.get("keywords")) {
    read_keywords(r, *kw, setup);
  }
  if (const Field* sw = fields.get("sensitive_words")) {
    setup.sensitive_words = r.text_list(*sw);
  }
}

void read_limits(Reader& r, const Field& f, Sop& sop) {
  if (!r.expect_map(f,
                    "a mapping of quiet_hours, max_posts_per_group_per_day, mass_sends, "
                    "customer_mass_sends") ||
      f.is_null()) {
    return;
  }
  Limits& limits = sop.limits;
  limits.loc = f.key_loc;
  const auto fields = r.fields(
      f.value, {"quiet_hours", "max_posts_per_group_per_day", "mass_sends", "customer_mass_sends"});
  if (const Field* q = fields.get("quiet_hours")) {
    if (auto t = r.text(*q)) {
      const auto parts = t->value.find('-');
      std::optional<int> start;
      std::optional<int> end;
      if (parts != std::string::npos) {
        start = parse_time_of_day(load::trim(std::string_view(t->value).substr(0, parts)));
        end = parse_time_of_day(load::trim(std::string_view(t->value).substr(parts + 1)));
      }
      if (start && end) {
        limits.quiet_start = *start;
        limits.quiet_end = *end;
        limits.quiet_hours_set = true;
      } else {
        r.report(t->loc, "bad-time",
                 trf("bad quiet_hours '{}': use \"HH:MM-HH:MM\", e.g. \"22:00-08:00\"", t->value));
      }
    }
  }
  if (const Field* m = fields.get("max_posts_per_group_per_day")) {
    if (auto n = r.integer(*m, tr("a whole number of posts"))) {
      if (n->value >= 1) {
        limits.max_posts_per_group_per_day = n->value;
        limits.max_posts_set = true;
      } else {
        r.report(n->loc, "bad-value",
                 trf("bad 'max_posts_per_group_per_day' value {}: expected at least 1", n->value));
      }
    }
  }
  if (const Field* ms = fields.get("mass_sends")) {
    read_mass_sends(r, *ms, limits);
  }
  if (const Field* c = fields.get("customer_mass_sends")) {
    if (auto n = r.integer(*c, tr("a whole number of mass sends per customer per day"))) {
      if (n->value >= 1) {
        limits.customer_mass_sends = n->value;
      } else {
        r.report(n->loc, "bad-value",
                 trf("bad 'customer_mass_sends' value {}: expected at least 1", n->value));
      }
    }
  }
}

}  // namespace sopctl::load
