// Host interrupt dispatch: pending and enabled Cause.IP lines, highest first.
#include "arch/cp0.hpp"
#include "arch/trap.hpp"
#include "hal/clock.hpp"

namespace mips {

void handle_interrupt(TrapFrame& frame) {
    uint32_t pending = CauseReg::Ip::get(frame.cause) & StatusReg::Im::get(frame.status);
    for (int ip = 7; ip >= 0; --ip) {
        if ((pending & (1u << ip)) == 0) continue;
        if (!board_handle_irq_line(static_cast<unsigned>(ip))) {
            // Nobody owns the line: mask it so it cannot storm.
            uint32_t status = read_cp0<cp0::status>();
            write_cp0<cp0::status>(status & ~StatusReg::Im::bits(1u << ip));
            ehb();
        }
    }
}

}  // namespace mips
