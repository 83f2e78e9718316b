#pragma once
// What the processor can do, for the few loops that have a wider version
// than the x86-64 baseline (SSE2): chosen at run time, so one binary runs
// everywhere.

namespace sopctl {

// AVX2 with POPCNT and BMI1 (every AVX2 processor has both): the 32-byte
// scans of CSV lines and UTF-8. False off x86-64.
bool cpu_has_avx2();

}  // namespace sopctl
