// Terminal commands about threads: thread list, pause, resume.
#include "console.hpp"
#include "mterm/commands.hpp"
#include "sched/scheduler.hpp"
#include "sync/spinlock.hpp"
#include "thread.hpp"
#include "timer.hpp"

namespace tern {
namespace {

using ull = unsigned long long;

Vcpu* find_thread(const char* what) {
    Vcpu* t = thread_find(what);
    if (t == nullptr) print("error: no thread '%s' (see 'thread list')\n", what);
    return t;
}

}  // namespace

int cmd_thread_list(int, char**) {
    print("%-4s %-16s %-9s %-4s %-6s %12s %9s %8s\n", "ID", "NAME", "STATE", "PRIO", "KIND",
          "RUN(us)", "SWITCHES", "WAKEUPS");
    uint64_t now = clock_ns();
    IrqGuard guard;  // a consistent snapshot; printing is quick
    for (const Vcpu& v : sched_all()) {
        uint64_t run = v.stats.run_ns;
        if (&v == &sched_current()) run += now - v.run_start_ns;
        print("%-4u %-16s %-9s %-4u %-6s %12llu %9llu %8llu\n", v.id, v.name,
              vcpu_state_name(v.state), v.priority, v.orphan ? "thread" : "vcpu",
              static_cast<ull>(run / 1000), static_cast<ull>(v.stats.switches),
              static_cast<ull>(v.stats.wakeups));
    }
    return 0;
}

int cmd_thread_pause(int, char** argv) {
    Vcpu* t = find_thread(argv[0]);
    if (t == nullptr) return 1;
    if (!t->orphan || t == &sched_current() || thread_pause(*t) != Status::ok) {
        print("error: thread '%s' cannot be paused\n", argv[0]);
        return 1;
    }
    print("paused %u (%s)\n", t->id, t->name);
    return 0;
}

int cmd_thread_resume(int, char** argv) {
    Vcpu* t = find_thread(argv[0]);
    if (t == nullptr) return 1;
    if (!t->orphan || thread_resume(*t) != Status::ok) {
        print("error: thread '%s' is not paused\n", argv[0]);
        return 1;
    }
    print("resumed %u (%s)\n", t->id, t->name);
    return 0;
}

}  // namespace tern
