// The register frame the exception entry saves, shared by assembly and C++.
#pragma once

// Byte offsets; the C++ struct below is checked against them.
#define TF_X(n)        ((n) * 8)
#define TF_SP          (31 * 8)
#define TF_ELR         (32 * 8)
#define TF_SPSR        (33 * 8)
#define TF_ESR         (34 * 8)
#define TF_FAR         (35 * 8)
#define TF_VECTOR      (36 * 8)
#define TF_SIZE        (38 * 8)   /* keeps the stack 16-byte aligned */

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

namespace arm {

struct TrapFrame {
    uint64_t x[31];     // x0-x30 (x29 frame pointer, x30 link register)
    uint64_t sp;        // the stack pointer before the exception
    uint64_t elr;
    uint64_t spsr;
    uint64_t esr;
    uint64_t far;
    uint64_t vector;    // 0-15: the entry of the vector table taken
    uint64_t pad;
};

static_assert(offsetof(TrapFrame, sp) == TF_SP);
static_assert(offsetof(TrapFrame, elr) == TF_ELR);
static_assert(offsetof(TrapFrame, spsr) == TF_SPSR);
static_assert(offsetof(TrapFrame, esr) == TF_ESR);
static_assert(offsetof(TrapFrame, far) == TF_FAR);
static_assert(offsetof(TrapFrame, vector) == TF_VECTOR);
static_assert(sizeof(TrapFrame) == TF_SIZE);

}  // namespace arm
#endif
