#pragma once
// The customers file of customer SOPs (docs/spec.md §5.2), and the first
// `until` events of each customer from an event log.

#include <sopctl/model/customers.hpp>
#include <sopctl/model/roster.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace sopctl {

// Reads a customers CSV (UTF-8, BOM already stripped): customer_id, name,
// owner, added, tags, and any other date columns. SCRM export headers are
// understood too (客户ID, 客户名称, 跟进人/所属员工, 添加时间, 标签). `owner`
// is a staff id, or a staff member's name, of `roster`; tags are split on
// ';' and, as operators type them, on '；', ',' and '，'. Dates may be
// timestamps (2026-12-03 10:22:31) or use '/'. Unlike the YAML loaders this
// is strict: any problem throws Error naming the file and line (a missing
// column, an unknown owner, a date that does not exist, a customer id twice).
Customers load_customers(std::string_view text, const std::string& path, const Roster& roster);

}  // namespace sopctl
