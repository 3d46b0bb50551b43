// Hooks the AArch64 cpu/ code asks of the board (board/<name>/).
#pragma once

#include <stdint.h>

namespace arm {

// Where the board's boot loader leaves its device tree when it does not
// pass it in x0 (0 when it never does).
uintptr_t board_firmware_dtb_hint();

// Acknowledges and dispatches (tern::irq_handle) every pending host
// interrupt. Called from the IRQ vector between irq_enter and irq_exit.
void board_handle_irq();

}  // namespace arm
