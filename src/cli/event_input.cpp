#include "event_input.hpp"
#include <sopctl/base/i18n.hpp>

#include "common.hpp"

#include <sopctl/base/date.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/base/files.hpp>
#include <sopctl/load/loader.hpp>
#include <sopctl/text/encoding.hpp>
#include <sopctl/text/utf8.hpp>

#include <unistd.h>

#include <cstdio>
#include <optional>

namespace sopctl::cli {

std::optional<Sop> load_optional_sop(const std::string& path) {
  if (path.empty()) {
    return std::nullopt;
  }
  Diagnostics diags;
  Sop sop = load_sop(io::read_file(path), path, diags);
  if (report_errors(diags)) {
    throw Error(tr("the SOP file has errors (run 'sopctl check' on it)"));
  }
  return sop;
}

TimeZone resolve_zone(const std::string& tz, const std::optional<Sop>& sop) {
  const std::string name = !tz.empty() ? tz : sop ? sop->timezone.value : "Asia/Shanghai";
  auto zone = TimeZone::load(name);
  if (!zone) {
    throw Error(trf("time zone '{}' {}", TimeZone::printable(name), TimeZone::why_not(name)));
  }
  return std::move(*zone);
}

CsvInput::CsvInput(const std::string& path, const std::string& encoding, bool may_be_empty) {
  const auto enc = csv::parse_encoding(encoding);
  if (!enc) {
    throw Error("--encoding " + encoding + tr(": use utf-8, gbk or gb18030"));
  }
  file = io::MappedFile::open(path);
  text = file.bytes();
  if (*enc != csv::Encoding::utf8) {
    // Converted into a temporary file and mapped from there, so that a
    // large GBK export is not held in memory twice; in memory only when no
    // temporary file can be made.
    std::optional<io::Spool> spool;
    try {
      spool.emplace("the UTF-8 text of " + path);
    } catch (const Error&) {
    }
    if (spool) {
      const char* begin = text.data();
      csv::to_utf8_blocks(
          text, *enc, path, [&](std::string_view b) { spool->write(b); },
          [&](std::size_t done) { file.release(begin, begin + done); });
      file = spool->map(path);
      text = file.bytes();
    } else {
      converted = csv::to_utf8(text, *enc, path);
      text = converted;
    }
  }
  text = sopctl::text::strip_bom(text);
  header = csv::read_header(text, path);
  // A header and nothing else is an export gone wrong, not an empty funnel.
  if (!may_be_empty &&
      text.find_first_not_of(" \t\r\n,", header.data_offset) == std::string_view::npos) {
    throw Error(tr("no data rows after the header (is the export empty?)"), SourceLoc{path, 1, 0});
  }
}

std::optional<std::int64_t> parse_window_option(const std::string& option,
                                                const std::string& text) {
  if (text == "none") {
    return std::nullopt;
  }
  if (text == "0" || text == "0s") {
    return 0;
  }
  if (auto d = parse_duration(text)) {
    return *d;
  }
  throw Error(option + " " + text + tr(": not a duration (use e.g. 7d, 36h, 90m, 1d12h, or none)"));
}

constexpr std::size_t k_progress_min_bytes = 64 << 20;

Progress::Progress(const std::string& path, std::size_t size, bool quiet)
    : m_path(path), m_on(!quiet && size >= k_progress_min_bytes && ::isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() {
  if (m_on && m_shown >= 0) {
    std::fputs("\r\x1b[K", stderr);
  }
}

void Progress::update(std::size_t done, std::size_t total) {
  const int pct = total == 0 ? 100 : static_cast<int>(done * 100 / total);
  if (pct != m_shown) {
    m_shown = pct;
    std::fprintf(stderr, "\r%s", trf("sopctl: reading {}: {}%", m_path, pct).c_str());
    std::fflush(stderr);
  }
}

}  // namespace sopctl::cli
