// Access to the host CPU's own CP0 registers (hypervisor side only).
#pragma once

#include <stdint.h>

#include "arch/cp0_regs.hpp"

namespace mips {

template <Cp0Reg R>
inline uint32_t read_cp0() {
    uint32_t v;
    asm volatile("mfc0 %0, $%1, %2" : "=r"(v) : "i"(R.reg), "i"(R.sel));
    return v;
}

template <Cp0Reg R>
inline void write_cp0(uint32_t v) {
    asm volatile("mtc0 %z0, $%1, %2" : : "Jr"(v), "i"(R.reg), "i"(R.sel) : "memory");
}

// Execution hazard barrier: later instructions see earlier CP0 writes.
inline void ehb() { asm volatile("ehb" ::: "memory"); }

}  // namespace mips
