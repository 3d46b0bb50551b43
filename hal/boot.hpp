// HAL: what the arch start-up code hands the core.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace hal {

struct BootInfo {
    const void* board_dtb;        // the board device tree built into the image
    const char* cmdline;          // kernel command line ("" when none)
    uint64_t    firmware_ram_size;// RAM size the firmware reported, 0 if unknown
    uintptr_t   initrd_start;     // initrd physical start, 0 when none
    size_t      initrd_size;
    uintptr_t   image_start;      // physical extent of the hypervisor image
    uintptr_t   image_end;
};

}  // namespace hal

// Entered once by each arch's start-up code, on the boot stack, with
// interrupts disabled and the C++ runtime (BSS, constructors) ready.
[[noreturn]] void kernel_main(const hal::BootInfo& boot);
