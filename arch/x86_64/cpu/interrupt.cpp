// Host interrupt entry on x86-64: the board's controller owns the vectors.
#include "arch/board.hpp"
#include "arch/trap.hpp"
#include "hal/irq.hpp"

namespace x86 {

void handle_interrupt(TrapFrame& frame) {
    tern::irq_enter();
    board_handle_irq_vector(static_cast<unsigned>(frame.vector));
    tern::irq_exit();  // may switch to another entity: this frame waits on its stack
}

}  // namespace x86
