// base/cpu.cpp: what the processor can do.

#include <sopctl/base/cpu.hpp>

#include <doctest/doctest.h>

namespace SOPCTL_TU_ID {  // unique per file in unity builds (tests/CMakeLists.txt)

TEST_CASE("cpu_has_avx2 is what the processor says, and the same at every call") {
  const bool has = sopctl::cpu_has_avx2();
  CHECK(sopctl::cpu_has_avx2() == has);
#ifdef SOPCTL_AVX2_FUNCTIONS
  __builtin_cpu_init();
  CHECK(has == (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") &&
                __builtin_cpu_supports("bmi")));
#else
  CHECK_FALSE(has);
#endif
}

}  // namespace SOPCTL_TU_ID
