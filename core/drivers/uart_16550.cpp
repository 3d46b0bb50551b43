// 16550 UART host driver.
#include "drivers/uart_16550.hpp"

namespace tern {

void Uart16550::init(uint32_t clock_hz, uint32_t baud) {
    regs_.write8(IER, 0);
    if (clock_hz != 0 && baud != 0) {
        uint32_t divisor = clock_hz / (16 * baud);
        if (divisor == 0) divisor = 1;
        regs_.write8(LCR, lcr_dlab);
        regs_.write8(DLL, static_cast<uint8_t>(divisor & 0xff));
        regs_.write8(DLM, static_cast<uint8_t>(divisor >> 8));
    }
    regs_.write8(LCR, lcr_8n1);
    regs_.write8(FCR, fcr_enable_clear);
    regs_.write8(MCR, mcr_dtr_rts_out2);
}

void Uart16550::putc(char c) const {
    while ((regs_.read8(LSR) & lsr_thr_empty) == 0) {
    }
    regs_.write8(THR, static_cast<uint8_t>(c));
}

int Uart16550::getc() const {
    if ((regs_.read8(LSR) & lsr_data_ready) == 0) return -1;
    return regs_.read8(RBR);
}

void Uart16550::enable_rx_interrupt(bool on) const {
    regs_.write8(IER, on ? ier_rx_data : 0);
}

}  // namespace tern
