#include "funnel_fixture.hpp"

#include <sopctl/render/funnel_render.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

using sopctl::render::funnel_markdown;

TEST_CASE("render::funnel_markdown") {
  auto r = funnel_fixture::result();
  r.segments[0].value = "a|b";
  CHECK(funnel_markdown(r, funnel_fixture::options()) ==
        "## Funnel: view → 进群 → order\n"
        "\n"
        "_ordered, window 3d; 1,234 rows, 300 users_\n"
        "\n"
        "| step | users | from previous | from first | lost | drop-off | median from previous |\n"
        "|---|---:|---:|---:|---:|---:|---:|\n"
        "| view | 200 |  | 100.0% |  |  |  |\n"
        "| 进群 | 80 | 40.0% | 40.0% | 120 | 60.0% | 1h 00m |\n"
        "| order | 10 | 12.5% | 5.0% | 70 | 87.5% | 1d 1h |\n"
        "\n"
        "Largest drop: 进群 → order, 87.5% of users lost (70).\n"
        "Conversion view → order: 5.0%.\n"
        "\n"
        "### channel = a\\|b\n"
        "\n"
        "| step | users | from previous | from first | lost | drop-off | median from previous |\n"
        "|---|---:|---:|---:|---:|---:|---:|\n"
        "| view | 150 |  | 100.0% |  |  |  |\n"
        "| 进群 | 70 | 46.7% | 46.7% | 80 | 53.3% | 30m |\n"
        "| order | 10 | 14.3% | 6.7% | 60 | 85.7% | 45s |\n"
        "\n"
        "Largest drop: 进群 → order, 85.7% of users lost (60).\n"
        "Conversion view → order: 6.7%.\n"
        "\n"
        "### channel = (empty)\n"
        "\n"
        "| step | users | from previous | from first | lost | drop-off | median from previous |\n"
        "|---|---:|---:|---:|---:|---:|---:|\n"
        "| view | 50 |  | 100.0% |  |  |  |\n"
        "| 进群 | 10 | 20.0% | 20.0% | 40 | 80.0% | 2h 00m |\n"
        "| order | 0 | 0.0% | 0.0% | 10 | 100.0% | - |\n"
        "\n"
        "Largest drop: 进群 → order, 100.0% of users lost (10).\n"
        "Conversion view → order: 0.0%.\n");
}

}  // namespace SOPCTL_TU_ID
