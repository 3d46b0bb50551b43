// HAL contexts on AArch64: context_init lays out a first switch into
// arm_context_start.
#include "arch/context.hpp"

#include <string.h>

#include "hal/context.hpp"

extern "C" {
void arm_context_switch(arch::Context* from, arch::Context* to);
void arm_context_start();
}

namespace hal {

void context_init(arch::Context& ctx, void* stack_base, size_t stack_size,
                  void (*entry)(void*), void* arg) {
    memset(&ctx, 0, sizeof(ctx));
    // AAPCS64: sp 16-byte aligned at every public interface (and SCTLR.SA
    // checks it on every sp-relative access).
    ctx.sp = (reinterpret_cast<uintptr_t>(stack_base) + stack_size) & ~uintptr_t{15};
    ctx.lr = reinterpret_cast<uintptr_t>(arm_context_start);
    ctx.x19_x28[0] = reinterpret_cast<uintptr_t>(entry);
    ctx.x19_x28[1] = reinterpret_cast<uintptr_t>(arg);
}

void context_switch(arch::Context& from, arch::Context& to) { arm_context_switch(&from, &to); }

}  // namespace hal
