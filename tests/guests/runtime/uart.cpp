// Polled console output on the guest's ns16550a.
#include "uart.hpp"

#include "mmio.hpp"

namespace guest::uart {

uint32_t read(Reg r) { return mmio::lbu(address(r)); }

void write(Reg r, uint32_t v) { mmio::sb(address(r), v); }

void putc(char c) {
    while ((read(Reg::LSR) & lsr::THRE) == 0) {
    }
    write(Reg::RBR_THR_DLL, static_cast<uint8_t>(c));
}

}  // namespace guest::uart
