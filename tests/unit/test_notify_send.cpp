#include <sopctl/notify/notify.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

namespace {

class FakeClock : public notify::Clock {
public:
  double now() override { return t; }
  void sleep(double seconds) override { t += seconds; }
  double t = 0;
};

struct Robot {
  std::vector<std::pair<double, std::string>> posts;  // time, url
  std::vector<notify::PostResult> script;             // answers in turn; then success
  FakeClock* clock = nullptr;

  notify::Post post() {
    return [this](const std::string& url, const std::string&) {
      posts.emplace_back(clock->t, url);
      if (posts.size() <= script.size()) {
        return script[posts.size() - 1];
      }
      return ok();
    };
  }
  static notify::PostResult ok() {
    notify::PostResult r;
    r.kind = notify::PostResult::Kind::answered;
    r.status = 200;
    r.body = R"({"errcode":0,"errmsg":"ok"})";
    return r;
  }
};

std::vector<notify::Digest> digests(const Staff& s, int n, const std::string& url) {
  std::vector<notify::Digest> out(static_cast<std::size_t>(n));
  for (auto& d : out) {
    d.staff = &s;
    d.robot = url;
    d.payload = "{}";
  }
  return out;
}

}  // namespace

TEST_CASE("notify::send_digests pacing") {
  Staff s;
  s.id = std::string("wanzi");
  FakeClock clock;
  Robot robot;
  robot.clock = &clock;
  SUBCASE("20 a minute per robot: the 21st waits until a minute after the first") {
    const auto report = notify::send_digests(digests(s, 45, "http://r1"), clock, robot.post());
    CHECK(report.sent == 45);
    REQUIRE(robot.posts.size() == 45);
    CHECK(robot.posts[19].first == 0);
    CHECK(robot.posts[20].first == doctest::Approx(60));
    CHECK(robot.posts[40].first == doctest::Approx(120));
    CHECK(report.waited == doctest::Approx(120));
  }
  SUBCASE("robots are paced apart") {
    auto all = digests(s, 20, "http://r1");
    const auto more = digests(s, 20, "http://r2");
    all.insert(all.end(), more.begin(), more.end());
    const auto report = notify::send_digests(all, clock, robot.post());
    CHECK(report.sent == 40);
    CHECK(report.waited == 0);
  }
}

TEST_CASE("notify::send_digests answers") {
  Staff s;
  s.id = std::string("wanzi");
  s.name = std::string("小丸子");
  FakeClock clock;
  Robot robot;
  robot.clock = &clock;
  notify::PostResult e500;
  e500.kind = notify::PostResult::Kind::answered;
  e500.status = 502;
  notify::PostResult timeout;
  timeout.kind = notify::PostResult::Kind::timed_out;
  timeout.error = "Timeout was reached";
  SUBCASE("5xx and time-outs are retried 3 times, 1, 2 and 4 s apart") {
    robot.script = {e500, timeout, e500};
    const auto report = notify::send_digests(digests(s, 2, "http://r"), clock, robot.post());
    CHECK(report.sent == 2);
    CHECK(report.retries == 3);
    REQUIRE(robot.posts.size() == 5);
    CHECK(robot.posts[1].first == doctest::Approx(1));
    CHECK(robot.posts[2].first == doctest::Approx(3));
    CHECK(robot.posts[3].first == doctest::Approx(7));
  }
  SUBCASE("a fourth failure stops, naming the digest") {
    robot.script = {e500, e500, e500, e500};
    const auto report = notify::send_digests(digests(s, 2, "http://r"), clock, robot.post());
    CHECK(report.sent == 0);
    REQUIRE(report.failed);
    CHECK(*report.failed == 0);
    CHECK(report.error == "digest for 小丸子 (wanzi): the robot answered HTTP 502");
    CHECK(robot.posts.size() == 4);
  }
  SUBCASE("errcode != 0 stops at once") {
    notify::PostResult freq = Robot::ok();
    freq.body = R"({"errcode":45009,"errmsg":"api freq out of limit"})";
    robot.script = {Robot::ok(), freq};
    const auto report = notify::send_digests(digests(s, 3, "http://r"), clock, robot.post());
    CHECK(report.sent == 1);
    CHECK(*report.failed == 1);
    CHECK(report.error ==
          "digest for 小丸子 (wanzi): the robot answered errcode 45009: api freq out of limit");
    CHECK(robot.posts.size() == 2);
  }
  SUBCASE("HTTP 404 is not retried") {
    notify::PostResult e404 = Robot::ok();
    e404.status = 404;
    robot.script = {e404};
    const auto report = notify::send_digests(digests(s, 1, "http://r"), clock, robot.post());
    CHECK(report.failed);
    CHECK(robot.posts.size() == 1);
  }
}

}  // namespace SOPCTL_TU_ID
