// QEMU virt board support: host console, power controls, loader hooks.
// Interrupts are in interrupts.cpp.
#include <string.h>

#include "arch/board.hpp"
#include "arch/io.hpp"
#include "arch/psci.hpp"
#include "hal/console.hpp"
#include "hal/cpu.hpp"
#include "hal/irq.hpp"
#include "pl011.hpp"

namespace {

// The early console: QEMU virt's PL011, usable before the device tree is
// read (QEMU needs no set-up for it).
constexpr uint64_t early_uart_phys = 0x09000000;
arm::Pl011 console{early_uart_phys};

// QEMU writes its generated device tree at the start of RAM for ELF
// images (hw/arm/boot.c) when it fits below the image (see link.ld); it
// passes no pointer to it (x0 is 0).
constexpr uintptr_t ram_base = 0x40000000;

}  // namespace

namespace arm {

uintptr_t board_firmware_dtb_hint() { return ram_base; }

}  // namespace arm

namespace hal {

bool console_setup(const ConsoleDevice& dev) {
    if (strcmp(dev.compatible, "arm,pl011") != 0 || !arch::io_phys_reachable(dev.phys_base))
        return false;
    console = arm::Pl011(dev.phys_base);
    console.init(dev.clock_hz, 115200);
    return true;
}

void console_putc(char c) { console.putc(c); }
int console_getc() { return console.getc(); }

bool console_rx_interrupt(bool enable) {
    console.enable_rx_interrupt(enable);
    return true;
}

void board_reset() {
    irq_disable();
    arm::psci_system_reset();
    cpu_halt();  // the firmware refused
}

void board_poweroff() {
    irq_disable();
    arm::psci_system_off();
    cpu_halt();
}

}  // namespace hal
