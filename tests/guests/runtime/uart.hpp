// The test guests' console: the ns16550a every test .dts puts at
// guest-physical 0x1F000900 with reg-shift 3, driven by polling.
#pragma once

#include <stdint.h>

#include "address_map.hpp"

namespace guest::uart {

// Register numbers; the byte offset is the number << reg_shift.
enum class Reg : uint32_t {
    RBR_THR_DLL = 0,  // rw receive / transmit holding; divisor low with LCR.DLAB
    IER_DLM = 1,      // rw interrupt enable; divisor high with LCR.DLAB
    IIR_FCR = 2,      // r interrupt identification, w FIFO control
    LCR = 3,          // rw line control
    MCR = 4,          // rw modem control
    LSR = 5,          // r line status
    MSR = 6,          // r modem status
    SCR = 7,          // rw scratch
};
inline constexpr unsigned reg_shift = 3;

constexpr uint32_t address(Reg r) {
    return map::uncached(map::uart_phys) + (static_cast<uint32_t>(r) << reg_shift);
}

namespace lsr {
inline constexpr uint32_t DR = 1u << 0;    // receive data ready
inline constexpr uint32_t THRE = 1u << 5;  // transmit holding register empty
inline constexpr uint32_t TEMT = 1u << 6;  // transmitter empty
}  // namespace lsr
namespace ier {
inline constexpr uint32_t ERBFI = 1u << 0;  // received data available
inline constexpr uint32_t ETBEI = 1u << 1;  // transmit holding register empty
}  // namespace ier
namespace iir {
inline constexpr uint32_t no_interrupt = 0x01;
inline constexpr uint32_t thr_empty = 0x02;
inline constexpr uint32_t id_mask = 0x0F;
}  // namespace iir
namespace lcr {
inline constexpr uint32_t word_8n1 = 0x03;
inline constexpr uint32_t DLAB = 1u << 7;
}  // namespace lcr
namespace mcr {
inline constexpr uint32_t OUT2 = 1u << 3;
inline constexpr uint32_t LOOP = 1u << 4;
}  // namespace mcr

uint32_t read(Reg r);
void write(Reg r, uint32_t v);

// Waits for THR empty, then sends one byte.
void putc(char c);

}  // namespace guest::uart
