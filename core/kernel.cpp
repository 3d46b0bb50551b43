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

    print("tern: boot complete\n");
    hal::irq_enable();
    for (;;) hal::wait_for_interrupt();
}
