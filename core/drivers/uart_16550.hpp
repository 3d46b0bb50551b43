// Host driver for a 16550-compatible UART (polled transmit, receive by
// interrupt or poll). Register access goes through the arch's IoRegion.
#pragma once

#include <stdint.h>

#include "arch/io.hpp"

namespace tern {

class Uart16550 {
public:
    // Register offsets (in register units; the IoRegion applies reg-shift).
    enum Reg : unsigned {
        RBR = 0,  // r  receive buffer (DLAB=0)
        THR = 0,  // w  transmit holding (DLAB=0)
        DLL = 0,  // rw divisor latch low (DLAB=1)
        IER = 1,  // rw interrupt enable (DLAB=0)
        DLM = 1,  // rw divisor latch high (DLAB=1)
        IIR = 2,  // r  interrupt identification
        FCR = 2,  // w  FIFO control
        LCR = 3,  // rw line control
        MCR = 4,  // rw modem control
        LSR = 5,  // r  line status
        MSR = 6,  // r  modem status
        SCR = 7,  // rw scratch
    };
    static constexpr uint8_t lsr_data_ready = 0x01, lsr_thr_empty = 0x20;
    static constexpr uint8_t ier_rx_data = 0x01;
    static constexpr uint8_t lcr_8n1 = 0x03, lcr_dlab = 0x80;
    static constexpr uint8_t mcr_dtr_rts_out2 = 0x0B;  // OUT2 gates the IRQ on PCs
    static constexpr uint8_t fcr_enable_clear = 0x07;

    constexpr Uart16550() = default;
    explicit constexpr Uart16550(arch::IoRegion regs) : regs_(regs) {}

    // 8N1 at `baud` when the input clock is known; otherwise keeps the
    // divisor the firmware set.
    void init(uint32_t clock_hz, uint32_t baud);
    void putc(char c) const;
    [[nodiscard]] int getc() const;   // -1 when nothing was received
    void enable_rx_interrupt(bool on) const;
    bool valid() const { return regs_.valid(); }

private:
    arch::IoRegion regs_;
};

}  // namespace tern
