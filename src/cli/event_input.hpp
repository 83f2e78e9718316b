#pragma once
// What `funnel` and `aarrr` share: the optional --sop, the time zone, the
// CSV input opened for the event-log reader, and window options.

#include <sopctl/base/mapped_file.hpp>
#include <sopctl/base/timezone.hpp>
#include <sopctl/model/sop.hpp>
#include <sopctl/text/csv.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sopctl::cli {

// Loads --sop FILE (none when `path` is empty). An SOP with structural
// errors prints them like `check` and throws.
std::optional<Sop> load_optional_sop(const std::string& path);

// --tz, else the SOP's time zone, else Asia/Shanghai; throws on an unknown name.
TimeZone resolve_zone(const std::string& tz, const std::optional<Sop>& sop);

// A CSV input: mapped (or read from stdin), converted to UTF-8 when
// --encoding names another encoding, BOM stripped, header read. Not movable:
// `text` points into its own members.
struct CsvInput {
  // `may_be_empty`: a header without rows is fine (a done log on day one);
  // otherwise it is an error (an export gone wrong).
  CsvInput(const std::string& path, const std::string& encoding, bool may_be_empty = false);
  CsvInput(const CsvInput&) = delete;
  CsvInput& operator=(const CsvInput&) = delete;

  io::MappedFile file;
  std::string converted;  // the UTF-8 text when it was converted
  std::string_view text;  // what to parse (points into `file` or `converted`)
  csv::Header header;

  // True when `text` points into the mapping, whose pages may be released.
  bool mapped() const { return converted.empty(); }
};

// Progress on stderr while a large file (64 MiB or more) is read, when
// stderr is a terminal; the line is cleared at the end.
class Progress {
public:
  Progress(const std::string& path, std::size_t size, bool quiet);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  bool on() const { return m_on; }
  void update(std::size_t done, std::size_t total);

private:
  std::string m_path;
  bool m_on;
  int m_shown = -1;
};

// A window option ("7d", "36h", "0", or "none" for no window: nullopt);
// throws naming `option` when it is none of these.
std::optional<std::int64_t> parse_window_option(const std::string& option, const std::string& text);

}  // namespace sopctl::cli
