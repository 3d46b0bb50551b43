// The guest hooks of core/guest.hpp for backends that cannot run guests
// yet (the ARM and x86-64 stubs): a started VCPU stops its guest with a
// report and the other hooks say what is missing. A backend lists this file
// in its arch_sources until it implements the hooks itself; it still
// provides arch_default_start_pc.
#include "build_config.hpp"
#include "console.hpp"
#include "guest.hpp"

namespace tern {
namespace {

constexpr const char* arch_name = config::arch;

// Says once per hook that the stub lacks it, so a user (or a core that
// starts relying on it) finds out without a flood of messages.
void report_not_implemented(const char* function, bool& reported) {
    if (reported) return;
    reported = true;
    print("hal(%s): %s not implemented yet\n", arch_name, function);
}

}  // namespace

bool arch_kernel_va_to_gpa(uint64_t, uint64_t&) {
    static bool reported;
    report_not_implemented("arch_kernel_va_to_gpa", reported);
    return false;
}

void arch_vcpu_init(Vcpu& v, uint64_t pc) { v.arch.start_pc = pc; }

void arch_vcpu_run(void* arg) {
    auto& v = *static_cast<Vcpu*>(arg);
    static bool reported;
    report_not_implemented("arch_vcpu_run", reported);
    guest_crash(*v.guest, "vcpu %u: guests are not implemented on %s yet", v.guest_index,
                arch_name);
    panic("guest_crash returned on its own VCPU");
}

// Nothing was allocated for the VCPU, nothing waits in a guest.
void arch_vcpu_release(Vcpu&) {}
void arch_vcpu_irq_changed(Vcpu&) {}

void arch_vcpu_dump(const Vcpu& v) {
    print("vcpu %u: no register state: guests are not implemented on %s yet (start pc 0x%llx)\n",
          v.guest_index, arch_name, static_cast<unsigned long long>(v.arch.start_pc));
}

void arch_vcpu_print_stats(const Vcpu& v) {
    print("vcpu %u: no exit statistics: guests are not implemented on %s yet\n", v.guest_index,
          arch_name);
}

}  // namespace tern
