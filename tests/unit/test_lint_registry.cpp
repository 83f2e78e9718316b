#include <sopctl/lint/lint.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::Severity;
using sopctl::lint::Category;
using sopctl::lint::RuleInfo;

TEST_CASE("lint::all_rules") {
  const auto& rules = sopctl::lint::all_rules();
  SUBCASE("every rule is documented, kebab-case and unique") {
    std::set<std::string> ids;
    for (const RuleInfo& r : rules) {
      INFO(r.id);
      CHECK(ids.insert(r.id).second);
      CHECK(std::all_of(r.id.begin(), r.id.end(),
                        [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; }));
      CHECK_FALSE(r.summary.empty());
      CHECK(r.doc.size() > r.summary.size());
      CHECK(r.severity == (r.category == Category::craft ? Severity::warning : Severity::error));
    }
  }
  SUBCASE("sorted by category, then id") {
    CHECK(std::is_sorted(rules.begin(), rules.end(), [](const RuleInfo& a, const RuleInfo& b) {
      return std::tie(a.category, a.id) < std::tie(b.category, b.id);
    }));
  }
  SUBCASE("the loader's rules, the platform's and the craft's") {
    const auto category_of = [](const char* id) {
      const RuleInfo* r = sopctl::lint::find_rule(id);
      REQUIRE(r != nullptr);
      return std::string(sopctl::lint::category_name(r->category));
    };
    for (const char* id : {"unknown-key",        "duplicate-key", "wrong-type",
                           "bad-value",          "bad-id",        "missing-key",
                           "bad-time",           "bad-date",      "bad-duration",
                           "day-zero",           "duplicate-id",  "no-selector",
                           "multiple-selectors", "unknown-phase", "undefined-placeholder",
                           "bad-timezone",       "unknown-sop",   "unknown-staff",
                           "unknown-role",       "no-open-date"}) {
      CHECK(category_of(id) == "structure");
    }
    for (const char* id : {"message-too-long", "welcome-too-long", "moments-too-long",
                           "too-many-assets", "mass-send-quota"}) {
      CHECK(category_of(id) == "platform");
    }
    for (const char* id :
         {"quiet-hours", "too-many-posts", "same-minute", "sell-before-trust", "missing-setup",
          "outside-phase", "phase-overlap", "phase-gap", "sensitive-word", "keyword-conflict",
          "month-day-missing", "holiday-collision"}) {
      CHECK(category_of(id) == "craft");
    }
    CHECK(rules.size() == 45);
  }
  SUBCASE("unknown ids") {
    CHECK(sopctl::lint::find_rule("quiet-hour") == nullptr);
    CHECK(sopctl::lint::find_rule("") == nullptr);
  }
}

}  // namespace SOPCTL_TU_ID
