#pragma once
// The event names a loader keeps (a funnel's steps), looked up per row: by
// the name's length first, since the names of one log mostly differ in
// length, then compared inline (text::equal_bytes).

#include <sopctl/text/string_table.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sopctl::events::detail {

class KeptNames {
public:
  KeptNames() : KeptNames(std::vector<std::string>{}) {}
  // Ids are positions in `names` (distinct).
  explicit KeptNames(std::vector<std::string> names) : m_names(std::move(names)) {
    m_first.assign(k_lengths + 1, k_end);
    m_next.assign(m_names.size(), k_end);
    for (std::size_t i = m_names.size(); i-- > 0;) {
      const std::size_t bucket = std::min(m_names[i].size(), k_lengths);
      m_next[i] = m_first[bucket];
      m_first[bucket] = static_cast<std::uint32_t>(i);
    }
  }

  bool empty() const { return m_names.empty(); }
  const std::vector<std::string>& names() const { return m_names; }

  std::optional<std::uint32_t> find(std::string_view name) const {
    for (std::uint32_t i = m_first[std::min(name.size(), k_lengths)]; i != k_end; i = m_next[i]) {
      if (text::equal_bytes(m_names[i], name)) {
        return i;
      }
    }
    return std::nullopt;
  }

private:
  static constexpr std::size_t k_lengths = 64;  // longer names share the last bucket
  static constexpr std::uint32_t k_end = 0xFFFFFFFF;
  std::vector<std::string> m_names;
  std::vector<std::uint32_t> m_first;  // per length: the first name of it
  std::vector<std::uint32_t> m_next;   // per name: the next of its length
};

}  // namespace sopctl::events::detail
