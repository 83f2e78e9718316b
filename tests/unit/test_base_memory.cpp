#include <sopctl/base/memory.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::GrowArray;

TEST_CASE("GrowArray keeps its elements from malloc blocks to mappings that grow") {
  GrowArray<std::uint32_t> a;
  CHECK(a.empty());
  // 3M elements: 12 MB, past the 1 MiB where blocks become mappings and
  // then grow with mremap.
  for (std::uint32_t i = 0; i < 3'000'000; ++i) {
    a.push_back(i * 7);
  }
  REQUIRE(a.size() == 3'000'000);
  bool same = true;
  for (std::uint32_t i = 0; i < a.size(); ++i) {
    same = same && a[i] == i * 7;
  }
  CHECK(same);

  GrowArray<std::uint32_t> copy = a;
  CHECK(copy.size() == a.size());
  CHECK(copy[2'999'999] == 2'999'999U * 7);
  copy[0] = 1;
  CHECK(a[0] == 0);  // a deep copy

  GrowArray<std::uint32_t> moved = std::move(copy);
  CHECK(moved.size() == 3'000'000);
  CHECK(copy.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty by design
  moved = a;
  CHECK(moved[0] == 0);
}

TEST_CASE("GrowArray::append and reserve") {
  GrowArray<char> b;
  b.reserve(10);
  b.append("abc", 3);
  b.append("", 0);
  const std::string big(2 << 20, 'x');
  b.append(big.data(), big.size());
  b.append("yz", 2);
  REQUIRE(b.size() == 3 + big.size() + 2);
  CHECK(std::string(b.data(), 3) == "abc");
  CHECK(b[3] == 'x');
  CHECK(std::string(b.end() - 2, 2) == "yz");
  GrowArray<char> empty;
  b = empty;
  CHECK(b.empty());
  b.append("q", 1);
  CHECK(b[0] == 'q');
}

}  // namespace SOPCTL_TU_ID
