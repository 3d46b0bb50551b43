// A hypervisor execution context on AArch64: the AAPCS64 callee-saved
// general registers. No FP/SIMD state: Tern's own code never touches it
// (-mgeneral-regs-only). Debian's libfdt.a does, briefly, inside
// fdt_open_into, fdt_splice_mem_rsv_ and fdt_appendprop_addrrange (v0/v1):
// two threads must not run those at the same time.
#pragma once

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

namespace arch {

struct Context {
    uint64_t x19_x28[10];
    uint64_t fp;    // x29
    uint64_t lr;    // x30: where context_switch returns to
    uint64_t sp;
    uint64_t pad;
};

}  // namespace arch
#endif

// Offsets for context_switch.S.
#define CTX_X(n)  (((n) - 19) * 8)   /* x19..x28 */
#define CTX_FP    80
#define CTX_LR    88
#define CTX_SP    96

#ifndef __ASSEMBLER__
static_assert(offsetof(arch::Context, fp) == CTX_FP);
static_assert(offsetof(arch::Context, lr) == CTX_LR);
static_assert(offsetof(arch::Context, sp) == CTX_SP);
#endif
