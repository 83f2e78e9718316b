#pragma once
// A fast streaming RFC 4180 reader over bytes in memory (a mapped file):
// quoted fields with commas, quotes ("") and line breaks; LF, CRLF or a lone
// CR; empty lines skipped. Fields are views into the input, so reading a
// record allocates nothing once the record's vectors have grown. Every
// record is checked to be valid UTF-8. Errors throw sopctl::Error naming the
// file and line. Used by `funnel` and `aarrr` (events.hpp).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::csv {

// The message for invalid UTF-8: it suggests --encoding gbk.
std::string invalid_utf8_message();

struct Record {
  // Views into the input, or into the reader's scratch buffer for a quoted
  // field holding "" or CR (valid until the next call of next()).
  std::vector<std::string_view> fields;
  std::int64_t line = 0;  // line where the record starts (1-based)
  std::size_t begin = 0;  // byte offsets in the text: the record and its line break
  std::size_t end = 0;

  // True when every field is empty (",,,," rows that spreadsheets leave).
  bool blank() const;
};

class Reader {
public:
  // Reads `text` from byte `offset`, which must start a record on line `line`.
  // `path` names the input in errors.
  Reader(std::string_view text, std::string path, std::size_t offset = 0, std::int64_t line = 1);

  // The next record; false at the end. Empty lines are skipped. Throws Error
  // on an unterminated quote, a character after a closing quote, or invalid
  // UTF-8.
  bool next(Record& rec);

  // Off: the caller checks UTF-8 itself (in large blocks, which is faster).
  void set_validate_utf8(bool on) { m_validate = on; }
  // Off: lines without quotes are split by the general path too, not 16
  // bytes at a time (the unit tests hold the two against each other).
  void set_plain_lines(bool on) { m_plain_lines = on; }

  // Reads on from byte `offset`, which must start a record on line `line`.
  void seek(std::size_t offset, std::int64_t line);

  // Where the next record starts, and its line.
  std::size_t offset() const { return static_cast<std::size_t>(m_p - m_begin); }
  std::int64_t line() const { return m_line; }
  const std::string& path() const { return m_path; }

private:
  const char* read_fields(const char* p, Record& rec);
  const char* read_quoted(const char* p, Record& rec);
  // `at`, when given, is where the problem is on `line` (for the column).
  [[noreturn]] void fail(const std::string& message, std::int64_t line,
                         const char* at = nullptr) const;

  const char* m_begin;
  const char* m_p;
  const char* m_end;
  std::string m_path;
  std::int64_t m_line;
  bool m_validate = true;
  bool m_plain_lines = true;
  std::string m_scratch;
  struct Fixup {
    std::size_t field, offset, size;
  };
  std::vector<Fixup> m_fixups;
};

// The record at `p` when it is one line without quotes or a lone CR, split
// without a Record (the funnel's reading threads want three fields of
// millions of such lines): returns the position after its line break and
// sets `fields` to its number of fields and ends[i] to where field i ends
// (the comma after it, or the line break) for i < min(want, fields); field
// i starts after ends[i - 1], field 0 at p. nullptr when the record is not
// of that kind or ends within 16 bytes of `end`: Reader::next reads it.
const char* split_plain_line(const char* p, const char* end, std::size_t want, const char** ends,
                             std::size_t& fields);

namespace detail {
// The two scans split_plain_line chooses from, named for its tests: 16
// bytes a step (SSE2), and 32 (AVX2: only where cpu_has_avx2()). They split
// the same lines the same way.
const char* split_plain_line_16(const char* p, const char* end, std::size_t want, const char** ends,
                                std::size_t& fields);
const char* split_plain_line_32(const char* p, const char* end, std::size_t want, const char** ends,
                                std::size_t& fields);
}  // namespace detail

// The header (first record) of a CSV input.
struct Header {
  std::vector<std::string> names;
  std::size_t data_offset = 0;  // where the first data record starts
  std::int64_t data_line = 2;   // its line

  // Column index by name: exact, else ignoring ASCII case and surrounding spaces.
  std::optional<std::size_t> find(std::string_view name) const;
  // "user_id,event,ts" as written, for messages: cut after 200 bytes with "...".
  std::string joined() const;
};

// Reads the header of `text` (BOM already stripped). Throws Error when the
// input is empty.
Header read_header(std::string_view text, const std::string& path);

// Up to `parts` byte offsets in [from, to) where a line starts, to split the
// text for parallel readers: the first is `from`, the rest follow the first
// LF at or after evenly spaced positions. A split may fall inside a quoted
// field; callers check that the reader before it ended exactly there.
std::vector<std::size_t> line_splits(std::string_view text, std::size_t from, std::size_t to,
                                     std::size_t parts);

}  // namespace sopctl::csv
