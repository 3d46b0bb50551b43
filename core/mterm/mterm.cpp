// Management terminal: dispatch and the terminal thread.
#include "mterm/mterm.hpp"

#include <string.h>

#include "build_config.hpp"
#include "console.hpp"
#include "console_input.hpp"
#include "mterm/args.hpp"
#include "mterm/line_editor.hpp"
#include "thread.hpp"

namespace tern {
namespace {

constexpr const char* prompt = "tern# ";
constexpr unsigned mterm_priority = 6;
const char* pending_bootcmd;

void print_usage(const MtermCommand& c) {
    print("usage: %s%s%s %s\n", c.group, c.sub ? " " : "", c.sub ? c.sub : "", c.usage);
}

bool group_exists(const char* group) {
    for (const MtermCommand* c = mterm_commands; c->group != nullptr; ++c)
        if (strcmp(c->group, group) == 0) return true;
    return false;
}

void echo_to_console(void*, const char* bytes, size_t len) { console_write(bytes, len); }

void run_one(char* command, void*) { (void)mterm_execute(command); }

void terminal_thread(void*) {
    if (pending_bootcmd != nullptr && pending_bootcmd[0] != '\0') {
        print("%s%s\n", prompt, pending_bootcmd);
        mterm_execute_list(pending_bootcmd);
    }
    static LineEditor editor(config::mterm_line_max, config::mterm_history, echo_to_console,
                             nullptr);
    for (;;) {
        print("%s", prompt);
        editor.reset();
        LineEditor::Result r;
        while ((r = editor.feed(static_cast<char>(console_read()))) == LineEditor::Result::pending) {
        }
        if (r == LineEditor::Result::too_long) {
            print("error: line too long (at most %u characters)\n", config::mterm_line_max);
            continue;
        }
        if (r != LineEditor::Result::line) continue;
        // A typed line may hold several ';'-separated commands, like tern.bootcmd.
        mterm_execute_list(editor.line());
    }
}

}  // namespace

bool mterm_parse_u64(const char* s, unsigned long long& out) {
    if (s == nullptr || *s == '\0') return false;
    unsigned base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
        if (*s == '\0') return false;
    }
    unsigned long long v = 0;
    for (; *s != '\0'; ++s) {
        unsigned d;
        if (*s >= '0' && *s <= '9') d = static_cast<unsigned>(*s - '0');
        else if (base == 16 && *s >= 'a' && *s <= 'f') d = static_cast<unsigned>(*s - 'a' + 10);
        else if (base == 16 && *s >= 'A' && *s <= 'F') d = static_cast<unsigned>(*s - 'A' + 10);
        else return false;
        if (v > (~0ull - d) / base) return false;  // overflow
        v = v * base + d;
    }
    out = v;
    return true;
}

int mterm_execute(char* line) {
    char* argv[max_args];
    const char* error = nullptr;
    int argc = split_args(line, argv, max_args, &error);
    if (argc < 0) {
        print("error: %s\n", error);
        return 1;
    }
    if (argc == 0) return 0;

    const MtermCommand* match = nullptr;
    for (const MtermCommand* c = mterm_commands; c->group != nullptr; ++c) {
        if (strcmp(c->group, argv[0]) != 0) continue;
        if (c->sub == nullptr || (argc > 1 && strcmp(c->sub, argv[1]) == 0)) {
            match = c;
            break;
        }
    }
    if (match == nullptr) {
        if (!group_exists(argv[0])) {
            print("error: unknown command '%s' (try 'help')\n", argv[0]);
        } else if (argc == 1) {
            print("error: '%s' needs a subcommand (try 'help %s')\n", argv[0], argv[0]);
        } else {
            print("error: unknown subcommand '%s %s' (try 'help %s')\n", argv[0], argv[1],
                  argv[0]);
        }
        return 1;
    }
    int skip = match->sub != nullptr ? 2 : 1;
    int nargs = argc - skip;
    if (nargs < match->min_args || nargs > match->max_args) {
        print("error: wrong number of arguments\n");
        print_usage(*match);
        return 1;
    }
    return match->run(nargs, argv + skip);
}

void mterm_execute_list(const char* list) {
    static char buf[LineEditor::max_line];
    const char* error = nullptr;
    if (!for_each_command(list, buf, sizeof(buf), run_one, nullptr, &error))
        print("error: %s\n", error);
}

void mterm_start(const char* bootcmd) {
    pending_bootcmd = bootcmd;
    Vcpu* t = thread_create("mterm", terminal_thread, nullptr, mterm_priority, 16384);
    if (t == nullptr || thread_start(*t) != Status::ok) panic("mterm: cannot start its thread");
}

}  // namespace tern
