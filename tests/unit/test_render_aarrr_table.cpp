// The AARRR renderers on the docs/spec.md §2.4 example and on CJK values.

#include "aarrr_fixture.hpp"

#include <sopctl/base/files.hpp>
#include <sopctl/render/aarrr_render.hpp>
#include <sopctl/text/width.hpp>

#include <doctest/doctest.h>

#include <sstream>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

namespace aarrr = sopctl::aarrr;
namespace render = sopctl::render;

namespace {

aarrr::Result spec_example(std::optional<double> cost = 200.0) {
  aarrr::Spec s = aarrr_fixture::spec(aarrr::CohortUnit::month);
  s.cost = cost;
  return aarrr_fixture::run(
      sopctl::io::read_file(std::string(SOPCTL_TEST_DATA_DIR) + "/aarrr/spec-example.csv"), s,
      {"channel"});
}

render::AarrrRenderOptions options() {
  render::AarrrRenderOptions o;
  o.input = "spec-example.csv";
  o.zone = "Asia/Shanghai";
  return o;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    out.push_back(line);
  }
  return out;
}

std::string compact(const std::string& json) {
  std::string out;
  bool in_string = false;
  for (const char c : json) {
    in_string = c == '"' ? !in_string : in_string;
    if (in_string || (c != ' ' && c != '\n')) {
      out += c;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("render::aarrr_json") {
  SUBCASE("docs/spec.md §2.4's shape, key order and numbers at full precision") {
    CHECK(compact(render::aarrr_json(spec_example(), options())) ==
          compact(R"({"acquisition": {"users": 6, "by": [{"value": "wechat", "users": 4},
                      {"value": "douyin", "users": 2}]},
 "activation": {"users": 2, "rate": 0.3333333333333333},
 "retention": {"d1": 0.4, "d7": 0.4, "d30": 0.0,
   "cohorts": [{"cohort": "2026-12-01", "users": 2, "periods": [1.0, 1.0, 0.0]},
               {"cohort": "2027-01-01", "users": 1, "periods": [1.0, 0.0, null]},
               {"cohort": "2027-02-01", "users": 2, "periods": [1.0, null, null]},
               {"cohort": "2027-03-01", "users": 1, "periods": [1.0, null, null]}]},
 "revenue": {"paying_users": 2, "paying_rate": 0.3333333333333333, "revenue": 347.0,
   "arpu": 57.833333333333336, "arppu": 173.5, "repeat_rate": 0.5},
 "referral": {"invites": 2, "referred": 2, "referrers": 1,
   "invites_per_user": 0.3333333333333333, "invite_conversion": 1.0,
   "k_factor": 0.3333333333333333},
 "roi": {"cost": 200.0, "roi": 0.735, "cost_per_acquired": 33.333333333333336,
   "cost_per_paying": 100.0}})"));
  }
  SUBCASE("roi is null without --cost; by is empty without --by") {
    aarrr::Spec s = aarrr_fixture::spec();
    const aarrr::Result r =
        aarrr_fixture::run("user_id,event,ts\na,join_group,2026-12-01 10:00:00\n", s);
    const std::string json = compact(render::aarrr_json(r, options()));
    CHECK(json.find(R"("acquisition":{"users":1,"by":[]})") != std::string::npos);
    CHECK(json.find(R"("d1":null,"d7":null,"d30":null)") != std::string::npos);
    CHECK(json.find(R"("arppu":null,"repeat_rate":null)") != std::string::npos);
    CHECK(json.find(R"("roi":null})") != std::string::npos);
  }
}

TEST_CASE("render::aarrr_csv") {
  const std::vector<std::string> l = lines(render::aarrr_csv(spec_example(), options()));
  REQUIRE(l.size() > 10);
  CHECK(l[0] == "stage,metric,segment,value");
  CHECK(l[1] == "acquisition,users,,6");
  CHECK(l[2] == "acquisition,users_by,wechat,4");
  const auto has = [&](const std::string& row) {
    return std::find(l.begin(), l.end(), row) != l.end();
  };
  CHECK(has("activation,rate,,0.3333333333333333"));
  CHECK(has("retention,d30_eligible,,4"));
  CHECK(has("retention,period_2,2027-01-01,"));  // null
  CHECK(has("retention,period_1,mean,0.6666666666666666"));
  CHECK(has("revenue,revenue,,347.0"));
  CHECK(has("roi,roi,,0.735"));
}

TEST_CASE("render::aarrr_table") {
  SUBCASE("a block per stage, the cohort triangle") {
    const std::string t = render::aarrr_table(spec_example(), options());
    const std::vector<std::string> l = lines(t);
    CHECK(l[0] ==
          "AARRR spec-example.csv: 19 rows, 6 users with mapped events; data to "
          "2027-03-10 (Asia/Shanghai)");
    for (const char* h : {"Acquisition", "Activation (within 7d of acquisition)",
                          "Retention (a retention event on day N after acquisition)", "Revenue",
                          "Referral", "ROI (cost 200.00)"}) {
      CAPTURE(h);
      CHECK(std::find(l.begin(), l.end(), h) != l.end());
    }
    const std::string triangle =
        "  cohort (month)  users      M0      M1    M2\n"
        "  2026-12             2  100.0%  100.0%  0.0%\n"
        "  2027-01             1  100.0%    0.0%\n"
        "  2027-02             2  100.0%\n"
        "  2027-03             1  100.0%\n"
        "  mean                   100.0%   66.7%  0.0%\n";
    CHECK(t.find(triangle) != std::string::npos);
    CHECK(t.find("  revenue       347.00  from 3 purchases\n") != std::string::npos);
  }
  SUBCASE("CJK values align by display width") {
    aarrr::Spec s = aarrr_fixture::spec();
    const aarrr::Result r = aarrr_fixture::run(
        "user_id,event,ts,channel\n"
        "a,join_group,2026-12-01 10:00:00,小红书\n"
        "b,join_group,2026-12-01 10:00:00,wechat\n"
        "c,join_group,2026-12-01 10:00:00,wechat\n",
        s, {"channel"});
    const std::vector<std::string> l = lines(render::aarrr_table(r, options()));
    std::vector<std::size_t> widths;
    for (const std::string& line : l) {
      if (line.find("users  share") != std::string::npos ||
          line.find("小红书") != std::string::npos || line.find("wechat") != std::string::npos) {
        widths.push_back(sopctl::text::display_width(line));
      }
    }
    REQUIRE(widths.size() == 3);
    CHECK(widths[0] == widths[1]);
    CHECK(widths[1] == widths[2]);
  }
  SUBCASE("without --cost the ROI block says how to get it") {
    const std::string t = render::aarrr_table(spec_example(std::nullopt), options());
    CHECK(t.find("ROI\n  (give --cost N to compare revenue with the cost)\n") != std::string::npos);
  }
}

TEST_CASE("render::aarrr_markdown") {
  const std::string md = render::aarrr_markdown(spec_example(), options());
  CHECK(md.rfind("## AARRR\n", 0) == 0);
  CHECK(md.find("| cohort (month) | users | M0 | M1 | M2 |\n|---|---:|---:|---:|---:|\n"
                "| 2026-12 | 2 | 100.0% | 100.0% | 0.0% |\n"
                "| 2027-01 | 1 | 100.0% | 0.0% |  |\n") != std::string::npos);
  CHECK(md.find("| **mean** | | 100.0% | 66.7% | 0.0% |\n") != std::string::npos);
  CHECK(md.find("| ROI | 73.5% | (revenue − cost) / cost |\n") != std::string::npos);
}

}  // namespace SOPCTL_TU_ID
