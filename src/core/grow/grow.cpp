#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/grow/grow.hpp>

#include <fmt/format.h>

#include <cmath>

namespace sopctl::grow {
namespace {

constexpr int k_max_cycles = 1000;

}  // namespace

std::optional<Model> parse_model(std::string_view text) {
  if (text == "viral") {
    return Model::viral;
  }
  if (text == "rocket") {
    return Model::rocket;
  }
  return std::nullopt;
}

const char* model_name(Model m) {
  return m == Model::viral ? "viral" : "rocket";
}

Projection project(const Params& p) {
  if (!std::isfinite(p.users) || p.users < 0) {
    throw Error(trf("the seed must be a number of users, 0 or more (got {})", p.users));
  }
  if (!std::isfinite(p.k) || p.k < 0) {
    throw Error(trf("K must be 0 or more (got {})", p.k));
  }
  if (p.cycles < 0 || p.cycles > k_max_cycles) {
    throw Error(trf("cycles must be between 0 and {} (got {})", k_max_cycles, p.cycles));
  }
  if (p.cycle_seconds <= 0) {
    throw Error(tr("the cycle must last longer than 0 seconds"));
  }
  Projection out;
  out.params = p;
  double total = p.users;
  double last_added = p.users;
  out.rows.push_back(Row{0, 0, p.users, p.users});
  for (int n = 1; n <= p.cycles; ++n) {
    // viral: last cycle's new users invite; rocket: everyone does.
    const double added = p.model == Model::viral ? last_added * p.k : total * p.k;
    total += added;
    last_added = added;
    out.rows.push_back(Row{n, static_cast<std::int64_t>(n) * p.cycle_seconds, added, total});
  }
  if (p.model == Model::viral) {
    if (p.k < 1) {
      out.limit = p.users / (1 - p.k);
    }
    out.assumption =
        trf("Viral growth assumes only the users who joined in a cycle invite, each bringing K = "
            "{:.3g} "
            "new users one cycle later, and then stop; {}",
            p.k,
            p.k < 1 ? trf("with K below 1 the total levels off at M/(1-K) = {:.0f}.", *out.limit)
                    : std::string("with K of 1 or more it grows without bound, which no real "
                                  "community sustains for long."));
  } else {
    out.assumption = trf(
        "Rocket growth assumes every user, old and new, keeps bringing K = {:.3g} new users every "
        "cycle, so the total multiplies by 1+K per cycle (S = M(1+K)^n; seed-002's S = m*2^n is "
        "K = 1): an upper bound, since real users stop inviting.",
        p.k);
  }
  return out;
}

}  // namespace sopctl::grow
