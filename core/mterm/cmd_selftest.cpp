// `selftest sched` and `selftest sleep`: the scheduler and the clock checked
// on the real machine, with PASS/FAIL per check.
#include "build_config.hpp"
#include "console.hpp"
#include "mterm/commands.hpp"
#include "mterm/mterm.hpp"
#include "sync/semaphore.hpp"
#include "thread.hpp"
#include "timer.hpp"

namespace tern {
namespace {

using ull = unsigned long long;
constexpr uint64_t ms = 1'000'000;
// Wake-up lateness allowed: timer interrupt latency plus a context switch.
constexpr uint64_t late_ns = 2 * ms;

unsigned passed, failed;

void report(bool ok, const char* check, const char* detail_fmt, ull a = 0, ull b = 0, ull c = 0) {
    print("selftest: %-22s %s (", check, ok ? "PASS" : "FAIL");
    print(detail_fmt, a, b, c);
    print(")\n");
    ++(ok ? passed : failed);
}

Vcpu* spawn(const char* name, Vcpu::Entry fn, void* arg, unsigned prio) {
    Vcpu* t = thread_create(name, fn, arg, prio);
    if (t != nullptr && thread_start(*t) != Status::ok) t = nullptr;
    return t;
}

void reap(Vcpu* t) {
    if (t == nullptr) return;
    (void)thread_join(*t);
    (void)thread_destroy(*t);
}

// --- sleepers of different priorities wake in deadline order, on time ---
struct Sleeper {
    uint64_t sleep_ns;
    uint64_t deadline;
    uint64_t woke;
    unsigned order;
};
unsigned wake_sequence;

void sleeper(void* arg) {
    auto* s = static_cast<Sleeper*>(arg);
    s->deadline = clock_ns() + s->sleep_ns;
    thread_sleep_ns(s->sleep_ns);
    s->woke = clock_ns();
    s->order = wake_sequence++;
}

void check_sleep_order() {
    Sleeper s[3] = {{30 * ms, 0, 0, 0}, {10 * ms, 0, 0, 0}, {20 * ms, 0, 0, 0}};
    wake_sequence = 0;
    Vcpu* t[3] = {spawn("st-sleep30", sleeper, &s[0], 2), spawn("st-sleep10", sleeper, &s[1], 3),
                  spawn("st-sleep20", sleeper, &s[2], 4)};
    for (Vcpu* v : t) reap(v);
    bool order = s[1].order == 0 && s[2].order == 1 && s[0].order == 2;
    report(order, "sleep wake-up order", "woke 10ms:#%llu 20ms:#%llu 30ms:#%llu", s[1].order,
           s[2].order, s[0].order);
    uint64_t worst = 0;
    bool early = false;
    for (const Sleeper& x : s) {
        if (time_before(x.woke, x.deadline)) early = true;
        else if (x.woke - x.deadline > worst) worst = x.woke - x.deadline;
    }
    report(!early && worst <= late_ns, "sleep wake-up time", "worst lateness %llu us, early=%llu",
           worst / 1000, early);
}

// --- a higher priority preempts a busy lower priority at once ---
struct Preempt {
    volatile bool low_running;
    volatile bool low_done;
    bool low_was_mid_run;
    uint64_t lateness;
};

void busy_low(void* arg) {
    auto* p = static_cast<Preempt*>(arg);
    p->low_running = true;
    uint64_t end = clock_ns() + 30 * ms;
    while (time_before(clock_ns(), end)) {
    }
    p->low_done = true;
}

void sleepy_high(void* arg) {
    auto* p = static_cast<Preempt*>(arg);
    uint64_t deadline = clock_ns() + 10 * ms;
    thread_sleep_ns(10 * ms);
    p->lateness = clock_ns() - deadline;
    p->low_was_mid_run = p->low_running && !p->low_done;
}

void check_preemption() {
    Preempt p{};
    Vcpu* high = spawn("st-high", sleepy_high, &p, 4);
    Vcpu* low = spawn("st-low", busy_low, &p, 2);
    reap(high);
    reap(low);
    report(p.low_was_mid_run && p.lateness <= late_ns, "priority preemption",
           "high woke %llu us late, low mid-run=%llu", p.lateness / 1000, p.low_was_mid_run);
}

// --- equal priorities share the CPU in time slices ---
struct RoundRobin {
    static constexpr unsigned max_segments = 32;
    volatile int last = -1;
    uint64_t segment_start;
    unsigned segments;
    uint64_t length[max_segments];  // how long each thread ran, in turn
};
RoundRobin rr;

struct Spinner {
    int id;
};

void spinner(void* arg) {
    int me = static_cast<Spinner*>(arg)->id;
    uint64_t end = clock_ns() + 6 * uint64_t{config::sched_timeslice_ms} * ms;
    while (time_before(clock_ns(), end)) {
        if (rr.last == me) continue;
        uint64_t now = clock_ns();
        if (rr.last >= 0 && rr.segments < RoundRobin::max_segments)
            rr.length[rr.segments++] = now - rr.segment_start;
        rr.segment_start = now;
        rr.last = me;
    }
}

void check_round_robin() {
    rr = RoundRobin{};
    Spinner a{0}, b{1};
    Vcpu* ta = spawn("st-rr-a", spinner, &a, 2);
    Vcpu* tb = spawn("st-rr-b", spinner, &b, 2);
    reap(ta);
    reap(tb);
    // The first segment starts mid-slice and the last ends when its thread
    // does: only the ones between are whole slices.
    uint64_t slice = uint64_t{config::sched_timeslice_ms} * ms;
    uint64_t shortest = ~0ull, longest = 0;
    for (unsigned i = 1; i + 1 < rr.segments; ++i) {
        shortest = min(shortest, rr.length[i]);
        longest = max(longest, rr.length[i]);
    }
    bool ok = rr.segments >= 4 && shortest >= slice - slice / 10 && longest <= slice + slice / 2;
    report(ok, "round robin slices", "%llu turns, whole slices %llu..%llu us", rr.segments,
           shortest == ~0ull ? 0 : shortest / 1000, longest / 1000);
}

// --- pause stops a thread, resume restarts it ---
unsigned ticks;  // read across calls, so never cached in a register

void ticker(void*) {
    for (;;) {
        ++ticks;
        thread_sleep_ms(1);
    }
}

void check_pause_resume() {
    ticks = 0;
    Vcpu* t = spawn("st-ticker", ticker, nullptr, 3);
    if (t == nullptr) {
        report(false, "pause/resume", "no thread");
        return;
    }
    thread_sleep_ms(5);
    bool paused = thread_pause(*t) == Status::ok;
    thread_sleep_ms(3);  // let a pending wake-up turn into the pause
    unsigned at_pause = ticks;
    thread_sleep_ms(10);
    unsigned while_paused = ticks - at_pause;
    bool resumed = thread_resume(*t) == Status::ok;
    thread_sleep_ms(10);
    unsigned after = ticks - at_pause - while_paused;
    (void)thread_destroy(*t);
    report(paused && resumed && while_paused == 0 && after >= 3, "pause/resume",
           "ticks while paused %llu, after resume %llu", while_paused, after);
}

// --- semaphores hand control back and forth ---
struct PingPong {
    Semaphore ping, pong;
    Mutex mutex;
    unsigned rounds;
    unsigned in_critical, max_in_critical;
};

void ponger(void* arg) {
    auto* p = static_cast<PingPong*>(arg);
    for (unsigned i = 0; i < 100; ++i) {
        p->ping.down();
        p->mutex.lock();
        if (++p->in_critical > p->max_in_critical) p->max_in_critical = p->in_critical;
        ++p->rounds;
        --p->in_critical;
        p->mutex.unlock();
        p->pong.up();
    }
}

void check_semaphores() {
    static PingPong p;
    p.rounds = p.in_critical = p.max_in_critical = 0;
    Vcpu* t = spawn("st-pong", ponger, &p, 3);
    for (unsigned i = 0; i < 100; ++i) {
        p.ping.up();
        p.pong.down();
    }
    reap(t);
    report(p.rounds == 100 && p.max_in_critical == 1, "semaphore ping-pong",
           "%llu rounds, max %llu in the mutex", p.rounds, p.max_in_critical);
}

}  // namespace

int cmd_selftest_sched(int, char**) {
    passed = failed = 0;
    check_sleep_order();
    check_preemption();
    check_round_robin();
    check_pause_resume();
    check_semaphores();
    print("selftest sched: %u passed, %u failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

int cmd_selftest_sleep(int, char** argv) {
    unsigned long long want = 0;
    if (!mterm_parse_u64(argv[0], want) || want == 0 || want > 60'000) {
        print("error: MS must be 1..60000\n");
        return 1;
    }
    uint64_t start = clock_ns();
    thread_sleep_ms(want);
    uint64_t took = clock_ns() - start;
    uint64_t expect = want * ms;
    uint64_t diff = took > expect ? took - expect : expect - took;
    // Parts per million of error, printed as a percentage.
    ull ppm = diff * 1'000'000 / expect;
    bool ok = diff * 20 <= expect;  // within 5%
    print("selftest: sleep %llu ms measured %llu.%03llu ms (error %llu.%04llu%%) %s\n", want,
          static_cast<ull>(took / ms), static_cast<ull>(took % ms / 1000), ppm / 10000, ppm % 10000,
          ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}

}  // namespace tern
