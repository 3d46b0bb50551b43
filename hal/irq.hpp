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

// Host interrupt lines. The board numbers its lines 0..irq_line_count()-1
// (on Malta: 0-15 the i8259 pair, 16-23 the CPU's IP0-IP7); the core's
// IRQ framework (core/irq.hpp) owns handlers and counts.
namespace hal {

[[nodiscard]] unsigned irq_line_count();
// A short name for reports, e.g. "i8259.4" or "cpu.7".
[[nodiscard]] const char* irq_line_name(unsigned line);
void irq_line_unmask(unsigned line);
void irq_line_mask(unsigned line);

}  // namespace hal

// Called by the arch's interrupt entry, in this order, with interrupts
// disabled: irq_enter once, irq_handle for each pending line, irq_exit once
// (which may switch to another entity before the interrupted one resumes).
namespace tern {
void irq_enter();
void irq_handle(unsigned line);
void irq_exit();
}  // namespace tern

namespace hal {
// Sets up the board's interrupt controllers with every line masked and
// CPU interrupts still disabled. Called once by kernel_main.
void irq_controller_init();
}  // namespace hal
