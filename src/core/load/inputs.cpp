#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/load/inputs.hpp>
#include <sopctl/text/encoding.hpp>

#include <sopctl/base/files.hpp>
#include <sopctl/load/loader.hpp>
#include <sopctl/text/strings.hpp>
#include <sopctl/text/utf8.hpp>

#include <filesystem>
#include <set>
#include <system_error>

namespace sopctl::load {

namespace {

// The same file under two spellings (./r.yaml, r.yaml, a symlink) is one file.
std::string identity_of(const std::string& path) {
  if (path == "-") {
    return path;
  }
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : canonical.string();
}

bool is_csv_path(const std::string& path) {
  return text::ends_with_nocase(path, ".csv");
}

}  // namespace

void load_roster_file(const std::string& path, std::string_view text, Roster& roster,
                      Diagnostics& diags) {
  if (is_csv_path(path)) {
    load_roster_csv(text, path, roster, diags);
  } else {
    load_roster_yaml(text, path, roster, diags);
  }
}

bool is_roster_file(const std::string& path, std::string_view text) {
  if (is_csv_path(path) || text::ends_with_nocase(path, ".roster.yaml") ||
      text::ends_with_nocase(path, ".roster.yml")) {
    return true;
  }
  // A look at the top-level keys only (lines that start in column 1), so
  // that a file which is not YAML still reaches the loader for its error.
  bool roster_keys = false;
  text = text::strip_bom(text);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end;
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    const bool indented_or_not_a_key = line.empty() || line.find(':') == std::string_view::npos ||
                                       std::string_view(" \t#-{[\"'").find(line[0]) != line.npos;
    if (indented_or_not_a_key) {
      continue;
    }
    const std::string_view key = line.substr(0, line.find_first_of(" \t:"));
    if (key == "sop" || key == "tasks") {
      return false;
    }
    roster_keys = roster_keys || key == "staff" || key == "groups";
  }
  return roster_keys;
}

Inputs load_inputs(const InputPaths& paths, Diagnostics& diags) {
  const auto encoding = csv::parse_encoding(paths.csv_encoding);
  if (!encoding) {
    throw Error("--encoding " + paths.csv_encoding + tr(": use utf-8, gbk or gb18030"));
  }
  Inputs in;
  std::set<std::string> seen;
  auto read = [&](const std::string& path) -> const std::string* {
    if (!seen.insert(identity_of(path)).second) {
      in.repeated.push_back(path);  // loading it again would double its items and findings
      return nullptr;
    }
    std::string text = io::read_file(path);
    if (is_csv_path(path) && *encoding != csv::Encoding::utf8) {
      text = csv::to_utf8(text, *encoding, path);
    }
    return &(in.texts[path] = std::move(text));
  };
  for (const std::string& path : paths.rosters) {
    if (const std::string* text = read(path)) {
      load_roster_file(path, *text, in.roster, diags);
      in.has_roster = true;
    }
  }
  for (const std::string& path : paths.sops) {
    if (const std::string* text = read(path)) {
      in.sops.push_back(load_sop(*text, path, diags));
    }
  }
  for (const std::string& path : paths.any) {
    const std::string* text = read(path);
    if (text == nullptr) {
      continue;
    }
    if (is_roster_file(path, *text)) {
      load_roster_file(path, *text, in.roster, diags);
      in.has_roster = true;
    } else {
      in.sops.push_back(load_sop(*text, path, diags));
    }
  }
  validate_references(in.sops, in.roster, diags);
  return in;
}

}  // namespace sopctl::load
