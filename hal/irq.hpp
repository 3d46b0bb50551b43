// HAL: the local CPU's interrupt enable state.
#pragma once

#include <stdint.h>

namespace hal {

using IrqFlags = unsigned long;

// Disables interrupts and returns the previous state for irq_restore.
[[nodiscard]] IrqFlags irq_save();

// Puts back the state irq_save returned. Nests.
void irq_restore(IrqFlags flags);

void irq_enable();
void irq_disable();
[[nodiscard]] bool irq_enabled();

// Waits (low power) until an interrupt is pending, then returns; called by
// the idle loop with interrupts enabled. May return spuriously.
void wait_for_interrupt();

}  // namespace hal
