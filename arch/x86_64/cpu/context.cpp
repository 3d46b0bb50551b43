// HAL contexts on x86-64: context_init lays out a first switch into
// x86_context_start.
#include "arch/context.hpp"

#include <string.h>

#include "hal/context.hpp"

extern "C" {
void x86_context_switch(arch::Context* from, arch::Context* to);
void x86_context_start();
}

namespace hal {

void context_init(arch::Context& ctx, void* stack_base, size_t stack_size,
                  void (*entry)(void*), void* arg) {
    memset(&ctx, 0, sizeof(ctx));
    ctx.rsp = (reinterpret_cast<uintptr_t>(stack_base) + stack_size) & ~uintptr_t{15};
    ctx.rip = reinterpret_cast<uintptr_t>(x86_context_start);
    ctx.r12 = reinterpret_cast<uintptr_t>(entry);
    ctx.r13 = reinterpret_cast<uintptr_t>(arg);
}

void context_switch(arch::Context& from, arch::Context& to) { x86_context_switch(&from, &to); }

}  // namespace hal
