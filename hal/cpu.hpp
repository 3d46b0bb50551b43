// HAL: CPU identity and the board's power controls.
#pragma once

#include <stdint.h>

namespace hal {

struct CpuIdentity {
    const char* arch;        // "mips", "aarch64", "x86_64"
    const char* vendor;      // decoded from the ID register
    const char* model;       // e.g. "24Kf"
    uint32_t    id_register; // raw PRId / MIDR / CPUID signature
    uint32_t    revision;    // decoded revision, arch-specific packing
    char        revision_text[16]; // e.g. "r2.1"
};

[[nodiscard]] CpuIdentity cpu_identity();

// Stops this CPU with interrupts disabled. Never returns.
[[noreturn]] void cpu_halt();

// Resets the board. Never returns (halts if the board cannot reset).
[[noreturn]] void board_reset();

// Powers the board off (under QEMU this ends QEMU). Never returns.
[[noreturn]] void board_poweroff();

}  // namespace hal
