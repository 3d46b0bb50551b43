// Host interrupts on MIPS: CPU lines IP0-IP7 (Cause.IP, Status.IM) are host
// lines 16-23; the board's controller owns lines 0-15 behind one CPU line.
#include "arch/cp0.hpp"
#include "arch/trap.hpp"
#include "hal/clock.hpp"
#include "hal/irq.hpp"

namespace mips {
namespace {

constexpr unsigned cpu_line_base = board_irq_lines;
constexpr const char* cpu_line_names[8] = {"cpu.0", "cpu.1", "cpu.2", "cpu.3",
                                           "cpu.4", "cpu.5", "cpu.6", "cpu.7"};

void set_im(unsigned ip, bool on) {
    uint32_t status = read_cp0<cp0::status>();
    uint32_t bit = StatusReg::Im::bits(1u << ip);
    write_cp0<cp0::status>(on ? status | bit : status & ~bit);
    ehb();
}

}  // namespace

void handle_interrupt(TrapFrame&) {
    tern::irq_enter();
    uint32_t pending = CauseReg::Ip::get(read_cp0<cp0::cause>()) &
                       StatusReg::Im::get(read_cp0<cp0::status>());
    for (int ip = 7; ip >= 0; --ip) {
        if ((pending & (1u << ip)) == 0) continue;
        if (!board_handle_irq_line(static_cast<unsigned>(ip)))
            tern::irq_handle(cpu_line_base + static_cast<unsigned>(ip));
    }
    tern::irq_exit();
}

}  // namespace mips

namespace hal {

unsigned irq_line_count() { return mips::cpu_line_base + 8; }

const char* irq_line_name(unsigned line) {
    if (line < mips::cpu_line_base) return mips::board_irq_line_name(line);
    if (line < mips::cpu_line_base + 8) return mips::cpu_line_names[line - mips::cpu_line_base];
    return "?";
}

void irq_line_unmask(unsigned line) {
    if (line < mips::cpu_line_base) mips::board_irq_line_mask(line, false);
    else if (line < mips::cpu_line_base + 8) mips::set_im(line - mips::cpu_line_base, true);
}

void irq_line_mask(unsigned line) {
    if (line < mips::cpu_line_base) mips::board_irq_line_mask(line, true);
    else if (line < mips::cpu_line_base + 8) mips::set_im(line - mips::cpu_line_base, false);
}

// Count/Compare interrupts on IP7 (IntCtl.IPTI on the 24K/34K/74K).
unsigned timer_irq_line() { return mips::cpu_line_base + 7; }

}  // namespace hal
