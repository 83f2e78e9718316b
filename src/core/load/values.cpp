#include "values.hpp"
#include <sopctl/base/i18n.hpp>

#include <sopctl/load/loader.hpp>
#include <sopctl/model/placeholders.hpp>
#include <sopctl/text/did_you_mean.hpp>
#include <sopctl/text/strings.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace sopctl::load {

void report_to(Diagnostics& diags, SourceLoc loc, std::string_view rule, std::string message) {
  diags.push_back(
      Diagnostic{std::move(loc), Severity::error, std::string(rule), std::move(message)});
}

bool IdRegistry::add(Diagnostics& diags, const Located<std::string>& id) {
  if (id.value.empty()) {
    return true;
  }
  const auto [it, inserted] = m_seen.emplace(id.value, id.loc.line);
  if (!inserted) {
    report_to(diags, id.loc, "duplicate-id",
              trf("duplicate {} id '{}' (first defined on line {})", m_what, id.value, it->second));
    return false;
  }
  return true;
}

bool check_slug_id(Diagnostics& diags, const Located<std::string>& id, std::string_view what) {
  const std::string& s = id.value;
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  bool ok = !s.empty() && lower_or_digit(s.front());
  for (char c : s) {
    ok = ok && (lower_or_digit(c) || c == '-' || c == '_');
  }
  if (!ok) {
    report_to(diags, id.loc, "bad-id",
              trf("bad {} id '{}': use lowercase letters, digits, '-' and '_', "
                  "starting with a letter or digit",
                  what, s));
  }
  return ok;
}

bool check_name_id(Diagnostics& diags, const Located<std::string>& id, std::string_view what) {
  const std::string& s = id.value;
  const bool ok = !s.empty() && std::none_of(s.begin(), s.end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
  });
  if (!ok) {
    report_to(diags, id.loc, "bad-id",
              trf("bad {} id '{}': ids must not be empty or contain spaces", what, s));
  }
  return ok;
}

std::string date_problem(std::string_view text) {
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i) {
      if (i >= text.size() || text[i] < '0' || text[i] > '9') {
        return false;
      }
    }
    return true;
  };
  const bool shaped = text.size() == 10 && digits(0, 4) && text[4] == '-' && digits(5, 2) &&
                      text[7] == '-' && digits(8, 2);
  if (!shaped) {
    return "use YYYY-MM-DD";
  }
  const int year = std::stoi(std::string(text.substr(0, 4)));
  const int month = std::stoi(std::string(text.substr(5, 2)));
  const int day = std::stoi(std::string(text.substr(8, 2)));
  if (month < 1 || month > 12) {
    return trf("there is no month {}", month);
  }
  if (day < 1) {
    return "there is no day 00";
  }
  return trf("{:04}-{:02} has {} days", year, month, days_in_month(year, month));
}

std::optional<Date> check_date(Diagnostics& diags, const Located<std::string>& text) {
  auto d = parse_date(trim(text.value));
  if (!d) {
    report_to(diags, text.loc, "bad-date",
              trf("bad date '{}': {}", text.value, date_problem(trim(text.value))));
  }
  return d;
}

std::optional<int> check_day(Diagnostics& diags, int day, const SourceLoc& loc) {
  if (day == 0) {
    report_to(diags, loc, "day-zero",
              tr("there is no day 0: day 1 is the open date and day -1 the day before"));
    return std::nullopt;
  }
  if (day > k_max_day || day < -k_max_day) {
    report_to(diags, loc, "bad-value",
              trf("day {} is more than {} days from the open date", day, k_max_day));
    return std::nullopt;
  }
  return day;
}

std::optional<std::pair<std::string_view, std::string_view>> split_range(std::string_view text) {
  const auto dots = text.find("..");
  if (dots == std::string_view::npos) {
    return std::nullopt;
  }
  return std::pair{trim(text.substr(0, dots)), trim(text.substr(dots + 2))};
}

void expand_day_range(Diagnostics& diags, const Located<std::string>& text, std::vector<int>& out) {
  const auto parts = split_range(text.value);
  const auto a = parts ? parse_int(parts->first) : std::nullopt;
  const auto b = parts ? parse_int(parts->second) : std::nullopt;
  if (!a || !b) {
    report_to(
        diags, text.loc, "bad-value",
        trf("bad day range '{}': use two day numbers like \"1..7\" or \"-3..-1\"", text.value));
    return;
  }
  // An end at 0 is a mistake even though 0 inside a range is simply skipped.
  if (!check_day(diags, *a, text.loc) || !check_day(diags, *b, text.loc)) {
    return;
  }
  if (*a > *b) {
    report_to(diags, text.loc, "bad-value",
              trf("day range '{}' runs backwards (write \"{}..{}\")", text.value, *b, *a));
    return;
  }
  for (int d = *a; d <= *b; ++d) {
    if (d != 0) {
      out.push_back(d);
    }
  }
}

void expand_date_range(Diagnostics& diags, const Located<std::string>& text,
                       std::vector<Date>& out) {
  const auto parts = split_range(text.value);
  if (!parts) {
    return;
  }
  const auto a = check_date(diags, Located<std::string>{std::string(parts->first), text.loc});
  const auto b = check_date(diags, Located<std::string>{std::string(parts->second), text.loc});
  if (!a || !b) {
    return;
  }
  if (*a > *b) {
    report_to(diags, text.loc, "bad-value", trf("date range '{}' runs backwards", text.value));
    return;
  }
  if (*b - *a > k_max_day) {
    report_to(diags, text.loc, "bad-value",
              trf("date range '{}' spans more than {} days", text.value, k_max_day));
    return;
  }
  for (Date d = *a; d <= *b; d = d + 1) {
    out.push_back(d);
  }
}

std::optional<DayRef> read_day_ref(Reader& r, const Field& f) {
  const std::string text = (!f.is_null() && f.value.is_scalar()) ? f.value.scalar() : std::string();
  const std::string_view t = trim(text);
  DayRef ref;
  ref.loc = f.value_loc;
  if (auto n = parse_int(t)) {
    auto day = check_day(r.diags(), *n, f.value_loc);
    if (!day) {
      return std::nullopt;
    }
    ref.kind = DayRef::Kind::day;
    ref.day = *day;
    return ref;
  }
  const bool date_like = t.size() >= 5 && std::isdigit(static_cast<unsigned char>(t[0])) != 0 &&
                         std::isdigit(static_cast<unsigned char>(t[3])) != 0 && t[4] == '-';
  if (date_like) {
    auto d = check_date(r.diags(), Located<std::string>{text, f.value_loc});
    if (!d) {
      return std::nullopt;
    }
    ref.kind = DayRef::Kind::date;
    ref.date = *d;
    return ref;
  }
  r.report(f.value_loc, "wrong-type",
           trf("'{}' must be a day number or a date (YYYY-MM-DD)", f.key));
  return std::nullopt;
}

namespace {

std::string braced_list(const std::vector<std::string>& names) {
  std::vector<std::string> braced;
  for (const auto& k : names) {
    braced.push_back("{" + k + "}");
  }
  return join(braced);
}

// A name a group variable could have: letters, digits, '_' and '-', or CJK.
bool variable_like(std::string_view name) {
  return !name.empty() && name.size() <= 64 && std::none_of(name.begin(), name.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x80 && std::isalnum(u) == 0 && c != '_' && c != '-';
  });
}

}  // namespace

void check_placeholders(Reader& r, const Located<std::string>& text) {
  const std::string& s = text.value;
  const auto& known = known_placeholders();
  const std::string& raw = r.file().text();
  const std::size_t start = r.file().offset_of(text.loc);
  // Raw text of a scalar is its value plus quotes, escapes and indentation.
  const std::size_t limit = std::min(raw.size(), start + 2 * s.size() + 256);
  std::size_t search_from = start;
  // Findings per text are capped: a script of 300,000 bad braces is one mistake.
  constexpr int k_max_findings = 20;
  int findings = 0;
  auto where_of = [&](const std::string& token) {
    // Where this occurrence sits in the file, so that the finding (and a
    // disable comment) lands on its line even inside a block scalar.
    SourceLoc where = text.loc;
    const auto found = raw.find(token, search_from);
    if (found != std::string::npos && found + token.size() <= limit) {
      where = r.file().loc_at(found);
      search_from = found + token.size();
    }
    return where;
  };
  auto report = [&](const SourceLoc& where, std::string message) {
    if (++findings <= k_max_findings) {
      r.report(where, "undefined-placeholder", std::move(message));
    }
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '}' && i + 1 < s.size() && s[i + 1] == '}') {
      ++i;  // "}}" is a literal brace
      continue;
    }
    if (s[i] != '{') {
      continue;
    }
    if (i + 1 < s.size() && s[i + 1] == '{') {
      ++i;  // "{{" is a literal brace
      continue;
    }
    const auto close = s.find_first_of("{}", i + 1);
    if (close == std::string::npos || s[close] == '{') {
      report(where_of("{"), trf("unclosed '{{' (write a literal brace as '{{{{')"));
      if (close == std::string::npos) {
        break;
      }
      i = close - 1;
      continue;
    }
    const std::string name = s.substr(i + 1, close - i - 1);
    const std::string token = s.substr(i, close - i + 1);
    i = close;
    // Every token is located in order, so that a later one is not found in
    // a comment before it.
    const SourceLoc where = where_of(token);
    if (std::find(known.begin(), known.end(), name) != known.end()) {
      if (name == "countdown" && r.placeholder_sink() != nullptr) {
        r.placeholder_sink()->push_back({name, where});  // needs anchor: in a dated SOP
      }
      continue;
    }
    const std::string match = text::closest_match(name, known);
    if (variable_like(name) && match.empty() && r.placeholder_sink() != nullptr) {
      r.placeholder_sink()->push_back({name, where});  // perhaps a group variable
      continue;
    }
    if (!match.empty()) {
      report(where, trf("undefined placeholder '{}' (did you mean '{{{}}}'?)", token, match));
    } else {
      report(where, trf("undefined placeholder '{}' (known: {}; a literal brace is "
                        "written '{{{{')",
                        text::shorten(token), braced_list(known)));
    }
  }
  if (findings > k_max_findings) {
    r.report(text.loc, "undefined-placeholder",
             trf("and {} more placeholder findings in this text", findings - k_max_findings));
  }
}

void check_bounds_order(Diagnostics& diags, const DayRef& from, const DayRef& to,
                        std::string_view what) {
  if (from.kind != to.kind) {
    return;
  }
  if (from.kind == DayRef::Kind::day && from.day > to.day) {
    report_to(diags, to.loc, "bad-value",
              trf("{} ends on day {}, before it starts (day {})", what, to.day, from.day));
  } else if (from.kind == DayRef::Kind::date && from.date > to.date) {
    report_to(diags, to.loc, "bad-value",
              trf("{} ends on {}, before it starts ({})", what, format_date(to.date),
                  format_date(from.date)));
  }
}

}  // namespace sopctl::load
