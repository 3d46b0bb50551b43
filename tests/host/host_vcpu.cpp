// The arch hooks of core/guest.hpp on the host (see host_vcpu.hpp).
#include "host_vcpu.hpp"

#include "console.hpp"
#include "guest.hpp"
#include "hal/irq.hpp"
#include "vcpu.hpp"

namespace host {
namespace {
VcpuHookCounts counts;
}  // namespace

const VcpuHookCounts& vcpu_hook_counts() { return counts; }
void reset_vcpu_hooks() { counts = VcpuHookCounts{}; }

}  // namespace host

namespace tern {

uint64_t arch_default_start_pc() { return host::default_start_pc; }

bool arch_kernel_va_to_gpa(uint64_t va, uint64_t& gpa) {
    if (va >= 0x40000000) return false;
    gpa = va & 0x1fffffff;
    return true;
}

void arch_vcpu_init(Vcpu& v, uint64_t pc) {
    ++host::counts.inits;
    ++v.arch.inits;
    v.arch.start_pc = pc;
    v.arch.running = false;
}

void arch_vcpu_run(void* vcpu) {
    auto* v = static_cast<Vcpu*>(vcpu);
    ++host::counts.runs;
    v->arch.running = true;
    hal::irq_disable();
    for (;;) v->irq_wait.wait_locked();  // a guest in `wait`, forever
}

void arch_vcpu_release(Vcpu&) { ++host::counts.releases; }

void arch_vcpu_irq_changed(Vcpu& v) {
    ++host::counts.irq_changes;
    ++v.arch.irq_changes;
    if (!v.irq_wait.empty()) (void)v.irq_wait.wake_one();
}

void arch_vcpu_dump(const Vcpu& v) {
    ++host::counts.dumps;
    print("vcpu %s: pc 0x%llx\n", v.name, static_cast<unsigned long long>(v.arch.start_pc));
}

void arch_vcpu_print_stats(const Vcpu& v) {
    ++host::counts.stats;
    print("vcpu %s: no exits on the host\n", v.name);
}

}  // namespace tern
