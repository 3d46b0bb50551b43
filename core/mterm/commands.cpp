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
    {"guest", "list", "", "guests: id, name, state, vcpus, RAM, crash report", 0, 0,
     cmd_guest_list},
    {"guest", "start", "NAME", "start a stopped guest", 1, 1, cmd_guest_start},
    {"guest", "stop", "NAME", "stop a guest (its memory is kept)", 1, 1, cmd_guest_stop},
    {"guest", "reset", "NAME", "reset a guest: reload its images, reset devices, start", 1, 1,
     cmd_guest_reset},
    {"guest", "regions", "NAME", "a guest's memory and device regions", 1, 1, cmd_guest_regions},
    {"guest", "dumpmem", "NAME ADDR LEN", "hex dump of guest-physical memory", 3, 3,
     cmd_guest_dumpmem},
    {"vcpu", "list", "", "guest VCPUs and their states", 0, 0, cmd_vcpu_list},
    {"vcpu", "dumpreg", "GUEST/N", "registers and the guest's CP0 view", 1, 1, cmd_vcpu_dumpreg},
    {"vcpu", "stats", "[GUEST/N]", "exits by reason", 0, 1, cmd_vcpu_stats},
    {"vserial", "list", "", "virtual serial ports", 0, 0, cmd_vserial_list},
    {"vserial", "bind", "GUEST/DEVICE", "talk to a guest UART (Ctrl-] returns)", 1, 1,
     cmd_vserial_bind},
    {"selftest", "sched", "", "threads of several priorities: order, slices, wake-up times", 0, 0,
     cmd_selftest_sched},
    {"selftest", "sleep", "MS", "sleep MS milliseconds and compare with the clock", 1, 1,
     cmd_selftest_sleep},
    {"reset", nullptr, "", "reset the board", 0, 0, cmd_reset},
    {"shutdown", nullptr, "", "power the board off", 0, 0, cmd_shutdown},
    {nullptr, nullptr, nullptr, nullptr, 0, 0, nullptr},
};

}  // namespace tern
