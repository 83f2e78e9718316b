#pragma once
// Private to the plan engine: customer SOPs (docs/spec.md §5.2) expanded per
// targeted customer, day 1 being the customer's anchor date.

#include <sopctl/plan/plan.hpp>

#include <optional>
#include <utility>
#include <vector>

namespace sopctl::plan_detail {

// One customer SOP and its anchor column in the customers file.
struct CustomerSop {
  const Sop* sop = nullptr;
  std::size_t anchor = 0;  // index into Customers::date_columns
};

// The customer SOPs among `sops`, checked against the customers file:
// throws Error when there is none, or when an SOP anchors on a column the
// file lacks or that holds something other than dates.
std::vector<CustomerSop> customer_sops(const std::vector<Sop>& sops, const Customers* customers);

// Widens `span` to every targeted customer's whole SOP; throws for an SOP
// whose tasks have no end.
void include_customer_spans(const std::vector<CustomerSop>& runs, const Customers& customers,
                            std::optional<std::pair<Date, Date>>& span);

// Appends the items of every targeted customer in [from, to] to `items`
// (unsorted, no keys), dropping those after a customer's first `until` event.
// `text_bytes` counts the rendered scripts for the plan's limit.
void expand_customers(const std::vector<CustomerSop>& runs, const Customers& customers,
                      const CustomerEvents* events, const Roster& roster, const Calendar& calendar,
                      Date from, Date to, const std::string& staff, std::vector<PlanItem>& items,
                      std::size_t& text_bytes);

}  // namespace sopctl::plan_detail
