// `funnel --format json`: docs/spec.md §2.3's {"steps": [...]} and the rest of the
// result, every number at full precision.

#include "funnel_fields.hpp"

#include <sopctl/render/funnel_render.hpp>
#include <sopctl/text/json_writer.hpp>

namespace sopctl::render {

namespace {

void optional_number(text::JsonWriter& w, std::optional<double> v) {
  if (v) {
    w.value(*v);
  } else {
    w.null();
  }
}

void write_funnel(text::JsonWriter& w, const funnel::Funnel& f) {
  w.key("steps").begin_array();
  for (const funnel::Step& s : f.steps) {
    w.begin_object();
    w.key("step").value(s.name);
    w.key("users").value(static_cast<std::uint64_t>(s.users));
    w.key("from_previous");
    optional_number(w, s.from_previous);
    w.key("from_first");
    optional_number(w, s.from_first);
    w.key("lost").value(static_cast<std::int64_t>(s.lost));
    w.key("drop_off");
    optional_number(w, s.drop_off);
    w.key("median_seconds_from_previous");
    optional_number(w, s.median_seconds);
    w.key("p90_seconds_from_previous");
    optional_number(w, s.p90_seconds);
    w.key("mean_seconds_from_previous");
    optional_number(w, s.mean_seconds);
    w.end_object();
  }
  w.end_array();
  if (f.time_to_convert) {
    const funnel::TimeToConvert& c = *f.time_to_convert;
    w.key("time_to_convert").begin_object();
    w.key("users").value(c.users);
    w.key("p50_seconds");
    optional_number(w, c.p50_seconds);
    w.key("p90_seconds");
    optional_number(w, c.p90_seconds);
    w.key("mean_seconds");
    optional_number(w, c.mean_seconds);
    w.key("histogram").begin_array();
    const std::vector<std::int64_t>& bins = funnel::time_bins();
    for (std::size_t i = 0; i < c.histogram.size(); ++i) {
      w.begin_object();
      w.key("from_seconds").value(bins[i]);
      w.key("to_seconds");
      if (i + 1 < bins.size()) {
        w.value(bins[i + 1]);
      } else {
        w.null();
      }
      w.key("users").value(c.histogram[i]);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.key("conversion");
  optional_number(w, f.conversion);
  w.key("largest_drop");
  if (f.largest_drop) {
    const funnel::Step& to = f.steps[*f.largest_drop];
    w.begin_object();
    w.key("from").value(f.steps[*f.largest_drop - 1].name);
    w.key("to").value(to.name);
    w.key("lost").value(static_cast<std::int64_t>(to.lost));
    w.key("drop_off");
    optional_number(w, to.drop_off);
    w.end_object();
  } else {
    w.null();
  }
}

}  // namespace

std::string funnel_json(const funnel::Result& r, const FunnelRenderOptions& opts) {
  text::JsonWriter w(2);
  w.begin_object();
  write_funnel(w, r.total);
  w.key("input").begin_object();
  w.key("path").value(opts.input);
  w.key("kind").value(r.from_events ? "events" : "stage_counts");
  w.key("rows").value(static_cast<std::uint64_t>(r.rows));
  if (r.from_events) {
    w.key("users").value(static_cast<std::uint64_t>(r.users));
  }
  w.end_object();
  if (r.from_events) {
    w.key("mode").value(r.mode);
    w.key("window_seconds");
    if (r.window < 0) {
      w.null();
    } else {
      w.value(static_cast<std::int64_t>(r.window));
    }
    if (!r.exclusions.empty()) {
      w.key("exclude").begin_array();
      for (const funnel::Exclusion& x : r.exclusions) {
        w.begin_object();
        w.key("event").value(x.event);
        w.key("from_step").value(static_cast<std::uint64_t>(x.from));
        w.key("to_step").value(static_cast<std::uint64_t>(x.to));
        w.end_object();
      }
      w.end_array();
    }
  }
  if (!r.by_column.empty()) {
    w.key("by").begin_object();
    w.key("column").value(r.by_column);
    if (r.trend) {
      w.key("trend").value(true);  // the segments are periods, in time order
    }
    w.key("segments").begin_array();
    for (const funnel::Segment& seg : r.segments) {
      w.begin_object();
      w.key("value").value(seg.value);
      write_funnel(w, seg.funnel);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  if (opts.goal) {
    const funnel::GoalCheck& g = *opts.goal;
    w.key("goal").begin_object();
    w.key("sop").value(g.sop);
    w.key("metric").value(g.metric);
    w.key("target").value(g.target);
    w.key("actual");
    optional_number(w, g.actual);
    w.key("met").value(g.met);
    w.end_object();
  }
  w.end_object();
  return w.str() + "\n";
}

}  // namespace sopctl::render
