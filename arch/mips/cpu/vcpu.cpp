// MIPS VCPUs: life cycle, guest entry and exit dispatch, the virtual timer
// and interrupt injection.
#include <string.h>

#include "arch/cp0.hpp"
#include "arch/fast_path.hpp"
#include "arch/trap.hpp"
#include "console.hpp"
#include "lib/format.hpp"
#include "guest.hpp"
#include "hal/clock.hpp"
#include "hal/memory.hpp"
#include "host_tlb.hpp"
#include "sched/scheduler.hpp"
#include "sync/spinlock.hpp"
#include "vcpu_internal.hpp"

extern "C" {
[[noreturn]] void mips_enter_guest(mips::TrapFrame* frame);
[[noreturn]] void mips_call_below(mips::TrapFrame* frame, void (*fn)(void*), void* arg);
}

namespace mips {
namespace {

// Host Status bits a guest runs with: user mode, interrupts on (the live
// IM bits are kept by the exception return path).
constexpr uint32_t guest_host_status =
    StatusReg::Ksu::bits(StatusReg::ksu_user) | StatusReg::Ie::bits(1);

// Nested exceptions (delivered with EXL already set) without an eret in
// between after which the guest counts as stuck in an exception storm.
constexpr uint32_t storm_limit = 100000;

void compare_expired(tern::TimerEvent&, void* ctx) {
    auto& v = *static_cast<Vcpu*>(ctx);
    (void)v.arch.cp0.set_timer_irq(true);
    guest_timer_rearm(v);  // again after a full Count wrap, as hardware
    tern::arch_vcpu_irq_changed(v);
}

// Device lines 2-6 are levels on the guest's IP2-IP6.
void sync_device_lines(Vcpu& v) {
    if (v.irq_lines == v.arch.synced_irq_lines) return;
    v.arch.synced_irq_lines = v.irq_lines;
    for (unsigned line = 2; line <= 6; ++line)
        (void)v.arch.cp0.set_hw_irq(line - 2, (v.irq_lines >> line) & 1);
}

// Last step before the guest runs again: interrupts, the host ASID of its
// current view. Nothing may switch away after this (interrupts are off).
void prepare_entry(Vcpu& v) {
    Cp0Model& cp0 = v.arch.cp0;
    sync_device_lines(v);
    // The assembly fast paths work on this VCPU's state while it runs.
    mips_fast.cp0 = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&cp0));
    mips_fast.count_bias = v.arch.count_bias;
    mips_fast.tlb = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&v.arch.tlb));
    mips_fast.tlb_keys_end = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(v.arch.tlb.keys_end()));
    mips_fast.nested = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&v.arch.nested_exceptions));
    mips_fast.refill_vector = guest_exception_base(cp0);
    if (cp0.irq_deliverable()) {
        ++v.arch.injected_irqs;
        deliver_exception(v, ExcCode::Int, false);
    }
    shadow_enter(v);
    // The refill fast path may serve the first instruction of the guest's
    // refill handler when that is in its RAM (it reads it there).
    uint32_t vector = mips_fast.refill_vector;
    mips_fast.refill_insn = 0;
    if (vector < mips_fast.ram_limit) {
        uint64_t host = (uint64_t{mips_fast.ram_lo} >> 6 << 12) + vector;
        mips_fast.refill_insn = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(hal::phys_to_virt(host)));
    }
}

// What the assembly fast paths served since this VCPU last left C.
void collect_fast_hits(Vcpu& v) {
    FastPath& fast = mips_fast;
    uint64_t* exits = v.arch.exits;
    exits[static_cast<unsigned>(arch::Exit::mfc0_fast)] += fast.hits_mfc0;
    exits[static_cast<unsigned>(arch::Exit::mtc0_fast)] += fast.hits_mtc0;
    exits[static_cast<unsigned>(arch::Exit::eret_fast)] += fast.hits_eret;
    exits[static_cast<unsigned>(arch::Exit::tlb_write_fast)] += fast.hits_tlbw;
    exits[static_cast<unsigned>(arch::Exit::refill_fast)] += fast.hits_refill;
    exits[static_cast<unsigned>(arch::Exit::fill_fast)] += fast.hits_fill;
    fast.hits_mfc0 = fast.hits_mtc0 = fast.hits_eret = fast.hits_tlbw = 0;
    fast.hits_refill = fast.hits_fill = 0;
}

void dispatch_exit(Vcpu& v, TrapFrame& f) {
    auto code = static_cast<ExcCode>(CauseReg::ExcCode::get(f.cause));
    bool bd = CauseReg::Bd::test(f.cause);
    if (bd && code != ExcCode::Int) note_delay_slot(v, f);
    switch (code) {
    case ExcCode::Int:
        ++v.arch.exits[static_cast<unsigned>(arch::Exit::interrupt)];
        v.arch.last_exit = arch::Exit::interrupt;
        handle_interrupt(f);
        return;
    case ExcCode::Mod:
    case ExcCode::TLBL:
    case ExcCode::TLBS:
        handle_tlb_exception(v, f, code);
        return;
    case ExcCode::CpU:
        if (CauseReg::Ce::get(f.cause) == 0) {
            emulate_privileged(v, f);
            return;
        }
        // No FPU or CP2 is virtualized: the guest sees what a CPU without
        // them raises.
        ++v.arch.exits[static_cast<unsigned>(arch::Exit::reflected)];
        v.arch.last_exit = arch::Exit::reflected;
        deliver_exception(v, ExcCode::CpU, bd, false, CauseReg::Ce::get(f.cause));
        return;
    case ExcCode::RI:
        emulate_reserved(v, f);
        return;
    case ExcCode::AdEL:
    case ExcCode::AdES:
        ++v.arch.exits[static_cast<unsigned>(arch::Exit::reflected)];
        v.arch.last_exit = arch::Exit::reflected;
        deliver_address_exception(v, code, bd, f.badvaddr);
        return;
    case ExcCode::Sys:
    case ExcCode::Bp:
    case ExcCode::Ov:
    case ExcCode::Tr:
    case ExcCode::IBE:
    case ExcCode::DBE:
        ++v.arch.exits[static_cast<unsigned>(arch::Exit::reflected)];
        v.arch.last_exit = arch::Exit::reflected;
        deliver_exception(v, code, bd);
        return;
    default:
        break;
    }
    char what[96];
    tern::format_to(what, sizeof(what), "unexpected host exception %s (%s) at 0x%08x",
                    exc_code_name(static_cast<uint32_t>(code)),
                    exc_code_description(static_cast<uint32_t>(code)), f.epc);
    vcpu_fatal(v, what);
}

}  // namespace

uint32_t guest_count(const Vcpu& v) { return read_cp0<cp0::count>() + v.arch.count_bias; }

void guest_timer_rearm(Vcpu& v) {
    uint32_t now = guest_count(v);
    uint32_t delta = v.arch.cp0.compare() - now;
    uint64_t counts = delta == 0 ? (uint64_t{1} << 32) : delta;
    uint64_t deadline = hal::clock_counter() + counts;
    tern::timer_arm(v.arch.compare_timer, tern::counter_to_ns(deadline));
}

void vcpu_fatal(Vcpu& v, const char* what) {
    tern::guest_crash(*v.guest, "vcpu %u: %s (pc 0x%08x)", v.guest_index, what,
                      v.arch.frame != nullptr ? v.arch.frame->epc : 0);
    tern::panic("guest_crash returned on its own VCPU");
}

// Called by mips_trap for every exception taken in guest (user) mode.
void vcpu_exit(TrapFrame& f) {
    Vcpu& v = tern::sched_current();
    if (v.orphan || v.guest == nullptr) {
        // Only VCPUs run in user mode: anything else is a hypervisor bug.
        unexpected_exception(f);
    }
    uint32_t start = read_cp0<cp0::count>();
    v.arch.last_exit = arch::Exit::count_;
    collect_fast_hits(v);
    dispatch_exit(v, f);
    if (v.arch.nested_exceptions > storm_limit) {
        char what[80];
        tern::format_to(what, sizeof(what), "exception storm: %u nested exceptions without eret",
                        v.arch.nested_exceptions);
        vcpu_fatal(v, what);
    }
    prepare_entry(v);
    if (v.arch.last_exit != arch::Exit::count_)
        v.arch.exit_ticks[static_cast<unsigned>(v.arch.last_exit)] += read_cp0<cp0::count>() - start;
}

}  // namespace mips

namespace tern {

uint64_t arch_default_start_pc() { return 0x3FC00000u; }

bool arch_kernel_va_to_gpa(uint64_t va, uint64_t& gpa) {
    if (va < 0x20000000u) gpa = va;                      // KSEG0 (moved)
    else if (va < 0x40000000u) gpa = va - 0x20000000u;   // KSEG1 (moved)
    else return false;                                    // mapped segments
    return true;
}

void arch_vcpu_init(Vcpu& v, uint64_t pc) {
    arch::VcpuState& a = v.arch;
    a.cp0.reset(a.tlb.size(), v.guest_index);
    a.tlb.reset();
    a.count_bias = 0 - mips::read_cp0<mips::cp0::count>();  // guest Count starts at 0
    a.compare_timer = TimerEvent(mips::compare_expired, &v);
    a.waiting = false;
    a.nested_exceptions = 0;
    a.synced_irq_lines = ~0u;
    a.fetch_page = ~0u;
    a.fetch_host = nullptr;
    memset(a.exits, 0, sizeof(a.exits));
    memset(a.exit_ticks, 0, sizeof(a.exit_ticks));
    a.injected_irqs = 0;
    if (a.mmu == nullptr && !mips::shadow_init(v)) panic("no memory for a VCPU's shadow MMU");
    a.frame = nullptr;  // placed when the VCPU thread starts
    a.start_pc = static_cast<uint32_t>(pc);
}

namespace {

// Runs below the frame (see arch_vcpu_run): fills it and enters the guest.
[[noreturn]] void first_entry(void* arg) {
    auto& v = *static_cast<Vcpu*>(arg);
    mips::TrapFrame* f = v.arch.frame;
    memset(f, 0, sizeof(*f));
    f->epc = v.arch.start_pc;
    f->status = mips::guest_host_status;
    mips::shadow_forget_all(v);
    hal::irq_disable();
    mips::prepare_entry(v);
    mips_enter_guest(f);
}

}  // namespace

void arch_vcpu_run(void* arg) {
    auto& v = *static_cast<Vcpu*>(arg);
    // The guest's registers live in the frame at the top of this thread's
    // stack: exactly where the exception entry saves them on every exit.
    // This function's own stack frame is up there too, so the filling is
    // done on the stack below the frame.
    v.arch.frame = reinterpret_cast<mips::TrapFrame*>(mips_kernel_sp - TF_SIZE);
    mips_call_below(v.arch.frame, first_entry, &v);
}

void arch_vcpu_release(Vcpu& v) {
    arch::VcpuState& a = v.arch;
    timer_cancel(a.compare_timer);
    mips::shadow_release(v);
}

void arch_vcpu_irq_changed(Vcpu& v) {
    IrqGuard guard;
    mips::sync_device_lines(v);
    if (v.arch.waiting && v.arch.cp0.pending_irqs() != 0) {
        v.arch.waiting = false;
        v.irq_wait.wake_all();
    }
}

}  // namespace tern
