// The top-level SOP keys added in the second release: version, anchor, and
// funnel as a mapping (docs/spec.md §5.1).

#include "sop_parts.hpp"
#include "values.hpp"

#include <sopctl/base/limits.hpp>

#include <fmt/format.h>

namespace sopctl::load {

namespace {

constexpr int k_known_version = 1;

}  // namespace

int read_version(Reader& r, const Field& f) {
  const auto v = r.integer(f, "the file format version, a whole number (version: 1)");
  if (!v) {
    return k_known_version;
  }
  if (v->value != k_known_version) {
    r.report(v->loc, "bad-value",
             fmt::format("file format version {}: this sopctl reads version {}; upgrade sopctl "
                         "or write version: {}",
                         v->value, k_known_version, k_known_version));
  }
  return v->value;
}

void read_anchor(Reader& r, const Field& f, Sop& sop) {
  if (auto t = r.text(f)) {
    if (auto d = check_date(r.diags(), *t)) {
      sop.anchor = Located<Date>{*d, t->loc};
    }
  }
}

void read_funnel(Reader& r, const Field& f, Sop& sop) {
  if (!f.value.IsMap()) {
    sop.funnel = r.text_list(f);
    return;
  }
  const auto fields = r.fields(f.value, {"steps", "window", "mode"});
  if (const Field* s = fields.get("steps")) {
    sop.funnel = r.text_list(*s);
  } else {
    r.report(f.key_loc, "missing-key", "missing key 'steps' in funnel (the events, in order)");
  }
  if (const Field* w = fields.get("window")) {
    if (auto t = r.text(*w)) {
      if (!parse_duration(t->value)) {
        r.report(t->loc, "bad-value",
                 fmt::format("bad funnel window '{}': use a number and a unit (s, m, h, d), "
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
