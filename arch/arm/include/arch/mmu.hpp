// The stage 1 translation the stub runs under at EL1.
#pragma once

#include <stdint.h>

#include "arch/io.hpp"

namespace arm {

// RAM mapped 1:1 as normal cacheable memory (QEMU virt's RAM starts at
// 1 GiB; one GiB of it covers the 256 MiB board). Devices live below it,
// in arch::device_window_end; everything else is unmapped.
inline constexpr uint64_t ram_window_base = arch::device_window_end;
inline constexpr uint64_t ram_window_end = ram_window_base + (uint64_t{1} << 30);

// Builds the identity map and turns the MMU and caches on. Called once,
// first thing after start.S, before any code that might make an unaligned
// access (with the MMU off every access is to device memory, where
// unaligned ones fault).
void mmu_enable();

}  // namespace arm
