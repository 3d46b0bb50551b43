// The register frame the exception entry saves, shared by assembly and C++.
// From the bottom: the general registers exception.S pushes, the vector
// and error code its stub pushes, then what the CPU pushed (SDM 6.14.2).
#pragma once

#define TF_SIZE  (22 * 8)   /* with the CPU's 16-byte alignment: rsp stays aligned */

#ifndef __ASSEMBLER__
#include <stdint.h>

namespace x86 {

struct TrapFrame {
    uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
    uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
    uint64_t vector;
    uint64_t error;    // the CPU's error code, 0 for vectors without one
    uint64_t rip, cs, rflags, rsp, ss;
};

static_assert(sizeof(TrapFrame) == TF_SIZE);
static_assert(TF_SIZE % 16 == 0);

}  // namespace x86
#endif
