// HAL clock for AArch64: the generic timer's virtual counter (64 bits, so
// no wraparound to handle) and the EL1 virtual timer as the one-shot.
#include "arch/sysreg_access.hpp"
#include "hal/clock.hpp"

namespace hal {
namespace {

// 0 until the device tree sets it: then CNTFRQ_EL0, which the firmware
// programs for exactly this purpose (QEMU: 62.5 MHz for cortex-a57).
uint64_t counter_hz;

}  // namespace

uint64_t clock_counter() {
    // The ISB keeps the counter read from being hoisted above earlier code.
    arm::isb();
    return arm::read_sysreg<arm::sysreg::cntvct_el0>();
}

uint64_t clock_hz() {
    return counter_hz != 0 ? counter_hz : arm::read_sysreg<arm::sysreg::cntfrq_el0>();
}

bool clock_set_hz(uint64_t hz) {
    if (hz == 0) return false;
    counter_hz = hz;
    return true;
}

void timer_arm(uint64_t deadline) {
    // The timer condition is CNTVCT >= CVAL, a level: a deadline in the past
    // interrupts at once, and the interrupt stays asserted until the core
    // arms a later deadline or disarms.
    arm::write_sysreg<arm::sysreg::cntv_cval_el0>(deadline);
    arm::write_sysreg<arm::sysreg::cntv_ctl_el0>(arm::CntvCtlReg::Enable::bits(1));
    arm::isb();
}

void timer_disarm() {
    // Disabled, so the timer condition (and its interrupt) is deasserted.
    arm::write_sysreg<arm::sysreg::cntv_ctl_el0>(arm::CntvCtlReg::Enable::bits(0));
    arm::isb();
}

}  // namespace hal
