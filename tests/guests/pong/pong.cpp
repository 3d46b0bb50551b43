// pong: runs beside ping (tests/guests/ping). It never sleeps: it fills
// its scratch RAM with its own pattern, busy-waits for two timeslices
// while the hypervisor preempts it to run ping, and checks that nothing it
// wrote -- RAM, UART scratch register, CP0 state -- was changed meanwhile.
#include "guest.hpp"

using namespace guest;

namespace {

constexpr uint32_t pattern = 0x504F4E47;  // "PONG"
constexpr uint32_t words = 16384;
constexpr unsigned rounds = 8;
constexpr uint32_t busy_counts = 3200000;

volatile uint32_t* const scratch = reinterpret_cast<volatile uint32_t*>(map::cached(map::scratch_phys));

uint32_t value(unsigned round, uint32_t i) { return pattern ^ (round << 24) ^ ~i; }

}  // namespace

int main() {
    for (unsigned round = 0; round < rounds; ++round) {
        for (uint32_t i = 0; i < words; ++i) {
            scratch[i] = value(round, i);
        }
        uart::write(uart::Reg::SCR, 0x20 + round);
        mtc0_ehb<cp0::userlocal>(0x504F0000 + round);
        mtc0_ehb<cp0::entryhi>(0x2000 * round + round);
        delay_counts(busy_counts);
        uint32_t bad = 0;
        for (uint32_t i = 0; i < words; ++i) {
            bad += scratch[i] != value(round, i) ? 1 : 0;
        }
        printf("INFO: pong round %u\n", round);
        CHECK_EQ("RAM pattern intact after busy-waiting (bad words)", bad, 0);
        CHECK_EQ("UART scratch register intact", uart::read(uart::Reg::SCR), 0x20 + round);
        CHECK_EQ("UserLocal intact", mfc0<cp0::userlocal>(), 0x504F0000 + round);
        CHECK_EQ("EntryHi intact", mfc0<cp0::entryhi>(), 0x2000 * round + round);
    }
    mtc0_ehb<cp0::entryhi>(0);
    done();
}
