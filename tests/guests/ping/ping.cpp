// ping: runs beside pong (tests/guests/pong). Both guests use the same
// guest-physical addresses: each fills its scratch RAM with its own
// pattern, sleeps in WAIT on its timer (so the other guest runs), and
// checks that its RAM and its UART scratch register still hold what it
// wrote -- guests share no memory and no device state.
#include "guest.hpp"

using namespace guest;

namespace {

constexpr uint32_t pattern = 0x50494E47;  // "PING"
constexpr uint32_t words = 16384;          // 64 KiB of scratch RAM
constexpr unsigned rounds = 8;
constexpr uint32_t sleep_counts = 3200000;  // ~20 ms at 160 MHz: two timeslices

volatile uint32_t* const scratch = reinterpret_cast<volatile uint32_t*>(map::cached(map::scratch_phys));

volatile unsigned ticks;

void on_timer(Frame&) {
    ticks = ticks + 1;
    set_compare(read_count() - 1);
}

// Sleeps in WAIT until the timer fires, letting pong run meanwhile.
void sleep() {
    const unsigned target = ticks + 1;
    set_compare(read_count() + sleep_counts);
    while (ticks < target) {
        idle();
    }
}

uint32_t value(unsigned round, uint32_t i) { return pattern ^ (round << 24) ^ i; }

}  // namespace

int main() {
    set_exception_hook(ExcCode::Int, on_timer);
    unmask_irqs(1u << timer_ip);
    for (unsigned round = 0; round < rounds; ++round) {
        for (uint32_t i = 0; i < words; ++i) {
            scratch[i] = value(round, i);
        }
        uart::write(uart::Reg::SCR, 0x10 + round);
        sleep();
        uint32_t bad = 0;
        for (uint32_t i = 0; i < words; ++i) {
            bad += scratch[i] != value(round, i) ? 1 : 0;
        }
        printf("INFO: ping round %u\n", round);
        CHECK_EQ("RAM pattern intact after sleeping (bad words)", bad, 0);
        CHECK_EQ("UART scratch register intact", uart::read(uart::Reg::SCR), 0x10 + round);
    }
    done();
}
