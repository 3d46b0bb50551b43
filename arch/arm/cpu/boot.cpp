// From _start to kernel_main: MMU, vectors, C++ constructors, boot arguments.
#include <stdint.h>

#include "arch/firmware_dt.hpp"
#include "arch/mmu.hpp"
#include "arch/psci.hpp"
#include "arch/trap.hpp"
#include "hal/boot.hpp"

extern "C" {
extern char __image_start[], __image_end[];
extern char board_dtb[];
using Constructor = void (*)();
extern Constructor __init_array_start[], __init_array_end[];
}

// start.S: x0 as the loader left it, and the EL _start was entered at
// (execution is at EL1 by now either way).
void arm_boot(uintptr_t loader_x0, uint64_t boot_el) {
    arm::mmu_enable();
    arm::install_vectors();
    for (Constructor* c = __init_array_start; c != __init_array_end; ++c) (*c)();

    // QEMU emulates PSCI at the EL above the one it starts us at: HVC when
    // we started at EL1, SMC when at EL2 (we dropped to EL1; SMC from EL1
    // still reaches QEMU's PSCI since HCR_EL2.TSC is clear). The loader's
    // device tree says so explicitly when it has a /psci node.
    arm::FirmwareDt firmware = arm::read_firmware_dt(loader_x0);
    arm::psci_set_conduit(boot_el >= 2 ? arm::PsciConduit::smc : arm::PsciConduit::hvc);
    if (firmware.has_psci_method) arm::psci_set_conduit(firmware.psci_method);

    static hal::BootInfo boot{};
    boot.board_dtb = board_dtb;
    boot.cmdline = firmware.bootargs;
    boot.firmware_ram_size = firmware.ram_size;
    boot.initrd_start = static_cast<uintptr_t>(firmware.initrd_start);
    boot.initrd_size = static_cast<size_t>(firmware.initrd_end - firmware.initrd_start);
    boot.image_start = reinterpret_cast<uintptr_t>(__image_start);
    boot.image_end = reinterpret_cast<uintptr_t>(__image_end);
    kernel_main(boot);
}
