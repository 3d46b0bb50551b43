// Terminal commands: help, version, echo, reset, shutdown.
#include <string.h>

#include "build_config.hpp"
#include "console.hpp"
#include "emulators/emulator.hpp"
#include "hal/cpu.hpp"
#include "mterm/commands.hpp"
#include "mterm/mterm.hpp"
#include "version.hpp"

namespace tern {

int cmd_help(int argc, char** argv) {
    const char* only = argc > 0 ? argv[0] : nullptr;
    bool any = false;
    for (const MtermCommand* c = mterm_commands; c->group != nullptr; ++c) {
        if (only != nullptr && strcmp(only, c->group) != 0) continue;
        char name[48];
        size_t n = strlen(c->group);
        memcpy(name, c->group, n);
        if (c->sub != nullptr) {
            name[n++] = ' ';
            size_t m = strlen(c->sub);
            memcpy(name + n, c->sub, m);
            n += m;
        }
        name[n] = '\0';
        print("  %-16s %-14s %s\n", name, c->usage, c->help);
        any = true;
    }
    if (!any) {
        print("error: no command '%s'\n", only);
        return 1;
    }
    return 0;
}

int cmd_version(int, char**) {
    print("Tern %s (arch %s, board %s, cpu %s)\n", version, config::arch, config::board,
          config::cpu);
    print("config: timeslice=%ums heap=%uKiB line=%u history=%u\n", config::sched_timeslice_ms,
          config::heap_size_kb, config::mterm_line_max, config::mterm_history);
    print("emulators:");
    emulator_for_each([](const EmulatorOps& ops, void*) { print(" %s", ops.compatible); }, nullptr);
    print("\n");
    return 0;
}

int cmd_echo(int argc, char** argv) {
    for (int i = 0; i < argc; ++i) print("%s%s", i ? " " : "", argv[i]);
    print("\n");
    return 0;
}

int cmd_reset(int, char**) {
    print("resetting the board\n");
    hal::board_reset();
}

int cmd_shutdown(int, char**) {
    print("powering off\n");
    hal::board_poweroff();
}

}  // namespace tern
