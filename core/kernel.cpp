// kernel_main: from the arch start-up code to a running hypervisor.
#include <stdint.h>

#include "build_config.hpp"
#include "cmdline.hpp"
#include "config/board.hpp"
#include "console.hpp"
#include "hal/boot.hpp"
#include "hal/clock.hpp"
#include "hal/console.hpp"
#include "hal/cpu.hpp"
#include "hal/irq.hpp"
#include "console_input.hpp"
#include "hal/memory.hpp"
#include "guest.hpp"
#include "irq.hpp"
#include "kernel.hpp"
#include "mem/heap.hpp"
#include "mem/page_alloc.hpp"
#include "mterm/mterm.hpp"
#include "sched/scheduler.hpp"
#include "timer.hpp"
#include "version.hpp"

namespace tern {
namespace {

BoardInfo board;
CommandLine cmdline;

void print_banner(const hal::BootInfo& boot) {
    hal::CpuIdentity cpu = hal::cpu_identity();
    print("\nTern %s hypervisor (%s)\n", version, config::arch);
    print("  board:  %s\n", board.model);
    print("  cpu:    %s %s %s (id 0x%08x)\n", cpu.vendor, cpu.model, cpu.revision_text,
          cpu.id_register);
    print("  ram:    %llu MiB at 0x%llx\n", static_cast<unsigned long long>(board.ram_size >> 20),
          static_cast<unsigned long long>(board.ram_base));
    if (boot.firmware_ram_size != 0 && boot.firmware_ram_size != board.ram_size)
        print("  note:   firmware reports %llu MiB\n",
              static_cast<unsigned long long>(boot.firmware_ram_size >> 20));
    print("  clock:  %llu Hz\n", static_cast<unsigned long long>(hal::clock_hz()));
    print("  config: arch=%s board=%s cpu=%s timeslice=%ums heap=%uKiB emulators=%s\n",
          config::arch, config::board, config::cpu, config::sched_timeslice_ms,
          config::heap_size_kb, config::emu_ns16550 ? "ns16550" : "none");
    if (cmdline.count() > 0) print("  cmdline: %s\n", cmdline.raw());
}

// Debug actions requested with tern.test= (CONFIG_DEBUG_SELFTEST).
void run_boot_test(const char* what) {
    if (!config::debug_selftest || what == nullptr) return;
    if (__builtin_strcmp(what, "exception") == 0) {
        print("selftest: raising a deliberate unexpected exception\n");
        __builtin_trap();
    }
    print("selftest: unknown tern.test=%s (known: exception)\n", what);
}

// The heap right after the image, the page allocator for the rest of RAM.
void setup_memory(const hal::BootInfo& boot) {
    uint64_t image_end = align_up(hal::virt_to_phys(reinterpret_cast<void*>(boot.image_end)),
                                  PageAllocator::page_size);
    uint64_t heap_size = uint64_t{config::heap_size_kb} * 1024;
    uint64_t ram_end = board.ram_base + board.ram_size;
    if (boot.firmware_ram_size != 0 && board.ram_base + boot.firmware_ram_size < ram_end)
        ram_end = board.ram_base + boot.firmware_ram_size;  // trust the smaller
    if (image_end + heap_size >= ram_end) panic("memory: no room for a %llu KiB heap",
                                                static_cast<unsigned long long>(heap_size >> 10));
    if (heap().init(hal::phys_to_virt(image_end), heap_size) != Status::ok)
        panic("memory: heap init failed");
    uint64_t pages_base = image_end + heap_size;
    if (page_allocator().init(pages_base, ram_end - pages_base) != Status::ok)
        panic("memory: page allocator init failed");
    if (boot.initrd_size != 0)
        page_allocator().reserve(hal::virt_to_phys(reinterpret_cast<void*>(boot.initrd_start)),
                                 boot.initrd_size);
    print("  memory: heap %llu KiB at 0x%llx, %zu free pages from 0x%llx\n",
          static_cast<unsigned long long>(heap_size >> 10),
          static_cast<unsigned long long>(image_end), page_allocator().free_pages(),
          static_cast<unsigned long long>(pages_base));
}

}  // namespace
}  // namespace tern

void kernel_main(const hal::BootInfo& boot) {
    using namespace tern;
    const char* error = nullptr;
    if (parse_board(boot.board_dtb, board, &error) != Status::ok)
        panic("board device tree: %s", error);
    if (board.has_console && !hal::console_setup(board.console))
        print("console: no driver for \"%s\" (%s), keeping the early console\n",
              board.console.compatible, board.console_path);
    if (board.timer_hz != 0 && !hal::clock_set_hz(board.timer_hz))
        print("clock: ignoring timebase-frequency %llu\n",
              static_cast<unsigned long long>(board.timer_hz));

    cmdline.parse(boot.cmdline != nullptr ? boot.cmdline : "");
    print_banner(boot);
    if (cmdline.truncated()) print("cmdline: too long, the tail was ignored\n");

    run_boot_test(cmdline.get("tern.test"));

    setup_memory(boot);
    hal::irq_controller_init();
    sched_init();
    timer_init();
    console_input_init(board.has_console ? board.console.irq : -1);

    if (boot.initrd_size != 0)
        guests_load_initrd(hal::phys_to_virt(hal::virt_to_phys(reinterpret_cast<void*>(boot.initrd_start))),
                           boot.initrd_size);
    print("tern: boot complete\n");
    mterm_start(cmdline.get("tern.bootcmd"));
    sched_idle_loop();
}

namespace tern {
const BoardInfo& kernel_board() { return board; }
const CommandLine& kernel_cmdline() { return cmdline; }
}  // namespace tern
