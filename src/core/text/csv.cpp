#include <sopctl/text/csv.hpp>

#include <sopctl/base/cpu.hpp>
#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/text/strings.hpp>
#include <sopctl/text/utf8.hpp>

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#ifdef SOPCTL_AVX2_FUNCTIONS
#include <immintrin.h>
#endif

namespace sopctl::csv {

namespace {

// First ',', CR or LF in [p, end), or end. Fields are short: one 16-byte
// compare usually finds the delimiter.
inline const char* find_delimiter(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)),
                                     _mm_cmpeq_epi8(v, cr));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) {
      return p + __builtin_ctz(static_cast<unsigned>(mask));
    }
    p += 16;
  }
#endif
  while (p < end && *p != ',' && *p != '\n' && *p != '\r') {
    ++p;
  }
  return p;
}

// Where a plain line ends at its first stop `brk` (LF, CR or quote): after
// its LF or CRLF, or nullptr at a quote or a lone CR.
inline const char* after_stop(const char* brk, const char* end) {
  if (*brk == '\n') {
    return brk + 1;
  }
  if (*brk == '\r' && brk + 1 < end && brk[1] == '\n') {
    return brk + 2;
  }
  return nullptr;
}

// The end of a split: `n` commas seen before the break `brk`.
inline const char* end_split(const char* after, const char* brk, std::size_t n, std::size_t want,
                             const char** ends, std::size_t& fields) {
  if (after == nullptr) {
    return nullptr;
  }
  if (n < want) {
    ends[n] = brk;
  }
  fields = n + 1;
  return after;
}

// The commas of a record that is one line without quotes or a lone CR
// (nearly every record of an export), 16 bytes at a time: on_commas(q,
// mask) for each 16 bytes at q, bit i of mask set for a comma at q + i
// (none after the line break). Returns the position after the line break
// and sets `brk` to the break, or returns nullptr when the record is not of
// that kind or its line break is within 16 bytes of the end: then the
// general path reads it.
template <class OnCommas>
const char* scan_plain_line(const char* p, const char* end, const char*& brk, OnCommas on_commas) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i quote = _mm_set1_epi8('"');
  for (const char* q = p; end - q >= 16; q += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    auto commas = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma)));
    const auto stops = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)), _mm_cmpeq_epi8(v, quote))));
    if (stops == 0) {
      on_commas(q, commas);
      continue;
    }
    const int stop = __builtin_ctz(stops);
    on_commas(q, commas & ((1U << stop) - 1));
    brk = q + stop;
    return after_stop(brk, end);  // nullptr at a quote or a lone CR: the general path
  }
#else
  (void)p;
  (void)end;
  (void)brk;
  (void)on_commas;
#endif
  return nullptr;
}

// A plain line's fields (scan_plain_line), all of them.
const char* read_plain_line(const char* p, const char* end, std::vector<std::string_view>& fields) {
  const char* field = p;
  const char* brk = nullptr;
  const char* after = scan_plain_line(p, end, brk, [&](const char* q, unsigned commas) {
    while (commas != 0) {
      const char* c = q + __builtin_ctz(commas);
      fields.emplace_back(field, static_cast<std::size_t>(c - field));
      field = c + 1;
      commas &= commas - 1;
    }
  });
  if (after == nullptr) {
    fields.clear();
    return nullptr;
  }
  fields.emplace_back(field, static_cast<std::size_t>(brk - field));
  return after;
}

// Line breaks in [p, end): LF, CRLF and a lone CR each count one.
std::int64_t count_line_breaks(const char* p, const char* end) {
  std::int64_t n = 0;
  for (; p < end; ++p) {
    if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'))) {
      ++n;
    }
  }
  return n;
}

}  // namespace

std::string invalid_utf8_message() {
  return "invalid UTF-8 (a file saved by Excel in China is often GBK: try --encoding gbk, "
         "or gb18030)";
}

namespace detail {

const char* split_plain_line_16(const char* p, const char* end, std::size_t want, const char** ends,
                                std::size_t& fields) {
  std::size_t n = 0;  // commas seen
  const char* brk = nullptr;
  const char* after = scan_plain_line(p, end, brk, [&](const char* q, unsigned commas) {
    for (; commas != 0 && n < want; commas &= commas - 1) {
      ends[n++] = q + __builtin_ctz(commas);
    }
    for (; commas != 0; commas &= commas - 1) {
      ++n;  // past the wanted: only counted (a loop: no POPCNT in the baseline x86-64)
    }
  });
  return end_split(after, brk, n, want, ends, fields);
}

#ifdef SOPCTL_AVX2_FUNCTIONS

namespace {

// The commas of one step (bits below its first stop, if any) into `ends`.
__attribute__((target("avx2,popcnt,bmi"), always_inline)) inline void take_commas(
    const char* q, std::uint32_t commas, std::size_t want, const char** ends, std::size_t& n) {
  for (; commas != 0 && n < want; commas &= commas - 1) {
    ends[n++] = q + __builtin_ctz(commas);
  }
  n += static_cast<std::size_t>(__builtin_popcount(commas));
}

}  // namespace

// split_plain_line_16's twin, 32 bytes a step (then one 16-byte step, so
// that the same lines are split): everything it does is written here, as
// GCC does not inline a callback into a function of another target.
__attribute__((target("avx2,popcnt,bmi"))) const char* split_plain_line_32(
    const char* p, const char* end, std::size_t want, const char** ends, std::size_t& fields) {
  std::size_t n = 0;
  const char* q = p;
  const char* brk = nullptr;
  const __m256i comma = _mm256_set1_epi8(',');
  const __m256i lf = _mm256_set1_epi8('\n');
  const __m256i cr = _mm256_set1_epi8('\r');
  const __m256i quote = _mm256_set1_epi8('"');
  for (; end - q >= 32; q += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q));
    auto commas = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, comma)));
    const auto stops = static_cast<std::uint32_t>(_mm256_movemask_epi8(
        _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, lf), _mm256_cmpeq_epi8(v, cr)),
                        _mm256_cmpeq_epi8(v, quote))));
    if (stops != 0) {
      take_commas(q, commas & ((stops & (0U - stops)) - 1), want, ends, n);
      brk = q + __builtin_ctz(stops);
      break;
    }
    take_commas(q, commas, want, ends, n);
  }
  if (brk == nullptr && end - q >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    auto commas = static_cast<std::uint32_t>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm256_castsi256_si128(comma))));
    const auto stops = static_cast<std::uint32_t>(
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm256_castsi256_si128(lf)),
                                                    _mm_cmpeq_epi8(v, _mm256_castsi256_si128(cr))),
                                       _mm_cmpeq_epi8(v, _mm256_castsi256_si128(quote)))));
    if (stops != 0) {
      take_commas(q, commas & ((stops & (0U - stops)) - 1), want, ends, n);
      brk = q + __builtin_ctz(stops);
    }
  }
  if (brk == nullptr) {
    return nullptr;  // no break within reach of a full step: the general path
  }
  return end_split(after_stop(brk, end), brk, n, want, ends, fields);
}

#else

const char* split_plain_line_32(const char* p, const char* end, std::size_t want, const char** ends,
                                std::size_t& fields) {
  return split_plain_line_16(p, end, want, ends, fields);
}

#endif

}  // namespace detail

namespace {

// The scan, chosen once before main: a call through the pointer keeps
// split_plain_line a bare jump (a guarded local static, or either scan
// inlined, cost it a prologue of 30 instructions per line).
using Split = const char* (*)(const char*, const char*, std::size_t, const char**, std::size_t&);
const Split g_split = cpu_has_avx2() ? detail::split_plain_line_32 : detail::split_plain_line_16;

}  // namespace

const char* split_plain_line(const char* p, const char* end, std::size_t want, const char** ends,
                             std::size_t& fields) {
  return g_split(p, end, want, ends, fields);
}

void Reader::seek(std::size_t offset, std::int64_t line) {
  m_p = m_begin + std::min(offset, static_cast<std::size_t>(m_end - m_begin));
  m_line = line;
}

bool Record::blank() const {
  return std::all_of(fields.begin(), fields.end(), [](std::string_view f) { return f.empty(); });
}

Reader::Reader(std::string_view text, std::string path, std::size_t offset, std::int64_t line)
    : m_begin(text.data()),
      m_p(text.data() + std::min(offset, text.size())),
      m_end(text.data() + text.size()),
      m_path(std::move(path)),
      m_line(line) {}

void Reader::fail(const std::string& message, std::int64_t line, const char* at) const {
  int column = 0;
  if (at != nullptr) {
    // Characters from the start of `at`'s line (only on this error path).
    const char* start = at;
    while (start > m_begin && start[-1] != '\n' && start[-1] != '\r') {
      --start;
    }
    column = 1;
    for (const char* c = start; c < at; ++c) {
      column += (static_cast<unsigned char>(*c) & 0xC0) != 0x80 ? 1 : 0;
    }
  }
  throw Error(message, SourceLoc{m_path, static_cast<int>(line), column});
}

// The fields of the record at `p` (any kind); returns the position after it.
const char* Reader::read_fields(const char* p, Record& rec) {
  const char* const end = m_end;
  for (;;) {
    if (p < end && *p == '"') {
      p = read_quoted(p, rec);
    } else {
      const char* q = find_delimiter(p, end);
      rec.fields.emplace_back(p, static_cast<std::size_t>(q - p));
      p = q;
    }
    if (p >= end) {
      break;
    }
    if (*p == ',') {
      ++p;
      continue;
    }
    p += (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
    ++m_line;
    break;
  }
  return p;
}

bool Reader::next(Record& rec) {
  const char* const end = m_end;
  const char* p = m_p;
  // Empty lines are not records.
  while (p < end && (*p == '\n' || *p == '\r')) {
    p += (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
    ++m_line;
  }
  if (p >= end) {
    m_p = p;
    return false;
  }
  rec.fields.clear();
  rec.line = m_line;
  rec.begin = static_cast<std::size_t>(p - m_begin);
  m_scratch.clear();
  m_fixups.clear();
  const char* const start = p;
  if (const char* after = m_plain_lines ? read_plain_line(p, end, rec.fields) : nullptr) {
    p = after;
    ++m_line;
  } else {
    p = read_fields(p, rec);
  }
  if (m_validate) {
    const std::size_t bad =
        text::find_invalid_utf8(std::string_view(start, static_cast<std::size_t>(p - start)));
    if (bad != std::string_view::npos) {
      fail(invalid_utf8_message(), rec.line + count_line_breaks(start, start + bad));
    }
  }
  for (const Fixup& f : m_fixups) {
    rec.fields[f.field] = std::string_view(m_scratch.data() + f.offset, f.size);
  }
  rec.end = static_cast<std::size_t>(p - m_begin);
  m_p = p;
  return true;
}

// p is at the opening quote; returns the position after the closing quote.
const char* Reader::read_quoted(const char* p, Record& rec) {
  const char* const end = m_end;
  const char* const body = p + 1;
  const std::int64_t opened = m_line;
  bool escaped = false;
  const char* q = body;
  for (;;) {
    q = static_cast<const char*>(std::memchr(q, '"', static_cast<std::size_t>(end - q)));
    if (q == nullptr) {
      fail(tr("unterminated quoted field: the '\"' opened here is never closed"), opened, p);
    }
    if (q + 1 < end && q[1] == '"') {
      escaped = true;
      q += 2;
      continue;
    }
    break;
  }
  const bool has_cr = std::memchr(body, '\r', static_cast<std::size_t>(q - body)) != nullptr;
  m_line += count_line_breaks(body, q);
  if (escaped || has_cr) {
    // Unescape "" and store line breaks as LF, whatever the file used.
    const std::size_t offset = m_scratch.size();
    for (const char* s = body; s < q; ++s) {
      if (*s == '"') {
        ++s;  // the first of a "" pair
        m_scratch += '"';
      } else if (*s == '\r') {
        if (s + 1 < q && s[1] == '\n') {
          ++s;
        }
        m_scratch += '\n';
      } else {
        m_scratch += *s;
      }
    }
    m_fixups.push_back(Fixup{rec.fields.size(), offset, m_scratch.size() - offset});
    rec.fields.emplace_back();
  } else {
    rec.fields.emplace_back(body, static_cast<std::size_t>(q - body));
  }
  const char* after = q + 1;
  if (after < end && *after != ',' && *after != '\n' && *after != '\r') {
    fail(tr("unexpected text after the closing '\"' of a quoted field (write a quote inside a "
            "quoted "
            "field as \"\")"),
         m_line);
  }
  return after;
}

std::optional<std::size_t> Header::find(std::string_view name) const {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) {
      return i;
    }
  }
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  const std::string_view want = text::trim(name);
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string_view have = text::trim(names[i]);
    if (have.size() == want.size() &&
        std::equal(have.begin(), have.end(), want.begin(),
                   [&](char a, char b) { return lower(a) == lower(b); })) {
      return i;
    }
  }
  return std::nullopt;
}

std::string Header::joined() const {
  // For messages: a header line of megabytes must not become one.
  constexpr std::size_t k_max = 200;
  std::string out;
  for (std::size_t i = 0; i < names.size() && out.size() <= k_max; ++i) {
    out += (i ? "," : "") + names[i];
  }
  if (out.size() > k_max) {
    std::size_t cut = k_max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
      --cut;  // not inside a UTF-8 character
    }
    out.resize(cut);
    out += "...";
  }
  return out;
}

Header read_header(std::string_view text, const std::string& path) {
  Reader reader(text, path);
  Record rec;
  if (!reader.next(rec)) {
    throw Error(tr("empty file: expected a header line"), SourceLoc{path, 1, 0});
  }
  Header h;
  h.names.assign(rec.fields.begin(), rec.fields.end());
  h.data_offset = reader.offset();
  h.data_line = reader.line();
  return h;
}

std::vector<std::size_t> line_splits(std::string_view text, std::size_t from, std::size_t to,
                                     std::size_t parts) {
  std::vector<std::size_t> splits{from};
  if (parts <= 1 || to <= from) {
    return splits;
  }
  const std::size_t step = (to - from) / parts;
  for (std::size_t i = 1; i < parts; ++i) {
    const std::size_t guess = from + i * step;
    const std::size_t lf = text.find('\n', std::max(guess, splits.back()));
    if (lf == std::string_view::npos || lf + 1 >= to) {
      break;
    }
    if (lf + 1 > splits.back()) {
      splits.push_back(lf + 1);
    }
  }
  return splits;
}

}  // namespace sopctl::csv
