// preempt: a tiny preemptive kernel. Two user-mode tasks run the same code
// (preempt_asm.S) at the same user address in different ASIDs; the CP0
// timer interrupts them periodically and the interrupt handler switches
// between them by saving the interrupted task's registers, loading the
// other's and writing EntryHi.ASID (PRA 6.1.1 interrupts, 6.2.1 EXL and
// EPC, 9.15-9.17 Count/Compare, 4.6 ASID matching).
//
// What hardware does, and so what the checks expect: Count = Compare sets
// Cause.TI, seen on IP7; with Status.IE = 1, IM7 = 1 and EXL = ERL = 0
// (here: in user mode) the interrupt is taken at the next instruction
// boundary, EPC = that instruction, EXL set, kernel mode; eret returns to
// EPC in the mode Status.KSU names. Writing Compare clears TI. So a task
// loses the CPU only at timer ticks and gets it back with every register
// as it was; the two tasks' identical user addresses reach their own
// frames because only the current ASID's entry matches. After N ticks:
// each task ran in N/2 slices and made progress in every one, its counter
// in memory agrees with its register copy, its data page holds only its
// own pattern, and it never saw a register or HI/LO change.
#include "guest.hpp"
#include "user_mode.hpp"

using namespace guest;
namespace lo = tlb::lo;

extern "C" const char preempt_task[];

namespace {

constexpr uint32_t period = 200000;  // Count ticks per time slice (1.25 ms at 160 MHz)
constexpr unsigned ticks_wanted = 40;
constexpr uint32_t iteration_limit = 0x7FFFFFFF;

constexpr uint32_t user_rom = map::reset_vector - map::kseg0;
constexpr uint32_t data_va = 0x00400000;  // the same user address in both tasks

struct Task {
    uint32_t asid = 0;
    uint32_t pattern = 0;
    uint32_t frame = 0;       // guest-physical data pair (even; odd at + 0x1000)
    uint32_t kstack_top = 0;  // the task's kernel stack (its $sp)
    // Saved while the other task runs.
    uint32_t gpr[32] = {};
    uint32_t hi = 0, lo = 0, epc = 0, status = 0;
    // Bookkeeping.
    unsigned slices = 0;
    unsigned idle_slices = 0;  // slices in which the counter did not move
    uint32_t counter_at_start = 0;
};

// Written by the interrupt and syscall hooks while the tasks run, read by
// main() after run_user_task() returns.
Task tasks[2];
unsigned current;
unsigned ticks;
unsigned other_interrupts;
unsigned syscalls;
uint32_t syscall_epc;

volatile uint32_t& ram(uint32_t phys) { return *reinterpret_cast<volatile uint32_t*>(map::cached(phys)); }

uint32_t counter(const Task& t) { return ram(t.frame); }

void save(const Frame& f, Task& t) {
    for (unsigned i = 0; i < 32; ++i) t.gpr[i] = f.gpr[i];
    t.hi = f.hi;
    t.lo = f.lo;
    t.epc = f.epc;
    t.status = f.status;
}

void load(Frame& f, const Task& t) {
    for (unsigned i = 0; i < 32; ++i) {
        if (i != reg::k0 && i != reg::k1) f.gpr[i] = t.gpr[i];
    }
    f.hi = t.hi;
    f.lo = t.lo;
    f.epc = t.epc;
    f.status = t.status;
}

// Back to the kernel's run_user_task caller, in kernel mode, interrupts off.
void back_to_kernel(Frame& f) {
    return_to_kernel(f);
    f.status &= ~status::IE::mask;
}

void end_slice(Task& t) {
    const uint32_t now = counter(t);
    if (now == t.counter_at_start) ++t.idle_slices;
    ++t.slices;
}

void start_slice(Task& t) { t.counter_at_start = counter(t); }

// The timer interrupt: the scheduler.
void on_interrupt(Frame& f) {
    if (cause::TI::get(f.cause) == 0) {
        ++other_interrupts;
        back_to_kernel(f);
        return;
    }
    set_compare(read_count() + period);  // acknowledges the interrupt
    ++ticks;
    Task& from = tasks[current];
    save(f, from);
    end_slice(from);
    if (ticks == ticks_wanted) {
        back_to_kernel(f);
        return;
    }
    current ^= 1;
    Task& to = tasks[current];
    load(f, to);
    mtc0_ehb<cp0::entryhi>(to.asid);
    start_slice(to);
}

// A task only makes a syscall when it found an error or hit its limit.
void on_syscall(Frame& f) {
    ++syscalls;
    syscall_epc = f.epc;
    back_to_kernel(f);
}

void setup() {
    tasks[0].asid = 0x21;
    tasks[0].pattern = 0x11000000;
    tasks[0].frame = map::scratch_phys + 0x00000;
    tasks[0].kstack_top = map::cached(map::scratch_phys + 0x40000);
    tasks[1].asid = 0x42;
    tasks[1].pattern = 0x22000000;
    tasks[1].frame = map::scratch_phys + 0x10000;
    tasks[1].kstack_top = map::cached(map::scratch_phys + 0x50000);
    tlb::invalidate_all();
    // The task code: the ROM, global (G in both EntryLo values), read-only.
    tlb::write_indexed(0, {user_rom, lo::pfn(map::rom_phys) | lo::uncached | lo::V | lo::G, lo::G,
                           tlb::mask::page_1m});
    for (unsigned i = 0; i < 2; ++i) {
        Task& t = tasks[i];
        tlb::write_indexed(1 + i, {data_va | t.asid, lo::pfn(t.frame) | lo::cacheable | lo::D | lo::V,
                                   lo::pfn(t.frame + 0x1000) | lo::cacheable | lo::D | lo::V,
                                   tlb::mask::page_4k});
        ram(t.frame + 4) = t.pattern;
        ram(t.frame + 0x1004) = t.pattern;
    }
    mtc0_ehb<cp0::wired>(3);
    // Task 1 starts at its first tick: its state as if it had been
    // interrupted at its entry point.
    Task& t = tasks[1];
    t.gpr[reg::a0] = t.pattern;
    t.gpr[reg::a1] = data_va;
    t.gpr[reg::a2] = iteration_limit;
    t.gpr[reg::sp] = t.kstack_top;
    t.epc = addr(preempt_task) - map::kseg0;
    t.status = (mfc0<cp0::status>() & ~(status::KSU::mask | status::ERL::mask)) |
               status::KSU::bits(status::ksu_user) | status::IM::bits(1u << timer_ip) |
               status::EXL::mask | status::IE::mask;
}

}  // namespace

int main() {
    setup();
    set_exception_hook(ExcCode::Int, on_interrupt);
    set_exception_hook(ExcCode::Sys, on_syscall);
    current = 0;
    Task& first = tasks[0];
    mtc0_ehb<cp0::entryhi>(first.asid);
    start_slice(first);
    unmask_irqs(1u << timer_ip);
    set_compare(read_count() + period);
    run_user_task(addr(preempt_task) - map::kseg0, first.pattern, data_va, iteration_limit,
              first.kstack_top);
    mask_irqs(1u << timer_ip);
    set_exception_hook(ExcCode::Int, nullptr);
    set_exception_hook(ExcCode::Sys, nullptr);
    mtc0_ehb<cp0::entryhi>(0);

    CHECK_EQ("no interrupt but the timer", other_interrupts, 0);
    CHECK_EQ("no task stopped itself (error or limit)", syscalls, 0);
    if (syscalls != 0) info("a task made a syscall at EPC 0x%08x", syscall_epc);
    CHECK_EQ("timer ticks", ticks, ticks_wanted);
    for (unsigned i = 0; i < 2; ++i) {
        const Task& t = tasks[i];
        CheckScope scope(i == 0 ? "task A" : "task B");
        CHECK_EQ("error word", ram(t.frame + 8), 0);
        CHECK_EQ("time slices", t.slices, ticks_wanted / 2);
        CHECK_EQ("slices without progress", t.idle_slices, 0);
        const uint32_t n = counter(t);
        CHECK_RANGE("counter advanced", n, t.slices, iteration_limit - 1);
        // The last save caught it between its register and memory updates
        // at most: s0 is the counter or one more.
        CHECK_RANGE("saved s0 agrees with the counter in memory", t.gpr[16] - n, 0, 1);
        CHECK_EQ("saved a0 (its pattern)", t.gpr[reg::a0], t.pattern);
        CHECK_EQ("saved HI", t.hi, t.pattern ^ 0x1234);
        CHECK_EQ("saved LO", t.lo, t.pattern ^ 0x4321);
        CHECK_EQ("its even page holds its own pattern", ram(t.frame + 4), t.pattern);
        CHECK_EQ("its odd page holds its own pattern", ram(t.frame + 0x1004), t.pattern);
        info("%u iterations in %u slices", n, t.slices);
    }
    mtc0_ehb<cp0::wired>(0);
    tlb::invalidate_all();
    done();
}
