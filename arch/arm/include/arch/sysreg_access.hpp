// Access to the CPU's own system registers (MRS/MSR by encoding).
#pragma once

#include <stdint.h>

#include "arch/sysregs.hpp"

namespace arm {

// The generic encoding works for every register the assembler knows by
// name too, so one template covers them all (%c prints the bare number).
template <SysReg R>
inline uint64_t read_sysreg() {
    uint64_t v;
    asm volatile("mrs %0, S%c1_%c2_C%c3_C%c4_%c5"
                 : "=r"(v)
                 : "i"(R.op0), "i"(R.op1), "i"(R.crn), "i"(R.crm), "i"(R.op2));
    return v;
}

template <SysReg R>
inline void write_sysreg(uint64_t v) {
    asm volatile("msr S%c1_%c2_C%c3_C%c4_%c5, %0"
                 :
                 : "r"(v), "i"(R.op0), "i"(R.op1), "i"(R.crn), "i"(R.crm), "i"(R.op2)
                 : "memory");
}

// Context synchronization: later instructions see earlier system register
// writes.
inline void isb() { asm volatile("isb" ::: "memory"); }

}  // namespace arm
