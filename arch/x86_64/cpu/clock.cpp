// HAL clock for x86-64: the time-stamp counter (64 bits: no wraparound to
// handle). Its rate is not architectural, so the board measures it at boot.
// The one-shot timer is the board's (board/<name>/).
#include "arch/board.hpp"
#include "arch/boot.hpp"
#include "arch/cpu_access.hpp"
#include "console.hpp"
#include "hal/clock.hpp"

namespace hal {
namespace {

// Until the board has measured it: 1 GHz, QEMU's TSC rate under -icount
// (it then counts virtual nanoseconds).
uint64_t tsc_hz = 1'000'000'000;

}  // namespace

uint64_t clock_counter() { return x86::rdtsc(); }
uint64_t clock_hz() { return tsc_hz; }

bool clock_set_hz(uint64_t hz) {
    if (hz == 0) return false;
    tsc_hz = hz;
    return true;
}

}  // namespace hal

namespace x86 {

void tsc_calibrate() {
    uint64_t hz = board_measure_tsc_hz();
    if (!hal::clock_set_hz(hz))
        tern::print("clock: cannot measure the TSC, assuming %llu Hz\n",
                    static_cast<unsigned long long>(hal::clock_hz()));
}

}  // namespace x86
