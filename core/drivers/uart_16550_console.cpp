// The HAL console on a 16550 (boards whose console is one: Malta, PC). The
// board names its early console, usable before the device tree is read,
// as arch::early_console_base in <arch/io.hpp>; console_setup then moves
// to the device the board tree's /chosen/stdout-path names.
#include <string.h>

#include "arch/io.hpp"
#include "drivers/uart_16550.hpp"
#include "hal/console.hpp"

namespace {
tern::Uart16550 console{arch::IoRegion(arch::early_console_base, 0)};
}  // namespace

namespace hal {

bool console_setup(const ConsoleDevice& dev) {
    if ((strcmp(dev.compatible, "ns16550a") != 0 && strcmp(dev.compatible, "ns16550") != 0) ||
        !arch::io_phys_reachable(dev.phys_base))
        return false;
    console = tern::Uart16550(arch::IoRegion(dev.phys_base, dev.reg_shift));
    console.init(dev.clock_hz, 115200);
    return true;
}

void console_putc(char c) { console.putc(c); }
int console_getc() { return console.getc(); }

bool console_rx_interrupt(bool enable) {
    console.enable_rx_interrupt(enable);
    return true;
}

}  // namespace hal
