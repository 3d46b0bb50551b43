// PL011 UART host driver.
#include "pl011.hpp"

namespace arm {

void Pl011::init(uint32_t clock_hz, uint32_t baud) const {
    // The divisors and LCR_H may only change while the UART is disabled
    // and idle (DDI 0183, 3.3.8).
    write(Reg::CR, 0);
    while (Fr::Busy::test(read(Reg::FR))) {
    }
    if (clock_hz != 0 && baud != 0) {
        // Divisor in 64ths: clock / (16 * baud) * 64, rounded.
        uint32_t div64 = static_cast<uint32_t>((uint64_t{clock_hz} * 4 + baud / 2) / baud);
        write(Reg::IBRD, div64 >> 6);
        write(Reg::FBRD, div64 & 63);
    }
    // LCR_H last: the write latches IBRD/FBRD too.
    write(Reg::LCR_H, LcrH::Wlen::bits(3) | LcrH::Fen::bits(1));
    write(Reg::IMSC, 0);
    write(Reg::ICR, icr_all);
    write(Reg::CR, Cr::Uarten::bits(1) | Cr::Txe::bits(1) | Cr::Rxe::bits(1));
}

void Pl011::putc(char c) const {
    while (Fr::Txff::test(read(Reg::FR))) {
    }
    write(Reg::DR, static_cast<uint8_t>(c));
}

int Pl011::getc() const {
    if (Fr::Rxfe::test(read(Reg::FR))) return -1;
    return static_cast<int>(read(Reg::DR) & 0xff);
}

void Pl011::enable_rx_interrupt(bool on) const {
    write(Reg::IMSC, on ? Imsc::Rxim::bits(1) | Imsc::Rtim::bits(1) : 0);
}

}  // namespace arm
