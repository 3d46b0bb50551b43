// Host driver for an Arm PrimeCell PL011 UART (polled transmit, receive
// by interrupt or poll). Arm DDI 0183, chapter 3.
#pragma once

#include <stdint.h>

#include "lib/bitfield.hpp"

namespace arm {

class Pl011 {
public:
    enum class Reg : uintptr_t {
        DR = 0x000,     // rw data
        FR = 0x018,     // r  flags
        IBRD = 0x024,   // rw integer baud rate divisor
        FBRD = 0x028,   // rw fractional baud rate divisor (64ths)
        LCR_H = 0x02c,  // rw line control
        CR = 0x030,     // rw control
        IMSC = 0x038,   // rw interrupt mask set/clear
        ICR = 0x044,    // w  interrupt clear
    };
    struct Fr {
        using Busy = tern::Bitfield<3, 1>;
        using Rxfe = tern::Bitfield<4, 1>;  // receive FIFO empty
        using Txff = tern::Bitfield<5, 1>;  // transmit FIFO full
    };
    struct LcrH {
        using Fen = tern::Bitfield<4, 1>;   // FIFOs enabled
        using Wlen = tern::Bitfield<5, 2>;  // word length - 5
    };
    struct Imsc {
        using Rxim = tern::Bitfield<4, 1>;  // receive (FIFO at its trigger level)
        using Rtim = tern::Bitfield<6, 1>;  // receive timeout (data below the level)
    };
    struct Cr {
        using Uarten = tern::Bitfield<0, 1>;
        using Txe = tern::Bitfield<8, 1>;
        using Rxe = tern::Bitfield<9, 1>;
    };
    static constexpr uint32_t icr_all = 0x7ff;

    constexpr Pl011() = default;
    explicit constexpr Pl011(uint64_t phys_base) : base_(static_cast<uintptr_t>(phys_base)) {}

    // 8N1 at `baud` with FIFOs, interrupts masked. Without a known clock
    // the divisors the firmware programmed stay.
    void init(uint32_t clock_hz, uint32_t baud) const;
    void putc(char c) const;
    [[nodiscard]] int getc() const;   // -1 when nothing was received
    // Both receive interrupts: together they fire for every byte. Reading
    // the FIFO empty clears them.
    void enable_rx_interrupt(bool on) const;
    bool valid() const { return base_ != 0; }

private:
    uint32_t read(Reg r) const {
        return *reinterpret_cast<volatile uint32_t*>(base_ + static_cast<uintptr_t>(r));
    }
    void write(Reg r, uint32_t v) const {
        *reinterpret_cast<volatile uint32_t*>(base_ + static_cast<uintptr_t>(r)) = v;
    }

    uintptr_t base_ = 0;
};

}  // namespace arm
