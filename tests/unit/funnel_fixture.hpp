#pragma once
// A small funnel result for the renderer tests: an event-log funnel with a
// CJK step, medians, and a --by split.

#include <sopctl/funnel/funnel.hpp>
#include <sopctl/render/funnel_render.hpp>

namespace funnel_fixture {

inline sopctl::funnel::Result result(bool with_by = true) {
  namespace funnel = sopctl::funnel;
  funnel::Result r;
  r.from_events = true;
  r.rows = 1234;
  r.users = 300;
  r.window = 3 * 86400;
  r.total = funnel::make_funnel({"view", "进群", "order"}, {200, 80, 10},
                                {std::nullopt, 3600.0, 90061.5});
  if (with_by) {
    r.by_column = "channel";
    r.segments.push_back({"wechat", funnel::make_funnel({"view", "进群", "order"}, {150, 70, 10},
                                                        {std::nullopt, 1800.0, 45.0})});
    r.segments.push_back({"", funnel::make_funnel({"view", "进群", "order"}, {50, 10, 0},
                                                  {std::nullopt, 7200.0, std::nullopt})});
  }
  return r;
}

inline sopctl::render::FunnelRenderOptions options() {
  sopctl::render::FunnelRenderOptions o;
  o.input = "events.csv";
  return o;
}

}  // namespace funnel_fixture
