// The boot loader's own device tree: where the command line (and an initrd
// a Linux-style loader placed) comes from.
#pragma once

#include <stdint.h>

#include "arch/psci.hpp"

namespace arm {

// What the loader's device tree says (QEMU generates one for -M virt and
// puts -append into /chosen/bootargs). The board device tree built into the
// image describes the hardware; this one only carries run-time choices.
struct FirmwareDt {
    bool found = false;
    const char* bootargs = "";    // copied out of the blob, "" when none
    uint64_t ram_size = 0;        // first /memory node, 0 when unknown
    uint64_t initrd_start = 0;    // /chosen linux,initrd-start/-end, 0 when none
    uint64_t initrd_end = 0;
    bool has_psci_method = false;
    PsciConduit psci_method = PsciConduit::hvc;
};

// Looks for a device tree at `loader_x0` (the Linux boot protocol's x0) and
// then where the board's loader leaves it; returns found = false if neither
// holds one.
FirmwareDt read_firmware_dt(uintptr_t loader_x0);

}  // namespace arm
