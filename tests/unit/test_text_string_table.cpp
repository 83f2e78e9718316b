// text/string_table.cpp: interned strings (user ids of an event log).

#include <sopctl/text/string_table.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using namespace sopctl;

TEST_CASE("StringList stores strings end to end, empty ones too") {
  text::StringList list;
  CHECK(list.empty());
  CHECK(list.push_back("u1") == 0);
  CHECK(list.push_back("") == 1);
  CHECK(list.push_back("小丸子") == 2);
  CHECK(list.size() == 3);
  CHECK(list[1].empty());
  CHECK(list[2] == "小丸子");
  CHECK(*list.find("小丸子") == 2);
  CHECK(*list.find("") == 1);
  CHECK_FALSE(list.find("u2"));

  text::StringList more;
  more.push_back("u9");
  list.append(more);
  CHECK(list.size() == 4);
  CHECK(list[3] == "u9");
}

TEST_CASE("StringList of ids of one length, until one differs") {
  text::StringList list;
  for (int i = 0; i < 1000; ++i) {
    list.push_back("wx_" + std::to_string(100000 + i));  // all 9 bytes
  }
  CHECK(list[0] == "wx_100000");
  CHECK(list[999] == "wx_100999");
  text::StringList same;
  same.push_back("wx_200000");
  text::StringList longer;
  longer.push_back("wx_3000000");
  longer.push_back("");
  list.append(same);  // still one length
  CHECK(list[1000] == "wx_200000");
  list.append(longer);  // now ends are written
  CHECK(list.size() == 1003);
  CHECK(list[1001] == "wx_3000000");
  CHECK(list[1002].empty());
  CHECK(list.push_back("x") == 1003);
  CHECK(list[1003] == "x");
  CHECK(list[999] == "wx_100999");
  CHECK(list[1000] == "wx_200000");

  text::StringList into;  // empty, takes another's single length
  into.append(same);
  into.push_back("wx_200001");
  CHECK(into[1] == "wx_200001");
  into.push_back("a");
  CHECK(into[0] == "wx_200000");
  CHECK(into[2] == "a");

  text::StringList moved = std::move(into);
  CHECK(moved.size() == 3);
  CHECK(into.size() == 0);  // NOLINT(bugprone-use-after-move): left empty on purpose
  into.push_back("abc");
  CHECK(into[0] == "abc");
}

TEST_CASE("Interner gives each distinct string one id, across growth") {
  text::Interner interner;
  CHECK_FALSE(interner.find("u0"));
  std::vector<std::uint32_t> ids;
  for (int i = 0; i < 50000; ++i) {
    ids.push_back(interner.intern("u" + std::to_string(i)));
  }
  CHECK(interner.size() == 50000);
  for (int i = 0; i < 50000; i += 997) {
    const std::string s = "u" + std::to_string(i);
    CHECK(interner.intern(s) == ids[static_cast<std::size_t>(i)]);
    CHECK(*interner.find(s) == ids[static_cast<std::size_t>(i)]);
    CHECK(interner[ids[static_cast<std::size_t>(i)]] == s);
  }
  CHECK(interner.size() == 50000);  // nothing added by the lookups
  CHECK_FALSE(interner.find("u50000"));

  const text::StringList strings = interner.take();
  CHECK(strings.size() == 50000);
  CHECK(interner.size() == 0);
  CHECK(strings[ids[123]] == "u123");
}

TEST_CASE("hash_bytes is stable and spreads short ids") {
  CHECK(text::hash_bytes("u1") == text::hash_bytes(std::string("u1")));
  CHECK(text::hash_bytes("u1") != text::hash_bytes("u2"));
  CHECK(text::hash_bytes("") != text::hash_bytes(std::string(1, '\0')));
}

TEST_CASE("equal_bytes agrees with == at every length and every differing byte") {
  // Each text in a heap block of exactly its size, so that AddressSanitizer
  // sees a load past either end.
  for (std::size_t n = 0; n <= 40; ++n) {
    const std::vector<char> a(n, 'x');
    for (std::size_t at = 0; at <= n; ++at) {
      std::vector<char> b(a);
      if (at < n) {
        b[at] = 'y';  // differs here; at == n: equal
      }
      const std::string_view va(a.data(), a.size());
      const std::string_view vb(b.data(), b.size());
      CHECK(text::equal_bytes(va, vb) == (va == vb));
      CHECK(text::equal_bytes(vb, va) == (va == vb));
    }
    if (n > 0) {
      CHECK_FALSE(
          text::equal_bytes(std::string_view(a.data(), n), std::string_view(a.data(), n - 1)));
    }
  }
  CHECK(text::equal_bytes("小丸子美妆研讨所", "小丸子美妆研讨所"));
  CHECK_FALSE(text::equal_bytes("小丸子美妆研讨所A", "小丸子美妆研讨所B"));
}

}  // namespace SOPCTL_TU_ID
