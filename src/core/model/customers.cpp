// Look-ups on customers (customers.hpp) and the target of customer SOPs.

#include <sopctl/model/customers.hpp>
#include <sopctl/model/sop.hpp>

#include <algorithm>

namespace sopctl {

std::optional<std::size_t> Customers::date_column(const std::string& name) const {
  const auto it = std::find(date_columns.begin(), date_columns.end(), name);
  if (it == date_columns.end()) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(it - date_columns.begin());
}

const Customer* Customers::find(const std::string& customer_id) const {
  if (m_index.size() != customers.size()) {
    m_index.clear();
    for (std::size_t i = 0; i < customers.size(); ++i) {
      m_index.emplace(customers[i].id, i);
    }
  }
  const auto it = m_index.find(customer_id);
  return it == m_index.end() ? nullptr : &customers[it->second];
}

std::optional<std::int64_t> CustomerEvents::first_of(const std::string& customer,
                                                     const std::vector<std::string>& events) const {
  const auto it = first.find(customer);
  if (it == first.end()) {
    return std::nullopt;
  }
  std::optional<std::int64_t> best;
  for (const auto& [event, time] : it->second) {
    if (std::find(events.begin(), events.end(), event) != events.end() && (!best || time < *best)) {
      best = time;
    }
  }
  return best;
}

bool Target::matches(const std::vector<std::string>& tags,
                     const std::string& customer_owner) const {
  const auto has = [&](const Located<std::string>& tag) {
    return std::find(tags.begin(), tags.end(), tag.value) != tags.end();
  };
  if (!owner.value.empty() && owner.value != customer_owner) {
    return false;
  }
  if (!tags_any.empty() && std::none_of(tags_any.begin(), tags_any.end(), has)) {
    return false;
  }
  return std::all_of(tags_all.begin(), tags_all.end(), has) &&
         std::none_of(tags_none.begin(), tags_none.end(), has);
}

}  // namespace sopctl
