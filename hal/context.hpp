// HAL: hypervisor execution contexts, the scheduler's unit of switching.
// arch::Context (from <arch/context.hpp>) holds the callee-saved state.
#pragma once

#include <stddef.h>

#include "arch/context.hpp"

namespace hal {

// Prepares `ctx` so that the first context_switch to it calls entry(arg)
// on the stack [stack_base, stack_base + stack_size), in hypervisor mode,
// with interrupts as they were at the switch (disabled). entry never returns.
void context_init(arch::Context& ctx, void* stack_base, size_t stack_size,
                  void (*entry)(void*), void* arg);

// Saves the running context into `from` and resumes `to`. Returns when
// something switches back to `from`. Call with interrupts disabled.
void context_switch(arch::Context& from, arch::Context& to);

}  // namespace hal
