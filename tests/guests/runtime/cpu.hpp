// Processor helpers for test guests: interrupt enable, WAIT, the CP0 timer.
#pragma once

#include <stdint.h>

#include "cp0.hpp"

namespace guest {

// DI / EI (MIPS32r2): return Status as it was before.
inline uint32_t di() {
    uint32_t old;
    asm volatile("di %0\n\tehb" : "=r"(old) : : "memory");
    return old;
}
inline uint32_t ei() {
    uint32_t old;
    asm volatile("ei %0\n\tehb" : "=r"(old) : : "memory");
    return old;
}

// Sets Status.IM bits `ip_mask` (bit n = IPn) without touching the rest.
inline void unmask_irqs(uint32_t ip_mask) {
    mtc0_ehb<cp0::status>(mfc0<cp0::status>() | status::IM::bits(ip_mask));
}
inline void mask_irqs(uint32_t ip_mask) {
    mtc0_ehb<cp0::status>(mfc0<cp0::status>() & ~status::IM::bits(ip_mask));
}

inline void wait() { asm volatile("wait" ::: "memory"); }

// Enables interrupts, waits for one (WAIT), disables them again. An
// interrupt taken after the EI but before the WAIT resumes after the WAIT
// (exception_dispatch moves EPC past it), so idle() never sleeps through a
// wake-up that already happened. Use as `while (!condition) idle();`.
extern "C" void idle();

// The CP0 timer: Count counts up; Count == Compare raises Cause.TI, seen on
// IP7 (IntCtl.IPTI); writing Compare clears it (PRA 9.15-9.17).
inline constexpr unsigned timer_ip = 7;

inline uint32_t read_count() { return mfc0<cp0::count>(); }

inline void set_compare(uint32_t v) { mtc0_ehb<cp0::compare>(v); }

// Counts since `start`, modulo 2^32 (Count wraps).
inline uint32_t counts_since(uint32_t start) { return read_count() - start; }

// Busy-waits for `counts` Count ticks.
inline void delay_counts(uint32_t counts) {
    const uint32_t start = read_count();
    while (counts_since(start) < counts) {
    }
}

}  // namespace guest
