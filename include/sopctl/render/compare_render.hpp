#pragma once
// `compare` renderers: variants with their intervals, lifts and p-values.

#include <sopctl/compare/compare.hpp>

#include <string>

namespace sopctl::render {

std::string compare_table(const compare::Comparison& c);
std::string compare_markdown(const compare::Comparison& c);
std::string compare_csv(const compare::Comparison& c);
std::string compare_json(const compare::Comparison& c);
// One self-contained page (docs/spec.md §5.7): each variant's rate with its
// 95% interval on one axis, then the figures.
std::string compare_html(const compare::Comparison& c);
// The bytes of an .xlsx workbook: the CSV table with typed cells.
std::string compare_xlsx(const compare::Comparison& c);

}  // namespace sopctl::render
