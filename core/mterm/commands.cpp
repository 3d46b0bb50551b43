// The management terminal's command table.
#include "mterm/commands.hpp"

#include "mterm/mterm.hpp"

namespace tern {

const MtermCommand mterm_commands[] = {
    {"help", nullptr, "[COMMAND]", "list commands, or the subcommands of COMMAND", 0, 1, cmd_help},
    {"version", nullptr, "", "show the Tern version and configuration", 0, 0, cmd_version},
    {"echo", nullptr, "[TEXT...]", "print TEXT", 0, 15, cmd_echo},
    {"host", "info", "", "CPU, RAM, clock and uptime of the host", 0, 0, cmd_host_info},
    {"host", "irq", "", "host interrupt lines with their handlers and counts", 0, 0, cmd_host_irq},
    {"heap", nullptr, "", "hypervisor heap and page allocator usage", 0, 0, cmd_heap},
    {"thread", "list", "", "threads and VCPUs: id, name, state, priority, run time", 0, 0,
     cmd_thread_list},
    {"thread", "pause", "ID|NAME", "pause a hypervisor thread", 1, 1, cmd_thread_pause},
    {"thread", "resume", "ID|NAME", "resume a paused hypervisor thread", 1, 1, cmd_thread_resume},
    {"selftest", "sched", "", "threads of several priorities: order, slices, wake-up times", 0, 0,
     cmd_selftest_sched},
    {"selftest", "sleep", "MS", "sleep MS milliseconds and compare with the clock", 1, 1,
     cmd_selftest_sleep},
    {"reset", nullptr, "", "reset the board", 0, 0, cmd_reset},
    {"shutdown", nullptr, "", "power the board off", 0, 0, cmd_shutdown},
    {nullptr, nullptr, nullptr, nullptr, 0, 0, nullptr},
};

}  // namespace tern
