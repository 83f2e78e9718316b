// `audit --format json` (docs/spec.md §5.4, §5.8): a row per --by value and
// the totals, each with planned, on_time, late, missed, pending, unplanned
// and on_time_rate; with --list, the late, missed and unplanned lines.

#include "audit_fields.hpp"

#include <sopctl/text/json_writer.hpp>

namespace sopctl::render {
namespace {

void counts(text::JsonWriter& w, const audit::Counts& c) {
  w.key("planned").value(c.planned);
  w.key("on_time").value(c.on_time);
  w.key("late").value(c.late);
  w.key("missed").value(c.missed);
  w.key("pending").value(c.pending);
  w.key("unplanned").value(c.unplanned);
  w.key("on_time_rate");
  if (const auto rate = c.on_time_rate()) {
    w.value(*rate);
  } else {
    w.null();
  }
}

void optional_text(text::JsonWriter& w, const char* key, const std::string& value) {
  w.key(key);
  if (value.empty()) {
    w.null();
  } else {
    w.value(value);
  }
}

}  // namespace

std::string audit_json(const audit::Report& r, const AuditRenderOptions& opts) {
  text::JsonWriter w(2);
  w.begin_object();
  w.key("from").value(format_date(r.options.from));
  w.key("to").value(format_date(r.options.to));
  w.key("as_of").value(format_local_minute(r.as_of));
  w.key("grace_seconds").value(r.options.grace_seconds);
  w.key("by").value(audit::by_name(r.options.by));
  w.key("rows").begin_array();
  for (const audit::Row& row : r.rows) {
    w.begin_object();
    w.key(audit::by_name(r.options.by)).value(row.value);
    optional_text(w, "name", row.label);
    counts(w, row.counts);
    w.end_object();
  }
  w.end_array();
  w.key("totals").begin_object();
  counts(w, r.totals);
  w.end_object();
  w.key("duplicates").value(r.duplicates);
  w.key("out_of_range").value(r.out_of_range);
  if (opts.list) {
    w.key("listed").begin_array();
    for (const ListedLine& l : audit_listed(r)) {
      w.begin_object();
      w.key("status").value(l.status);
      optional_text(w, "planned", l.status == "unplanned" ? "" : l.when);
      optional_text(w, "done", l.done);
      w.key("group").value(l.group);
      w.key("task").value(l.task);
      optional_text(w, "title", l.title);
      optional_text(w, "staff", l.staff);
      optional_text(w, "key", l.key);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
  return w.take_line();
}

}  // namespace sopctl::render
