// Running code in the guest's user mode (runtime/user_mode.S).
#pragma once

#include <stdint.h>

#include "frame.hpp"

extern "C" {
// Saves the caller's callee-saved registers, then erets to user_pc in
// user mode with a0/a1; returns when a Sys hook calls return_to_kernel.
void run_user(uint32_t user_pc, uint32_t a0, uint32_t a1);
// The same with a2, the task's own sp and interrupts enabled.
void run_user_task(uint32_t user_pc, uint32_t a0, uint32_t a1, uint32_t a2, uint32_t user_sp);
extern const char user_return[];
extern uint32_t user_kernel_sp;
}

namespace guest {

// From a Sys (or other) hook: resume in kernel mode where run_user returns.
inline void return_to_kernel(Frame& f) {
    f.gpr[reg::sp] = user_kernel_sp;
    f.epc = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(user_return));
    f.status &= ~status::KSU::mask;
}

}  // namespace guest
