// The register frame the exception entry saves, shared by assembly and C++.
#pragma once

// Word offsets; the C++ struct below is checked against them.
#define TF_GPR(n)      ((n) * 4)
#define TF_HI          (32 * 4)
#define TF_LO          (33 * 4)
#define TF_EPC         (34 * 4)
#define TF_STATUS      (35 * 4)
#define TF_CAUSE       (36 * 4)
#define TF_BADVADDR    (37 * 4)
#define TF_SIZE        (40 * 4)   /* keeps the stack 8-byte aligned */

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

namespace mips {

struct TrapFrame {
    uint32_t gpr[32];   // gpr[0] is kept zero so a decoded rt indexes directly
    uint32_t hi;
    uint32_t lo;
    uint32_t epc;
    uint32_t status;
    uint32_t cause;
    uint32_t badvaddr;
    uint32_t pad[2];
};

static_assert(offsetof(TrapFrame, hi) == TF_HI);
static_assert(offsetof(TrapFrame, lo) == TF_LO);
static_assert(offsetof(TrapFrame, epc) == TF_EPC);
static_assert(offsetof(TrapFrame, status) == TF_STATUS);
static_assert(offsetof(TrapFrame, cause) == TF_CAUSE);
static_assert(offsetof(TrapFrame, badvaddr) == TF_BADVADDR);
static_assert(sizeof(TrapFrame) == TF_SIZE);

}  // namespace mips
#endif
