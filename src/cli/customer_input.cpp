#include "customer_input.hpp"
#include <sopctl/base/i18n.hpp>

#include "common.hpp"
#include "event_input.hpp"

#include <sopctl/base/error.hpp>
#include <sopctl/events/events.hpp>
#include <sopctl/load/customers.hpp>

namespace sopctl::cli {

void add_customer_options(CLI::App& cmd, CustomerOptions& opts, bool with_events) {
  cmd.add_option("--customers", opts.customers,
                 tr("Customers of customer SOPs: CSV customer_id,name,owner,added,tags,..."))
      ->check(non_empty_path())
      ->type_name("FILE");
  cmd.add_option("--encoding", opts.encoding,
                 tr("Encoding of the customers file: utf-8, gbk, gb18030"))
      ->default_str("utf-8");
  if (with_events) {
    cmd.add_option("--events", opts.events,
                   tr("Event log (user_id,event,ts): a customer's items after their first `until` "
                      "event are dropped"))
        ->check(non_empty_path())
        ->type_name("LOG.csv");
  }
}

CustomerInputs load_customer_inputs(const CustomerOptions& opts, const Roster& roster,
                                    const std::vector<Sop>& sops) {
  CustomerInputs in;
  if (!opts.customers.empty()) {
    const CsvInput file(opts.customers, opts.encoding);
    in.customers = load_customers(file.text, opts.customers, roster);
  }
  if (!opts.events.empty()) {
    events::LoadOptions lo;
    for (const Sop& sop : sops) {
      for (const auto& u : sop.until) {
        lo.keep.push_back(u.value);
      }
    }
    const std::string zone_name = sops.empty() ? "Asia/Shanghai" : sops.front().timezone.value;
    const auto zone = TimeZone::load(zone_name);
    lo.zone = zone ? &*zone : nullptr;
    const CsvInput log(opts.events, "utf-8");
    if (lo.keep.empty()) {
      in.events = CustomerEvents{};  // no SOP ends on an event: nothing to read
    } else {
      in.events = events::first_events(events::load(log.text, opts.events, log.header, lo));
    }
  }
  return in;
}

}  // namespace sopctl::cli
