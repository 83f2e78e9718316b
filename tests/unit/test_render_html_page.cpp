#include "../../src/core/render/html_page.hpp"

#include <doctest/doctest.h>

#include <string>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

namespace html = sopctl::render::html;

TEST_CASE("html::escaped") {
  CHECK(html::escaped("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
  CHECK(html::escaped("小丸子美妆") == "小丸子美妆");
  // Invalid UTF-8 becomes U+FFFD, so the page stays valid.
  CHECK(html::escaped(std::string("a\xff") + "b") ==
        "a\xEF\xBF\xBD"
        "b");
}

TEST_CASE("html numbers: coordinates at one decimal, data as the JSON writes them") {
  CHECK(html::coord(12.25) == "12.3");
  CHECK(html::coord(0) == "0.0");
  CHECK(html::coord(-0.01) == "0.0");
  CHECK(html::coord(420) == "420.0");
  CHECK(html::number(0.125) == "0.125");
  CHECK(html::number(1) == "1.0");
  CHECK(html::number(0.5555555555555556) == "0.5555555555555556");
}

TEST_CASE("html pieces") {
  CHECK(html::heat_fill(0) == "#ffffff");
  CHECK(html::heat_fill(1) == "#1f7a4d");
  CHECK(html::heat_fill(2) == "#1f7a4d");
  CHECK(html::svg_text(1, 2, "end", "label", "a&b") ==
        "<text x=\"1.0\" y=\"2.0\" text-anchor=\"end\" class=\"label\">a&amp;b</text>\n");
  const std::string page = html::page_begin("漏斗 <1>", "p { }");
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("<title>漏斗 &lt;1&gt;</title>") != std::string::npos);
  CHECK(page.find("p { }</style>") != std::string::npos);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(html::page_end() == "</body>\n</html>\n");
}

}  // namespace SOPCTL_TU_ID
