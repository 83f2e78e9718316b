#include <sopctl/base/diagnostic.hpp>

#include <sopctl/base/i18n.hpp>

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>
#include <utility>

namespace sopctl {

const char* severity_name(Severity s) {
  return s == Severity::error ? "error" : "warning";
}

const char* severity_label(Severity s) {
  return s == Severity::error ? tr("error") : tr("warning");
}

void sort_diagnostics(Diagnostics& diags) {
  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.column, a.rule) <
           std::tie(b.loc.file, b.loc.line, b.loc.column, b.rule);
  });
}

bool has_errors(const Diagnostics& diags) {
  return std::any_of(diags.begin(), diags.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

namespace {

// 99900 -> "99,900".
std::string with_separators(std::size_t n) {
  std::string digits = std::to_string(n);
  for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return digits;
}

}  // namespace

void cap_repeats(Diagnostics& diags, std::size_t keep) {
  // How many findings each (file, rule) has, to know where its last shown one is.
  using Key = std::pair<std::string_view, std::string_view>;
  std::map<Key, std::size_t> total;
  for (const Diagnostic& d : diags) {
    ++total[Key{d.loc.file, d.rule}];
  }
  if (std::none_of(total.begin(), total.end(), [&](const auto& t) { return t.second > keep; })) {
    return;
  }
  std::map<Key, std::size_t> seen;
  Diagnostics out;
  out.reserve(std::min(diags.size(), total.size() * (keep + 1)));
  for (const Diagnostic& d : diags) {
    const Key key{d.loc.file, d.rule};
    const std::size_t n = d.rule.empty() ? 0 : ++seen[key];
    if (n > keep) {
      continue;
    }
    out.push_back(d);
    if (n == keep && total[key] > keep) {
      Diagnostic more = d;
      more.hidden = total[key] - keep;
      more.message = trf("and {} more like it, not shown", with_separators(more.hidden));
      out.push_back(std::move(more));
    }
  }
  diags = std::move(out);
}

std::size_t count_findings(const Diagnostics& diags, Severity severity) {
  std::size_t n = 0;
  for (const Diagnostic& d : diags) {
    if (d.severity == severity) {
      n += d.hidden == 0 ? 1 : d.hidden;
    }
  }
  return n;
}

}  // namespace sopctl
