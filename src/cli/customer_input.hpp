#pragma once
// What plan, check, notify and audit share about customer SOPs: the
// --customers file (and its --encoding) and the --events log that `until`
// reads (docs/spec.md §5.2).

#include <sopctl/model/customers.hpp>
#include <sopctl/model/roster.hpp>
#include <sopctl/model/sop.hpp>

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sopctl::cli {

struct CustomerOptions {
  std::string customers;
  std::string encoding = "utf-8";
  std::string events;
};

// Adds --customers and --encoding; with `with_events`, --events.
void add_customer_options(CLI::App& cmd, CustomerOptions& opts, bool with_events);

struct CustomerInputs {
  std::optional<Customers> customers;
  std::optional<CustomerEvents> events;
  const Customers* customers_ptr() const { return customers ? &*customers : nullptr; }
  const CustomerEvents* events_ptr() const { return events ? &*events : nullptr; }
};

// Reads what the options name; throws Error naming file and line.
CustomerInputs load_customer_inputs(const CustomerOptions& opts, const Roster& roster,
                                    const std::vector<Sop>& sops);

}  // namespace sopctl::cli
