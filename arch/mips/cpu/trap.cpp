// First-level exception dispatch, and the report for exceptions nobody
// expected (a hypervisor bug: guests never end up here).
#include "arch/cp0.hpp"
#include "arch/trap.hpp"
#include "console.hpp"
#include "disasm.hpp"
#include "hal/cpu.hpp"

namespace mips {

void print_gprs(const TrapFrame& f) {
    for (unsigned i = 0; i < 32; i += 4) {
        tern::print("  %-4s %08x  %-4s %08x  %-4s %08x  %-4s %08x\n", gpr_name(i), f.gpr[i],
                    gpr_name(i + 1), f.gpr[i + 1], gpr_name(i + 2), f.gpr[i + 2],
                    gpr_name(i + 3), f.gpr[i + 3]);
    }
}

void dump_frame(const TrapFrame& f) {
    using tern::print;
    uint32_t code = CauseReg::ExcCode::get(f.cause);
    print("  epc      %08x  badvaddr %08x  status   %08x  cause    %08x\n", f.epc, f.badvaddr,
          f.status, f.cause);
    print("  exccode  %u (%s%s)\n", code, exc_code_name(code),
          CauseReg::Bd::test(f.cause) ? ", in a branch delay slot" : "");
    print_gprs(f);
    print("  hi   %08x  lo   %08x\n", f.hi, f.lo);
}

[[noreturn]] void unexpected_exception(const TrapFrame& f) {
    uint32_t code = CauseReg::ExcCode::get(f.cause);
    tern::print("\n*** unexpected exception %s: %s ***\n", exc_code_name(code),
                exc_code_description(code));
    dump_frame(f);
    tern::print("*** system halted\n");
    hal::cpu_halt();
}

}  // namespace mips

extern "C" void mips_trap(mips::TrapFrame* frame) {
    using namespace mips;
    if (StatusReg::Um::test(frame->status)) {  // from a guest
        vcpu_exit(*frame);
        return;
    }
    uint32_t code = CauseReg::ExcCode::get(frame->cause);
    if (code == static_cast<uint32_t>(ExcCode::Int)) {
        handle_interrupt(*frame);
        return;
    }
    unexpected_exception(*frame);
}
