#include "plan_fixture.hpp"

#include <sopctl/render/plan_render.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

namespace {

std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}

// The <td ...>...</td> of one date, or "" when there is none.
std::string day_cell(const std::string& html, std::string_view date) {
  const std::size_t at = html.find(std::string("data-date=\"") + std::string(date) + "\"");
  if (at == std::string::npos) {
    return {};
  }
  const std::size_t begin = html.rfind("<td", at);
  const std::size_t end = html.find("</td>", at);
  return html.substr(begin, end + 5 - begin);
}

std::string render_html(const Plan& plan, const std::string& title = {}) {
  render::PlanRenderOptions opts;
  opts.title = title;
  return render::plan_html(plan, opts);
}

}  // namespace

TEST_CASE("render::plan_html") {
  test::PlanFixture fx;

  SUBCASE("a self-contained page") {
    const std::string html = render_html(fx.plan);
    CHECK(html.rfind("<!DOCTYPE html>\n", 0) == 0);
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(html.find("<title>运营计划 2026-12-01 – 2026-12-31</title>") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http://") == std::string::npos);
    CHECK(html.find("https://") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.substr(html.size() - 8) == "</html>\n");
  }

  SUBCASE("one table per month, weeks start on Monday") {
    CHECK(count(render_html(fx.plan), "<table") == 1);
    fx.plan.from = Date::from_ymd(2026, 11, 28);
    fx.plan.to = Date::from_ymd(2027, 1, 2);
    const std::string html = render_html(fx.plan);
    CHECK(count(html, "<table") == 3);
    CHECK(count(html,
                "<thead><tr><th>周一</th><th>周二</th><th>周三</th><th>周四</th>"
                "<th>周五</th><th>周六</th><th>周日</th></tr></thead>") == 3);
    CHECK(html.find("<h2>2026年11月</h2>") < html.find("<h2>2026年12月</h2>"));
    CHECK(html.find("<h2>2026年12月</h2>") < html.find("<h2>2027年1月</h2>"));
    // Every row has seven cells: December 2026 starts on a Tuesday, so its
    // grid starts with Monday 30 November, greyed and empty.
    const std::size_t dec = html.find("data-month=\"2026-12\"");
    const std::size_t first_row = html.find("<tr>\n<td", dec);
    CHECK(html.substr(first_row, 80).find("<td class=\"out\"><div class=\"num\">30</div></td>") !=
          std::string::npos);
  }

  SUBCASE("a day cell contains its items in order, other days none") {
    const std::string html = render_html(fx.plan);
    const std::string cell = day_cell(html, "2026-12-03");
    REQUIRE(!cell.empty());
    CHECK(cell.find("<div class=\"num\">3</div>") != std::string::npos);
    const std::size_t morning = cell.find(
        "<span class=\"time\">08:00</span> "
        "<span class=\"group\">[A]</span> "
        "<span class=\"title\">每日早读</span> "
        "<span class=\"staff\">李顾问</span>");
    const std::size_t live = cell.find(
        "<span class=\"title\">直播答疑</span> "
        "<span class=\"staff\">小丸子、李顾问</span>");
    CHECK(morning != std::string::npos);
    CHECK(live != std::string::npos);
    CHECK(morning < live);
    CHECK(count(cell, "<li") == 2);
    CHECK(day_cell(html, "2026-12-01").find("<span class=\"time\">全天</span>") !=
          std::string::npos);
    CHECK(count(day_cell(html, "2026-12-02"), "<li") == 0);
    CHECK(count(html, "<li") == fx.plan.items.size());
  }

  SUBCASE("days outside the range are greyed") {
    fx.plan.from = Date::from_ymd(2026, 12, 3);
    fx.plan.to = Date::from_ymd(2026, 12, 12);
    const std::string html = render_html(fx.plan);
    CHECK(day_cell(html, "2026-12-02").find("class=\"out\"") != std::string::npos);
    CHECK(day_cell(html, "2026-12-13").find("class=\"weekend out\"") != std::string::npos);
    CHECK(day_cell(html, "2026-12-03").find("out") == std::string::npos);
    CHECK(day_cell(html, "2026-12-12").find("class=\"weekend\"") != std::string::npos);
  }

  SUBCASE("everything is escaped") {
    const std::string html = render_html(fx.plan, "<b>计划</b> & 'x'");
    CHECK(html.find("<title>&lt;b&gt;计划&lt;/b&gt; &amp; &#39;x&#39;</title>") !=
          std::string::npos);
    CHECK(html.find("<b>计划") == std::string::npos);
    // The title of the flash sale has a comma and double quotes.
    CHECK(html.find("<span class=\"title\">秒杀,&quot;限时&quot;</span>") != std::string::npos);
    fx.sops[0].tasks[1].title = std::string("<script>alert(1)</script>");
    fx.plan.items[1].script = "a\"b<c>&";
    const std::string evil = render_html(fx.plan);
    CHECK(evil.find("<script") == std::string::npos);
    CHECK(evil.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(evil.find("title=\"a&quot;b&lt;c&gt;&amp;\"") != std::string::npos);
  }

  SUBCASE("deterministic") {
    CHECK(render_html(fx.plan) == render_html(fx.plan));
  }
}

}  // namespace SOPCTL_TU_ID
