#pragma once
// `sopctl funnel`: users per step and drop-off from an event log or stage counts.

#include "common.hpp"

#include <sopctl/funnel/funnel.hpp>
#include <sopctl/model/sop.hpp>

#include <optional>
#include <string>

namespace sopctl::cli {

// The funnel of --steps (else the SOP's funnel:), --window and --mode (else
// the SOP's, else 7d and ordered): what funnel and compare share.
funnel::Spec funnel_spec(const std::string& steps, const std::string& window,
                         const std::string& mode, const std::optional<Sop>& sop,
                         const std::string& sop_path);

Runner setup_funnel(CLI::App& app);

}  // namespace sopctl::cli
