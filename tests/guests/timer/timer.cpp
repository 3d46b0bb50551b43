// timer: the CP0 Count/Compare timer (PRA 9.15, 9.17). Count == Compare
// sets Cause.TI, which IntCtl.IPTI = 7 routes to IP7; the interrupt is
// taken when IE = 1, EXL = ERL = 0 and IM7 = 1; writing Compare clears it.
// The harness runs this guest under -icount shift=0, so Count is a
// function of executed instructions.
#include "guest.hpp"

using namespace guest;

namespace {

// How late (in Count ticks) a timer interrupt may arrive: 10 ms at the
// 160 MHz Count of a QEMU Malta, generous for a hypervisor's timer event.
constexpr uint32_t latency_bound = 1600000;
constexpr uint32_t ip7 = 1u << timer_ip;

struct TimerIrq {
    unsigned count;
    uint32_t cause;
    uint32_t count_at_entry;
    uint32_t compare;
    uint32_t epc;
    uint32_t vector;
    uint32_t cause_after_ack;
    uint32_t period;  // non-zero: re-arm Compare = Compare + period
};
volatile TimerIrq irq;

// Interrupt hook: record, then acknowledge by writing Compare (the only
// way to clear Cause.TI) -- either re-armed or 2^32 counts away.
void on_timer(Frame& f) {
    const uint32_t now = read_count();
    const uint32_t cmp = mfc0<cp0::compare>();
    irq.count = irq.count + 1;
    irq.cause = f.cause;
    irq.count_at_entry = now;
    irq.compare = cmp;
    irq.epc = f.epc;
    irq.vector = f.vector;
    if (irq.period != 0) {
        uint32_t next = cmp + irq.period;
        // Re-arming relative to the previous Compare misses a whole Count
        // wrap if Count already passed it (DESIGN.md, "QEMU keeps...").
        if (static_cast<int32_t>(next - now) < 1000) {
            next = now + irq.period;
        }
        set_compare(next);
    } else {
        set_compare(now - 1);
    }
    irq.cause_after_ack = mfc0<cp0::cause>();
}

void reset_irq(uint32_t period = 0) {
    irq.count = 0;
    irq.cause = 0;
    irq.period = period;
}

// Spins with interrupts enabled until `n` timer interrupts arrived or
// `limit` counts passed.
bool wait_for_irqs(unsigned n, uint32_t limit) {
    const uint32_t start = read_count();
    ei();
    while (irq.count < n && counts_since(start) < limit) {
    }
    di();
    return irq.count >= n;
}

void count_runs() {
    const uint32_t a = read_count();
    delay_counts(100);
    const uint32_t b = read_count();
    CHECK("Count increases", b - a >= 100 && b - a < 0x10000000);
}

void polled() {
    CheckScope scope("polled (IE = 0)");
    // Compare well ahead of Count: if Count passed it before the write
    // took effect, the match would be 2^32 counts away.
    set_compare(read_count() + 200000);
    const uint32_t start = read_count();
    while ((mfc0<cp0::cause>() & cause::TI::mask) == 0 && counts_since(start) < 0x10000000) {
    }
    const uint32_t c = mfc0<cp0::cause>();
    CHECK_EQ("Cause.TI set when Count reaches Compare", cause::TI::get(c), 1);
    CHECK_EQ("Cause.IP7 set", cause::IP::get(c) & ip7, ip7);
    set_compare(read_count() - 1);
    const uint32_t c2 = mfc0<cp0::cause>();
    CHECK_EQ("writing Compare clears Cause.TI", cause::TI::get(c2), 0);
    CHECK_EQ("... and Cause.IP7", cause::IP::get(c2) & ip7, 0);
}

void interrupt() {
    CheckScope scope("interrupt");
    reset_irq();
    unmask_irqs(ip7);
    const uint32_t compare = read_count() + 200000;
    set_compare(compare);
    CHECK("arrives", wait_for_irqs(1, 0x20000000));
    CHECK_EQ("exactly once", irq.count, 1);
    CHECK_EQ("ExcCode Int", cause::ExcCode::get(irq.cause), static_cast<uint32_t>(ExcCode::Int));
    CHECK_EQ("Cause.TI set", cause::TI::get(irq.cause), 1);
    CHECK_EQ("Cause.IP7 set", cause::IP::get(irq.cause) & ip7, ip7);
    CHECK_EQ("general vector (Cause.IV = 0)", irq.vector, map::bev_base + map::vec_general);
    CHECK_EQ("Compare as written", irq.compare, compare);
    const uint32_t late = irq.count_at_entry - compare;
    CHECK_RANGE("Count at entry - Compare in [0, 10 ms]", late, 0, latency_bound);
    info("interrupt: Count - Compare at handler entry = %u", late);
    CHECK_EQ("writing Compare in the handler cleared TI", cause::TI::get(irq.cause_after_ack), 0);
    mask_irqs(ip7);
}

void masked() {
    CheckScope scope("masked by IM7");
    reset_irq();
    set_compare(read_count() + 200000);
    ei();
    delay_counts(1000000);
    di();
    CHECK_EQ("no interrupt while IM7 = 0", irq.count, 0);
    CHECK_EQ("Cause.TI pending", cause::TI::get(mfc0<cp0::cause>()), 1);
    // Unmasking a pending interrupt delivers it at once.
    ei();
    unmask_irqs(ip7);
    delay_counts(20000);
    di();
    mask_irqs(ip7);
    CHECK_EQ("delivered once IM7 is set", irq.count, 1);
}

// The instruction after the WAIT, for the EPC check.
extern "C" const char after_wait[];

void wait_wakes() {
    CheckScope scope("wait");
    reset_irq();
    unmask_irqs(ip7);
    // Far enough ahead that ei + wait run before it fires; if it fires
    // before the WAIT anyway, EPC names the WAIT and the check says so.
    set_compare(read_count() + 400000);
    asm volatile(
        ".set push\n\t.set noreorder\n\t"
        "ei\n\t"
        "ehb\n\t"
        "wait\n"
        ".globl after_wait\n"
        "after_wait:\n\t"
        "di\n\t"
        "ehb\n\t"
        ".set pop" ::: "memory");
    mask_irqs(ip7);
    CHECK_EQ("woken by the timer interrupt", irq.count, 1);
    // MIPS32 ISA, WAIT: the interrupt is taken "between the WAIT
    // instruction and the following instruction (EPC ... points at the
    // instruction following the WAIT)".
    CHECK_EQ("EPC = instruction after WAIT", irq.epc, addr(after_wait));
}

void periodic() {
    CheckScope scope("periodic");
    constexpr uint32_t period = 100000;
    reset_irq(period);
    unmask_irqs(ip7);
    const uint32_t start = read_count();
    set_compare(start + period);
    CHECK("5 ticks arrive", wait_for_irqs(5, 0x40000000));
    const uint32_t elapsed = irq.count_at_entry - start;
    CHECK_RANGE("5 ticks take at least 5 periods", elapsed, 5 * period, 5 * period + latency_bound);
    reset_irq();
    set_compare(read_count() - 1);
    mask_irqs(ip7);
}

}  // namespace

int main() {
    set_exception_hook(ExcCode::Int, on_timer);
    count_runs();
    polled();
    interrupt();
    masked();
    wait_wakes();
    periodic();
    done();
}
