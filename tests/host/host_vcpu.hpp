// Test doubles of the arch hooks core/guest.hpp declares (arch_vcpu_init,
// arch_vcpu_run, ...), for host unit tests that link core/guest.cpp.
//
// The host "guest CPU": a VCPU thread (arch_vcpu_run) marks itself running
// and then waits on its irq_wait queue forever, like a guest executing
// `wait`; arch_vcpu_irq_changed counts the change and wakes it. Guest kernel
// addresses translate as on MIPS: below 0x40000000, guest-physical =
// address & 0x1fffffff (arch_kernel_va_to_gpa).
#pragma once

#include <stdint.h>

namespace host {

// arch_default_start_pc()
inline constexpr uint64_t default_start_pc = 0x3fc00000;

// Calls of the hooks since reset_vcpu_hooks(), for tests that check the
// guest life cycle (the per-VCPU counts are in Vcpu::arch).
struct VcpuHookCounts {
    unsigned inits = 0;
    unsigned runs = 0;
    unsigned releases = 0;
    unsigned irq_changes = 0;
    unsigned dumps = 0;
    unsigned stats = 0;
};
const VcpuHookCounts& vcpu_hook_counts();
void reset_vcpu_hooks();

}  // namespace host
