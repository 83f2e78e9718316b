// check_yaml_limits(): what every YAML file passes before yaml-cpp builds its
// tree. Three stages, cheapest first:
//   1. bytes: size, NUL, UTF-8;
//   2. a lexical scan for deep flow nesting ("[[[[..."), which any YAML
//      scanner reads ahead to the end before it can say a word;
//   3. a conformant parse with libfyaml's event parser (it passes the YAML
//      test suite): syntax errors yaml-cpp lets through (an unclosed quote
//      that swallows the rest of the file, tabs as indentation, content
//      after a document end), nesting depth, aliases, more than one document.

#include <sopctl/text/yaml.hpp>

#include <sopctl/base/error.hpp>
#include <sopctl/base/i18n.hpp>
#include <sopctl/base/limits.hpp>
#include <sopctl/text/utf8.hpp>

#include <fmt/format.h>
#include <libfyaml.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace sopctl::text {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

[[noreturn]] void throw_too_deep(std::string_view text, std::size_t at, const std::string& path) {
  throw Error(trf("YAML nested more than {} levels deep (the limit)", limits::k_max_yaml_depth),
              locate(text, at, path));
}

// Stage 2. '[' and '{' count where a node may start (after indentation,
// "- ", ": ", "? ", ',', '[', '{', an anchor or a tag). Skipped as YAML's
// lexical rules say: comments, both quote styles, and block scalars (`|`,
// `>`: every following line indented more than the line that opened it, or
// blank). A block scalar's parent indentation is taken as the width of the
// opening line's indentation and indicators, never less than YAML's own, so
// the scan can only overestimate nesting, never hide it. Opening brackets
// inside quotes count too: a quote the scan mistook could otherwise hide a
// real "[[[[...". The bound is generous; the exact limit is enforced on the
// parser's events (stage 3).
void scan_flow_depth(std::string_view text, const std::string& path) {
  constexpr int k_bound = 4 * limits::k_max_yaml_depth;
  constexpr int k_quoted_bound = 64 * limits::k_max_yaml_depth;  // text such as "{{{{" is rare
  const std::size_t n = text.size();
  int depth = 0;
  bool node_start = true;
  std::size_t i = 0;
  std::size_t lead = 0;  // width of the current line's indentation and indicators
  auto skip_block_scalar_lines = [&](std::size_t parent) {
    i = std::min(n, text.find('\n', i));
    while (i < n) {
      const std::size_t line = i + 1;
      std::size_t j = line;
      while (j < n && text[j] == ' ') {
        ++j;
      }
      const bool blank_line = j >= n || text[j] == '\n' || text[j] == '\r';
      if (!blank_line && j - line <= parent) {
        return;  // this line ends the scalar; it is read as structure
      }
      i = std::min(n, text.find('\n', line));
    }
  };
  bool line_start = true;
  std::size_t line_from = 0;
  while (i < n) {
    const char c = text[i];
    if (line_start) {
      if (c == ' ' || c == '\t' ||
          ((c == '-' || c == '?' || c == ':') && (i + 1 == n || is_blank(text[i + 1])))) {
        ++i;
        continue;
      }
      line_start = false;
      lead = i - line_from;
      node_start = true;
    }
    if (c == '\n') {
      line_start = true;
      line_from = ++i;
    } else if (is_blank(c)) {
      ++i;
    } else if (c == '#' && (i == 0 || is_blank(text[i - 1]))) {
      i = std::min(n, text.find('\n', i));
    } else if (node_start && (c == '"' || c == '\'')) {
      int inside = depth;
      for (++i; i < n; ++i) {
        if (c == '"' && text[i] == '\\') {
          ++i;  // an escape: the next character is not the closing quote
        } else if (c == '\'' && text[i] == '\'' && i + 1 < n && text[i + 1] == '\'') {
          ++i;  // '' inside single quotes
        } else if (text[i] == c) {
          break;
        } else if ((text[i] == '[' || text[i] == '{') && ++inside > k_quoted_bound) {
          throw_too_deep(text, i, path);
        } else if ((text[i] == ']' || text[i] == '}') && inside > depth) {
          --inside;
        }
      }
      ++i;
      node_start = false;
    } else if (node_start && depth == 0 && (c == '|' || c == '>')) {
      skip_block_scalar_lines(lead);
      line_start = false;
    } else if (node_start && (c == '[' || c == '{')) {
      if (++depth > k_bound) {
        throw_too_deep(text, i, path);
      }
      ++i;
    } else if (c == ']' || c == '}') {
      depth = std::max(0, depth - 1);
      node_start = false;
      ++i;
    } else if (depth > 0 && (c == ',' || c == ':')) {
      node_start = true;
      ++i;
    } else if ((c == '-' || c == ':' || c == '?') && (i + 1 == n || is_blank(text[i + 1]))) {
      node_start = true;
      ++i;
    } else if (node_start && (c == '&' || c == '!')) {
      while (i < n && !is_blank(text[i])) {
        ++i;
      }
    } else {
      node_start = false;
      ++i;
    }
  }
}

struct ParserDeleter {
  void operator()(fy_parser* p) const { fy_parser_destroy(p); }
};
struct DiagDeleter {
  void operator()(fy_diag* d) const { fy_diag_destroy(d); }
};
struct EventFree {
  EventFree(fy_parser* p, fy_event* e) : parser(p), event(e) {}
  fy_parser* parser;
  fy_event* event;
  EventFree(const EventFree&) = delete;
  EventFree& operator=(const EventFree&) = delete;
  ~EventFree() { fy_parser_event_free(parser, event); }
};

std::string token_text(fy_token* t) {
  std::size_t len = 0;
  const char* s = t ? fy_token_get_text(t, &len) : nullptr;
  return s ? std::string(s, len) : std::string();
}

// Stage 3: libfyaml's events. A node weighs 1, a scalar 1 plus its length; an
// alias weighs what the node it names weighed, aliases inside that node
// included; the aliases of a file together may add at most
// limits::k_max_alias_expansion.
class EventCheck {
public:
  EventCheck(std::string_view text, const std::string& path) : m_text(text), m_path(path) {}

  void run() {
    fy_diag_cfg dcfg;
    fy_diag_cfg_default(&dcfg);
    dcfg.fp = nullptr;
    dcfg.colorize = false;
    std::unique_ptr<fy_diag, DiagDeleter> diag(fy_diag_create(&dcfg));
    if (!diag) {
      throw Error(tr("out of memory while reading YAML"), SourceLoc{m_path, 0, 0});
    }
    fy_diag_set_collect_errors(diag.get(), true);
    fy_parse_cfg cfg{};
    cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DISABLE_BUFFERING |
                                                FYPCF_DEFAULT_VERSION_1_2);
    cfg.diag = diag.get();
    std::unique_ptr<fy_parser, ParserDeleter> parser(fy_parser_create(&cfg));
    if (!parser || fy_parser_set_string(parser.get(), m_text.data(), m_text.size()) != 0) {
      throw Error(tr("out of memory while reading YAML"), SourceLoc{m_path, 0, 0});
    }
    while (fy_event* ev = fy_parser_parse(parser.get())) {
      const EventFree free_later{parser.get(), ev};  // also when on_event throws
      on_event(*ev);
    }
    if (fy_parser_get_stream_error(parser.get())) {
      throw_syntax_error(diag.get());
    }
  }

private:
  struct Frame {
    std::string anchor;
    std::uint64_t start;
  };

  std::size_t pos_of(fy_event& ev) const {
    const fy_mark* m = fy_event_start_mark(&ev);
    return m ? std::min(m->input_pos, m_text.size()) : 0;
  }

  void on_event(fy_event& ev) {
    switch (ev.type) {
      case FYET_DOCUMENT_START:
        if (++m_documents > 1) {
          throw Error(
              tr("a second YAML document ('---' after the first): sopctl reads one document per "
                 "file; split it into two files"),
              locate(m_text, pos_of(ev), m_path));
        }
        break;
      case FYET_SCALAR: {
        const fy_mark* a = fy_event_start_mark(&ev);
        const fy_mark* b = fy_event_end_mark(&ev);
        const std::uint64_t len =
            a && b && b->input_pos > a->input_pos ? b->input_pos - a->input_pos : 0;
        m_total += 1 + len;
        set_weight(token_text(ev.scalar.anchor), 1 + len);
        break;
      }
      case FYET_ALIAS:
        on_alias(ev);
        break;
      case FYET_SEQUENCE_START:
        open(ev, token_text(ev.sequence_start.anchor));
        break;
      case FYET_MAPPING_START:
        open(ev, token_text(ev.mapping_start.anchor));
        break;
      case FYET_SEQUENCE_END:
      case FYET_MAPPING_END:
        close();
        break;
      default:
        break;
    }
  }

  void on_alias(fy_event& ev) {
    const std::string name = token_text(ev.alias.anchor);
    std::size_t at = pos_of(ev);
    if (at > 0 && m_text[at - 1] == '*') {
      --at;  // libfyaml marks the name; point at the '*'
    }
    for (const Frame& f : m_stack) {
      if (!f.anchor.empty() && f.anchor == name) {
        throw Error(
            tr("an alias (*name) inside the node its anchor (&name) names: YAML that refers to "
               "itself is not supported"),
            locate(m_text, at, m_path));
      }
    }
    const auto it = m_weight.find(name);
    const std::uint64_t weight = it == m_weight.end() ? 1 : it->second;
    m_total += weight;
    m_expansion += weight;
    if (m_expansion > limits::k_max_alias_expansion) {
      throw Error(trf("aliases (*name) expand this file by more than {} nodes and bytes "
                      "(the limit); write the content out instead",
                      limits::k_max_alias_expansion),
                  locate(m_text, at, m_path));
    }
  }

  void set_weight(const std::string& anchor, std::uint64_t weight) {
    if (!anchor.empty()) {
      m_weight[anchor] = weight;
    }
  }

  void open(fy_event& ev, std::string anchor) {
    if (static_cast<int>(m_stack.size()) >= limits::k_max_yaml_depth) {
      throw_too_deep(m_text, pos_of(ev), m_path);
    }
    m_total += 1;
    m_stack.push_back({std::move(anchor), m_total});
  }

  void close() {
    if (m_stack.empty()) {
      return;
    }
    const Frame f = std::move(m_stack.back());
    m_stack.pop_back();
    set_weight(f.anchor, 1 + m_total - f.start);
  }

  [[noreturn]] void throw_syntax_error(fy_diag* diag) const {
    void* it = nullptr;
    fy_diag_error* e = fy_diag_errors_iterate(diag, &it);
    const fy_mark* m = e && e->fyt ? fy_token_start_mark(e->fyt) : nullptr;
    const std::size_t at = m ? std::min(m->input_pos, m_text.size()) : m_text.size();
    throw_if_full_width_colon(at);
    if (e != nullptr) {
      const SourceLoc loc = m ? locate(m_text, at, m_path)
                              : SourceLoc{m_path, std::max(e->line, 1), std::max(e->column, 1)};
      throw Error(trf("invalid YAML: {}", e->msg ? e->msg : tr("syntax error")), loc);
    }
    throw Error(tr("invalid YAML"), SourceLoc{m_path, 1, 1});
  }

  // `title：x`, typed with a Chinese input method, is the likeliest cause of a
  // syntax error on or just after its line: say so, on that line.
  void throw_if_full_width_colon(std::size_t error_at) const {
    static constexpr std::string_view k_colon = "\xEF\xBC\x9A";  // U+FF1A '：'
    const std::size_t line_end = std::min(m_text.size(), m_text.find('\n', error_at));
    // From two lines before the error's line to its end.
    std::size_t start = std::min(error_at, m_text.size());
    for (int lines = 0; lines < 3 && start > 0; ++lines) {
      const std::size_t nl = m_text.rfind('\n', start - 1);
      start = nl == std::string_view::npos ? 0 : nl;
    }
    start = start == 0 ? 0 : start + 1;
    while (start < line_end) {
      const std::size_t end = std::min(line_end, m_text.find('\n', start));
      std::size_t j = start;
      while (j < end && (m_text[j] == ' ' || m_text[j] == '-')) {
        ++j;
      }
      const std::size_t key = j;
      while (j < end && (std::isalnum(static_cast<unsigned char>(m_text[j])) || m_text[j] == '_')) {
        ++j;
      }
      if (j > key && m_text.substr(j, k_colon.size()) == k_colon) {
        throw Error(trf("full-width colon '：' after '{}' (typed with a Chinese input "
                        "method?): YAML needs an ASCII colon and a space, '{}: '",
                        m_text.substr(key, j - key), m_text.substr(key, j - key)),
                    locate(m_text, j, m_path));
      }
      start = end + 1;
    }
  }

  std::string_view m_text;
  const std::string& m_path;
  std::vector<Frame> m_stack;
  std::unordered_map<std::string, std::uint64_t> m_weight;
  std::uint64_t m_total = 0;
  std::uint64_t m_expansion = 0;
  int m_documents = 0;
};

}  // namespace

void check_yaml_limits(std::string_view text, const std::string& path) {
  if (text.size() > limits::k_max_input_bytes) {
    throw Error(trf("{} bytes: larger than the {} MiB limit for YAML files", text.size(),
                    limits::k_max_input_bytes >> 20),
                SourceLoc{path, 0, 0});
  }
  // yaml-cpp would take a NUL as the end of a scalar, or any byte as Latin-1.
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    throw Error(
        tr("NUL byte in a YAML file (saved as UTF-16, or not a text file?): save it as UTF-8"),
        locate(text, nul, path));
  }
  if (const std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    throw Error(tr("invalid UTF-8 (save the file as UTF-8)"), locate(text, bad, path));
  }
  scan_flow_depth(text, path);
  EventCheck(text, path).run();
}

}  // namespace sopctl::text
