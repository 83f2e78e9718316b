// send_digests(): each digest POSTed to its robot, at most 20 a minute per
// robot, 5xx and time-outs retried with back-off, stopping at the first
// answer that is not a success (docs/spec.md §5.3).

#include <sopctl/notify/notify.hpp>

#include <sopctl/base/i18n.hpp>

#include <fmt/format.h>

#include <deque>
#include <map>

namespace sopctl::notify {
namespace {

constexpr double k_minute = 60.0;

// The send times of one robot within the last minute.
class Pacer {
public:
  // Waits until one more message may go to `robot`, then notes it.
  double admit(const std::string& robot, Clock& clock) {
    std::deque<double>& sent = m_sent[robot];
    double waited = 0;
    double now = clock.now();
    while (!sent.empty() && now - sent.front() >= k_minute) {
      sent.pop_front();
    }
    if (sent.size() >= static_cast<std::size_t>(k_per_minute)) {
      const double wait = sent.front() + k_minute - now;
      if (wait > 0) {
        clock.sleep(wait);
        waited += wait;
      }
      now = clock.now();
      while (!sent.empty() && now - sent.front() >= k_minute) {
        sent.pop_front();
      }
    }
    sent.push_back(now);
    return waited;
  }

private:
  std::map<std::string, std::deque<double>> m_sent;
};

std::string who(const Digest& d) {
  const std::string name = d.staff->name.value.empty()
                               ? d.staff->id.value
                               : d.staff->name.value + " (" + d.staff->id.value + ")";
  return d.parts > 1 ? trf("{}, part {}/{}", name, d.part, d.parts) : name;
}

}  // namespace

SendReport send_digests(const std::vector<Digest>& digests, Clock& clock, const Post& post,
                        const std::function<void(const Digest&)>& progress) {
  SendReport report;
  Pacer pacer;
  for (std::size_t i = 0; i < digests.size(); ++i) {
    const Digest& d = digests[i];
    std::string failure;
    bool done = false;
    for (int attempt = 0; attempt <= k_retries && !done; ++attempt) {
      if (attempt > 0) {
        const double backoff = static_cast<double>(1 << (attempt - 1));  // 1, 2, 4 s
        clock.sleep(backoff);
        report.waited += backoff;
        ++report.retries;
      }
      report.waited += pacer.admit(d.robot, clock);
      const PostResult r = post(d.robot, d.payload);
      if (r.kind == PostResult::Kind::timed_out) {
        failure = trf("the robot did not answer in time ({})", r.error);
        continue;
      }
      if (r.kind == PostResult::Kind::failed) {
        failure = trf("could not reach the robot: {}", r.error);
        break;  // not an answer nor a time-out: retrying would only repeat it
      }
      if (r.status >= 500) {
        failure = trf("the robot answered HTTP {}", r.status);
        continue;
      }
      if (r.status != 200) {
        failure = trf("the robot answered HTTP {}", r.status);
        break;
      }
      const auto answer = parse_answer(r.body);
      if (!answer) {
        failure = "the robot's answer is not WeCom's {\"errcode\": ..., \"errmsg\": ...}";
        break;
      }
      if (answer->errcode != 0) {
        failure = trf("the robot answered errcode {}: {}", answer->errcode,
                      answer->errmsg.empty() ? "(no errmsg)" : answer->errmsg);
        break;
      }
      done = true;
    }
    if (!done) {
      report.failed = i;
      report.error = trf("digest for {}: {}", who(d), failure);
      return report;
    }
    ++report.sent;
    if (progress) {
      progress(d);
    }
  }
  return report;
}

}  // namespace sopctl::notify
