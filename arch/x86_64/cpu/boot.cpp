// From _start to kernel_main: stack guard, IDT, C++ constructors, TSC rate,
// boot arguments.
#include <stdint.h>

#include "arch/boot.hpp"
#include "arch/trap.hpp"
#include "hal/boot.hpp"

extern "C" {
extern char __image_start[], __image_end[];
extern char board_dtb[];
using Constructor = void (*)();
extern Constructor __init_array_start[], __init_array_end[];
}

// start.S: long mode, identity-mapped, SSE on, on the boot stack.
void x86_boot(uint32_t multiboot_magic, uint32_t multiboot_info) {
    x86::stack_guard_init();
    x86::idt_install();
    for (Constructor* c = __init_array_start; c != __init_array_end; ++c) (*c)();
    x86::tsc_calibrate();

    static hal::BootInfo boot{};
    boot.board_dtb = board_dtb;
    boot.image_start = reinterpret_cast<uintptr_t>(__image_start);
    boot.image_end = reinterpret_cast<uintptr_t>(__image_end);
    x86::read_multiboot(multiboot_magic, multiboot_info, boot);
    kernel_main(boot);
}
