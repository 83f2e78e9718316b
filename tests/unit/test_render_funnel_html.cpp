#include "funnel_fixture.hpp"

#include <sopctl/render/funnel_render.hpp>

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::render::funnel_html;

int count_of(const std::string& s, const std::string& what) {
  int n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) {
    ++n;
  }
  return n;
}

TEST_CASE("render::funnel_html") {
  auto r = funnel_fixture::result();
  r.segments[0].value = "<a&b>";
  sopctl::funnel::TimeToConvert t;
  t.users = 3;
  t.histogram = {1, 0, 0, 0, 0, 0, 0, 0, 2};
  r.total.time_to_convert = t;
  const std::string page = funnel_html(r, funnel_fixture::options());
  // Step 1 is the full 420 px; 进群 is 80 of 200 users, order 10 of 200.
  CHECK(page.find("width=\"420.0\" height=\"24.0\" data-step=\"view\" data-users=\"200\"") !=
        std::string::npos);
  CHECK(page.find("width=\"168.0\" height=\"24.0\" data-step=\"进群\" data-users=\"80\"") !=
        std::string::npos);
  CHECK(page.find("width=\"21.0\" height=\"24.0\" data-step=\"order\" data-users=\"10\"") !=
        std::string::npos);
  CHECK(page.find("↓ 60.0% lost (120) to 进群") != std::string::npos);
  CHECK(page.find("data-segment=\"&lt;a&amp;b&gt;\"") != std::string::npos);
  CHECK(page.find("<a&b>") == std::string::npos);
  CHECK(count_of(page, "<svg ") == 1 + 1 + static_cast<int>(r.segments.size()));
  CHECK(page.find("Time to convert") != std::string::npos);
  CHECK(page.find("data-bin=\"8\" data-users=\"2\"") != std::string::npos);
  CHECK(page == funnel_html(r, funnel_fixture::options()));

  // Stage counts have no times: no histogram.
  r.from_events = false;
  r.total.time_to_convert.reset();
  CHECK(funnel_html(r, funnel_fixture::options()).find("Time to convert") == std::string::npos);
}

}  // namespace SOPCTL_TU_ID
