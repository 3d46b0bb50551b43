// First-level exception dispatch, and the report for exceptions nobody
// expected (a hypervisor bug: the stub runs no guests).
#include "arch/board.hpp"
#include "arch/cpu_access.hpp"
#include "arch/trap.hpp"
#include "console.hpp"
#include "hal/cpu.hpp"

namespace x86 {

void dump_frame(const TrapFrame& f) {
    using tern::print;
    using ull = unsigned long long;
    print("  rip      %016llx  cs   %04llx  rflags   %016llx\n", static_cast<ull>(f.rip),
          static_cast<ull>(f.cs), static_cast<ull>(f.rflags));
    print("  rsp      %016llx  ss   %04llx  vector   %llu\n", static_cast<ull>(f.rsp),
          static_cast<ull>(f.ss), static_cast<ull>(f.vector));
    if (f.vector < exception_vectors && vector_has_error_code(static_cast<unsigned>(f.vector)))
        print("  error    %016llx\n", static_cast<ull>(f.error));
    if (f.vector == 14)  // #PF: CR2 holds the faulting address
        print("  cr2      %016llx\n", static_cast<ull>(read_cr2()));
    print("  rax %016llx  rbx %016llx  rcx %016llx\n", static_cast<ull>(f.rax),
          static_cast<ull>(f.rbx), static_cast<ull>(f.rcx));
    print("  rdx %016llx  rsi %016llx  rdi %016llx\n", static_cast<ull>(f.rdx),
          static_cast<ull>(f.rsi), static_cast<ull>(f.rdi));
    print("  rbp %016llx  r8  %016llx  r9  %016llx\n", static_cast<ull>(f.rbp),
          static_cast<ull>(f.r8), static_cast<ull>(f.r9));
    print("  r10 %016llx  r11 %016llx  r12 %016llx\n", static_cast<ull>(f.r10),
          static_cast<ull>(f.r11), static_cast<ull>(f.r12));
    print("  r13 %016llx  r14 %016llx  r15 %016llx\n", static_cast<ull>(f.r13),
          static_cast<ull>(f.r14), static_cast<ull>(f.r15));
}

[[noreturn]] void unexpected_exception(const TrapFrame& f) {
    auto vector = static_cast<unsigned>(f.vector);
    tern::print("\n*** unexpected exception %s: %s ***\n", exception_name(vector),
                exception_description(vector));
    dump_frame(f);
    tern::print("*** system halted\n");
    hal::cpu_halt();
}

}  // namespace x86

extern "C" void x86_trap(x86::TrapFrame* frame) {
    x86::IrqVectors irq = x86::board_irq_vectors();
    if (frame->vector >= irq.first && frame->vector < irq.first + irq.count) {
        x86::handle_interrupt(*frame);
        return;
    }
    x86::unexpected_exception(*frame);
}
