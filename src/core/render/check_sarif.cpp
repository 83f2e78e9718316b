// `check --format sarif`: SARIF 2.1.0 (OASIS), as GitHub code scanning and
// other dashboards read it.

#include <sopctl/render/check_render.hpp>
#include <sopctl/text/json_writer.hpp>

#include <algorithm>
#include <cstdint>
#include <set>

namespace sopctl::render {

namespace {

constexpr const char* k_schema = "https://json.schemastore.org/sarif-2.1.0.json";

// A path as a URI reference (RFC 3986): unreserved bytes and '/' as they are,
// everything else (spaces, CJK) percent-encoded; absolute paths as file: URIs.
std::string path_uri(const std::string& path) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out = !path.empty() && path.front() == '/' ? "file://" : "";
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      out += ch;
    } else {
      out += '%';
      out += k_hex[c >> 4];
      out += k_hex[c & 0xF];
    }
  }
  return out;
}

void write_rule(text::JsonWriter& w, const lint::RuleInfo& rule) {
  w.begin_object();
  w.key("id").value(rule.id);
  w.key("shortDescription").begin_object().key("text").value(rule.summary).end_object();
  w.key("fullDescription")
      .begin_object()
      .key("text")
      .value(rule.doc.empty() ? rule.summary : rule.doc)
      .end_object();
  w.key("defaultConfiguration").begin_object().key("level").value(severity_name(rule.severity));
  w.end_object();
  w.key("properties").begin_object().key("tags").begin_array();
  w.value(lint::category_name(rule.category)).end_array().end_object();
  w.end_object();
}

void write_result(text::JsonWriter& w, const Diagnostic& d, std::int64_t rule_index) {
  w.begin_object();
  w.key("ruleId").value(d.rule);
  if (rule_index >= 0) {
    w.key("ruleIndex").value(rule_index);
  }
  w.key("level").value(severity_name(d.severity));
  w.key("message").begin_object().key("text").value(d.message).end_object();
  w.key("locations").begin_array().begin_object();
  w.key("physicalLocation").begin_object();
  w.key("artifactLocation").begin_object().key("uri").value(path_uri(d.loc.file)).end_object();
  if (d.loc.line > 0) {
    w.key("region").begin_object().key("startLine").value(d.loc.line);
    if (d.loc.column > 0) {
      w.key("startColumn").value(d.loc.column);
    }
    w.end_object();
  }
  w.end_object().end_object().end_array();
  w.end_object();
}

}  // namespace

std::string check_sarif(const Diagnostics& diags, const std::vector<lint::RuleInfo>& rules,
                        const SarifTool& tool) {
  // Only the rules that have results, so that adding a rule to sopctl does
  // not change the report of a file it does not fire on.
  std::set<std::string> used;
  for (const Diagnostic& d : diags) {
    used.insert(d.rule);
  }
  std::vector<const lint::RuleInfo*> listed;
  for (const lint::RuleInfo& r : rules) {
    if (used.count(r.id) != 0) {
      listed.push_back(&r);
    }
  }
  auto index_of = [&](const std::string& id) -> std::int64_t {
    auto it =
        std::find_if(listed.begin(), listed.end(), [&](const auto* r) { return r->id == id; });
    return it == listed.end() ? -1 : static_cast<std::int64_t>(it - listed.begin());
  };

  text::JsonWriter w(2);
  w.begin_object();
  w.key("$schema").value(k_schema);
  w.key("version").value("2.1.0");
  w.key("runs").begin_array().begin_object();
  w.key("tool").begin_object().key("driver").begin_object();
  w.key("name").value("sopctl");
  w.key("version").value(tool.version);
  w.key("informationUri").value(tool.information_uri);
  w.key("rules").begin_array();
  for (const lint::RuleInfo* r : listed) {
    write_rule(w, *r);
  }
  w.end_array();
  w.end_object().end_object();
  // sopctl counts columns in characters, not SARIF's default UTF-16 units.
  w.key("columnKind").value("unicodeCodePoints");
  w.key("results").begin_array();
  for (const Diagnostic& d : diags) {
    write_result(w, d, index_of(d.rule));
  }
  w.end_array();
  w.end_object().end_array();
  w.end_object();
  return w.str() + '\n';
}

}  // namespace sopctl::render
