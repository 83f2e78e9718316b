#pragma once
// A small streaming JSON writer: deterministic, UTF-8 passed through,
// doubles at full precision (shortest round-trip form).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::text {

// JSON string literal with quotes: escapes " \ and control characters.
std::string json_quote(std::string_view s);
// Shortest representation that round-trips ("0.2", "347.0" keeps ".0").
std::string json_number(double v);

class JsonWriter {
public:
  // Compact output on one line when `indent` is 0.
  explicit JsonWriter(int indent = 0) : m_indent(indent) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(std::int64_t n);
  JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
  // Unsigned counts (std::size_t) without a cast.
  JsonWriter& value(std::uint64_t n);
  JsonWriter& value(double d);
  JsonWriter& value(bool b);
  JsonWriter& null();
  // An array of strings.
  JsonWriter& strings(const std::vector<std::string>& items);

  // The document so far; call after the outermost end_*().
  const std::string& str() const { return m_out; }
  // The document, moved out (the writer is empty afterwards).
  std::string take() { return std::move(m_out); }
  // The document and a final newline, as the commands print it.
  std::string take_line() {
    m_out += '\n';
    return take();
  }
  // Room for `bytes` of output, for documents whose size is known roughly.
  void reserve(std::size_t bytes) { m_out.reserve(bytes); }

private:
  void before_value();
  void newline();

  int m_indent;
  std::string m_out;
  std::vector<char> m_first;  // per open container: no element yet (not vector<bool>: bit work)
  bool m_after_key = false;
};

}  // namespace sopctl::text
