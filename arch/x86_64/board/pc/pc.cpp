// PC board support: power controls. The console is
// core/drivers/uart_16550_console.cpp, interrupts are in interrupts.cpp,
// the timer in timer.cpp.
#include <string.h>

#include "arch/io.hpp"
#include "arch/port_io.hpp"
#include "hal/cpu.hpp"
#include "hal/irq.hpp"
#include "lib/bitfield.hpp"

namespace {


// Reset Control Register of the PIIX3/ICH southbridge (QEMU pc and q35).
constexpr uint16_t reset_control_port = 0xcf9;
struct ResetControl {
    using SysRst = tern::Bitfield<1, 1, uint8_t>;  // full reset, not just the CPU
    using RstCpu = tern::Bitfield<2, 1, uint8_t>;  // 0 -> 1 starts the reset
};
// The 8042 keyboard controller's "pulse reset line" command.
constexpr uint16_t kbc_command_port = 0x64;
constexpr uint8_t kbc_pulse_reset = 0xfe;

// ACPI PM1a control block: SeaBIOS maps the PIIX4/ICH9 power-management
// I/O space at 0x600, PM1a_CNT at +4. QEMU's DSDT gives S5 SLP_TYP 0.
constexpr uint16_t pm1a_control_port = 0x604;
struct Pm1Control {
    using SlpTyp = tern::Bitfield<10, 3, uint16_t>;
    using SlpEn = tern::Bitfield<13, 1, uint16_t>;
    static constexpr uint16_t s5_soft_off = 0;
};

}  // namespace

namespace hal {

void board_reset() {
    irq_disable();
    x86::outb(reset_control_port, ResetControl::SysRst::bits(1));
    x86::outb(reset_control_port, ResetControl::SysRst::bits(1) | ResetControl::RstCpu::bits(1));
    x86::outb(kbc_command_port, kbc_pulse_reset);  // older chipsets
    cpu_halt();
}

void board_poweroff() {
    irq_disable();
    x86::outw(pm1a_control_port, Pm1Control::SlpTyp::bits(Pm1Control::s5_soft_off) |
                                     Pm1Control::SlpEn::bits(1));
    cpu_halt();
}

}  // namespace hal
