// `vcpu dumpreg` and `vcpu stats` on MIPS.
#include "arch/cp0.hpp"
#include "arch/trap.hpp"
#include "console.hpp"
#include "guest.hpp"
#include "vcpu_internal.hpp"

namespace arch {

const char* exit_name(Exit e) {
    switch (e) {
    case Exit::interrupt: return "interrupt";
    case Exit::shadow_fill: return "shadow-fill";
    case Exit::guest_tlb: return "guest-tlb";
    case Exit::mmio: return "mmio";
    case Exit::mfc0: return "mfc0";
    case Exit::mtc0: return "mtc0";
    case Exit::eret: return "eret";
    case Exit::wait: return "wait";
    case Exit::tlb_op: return "tlb-op";
    case Exit::cache: return "cache";
    case Exit::di_ei: return "di/ei";
    case Exit::rdhwr: return "rdhwr";
    case Exit::reflected: return "reflected";
    case Exit::mfc0_fast: return "mfc0-fast";
    case Exit::mtc0_fast: return "mtc0-fast";
    case Exit::eret_fast: return "eret-fast";
    case Exit::tlb_write_fast: return "tlbw-fast";
    case Exit::refill_fast: return "refill-fast";
    case Exit::fill_fast: return "fill-fast";
    case Exit::count_: break;
    }
    return "?";
}

}  // namespace arch

namespace tern {
namespace {

struct NamedCp0 {
    const char* name;
    mips::Cp0Reg reg;
};

constexpr NamedCp0 shown[] = {
    {"Index", mips::cp0::index},       {"Random", mips::cp0::random},
    {"EntryLo0", mips::cp0::entrylo0}, {"EntryLo1", mips::cp0::entrylo1},
    {"Context", mips::cp0::context},   {"UserLocal", mips::cp0::userlocal},
    {"PageMask", mips::cp0::pagemask}, {"Wired", mips::cp0::wired},
    {"HWREna", mips::cp0::hwrena},     {"BadVAddr", mips::cp0::badvaddr},
    {"EntryHi", mips::cp0::entryhi},   {"Compare", mips::cp0::compare},
    {"Status", mips::cp0::status},     {"IntCtl", mips::cp0::intctl},
    {"SRSCtl", mips::cp0::srsctl},     {"Cause", mips::cp0::cause},
    {"EPC", mips::cp0::epc},           {"PRId", mips::cp0::prid},
    {"EBase", mips::cp0::ebase},       {"Config", mips::cp0::config0},
    {"Config1", mips::cp0::config1},   {"Config2", mips::cp0::config2},
    {"Config3", mips::cp0::config3},   {"LLAddr", mips::cp0::lladdr},
    {"ErrorEPC", mips::cp0::errorepc},
};

}  // namespace

void arch_vcpu_dump(const Vcpu& v) {
    const mips::TrapFrame* f = v.arch.frame;
    print("vcpu %s: %s, guest %s mode\n", v.name, vcpu_state_name(v.state),
          mips::guest_kernel_mode(v) ? "kernel" : "user");
    if (f == nullptr) {
        print("  (not started yet: pc will be 0x%08x)\n", v.arch.start_pc);
        return;
    }
    print("  pc   %08x  hi   %08x  lo   %08x\n", f->epc, f->hi, f->lo);
    mips::print_gprs(*f);
    print("  cp0:\n");
    unsigned col = 0;
    for (const NamedCp0& r : shown) {
        uint32_t value = 0;
        if (r.reg.reg == mips::cp0::count.reg && r.reg.sel == 0) value = mips::guest_count(v);
        else (void)v.arch.cp0.read(r.reg.reg, r.reg.sel, value);
        print("  %-9s %08x%s", r.name, value, ++col % 4 == 0 ? "\n" : "");
    }
    print("  %-9s %08x\n", "Count", mips::guest_count(v));
}

void arch_vcpu_print_stats(const Vcpu& v) {
    uint64_t total = 0;
    for (uint64_t n : v.arch.exits) total += n;
    print("vcpu %s: %llu exits, %llu interrupts injected\n", v.name,
          static_cast<unsigned long long>(total),
          static_cast<unsigned long long>(v.arch.injected_irqs));
    for (unsigned i = 0; i < static_cast<unsigned>(arch::Exit::count_); ++i) {
        if (v.arch.exits[i] == 0) continue;
        // Average host Count ticks per exit of this kind, in hundredths.
        unsigned long long avg100 = v.arch.exit_ticks[i] * 100 / v.arch.exits[i];
        print("  %-12s %10llu  avg %llu.%02llu ticks\n", arch::exit_name(static_cast<arch::Exit>(i)),
              static_cast<unsigned long long>(v.arch.exits[i]), avg100 / 100, avg100 % 100);
    }
}

}  // namespace tern
