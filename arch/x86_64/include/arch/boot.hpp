// Start-up steps of the x86-64 backend, in the order x86_boot runs them.
#pragma once

#include <stdint.h>

#include "hal/boot.hpp"

namespace x86 {

// Points the FS base at a block holding the stack-protector canary, where
// GCC's x86-64 code (Debian's libfdt.a) reads it: %fs:0x28.
void stack_guard_init();

// Sets the TSC rate from the board's measurement (clock_hz() until the
// device tree says otherwise).
void tsc_calibrate();

// Fills `boot` from the multiboot information: command line, RAM size,
// the first module as initrd (moved to the top of RAM, out of the way of
// the heap). Copies what it keeps: the information block itself sits right
// after the image, where the core puts its heap.
void read_multiboot(uint32_t magic, uint32_t info_phys, hal::BootInfo& boot);

}  // namespace x86
