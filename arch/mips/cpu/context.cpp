// HAL contexts on MIPS: context_init lays out a first switch into
// mips_context_start.
#include "arch/context.hpp"

#include <string.h>

#include "hal/context.hpp"

extern "C" {
void mips_context_switch(arch::Context* from, arch::Context* to);
void mips_context_start();
}

namespace hal {

void context_init(arch::Context& ctx, void* stack_base, size_t stack_size,
                  void (*entry)(void*), void* arg) {
    memset(&ctx, 0, sizeof(ctx));
    auto top = (reinterpret_cast<uintptr_t>(stack_base) + stack_size) & ~uintptr_t{7};
    ctx.sp = static_cast<uint32_t>(top);
    ctx.kernel_sp = static_cast<uint32_t>(top);
    ctx.ra = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(mips_context_start));
    ctx.s[0] = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(entry));
    ctx.s[1] = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(arg));
}

void context_switch(arch::Context& from, arch::Context& to) { mips_context_switch(&from, &to); }

}  // namespace hal
