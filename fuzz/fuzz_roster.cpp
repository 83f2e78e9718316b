// The roster loaders: the first byte picks YAML (even) or CSV (odd), the rest
// is the file. A fixed SOP and a fixed YAML staff list complete the input,
// then cross-references, the lint rules and the plan run as in `check` and
// `plan`.

#include "fuzz_common.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/calendar/calendar.hpp>
#include <sopctl/text/csv_reader.hpp>

using namespace sopctl;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const bool csv = (data[0] & 1) != 0;
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  const std::string path = csv ? "fuzz.csv" : "fuzz.roster.yaml";
  try {
    Diagnostics diags;
    std::vector<Sop> sops;
    sops.push_back(load_sop(fuzz::k_sop_yaml, "fixed.sop.yaml", diags));
    Roster roster;
    if (csv) {
      (void)text::parse_csv(text, path);
      // A CSV roster holds groups only; its staff come from a YAML roster.
      load_roster_yaml(fuzz::k_roster_yaml.substr(0, fuzz::k_roster_yaml.find("groups:")),
                       "staff.roster.yaml", roster, diags);
      load_roster_csv(text, path, roster, diags);
    } else {
      load_roster_yaml(text, path, roster, diags);
    }
    validate_references(sops, roster, diags);
    const bool loaded_cleanly = !has_errors(diags);
    const Calendar calendar = calendar::builtin_cn();
    fuzz::check_and_render(sops, roster, calendar, diags, {{path, std::string(text)}});
    if (loaded_cleanly) {
      fuzz::plan_and_render(sops, roster, calendar);
    }
  } catch (const Error&) {
  }
  return 0;
}
