// Host interrupts on QEMU virt: the GICv2; host line N is GIC INTID N.
#include "arch/board.hpp"
#include "gic_v2.hpp"
#include "hal/clock.hpp"
#include "hal/irq.hpp"
#include "lib/format.hpp"

namespace {

// QEMU virt's GICv2 (the default for -M virt with a GICv2-era CPU).
arm::GicV2 gic{0x08000000, 0x08010000};

// The lines the core sees: SGIs, PPIs (the timers) and the first 32 SPIs,
// which hold the UART (33), RTC (34) and GPIO (39). The core's IRQ
// framework tracks at most 64 lines.
constexpr unsigned host_lines = 64;

// The EL1 virtual timer's PPI (Server Base System Architecture numbering,
// which QEMU virt follows).
constexpr unsigned virtual_timer_intid = 27;

char line_names[host_lines][8];

}  // namespace

namespace arm {

void board_handle_irq() {
    for (;;) {
        uint32_t iar = gic.acknowledge();
        unsigned intid = GicV2::Iar::InterruptId::get(iar);
        if (intid >= GicV2::spurious - 3) return;  // nothing (more) pending
        if (intid < host_lines)
            tern::irq_handle(intid);
        else
            gic.disable(intid);  // not a host line: nobody can handle it
        // EOI before irq_exit, which may switch to another entity.
        gic.end_of_interrupt(iar);
    }
}

}  // namespace arm

namespace hal {

void irq_controller_init() {
    gic.init();
    for (unsigned i = 0; i < host_lines; ++i)
        tern::format_to(line_names[i], sizeof(line_names[i]), "gic.%u", i);
}

unsigned irq_line_count() { return host_lines; }

const char* irq_line_name(unsigned line) { return line < host_lines ? line_names[line] : "?"; }

void irq_line_unmask(unsigned line) {
    if (line < host_lines) gic.enable(line);
}

void irq_line_mask(unsigned line) {
    if (line < host_lines) gic.disable(line);
}

unsigned timer_irq_line() { return virtual_timer_intid; }

}  // namespace hal
