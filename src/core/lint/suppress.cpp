// In-file suppressions: `# sopctl: disable=rule-a,rule-b` at the end of a
// line silences those rules on that line; alone on a line it silences the
// next line (a block of such comment lines applies to the line below it).
// `disable=all` silences every rule. A finding in the text of a block scalar
// (`script: |`) may also be silenced on the `script: |` line.

#include <sopctl/lint/lint.hpp>

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sopctl::lint {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         (c >= 'A' && c <= 'Z');
}

std::vector<std::string_view> split_lines(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t nl = text.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    lines.push_back(text.substr(start, end - start));
    if (nl == std::string_view::npos) {
      break;
    }
    start = nl + 1;
  }
  return lines;
}

// The rule ids named by `sopctl: disable=` comments on `line`, appended to `out`.
void disabled_on(std::string_view line, std::vector<std::string_view>& out) {
  for (std::size_t hash = line.find('#'); hash != std::string_view::npos;
       hash = line.find('#', hash + 1)) {
    if (hash > 0 && !is_space(line[hash - 1])) {
      continue;  // not a YAML comment: part of a value like "C#"
    }
    std::size_t i = hash + 1;
    auto skip_spaces = [&] {
      while (i < line.size() && is_space(line[i])) {
        ++i;
      }
    };
    auto expect = [&](std::string_view word) {
      skip_spaces();
      if (line.substr(i, word.size()) != word) {
        return false;
      }
      i += word.size();
      return true;
    };
    if (!expect("sopctl:") || !expect("disable") || !expect("=")) {
      continue;
    }
    while (true) {
      skip_spaces();
      const std::size_t start = i;
      while (i < line.size() && is_id_char(line[i])) {
        ++i;
      }
      if (i > start) {
        out.push_back(line.substr(start, i - start));
      }
      skip_spaces();
      if (i < line.size() && line[i] == ',') {
        ++i;
        continue;
      }
      break;
    }
  }
}

bool comment_only(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t\r");
  return first != std::string_view::npos && line[first] == '#';
}

// True when `line` opens a block scalar (`script: |`, `- >-`, ...), whose text
// starts on the next line: findings about the text point there, so a comment
// on the header line is the one place left for a suppression.
bool block_scalar_header(std::string_view line) {
  std::size_t hash = line.find(" #");
  std::string_view head = line.substr(0, hash);
  while (!head.empty() && is_space(head.back())) {
    head.remove_suffix(1);
  }
  while (!head.empty() &&
         (head.back() == '-' || head.back() == '+' || (head.back() >= '1' && head.back() <= '9'))) {
    head.remove_suffix(1);
  }
  if (head.empty() || (head.back() != '|' && head.back() != '>')) {
    return false;
  }
  head.remove_suffix(1);
  return head.empty() || is_space(head.back()) || head.back() == ':' || head.back() == '-';
}

bool suppressed(const std::vector<std::string_view>& lines, int line_no, const std::string& rule) {
  if (line_no < 1 || static_cast<std::size_t>(line_no) > lines.size()) {
    return false;
  }
  std::vector<std::string_view> ids;
  auto idx = static_cast<std::size_t>(line_no - 1);
  disabled_on(lines[idx], ids);
  if (idx > 0 && block_scalar_header(lines[idx - 1])) {
    --idx;
    disabled_on(lines[idx], ids);
  }
  while (idx > 0 && comment_only(lines[idx - 1])) {
    --idx;
    disabled_on(lines[idx], ids);
  }
  return std::any_of(ids.begin(), ids.end(),
                     [&](std::string_view id) { return id == rule || id == "all"; });
}

}  // namespace

void apply_suppressions(Diagnostics& diags, const std::map<std::string, std::string>& texts) {
  std::unordered_map<std::string, std::vector<std::string_view>> lines_of;
  auto lines = [&](const std::string& path) -> const std::vector<std::string_view>* {
    auto it = lines_of.find(path);
    if (it == lines_of.end()) {
      const auto text = texts.find(path);
      if (text == texts.end()) {
        return nullptr;
      }
      it = lines_of.emplace(path, split_lines(text->second)).first;
    }
    return &it->second;
  };
  std::erase_if(diags, [&](const Diagnostic& d) {
    if (!d.loc.known()) {
      return false;
    }
    const auto* l = lines(d.loc.file);
    return l && suppressed(*l, d.loc.line, d.rule);
  });
}

}  // namespace sopctl::lint
