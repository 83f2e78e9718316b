#pragma once
// `sopctl aarrr`: the five AARRR stages, cohort retention and ROI from an event log.

#include "common.hpp"
#include "warehouse.hpp"

#include <sopctl/aarrr/aarrr.hpp>
#include <sopctl/events/events.hpp>

#include <array>
#include <string>

namespace sopctl::cli {

// The options of `aarrr`; `grow --from` fills one too.
struct AarrrOptions {
  std::string input;
  std::array<std::string, aarrr::k_stages> stages;  // --acquisition ... --referral
  std::string sop;
  std::string cost;
  std::string cohort = "day";
  int periods = -1;
  std::string by;
  std::string tz;
  bool unbounded = false;
  std::string activation_window;  // empty: the SOP's funnel window, else 7d
  std::string amount_col = "amount";
  std::string referrer_col = "referrer";
  bool amount_col_given = false;
  bool referrer_col_given = false;
  std::string encoding = "utf-8";
  unsigned threads = 0;
  events::ColumnNames columns;
  WarehouseOptions warehouse;
  OutputOptions out;
};

// The report `aarrr` prints for these options (notes go to stderr); the
// time zone it used goes to `zone_name`. Throws Error for bad input.
aarrr::Result aarrr_report(const AarrrOptions& o, std::string* zone_name = nullptr);

Runner setup_aarrr(CLI::App& app);

}  // namespace sopctl::cli
