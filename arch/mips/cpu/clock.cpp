// HAL clock for MIPS: CP0 Count extended to 64 bits, Compare as the
// one-shot timer (interrupt on the line IntCtl.IPTI names, IP7 on Malta).
#include "arch/cp0.hpp"
#include "hal/clock.hpp"
#include "hal/irq.hpp"

namespace hal {
namespace {

// QEMU's Malta runs Count at half of a 320 MHz CPU clock; the board
// device tree says so too ("timebase-frequency") and wins when present.
uint64_t counter_hz = 160'000'000;
uint32_t last_low;
uint64_t high;   // bits 63:32 of the extended counter
// Shortest distance to Compare worth trying (doubled until it sticks).
constexpr uint64_t min_delta = 64;

}  // namespace

uint64_t clock_counter() {
    IrqFlags flags = irq_save();
    uint32_t low = mips::read_cp0<mips::cp0::count>();
    if (low < last_low) high += uint64_t{1} << 32;
    last_low = low;
    uint64_t v = high | low;
    irq_restore(flags);
    return v;
}

uint64_t clock_hz() { return counter_hz; }

bool clock_set_hz(uint64_t hz) {
    if (hz == 0) return false;
    counter_hz = hz;
    return true;
}

void timer_arm(uint64_t deadline) {
    IrqFlags flags = irq_save();
    uint64_t now = clock_counter();
    // Compare only holds 32 bits: a far deadline is approached in steps of
    // at most 2^31 counts, the core re-arms after an early expiry.
    uint64_t delta = deadline > now ? deadline - now : 0;
    if (delta > 0x7fffffffu) delta = 0x7fffffffu;
    if (delta < min_delta) delta = min_delta;
    for (;;) {
        uint32_t compare = static_cast<uint32_t>(now + delta);
        mips::write_cp0<mips::cp0::compare>(compare);
        // If Count already passed Compare the interrupt would come only
        // after a full wrap (~27 s): aim further ahead and try again.
        uint32_t count = mips::read_cp0<mips::cp0::count>();
        if (static_cast<int32_t>(count - compare) < 0) break;
        now = clock_counter();
        delta *= 2;
    }
    irq_restore(flags);
}

void timer_disarm() {
    // Writing Compare acknowledges the interrupt; put it a full wrap away.
    uint32_t now = mips::read_cp0<mips::cp0::count>();
    mips::write_cp0<mips::cp0::compare>(now - 1);
}

}  // namespace hal
