#include <sopctl/plan/plan.hpp>

#include <string_view>

namespace sopctl {

namespace {

// A built-in placeholder of a group or customer item; for a customer item
// the group ones ({group}, {group_name}, {letter}) are empty.
std::string placeholder_value(std::string_view name, const PlanItem& item) {
  const Group* g = item.group;
  if (g == nullptr && item.customer == nullptr) {
    return {};
  }
  if (name == "day") {
    return item.day ? std::to_string(*item.day) : std::string();
  }
  if (name == "date") {
    return format_date(item.date);
  }
  if (name == "weekday") {
    return weekday_chinese_name(item.date.weekday());
  }
  if (name == "phase") {
    return item.phase ? item.phase->id.value : std::string();
  }
  if (name == "phase_name") {
    return item.phase ? item.phase->name.value : std::string();
  }
  if (name == "owner") {
    return item.group_owner ? item.group_owner->name.value
           : g != nullptr   ? g->owner.value
                            : item.customer->owner;
  }
  if (g == nullptr) {
    if (name == "countdown" && item.day) {
      // Days from the item to the customer's day 1 (their anchor date).
      return std::to_string(*item.day > 0 ? 1 - *item.day : -*item.day);
    }
    return {};
  }
  if (name == "group") {
    return g->id.value;
  }
  if (name == "group_name") {
    return item.group_name;
  }
  if (name == "countdown") {
    if (item.sop != nullptr && item.sop->anchor) {
      return std::to_string(item.sop->anchor->value - item.date);  // a dated SOP's main day
    }
    return g->open ? std::to_string(g->open->value - item.date) : std::string();
  }
  if (name == "letter") {
    return g->letter_or_id();
  }
  return {};
}

bool is_known(std::string_view name) {
  for (const auto& k : known_placeholders()) {
    if (k == name) {
      return true;
    }
  }
  return false;
}

}  // namespace

const std::string& display_name(const PlanItem& item) {
  static const std::string none;
  if (item.customer != nullptr) {
    return item.customer->name;
  }
  return item.group != nullptr ? item.group_name : none;
}

const std::string& target_id(const PlanItem& item) {
  static const std::string none;
  if (item.customer != nullptr) {
    return item.customer->id;
  }
  return item.group != nullptr ? item.group->id.value : none;
}

std::string render_placeholders(const std::string& text, const PlanItem& item) {
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out += c;  // "{{" and "}}" are literal braces
      ++i;
      continue;
    }
    if (c == '{') {
      const std::size_t close = text.find('}', i + 1);
      if (close != std::string::npos) {
        const std::string_view name(text.data() + i + 1, close - i - 1);
        if (is_known(name)) {
          out += placeholder_value(name, item);
          i = close;
          continue;
        }
        if (item.customer != nullptr && (name == "customer_name" || name == "customer")) {
          out += name == "customer" ? item.customer->id : item.customer->name;
          i = close;
          continue;
        }
        if (const Located<std::string>* var =
                item.group != nullptr ? item.group->var(std::string(name)) : nullptr) {
          out += var->value;  // a group variable (roster vars:)
          i = close;
          continue;
        }
      }
    }
    out += c;
  }
  return out;
}

}  // namespace sopctl
