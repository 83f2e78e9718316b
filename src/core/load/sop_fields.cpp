// The top-level SOP keys added in the second release: version, anchor, and
// funnel as a mapping (docs/spec.md §5.1).

#include "sop_parts.hpp"
#include "values.hpp"

#include <sopctl/base/i18n.hpp>
#include <sopctl/base/limits.hpp>

#include <fmt/format.h>

namespace sopctl::load {

namespace {

constexpr int k_known_version = 1;

}  // namespace

int read_version(Reader& r, const Field& f) {
  const auto v = r.integer(f, tr("the file format version, a whole number (version: 1)"));
  if (!v) {
    return k_known_version;
  }
  if (v->value != k_known_version) {
    r.report(v->loc, "bad-value",
             trf("file format version {}: this sopctl reads version {}; upgrade sopctl "
                 "or write version: {}",
                 v->value, k_known_version, k_known_version));
  }
  return v->value;
}

void read_anchor(Reader& r, const Field& f, Sop& sop) {
  if (auto t = r.text(f)) {
    if (sop.kind == SopKind::customer) {
      // The customers-file column day 1 is: added, paid, expires, ...
      if (t->value.empty() || t->value.find_first_of(" \t,;") != std::string::npos) {
        r.report(t->loc, "bad-value",
                 trf("a customer SOP's anchor is a date column of the customers file "
                     "(added, paid, expires, ...), not '{}'",
                     t->value));
      } else {
        sop.anchor_column = *t;
      }
      return;
    }
    if (auto d = check_date(r.diags(), *t)) {
      sop.anchor = Located<Date>{*d, t->loc};
    }
  }
}

void read_kind(Reader& r, const Field& f, Sop& sop) {
  if (auto t = r.text(f); t && r.one_of(*t, "kind", {"group", "customer"})) {
    sop.kind = t->value == "customer" ? SopKind::customer : SopKind::group;
  }
}

void read_target(Reader& r, const Field& f, Sop& sop) {
  if (!r.expect_map(f, tr("a mapping of tags_any, tags_all, tags_none and owner")) || f.is_null()) {
    return;
  }
  sop.target.loc = f.key_loc;
  const auto fields = r.fields(f.value, {"tags_any", "tags_all", "tags_none", "owner"});
  const std::pair<const char*, std::vector<Located<std::string>>*> lists[] = {
      {"tags_any", &sop.target.tags_any},
      {"tags_all", &sop.target.tags_all},
      {"tags_none", &sop.target.tags_none}};
  for (const auto& [key, target] : lists) {
    if (const Field* lf = fields.get(key)) {
      *target = r.text_list(*lf);
    }
  }
  if (const Field* o = fields.get("owner")) {
    if (auto t = r.text(*o)) {
      sop.target.owner = *t;
    }
  }
}

void read_until(Reader& r, const Field& f, Sop& sop) {
  sop.until = r.text_list(f);
}

void read_funnel(Reader& r, const Field& f, Sop& sop) {
  if (!f.value.is_map()) {
    sop.funnel = r.text_list(f);
    return;
  }
  const auto fields = r.fields(f.value, {"steps", "window", "mode"});
  if (const Field* s = fields.get("steps")) {
    sop.funnel = r.text_list(*s);
  } else {
    r.report(f.key_loc, "missing-key", tr("missing key 'steps' in funnel (the events, in order)"));
  }
  if (const Field* w = fields.get("window")) {
    if (auto t = r.text(*w)) {
      if (!parse_duration(t->value)) {
        r.report(t->loc, "bad-value",
                 trf("bad funnel window '{}': use a number and a unit (s, m, h, d), "
                     "e.g. 21d",
                     t->value));
      } else {
        sop.funnel_window = *t;
      }
    }
  }
  if (const Field* m = fields.get("mode")) {
    if (auto t = r.text(*m)) {
      sop.funnel_mode = *t;
    }
  }
}

}  // namespace sopctl::load
