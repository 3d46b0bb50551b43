// Hooks the x86-64 cpu/ code asks of the board (board/<name>/).
#pragma once

#include <stdint.h>

namespace x86 {

// IDT vectors the board's interrupt controller delivers on.
struct IrqVectors {
    unsigned first;
    unsigned count;
};
IrqVectors board_irq_vectors();

// Services the interrupt that arrived on `vector` (one of
// board_irq_vectors()), dispatching through tern::irq_handle. Called from
// the interrupt entry between irq_enter and irq_exit.
void board_handle_irq_vector(unsigned vector);

// Measures the time-stamp counter's rate against a board timer of known
// frequency; 0 when the board has none.
uint64_t board_measure_tsc_hz();

}  // namespace x86
