#pragma once
// `notify` (docs/spec.md §5.3): one digest per staff member of their items in
// a slot of a day, as WeCom group-robot webhook payloads, and the sending of
// them (pacing, retries, stopping on a robot's error).

#include <sopctl/plan/plan.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::notify {

// WeCom's limits on a robot message's content, in bytes of UTF-8.
inline constexpr std::size_t k_markdown_limit = 4096;
inline constexpr std::size_t k_text_limit = 2048;

enum class Style { markdown, text };

// Which items: those of `date`, or with `at`, the timed ones in
// [at, at + within) of that day.
struct Slot {
  Date date;
  std::optional<int> at;  // minutes since midnight
  int within_minutes = 60;
  bool contains(const PlanItem& item) const;
};

struct Digest {
  const Staff* staff = nullptr;
  std::string robot;  // where it goes; empty: nowhere known
  int part = 1;       // numbered parts when the day does not fit one message
  int parts = 1;
  std::size_t items = 0;  // items in this part
  std::string payload;    // the webhook's JSON body
};

// The digests of the plan's items in `slot`, staff in roster order, each
// split on item boundaries into parts within the style's limit. `robot`
// (from --send URL) replaces every staff member's own.
std::vector<Digest> build_digests(const Plan& plan, const Roster& roster, const Slot& slot,
                                  Style style, const std::string& robot);

// The URL with its key (the `key=` query value) masked but for its last 4
// characters, for printing.
std::string mask_robot(std::string_view url);

// A robot's answer: {"errcode": 0, "errmsg": "ok"}.
struct Answer {
  long errcode = -1;
  std::string errmsg;
};
// Reads an answer body; nullopt when it is not such a JSON object.
std::optional<Answer> parse_answer(std::string_view body);

// What sending needs from the world: time (so tests need not sleep) and one
// POST. Seconds are fractional.
class Clock {
public:
  virtual ~Clock() = default;
  virtual double now() = 0;
  virtual void sleep(double seconds) = 0;
};

struct PostResult {
  enum class Kind { answered, timed_out, failed };
  Kind kind = Kind::failed;
  long status = 0;
  std::string body;
  std::string error;
};
using Post = std::function<PostResult(const std::string& url, const std::string& body)>;

// WeCom: at most 20 messages a minute per robot.
inline constexpr int k_per_minute = 20;
// 5xx answers and time-outs are retried this many times, waiting 1, 2, 4 s.
inline constexpr int k_retries = 3;

struct SendReport {
  std::size_t sent = 0;     // digests that went out, in order
  std::size_t retries = 0;  // extra attempts made
  double waited = 0;        // seconds waited for the rate limit and back-off
  // When sending stopped: which digest and why (empty: all went out).
  std::optional<std::size_t> failed;
  std::string error;
};

// Sends the digests in order, pacing each robot, retrying 5xx and
// time-outs; stops at the first other answer (HTTP error, errcode != 0,
// unreadable body) or when retries run out. `progress` is called after each
// digest that went out.
SendReport send_digests(const std::vector<Digest>& digests, Clock& clock, const Post& post,
                        const std::function<void(const Digest&)>& progress = {});

}  // namespace sopctl::notify
