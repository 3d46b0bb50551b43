// A hypervisor execution context on MIPS: the o32 callee-saved registers.
#pragma once

#ifndef __ASSEMBLER__
#include <stdint.h>

namespace arch {

struct Context {
    uint32_t s[8];   // s0-s7
    uint32_t fp;
    uint32_t sp;
    uint32_t ra;
    uint32_t kernel_sp;  // mips_kernel_sp while this context runs
};

}  // namespace arch
#endif

// Offsets for context.S.
#define CTX_S(n)       ((n) * 4)
#define CTX_FP         32
#define CTX_SP         36
#define CTX_RA         40
#define CTX_KERNEL_SP  44
