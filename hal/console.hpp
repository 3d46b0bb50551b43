// HAL: the host console, a byte stream.
#pragma once

#include <stdint.h>

namespace hal {

struct ConsoleDevice {
    const char* compatible;   // first string of the node's "compatible"
    uint64_t    phys_base;    // "reg" base (an I/O port on x86)
    uint32_t    reg_shift;    // "reg-shift", 0 when absent
    uint32_t    clock_hz;     // "clock-frequency", 0 when absent
    int32_t     irq;          // "interrupts" first cell, -1 when absent
};

// Binds the console to the board's stdout device. Returns false when the
// arch has no driver for that compatible; output then stays on the early
// console the arch set up before kernel_main (if any).
[[nodiscard]] bool console_setup(const ConsoleDevice& dev);

// Writes one byte, waiting while the transmitter is full. Safe with
// interrupts disabled and from exception context.
void console_putc(char c);

// Returns the next received byte, or -1 when none is waiting. Never blocks.
[[nodiscard]] int console_getc();

}  // namespace hal

namespace hal {
// Turns the console's receive interrupt on or off. The interrupt line is
// the console device's (ConsoleDevice::irq); returns false when the console
// cannot interrupt (the core then polls).
[[nodiscard]] bool console_rx_interrupt(bool enable);
}  // namespace hal
