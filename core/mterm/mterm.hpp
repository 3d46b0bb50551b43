// The management terminal: a hypervisor thread on the host console that
// reads command lines and runs commands from a table.
#pragma once

#include <stddef.h>

namespace tern {

// A command: `group` alone ("help") or with a subcommand ("thread list").
// argv[0] is the first word after the command name(s).
struct MtermCommand {
    const char* group;
    const char* sub;       // nullptr for a one-word command
    const char* usage;     // arguments, e.g. "NAME ADDR LEN"
    const char* help;      // one line
    int min_args;
    int max_args;
    int (*run)(int argc, char** argv);  // 0 on success
};

// Every command, ending in an entry with group == nullptr (mterm/commands.cpp).
extern const MtermCommand mterm_commands[];

// Runs one command line. Returns 0 on success; unknown commands and bad
// arguments print a clear error and return non-zero.
int mterm_execute(char* line);
// Runs a ';'-separated list of commands (tern.bootcmd).
void mterm_execute_list(const char* list);

// Starts the terminal thread (prompt "tern# ") after running `bootcmd`.
void mterm_start(const char* bootcmd);

// For commands: parse a number (decimal or 0x hex); false if malformed.
bool mterm_parse_u64(const char* s, unsigned long long& out);

}  // namespace tern
