// Malta board support: power controls, interrupt lines (the console is
// core/drivers/uart_16550_console.cpp).
#include <string.h>

#include "arch/cp0.hpp"
#include "arch/io.hpp"
#include "arch/trap.hpp"
#include "drivers/i8259.hpp"
#include "hal/clock.hpp"
#include "hal/console.hpp"
#include "hal/cpu.hpp"
#include "hal/irq.hpp"
#include "irq.hpp"

namespace {


// The PIIX4's i8259 pair at ISA ports 0x20 and 0xA0, cascaded into CPU IP2.
constexpr uint64_t isa_io = 0x18000000;
constexpr unsigned i8259_cpu_line = 2;
tern::I8259Pair i8259{arch::IoRegion(isa_io + 0x20, 0), arch::IoRegion(isa_io + 0xA0, 0)};
constexpr const char* i8259_line_names[16] = {
    "i8259.0", "i8259.1", "i8259.2", "i8259.3", "i8259.4", "i8259.5", "i8259.6", "i8259.7",
    "i8259.8", "i8259.9", "i8259.10", "i8259.11", "i8259.12", "i8259.13", "i8259.14", "i8259.15",
};

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

void irq_controller_init() {
    i8259.init();
    // The pair's output is CPU IP2: always open, the 8259 masks do the work.
    uint32_t status = mips::read_cp0<mips::cp0::status>();
    status = mips::StatusReg::Im::clear(status) | mips::StatusReg::Im::bits(1u << i8259_cpu_line);
    mips::write_cp0<mips::cp0::status>(status);
    mips::ehb();
}

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
    if (ip != i8259_cpu_line) return false;
    // Drain every pending input: each poll acknowledges one.
    for (int line; (line = i8259.poll()) >= 0;) {
        tern::irq_handle(static_cast<unsigned>(line));
        i8259.eoi(static_cast<unsigned>(line));
    }
    return true;
}

const char* board_irq_line_name(unsigned line) {
    return line < tern::I8259Pair::lines ? i8259_line_names[line] : "?";
}

void board_irq_line_mask(unsigned line, bool masked) {
    if (masked) i8259.mask(line);
    else i8259.unmask(line);
}

}  // namespace mips
