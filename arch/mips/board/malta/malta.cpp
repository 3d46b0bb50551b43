// Malta board support: host console, power controls, interrupt lines.
#include <string.h>

#include "arch/cp0.hpp"
#include "arch/io.hpp"
#include "arch/trap.hpp"
#include "drivers/uart_16550.hpp"
#include "hal/clock.hpp"
#include "hal/console.hpp"
#include "hal/cpu.hpp"
#include "hal/irq.hpp"

namespace {

// The early console: the Malta's ISA UART at port 0x3F8, usable before the
// device tree is read (QEMU's boot code has set up the ISA window).
constexpr uint64_t early_uart_phys = 0x180003F8;
tern::Uart16550 console{arch::IoRegion(early_uart_phys, 0)};

// GT-64120 system controller, relocated to 0x1BE00000 by the boot code.
constexpr uintptr_t gt64120 = arch::phys_to_uncached(0x1BE00000);
constexpr unsigned gt_pci0_cfgaddr = 0xCF8, gt_pci0_cfgdata = 0xCFC;

// PIIX4 function 3 (power management) on PCI bus 0, device 10.
constexpr uint32_t piix4_pm_cfg = 0x80000000u | (10u << 11) | (3u << 8);
constexpr uint32_t piix4_pmba = 0x40, piix4_pmregmisc = 0x80;
constexpr uint16_t pm_io_base = 0x1000;
constexpr unsigned pm1_cnt = 0x04;
constexpr uint16_t pm1_cnt_slp_en = 1u << 13;  // SLP_TYP 0 = soft off (S5)

// Malta FPGA soft reset register.
constexpr uintptr_t malta_softres = arch::phys_to_uncached(0x1F000500);
constexpr uint32_t malta_gorest = 0x42;

void pci_config_write(uint32_t address, uint32_t value) {
    *reinterpret_cast<volatile uint32_t*>(gt64120 + gt_pci0_cfgaddr) = address;
    *reinterpret_cast<volatile uint32_t*>(gt64120 + gt_pci0_cfgdata) = value;
}

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

void board_reset() {
    irq_disable();
    *reinterpret_cast<volatile uint32_t*>(malta_softres) = malta_gorest;
    cpu_halt();
}

void board_poweroff() {
    irq_disable();
    // Enable the PIIX4 power-management I/O block and enter S5 through
    // PM1_CNT, as ACPI firmware would.
    pci_config_write(piix4_pm_cfg | piix4_pmba, pm_io_base | 1u);
    pci_config_write(piix4_pm_cfg | piix4_pmregmisc, 1u);
    auto* cnt = reinterpret_cast<volatile uint16_t*>(
        arch::phys_to_uncached(0x18000000u + pm_io_base + pm1_cnt));
    *cnt = pm1_cnt_slp_en;
    cpu_halt();
}

}  // namespace hal

namespace mips {

bool board_handle_irq_line(unsigned ip) {
    if (ip == 7) {  // CP0 timer (IntCtl.IPTI = 7 on the 24K family)
        hal::timer_disarm();
        return true;
    }
    return false;
}

}  // namespace mips
