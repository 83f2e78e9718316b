#pragma once
// `grow` (docs/spec.md §5.5): the seeds' growth models, projected per cycle.
//   viral:  only new users invite; each brings K more the next cycle, so
//           after n cycles the total is M·(1 + K + … + Kⁿ), tending to
//           M/(1−K) when K < 1;
//   rocket: every user keeps inviting, S = M·(1 + K)ⁿ (seed-002's
//           S = m·2ⁿ is K = 1).
// Cycle 0 is the seed.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::grow {

enum class Model { viral, rocket };
std::optional<Model> parse_model(std::string_view text);
const char* model_name(Model m);

struct Params {
  Model model = Model::viral;
  double users = 0;  // M, the seed
  double k = 0;      // K, new users per inviting user per cycle
  std::int64_t cycle_seconds = 7 * 86400;
  int cycles = 0;
};

struct Row {
  int cycle = 0;
  std::int64_t seconds = 0;  // from the start
  double added = 0;          // new users this cycle (the seed at cycle 0)
  double total = 0;
};

struct Projection {
  Params params;
  std::vector<Row> rows;        // cycles 0..n
  std::optional<double> limit;  // viral with K < 1: M/(1−K)
  std::string assumption;       // one sentence: what the model assumes
};

// Throws Error for users < 0, K < 0 or not finite, cycles outside 0..1000,
// or a non-positive cycle.
Projection project(const Params& p);

}  // namespace sopctl::grow
