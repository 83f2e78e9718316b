#include <sopctl/base/cpu.hpp>

namespace sopctl {

bool cpu_has_avx2() {
#ifdef SOPCTL_AVX2_FUNCTIONS
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") &&
           __builtin_cpu_supports("bmi");
  }();
  return has;
#else
  return false;
#endif
}

}  // namespace sopctl
