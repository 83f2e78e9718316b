// The SOP loader as `check` and `plan` use it: load_sop, cross-references
// with a fixed roster, the lint rules, and the plan over four weeks in every
// format. Fatal input errors (sopctl::Error) are expected; anything else
// (a crash, a sanitizer report, another exception) is a finding.

#include "fuzz_common.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/calendar/calendar.hpp>

using namespace sopctl;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  const std::string path = "fuzz.sop.yaml";
  try {
    Diagnostics diags;
    std::vector<Sop> sops;
    sops.push_back(load_sop(text, path, diags));
    Roster roster;
    load_roster_yaml(fuzz::k_roster_yaml, "fixed.roster.yaml", roster, diags);
    for (Group& g : roster.groups) {
      g.sop.value = sops.front().id.value;  // every group runs the fuzzed SOP
    }
    validate_references(sops, roster, diags);
    const bool loaded_cleanly = !has_errors(diags);
    const Calendar calendar = calendar::builtin_cn();
    fuzz::check_and_render(sops, roster, calendar, diags, {{path, std::string(text)}});
    if (loaded_cleanly) {  // `plan` refuses files with errors
      fuzz::plan_and_render(sops, roster, calendar);
    }
  } catch (const Error&) {
  }
  return 0;
}
