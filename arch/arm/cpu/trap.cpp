// First-level exception dispatch, and the report for exceptions nobody
// expected (a hypervisor bug: the stub runs no guests).
#include "arch/sysreg_access.hpp"
#include "arch/trap.hpp"
#include "console.hpp"
#include "hal/cpu.hpp"

extern "C" char arm_vectors[];

namespace arm {
namespace {

// The four groups of four entries in the vector table (D1.10.2).
constexpr const char* vector_origins[4] = {
    "current EL with SP_EL0",
    "current EL with SP_ELx",
    "lower EL, AArch64",
    "lower EL, AArch32",
};
constexpr const char* vector_kinds[4] = {"synchronous", "IRQ", "FIQ", "SError"};

bool is_synchronous(const TrapFrame& f) { return (f.vector & 3) == 0; }

}  // namespace

void install_vectors() {
    write_sysreg<sysreg::vbar_el1>(reinterpret_cast<uintptr_t>(arm_vectors));
    isb();
}

void dump_frame(const TrapFrame& f) {
    using tern::print;
    print("  vector   %s, %s\n", vector_kinds[f.vector & 3], vector_origins[(f.vector >> 2) & 3]);
    print("  elr      %016llx  spsr     %016llx\n", static_cast<unsigned long long>(f.elr),
          static_cast<unsigned long long>(f.spsr));
    print("  esr      %016llx  far      %016llx\n", static_cast<unsigned long long>(f.esr),
          static_cast<unsigned long long>(f.far));
    if (is_synchronous(f)) {
        auto ec = static_cast<uint32_t>(EsrReg::Ec::get(f.esr));
        print("  ec       0x%02x (%s), iss 0x%07llx, %s instruction\n", ec,
              exception_class_name(ec), static_cast<unsigned long long>(EsrReg::Iss::get(f.esr)),
              EsrReg::Il::test(f.esr) ? "32-bit" : "16-bit");
    }
    for (unsigned i = 0; i < 30; i += 3) {
        print("  x%-2u %016llx  x%-2u %016llx  x%-2u %016llx\n", i,
              static_cast<unsigned long long>(f.x[i]), i + 1,
              static_cast<unsigned long long>(f.x[i + 1]), i + 2,
              static_cast<unsigned long long>(f.x[i + 2]));
    }
    print("  x30 %016llx  sp  %016llx\n", static_cast<unsigned long long>(f.x[30]),
          static_cast<unsigned long long>(f.sp));
}

[[noreturn]] void unexpected_exception(const TrapFrame& f) {
    if (is_synchronous(f)) {
        auto ec = static_cast<uint32_t>(EsrReg::Ec::get(f.esr));
        tern::print("\n*** unexpected exception %s: %s ***\n", exception_class_name(ec),
                    exception_class_description(ec));
    } else {
        // No interrupt controller driver yet: any IRQ/FIQ is unexpected.
        tern::print("\n*** unexpected exception %s: asynchronous exception ***\n",
                    vector_kinds[f.vector & 3]);
    }
    dump_frame(f);
    tern::print("*** system halted\n");
    hal::cpu_halt();
}

}  // namespace arm

extern "C" void arm_trap(arm::TrapFrame* frame) {
    // Tern runs at EL1 on SP_EL1 and no guest runs yet: IRQs taken there are
    // host interrupts, everything else is a report.
    if (frame->vector == arm::vector_irq_current_spx) {
        arm::handle_interrupt(*frame);
        return;
    }
    arm::unexpected_exception(*frame);
}
