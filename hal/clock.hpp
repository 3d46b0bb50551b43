// HAL: the free-running clock counter and its one-shot timer.
#pragma once

#include <stdint.h>

namespace hal {

// The current value of the free-running counter, extended to 64 bits
// (the arch handles hardware wraparound). Monotonic.
[[nodiscard]] uint64_t clock_counter();

// Counter frequency in Hz (from the board device tree or calibrated).
[[nodiscard]] uint64_t clock_hz();

// Sets the counter frequency, e.g. from the device tree. Returns false and
// changes nothing for 0.
[[nodiscard]] bool clock_set_hz(uint64_t hz);

// Arms the one-shot timer to interrupt when clock_counter() reaches
// `deadline`; a deadline in the past fires at once. Replaces any earlier
// deadline. The core multiplexes its timer events on this single timer.
void timer_arm(uint64_t deadline);

// Cancels the one-shot timer; a pending timer interrupt is acknowledged.
void timer_disarm();

}  // namespace hal

namespace hal {
// The host interrupt line the one-shot timer raises (see hal/irq.hpp).
[[nodiscard]] unsigned timer_irq_line();
}  // namespace hal
