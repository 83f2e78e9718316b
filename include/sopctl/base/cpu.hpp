#pragma once
// What the processor can do, for the few loops that have a wider version
// than the x86-64 baseline (SSE2): chosen at run time, so one binary runs
// everywhere.

// Defined where the compiler builds functions for AVX2 beside the baseline
// (x86-64, GCC or Clang): the code of those functions exists only then.
#if defined(__x86_64__) && defined(__GNUC__)
#define SOPCTL_AVX2_FUNCTIONS 1
#endif

namespace sopctl {

// AVX2 with POPCNT and BMI1 (every AVX2 processor has both): the 32-byte
// scans of CSV lines and UTF-8. False off x86-64.
bool cpu_has_avx2();

}  // namespace sopctl
