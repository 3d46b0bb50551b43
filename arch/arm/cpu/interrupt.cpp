// Host interrupt entry on AArch64: the board's controller finds the lines.
#include "arch/board.hpp"
#include "arch/trap.hpp"
#include "hal/irq.hpp"

namespace arm {

void handle_interrupt(TrapFrame&) {
    tern::irq_enter();
    board_handle_irq();
    tern::irq_exit();  // may switch to another entity: this frame waits on its stack
}

}  // namespace arm
