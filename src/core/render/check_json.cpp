// `check --format json`: exactly the shape of docs/spec.md §2.2.

#include <sopctl/render/check_render.hpp>
#include <sopctl/text/json_writer.hpp>

#include <cstdint>

namespace sopctl::render {

std::string check_json(const Diagnostics& diags) {
  text::JsonWriter w(2);
  std::int64_t errors = 0;
  w.begin_object();
  w.key("diagnostics").begin_array();
  for (const Diagnostic& d : diags) {
    errors += d.severity == Severity::error ? 1 : 0;
    w.begin_object();
    w.key("path").value(d.loc.file);
    w.key("line").value(d.loc.line);
    w.key("column").value(d.loc.column);
    w.key("severity").value(severity_name(d.severity));
    w.key("rule").value(d.rule);
    w.key("message").value(d.message);
    w.end_object();
  }
  w.end_array();
  w.key("errors").value(errors);
  w.key("warnings").value(static_cast<std::int64_t>(diags.size()) - errors);
  w.end_object();
  return w.str() + '\n';
}

}  // namespace sopctl::render
