// The PC's one-shot timer for the HAL: PIT channel 0 on IRQ 0, deadlines
// in TSC counts; and the TSC's rate, measured with PIT channel 2.
#include "arch/board.hpp"
#include "arch/cpu_access.hpp"
#include "hal/clock.hpp"
#include "pit.hpp"

namespace {

constexpr pc::Pit pit;
constexpr unsigned pit_irq_line = 0;

// 10 ms of PIT input clocks: long enough that the polling loop's
// granularity is noise, short enough not to be noticed at boot.
constexpr uint32_t calibration_count = pc::Pit::input_hz / 100;

uint64_t read_tsc() { return x86::rdtsc(); }

}  // namespace

namespace x86 {

uint64_t board_measure_tsc_hz() {
    // Waiting for 10 ms of a 10 GHz TSC is waiting too long.
    constexpr uint64_t give_up_ticks = 100'000'000;
    uint64_t ticks = pit.measure(calibration_count, read_tsc, give_up_ticks);
    return ticks * pc::Pit::input_hz / calibration_count;
}

}  // namespace x86

namespace hal {

void timer_arm(uint64_t deadline) {
    // The PIT's 16-bit count reaches ~55 ms: a later deadline interrupts
    // early and the core re-arms (it checks what is due). Rounded up, so
    // the interrupt never comes before the deadline.
    uint64_t now = clock_counter();
    uint64_t delta = deadline > now ? deadline - now : 0;
    uint64_t hz = clock_hz();
    uint64_t longest = hz * pc::Pit::max_count / pc::Pit::input_hz;
    uint64_t count = delta >= longest ? pc::Pit::max_count
                                      : (delta * pc::Pit::input_hz + hz - 1) / hz;
    pit.one_shot(static_cast<uint32_t>(count));
}

void timer_disarm() { pit.stop(); }

unsigned timer_irq_line() { return pit_irq_line; }

}  // namespace hal
