// A hypervisor execution context on x86-64: the System V callee-saved
// registers, stack and resume point. No x87/SSE state: Tern's own code is
// built without them (-mno-sse -mno-80387) and Debian's libfdt.a uses none
// (see meson.build).
#pragma once

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

namespace arch {

struct Context {
    uint64_t rbx, rbp, r12, r13, r14, r15;
    uint64_t rsp;
    uint64_t rip;  // where context_switch resumes this context
};

}  // namespace arch
#endif

// Offsets for context_switch.S.
#define CTX_RBX  0
#define CTX_RBP  8
#define CTX_R12  16
#define CTX_R13  24
#define CTX_R14  32
#define CTX_R15  40
#define CTX_RSP  48
#define CTX_RIP  56

#ifndef __ASSEMBLER__
static_assert(offsetof(arch::Context, r12) == CTX_R12);
static_assert(offsetof(arch::Context, rsp) == CTX_RSP);
static_assert(offsetof(arch::Context, rip) == CTX_RIP);
#endif
