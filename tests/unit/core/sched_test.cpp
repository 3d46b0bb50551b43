// The real scheduler and thread API (core/sched/scheduler.cpp, core/thread.cpp)
// on the simulated CPU of tests/host/host_sched.hpp: each scenario runs in a
// child process as the thread "main" and records what it saw; the checks
// here compare that with what docs/threads.md promises, to the nanosecond
// (the simulated clock runs at 1 GHz unless a test says otherwise).
#include <stdint.h>

#include <string>

#include "build_config.hpp"
#include "catch.hpp"
#include "mem/heap.hpp"
#include "sched/scheduler.hpp"
#include "sim.hpp"
#include "sync/semaphore.hpp"
#include "thread.hpp"
#include "timer.hpp"

using sim::ms;
using sim::us;
using tern::Status;
using tern::Vcpu;
using tern::VcpuState;

namespace {

constexpr uint64_t slice = uint64_t{tern::config::sched_timeslice_ms} * ms;

// "name@<microseconds now>"
std::string at(const std::string& name) { return name + "@" + std::to_string(sim::now_us()); }
std::string at(const std::string& name, uint64_t ns) { return name + "@" + std::to_string(ns / 1000); }

// Records "name@time" whenever a different thread than last time calls
// mark(): the start of each thread's run segment.
struct Segments {
    sim::Record& rec;
    std::string last;
    void mark(const std::string& me) {
        if (last == me) return;
        last = me;
        rec.add("seg", at(me));
    }
};

// Busy for `total` ns of CPU time in 100 us steps, marking segments.
void busy(Segments& s, const std::string& me, uint64_t total) {
    for (uint64_t done = 0; done < total; done += 100 * us) {
        s.mark(me);
        host_burn(100 * us);
    }
}

const char* state(const Vcpu* v) { return tern::vcpu_state_name(v->state); }

}  // namespace

TEST_CASE("sched: the highest priority ready thread runs first", "[sched]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        int ran = 0;
        Vcpu* t[4];
        const char* names[] = {"p1", "p3", "p5", "p6"};
        unsigned prio[] = {1, 3, 5, 6};
        for (int i = 0; i < 4; ++i)  // started lowest first
            t[i] = sim::spawn(names[i], prio[i], [&rec, &ran, name = names[i]] {
                ++ran;
                rec.add("order", name);
            });
        rec.set("ran_before_main_blocked", ran);  // main (7) is higher than all
        for (Vcpu* v : t) (void)tern::thread_join(*v);
        rec.set("end_us", sim::now_us());
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.num("ran_before_main_blocked") == 0);
    CHECK(r.str("order") == "p6,p5,p3,p1");
    CHECK(r.num("end_us") == 0);  // nothing consumed time
}

TEST_CASE("sched: thread_start preempts the caller only for a higher priority", "[sched]") {
    host::SimOptions opt;
    opt.main_priority = 3;
    sim::Result r = sim::run(
        [](sim::Record& rec) {
            rec.add("order", "main");
            sim::spawn("higher", 5, [&] { rec.add("order", "higher"); });
            rec.add("order", "main-after-higher");
            sim::spawn("equal", 3, [&] { rec.add("order", "equal"); });
            rec.add("order", "main-after-equal");
            sim::spawn("lower", 1, [&] { rec.add("order", "lower"); });
            rec.add("order", "main-after-lower");
            tern::thread_yield();  // behind "equal"; "lower" still waits
            rec.add("order", "main-after-yield");
            tern::thread_sleep_ms(1);
            rec.add("order", "main-end");
        },
        opt);
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("order") ==
          "main,higher,main-after-higher,main-after-equal,main-after-lower,equal,"
          "main-after-yield,lower,main-end");
}

TEST_CASE("sched: equal priorities share the CPU in time slices", "[sched][timeslice]") {
    REQUIRE(slice > 0);
    sim::Result r = sim::run([](sim::Record& rec) {
        Segments s{rec, ""};
        uint64_t work = 3 * slice + slice / 2;
        Vcpu* a = sim::spawn("a", 2, [&] { busy(s, "a", work); });
        Vcpu* b = sim::spawn("b", 2, [&] { busy(s, "b", work); });
        (void)tern::thread_join(*a);
        rec.set("a_done_us", sim::now_us());
        (void)tern::thread_join(*b);
        rec.set("b_done_us", sim::now_us());
        for (Vcpu* v : {a, b}) {
            std::string n = v->name;
            rec.set(n + "_run_ns", v->stats.run_ns);
            rec.set(n + "_switches", v->stats.switches);
            rec.set(n + "_preemptions", v->stats.preemptions);
        }
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    // a: [0,S) [2S,3S) [4S,5S) [6S,6.5S); b: [S,2S) [3S,4S) [5S,6S), then
    // alone from 6.5S for its last half slice.
    const uint64_t S = slice;
    std::string expected = at("a", 0) + "," + at("b", S) + "," + at("a", 2 * S) + "," +
                           at("b", 3 * S) + "," + at("a", 4 * S) + "," + at("b", 5 * S) + "," +
                           at("a", 6 * S) + "," + at("b", 6 * S + S / 2);
    CHECK(r.str("seg") == expected);
    CHECK(r.num("a_done_us") == (6 * S + S / 2) / 1000);
    CHECK(r.num("b_done_us") == 7 * S / 1000);
    CHECK(r.num("a_run_ns") == 3 * S + S / 2);
    CHECK(r.num("b_run_ns") == 3 * S + S / 2);
    CHECK(r.num("a_switches") == 4);
    CHECK(r.num("b_switches") == 4);
    CHECK(r.num("a_preemptions") == 3);
    CHECK(r.num("b_preemptions") == 3);
}

TEST_CASE("sched: a thread preempted by a higher priority keeps its place and gets a new slice",
          "[sched][timeslice]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        Segments s{rec, ""};
        Vcpu* a = sim::spawn("a", 2, [&] { busy(s, "a", 2 * slice); });
        Vcpu* b = sim::spawn("b", 2, [&] { busy(s, "b", 2 * slice); });
        Vcpu* h = sim::spawn("h", 5, [&] {
            tern::thread_sleep_ns(slice / 2);
            s.mark("h");
        });
        for (Vcpu* v : {h, a, b}) (void)tern::thread_join(*v);
        rec.set("a_preemptions", a->stats.preemptions);
        rec.set("b_preemptions", b->stats.preemptions);
        rec.set("h_wakeups", h->stats.wakeups);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    const uint64_t S = slice;
    // h wakes at S/2 and preempts a, which resumes ahead of b with a whole
    // slice: [S/2, 3S/2); then b [3S/2, 5S/2), a finishes [5S/2, 3S), b [3S, 4S).
    CHECK(r.str("seg") == at("a", 0) + "," + at("h", S / 2) + "," + at("a", S / 2) + "," +
                              at("b", 3 * S / 2) + "," + at("a", 5 * S / 2) + "," + at("b", 3 * S));
    CHECK(r.num("a_preemptions") == 2);
    CHECK(r.num("b_preemptions") == 1);
    CHECK(r.num("h_wakeups") == 1);
}

TEST_CASE("sched: thread_yield goes behind the other threads of the same priority", "[sched]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        auto body = [&rec](const char* name) {
            for (int i = 1; i <= 3; ++i) {
                rec.add("order", name + std::to_string(i));
                tern::thread_yield();
            }
        };
        Vcpu* a = sim::spawn("a", 2, [&] { body("a"); });
        Vcpu* b = sim::spawn("b", 2, [&] { body("b"); });
        // Alone at its level, main's yield comes straight back.
        uint64_t switches = tern::sched_stats().switches;
        tern::thread_yield();
        rec.set("alone_yield_switches", tern::sched_stats().switches - switches);
        (void)tern::thread_join(*a);
        (void)tern::thread_join(*b);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("order") == "a1,b1,a2,b2,a3,b3");
    CHECK(r.num("alone_yield_switches") == 0);
}

TEST_CASE("sched: sleepers wake in deadline order and exactly on time", "[sched][sleep]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        struct Sleeper {
            const char* name;
            unsigned prio;
            uint64_t ns;
        } sleepers[] = {{"s30", 2, 30 * ms}, {"s10", 3, 10 * ms}, {"s20", 4, 20 * ms}};
        Vcpu* t[3];
        for (int i = 0; i < 3; ++i) {
            Sleeper& s = sleepers[i];
            t[i] = sim::spawn(s.name, s.prio, [&rec, &s] {
                uint64_t deadline = tern::clock_ns() + s.ns;
                tern::thread_sleep_ns(s.ns);
                rec.add("wake", at(s.name));
                rec.set(std::string(s.name) + "_late_ns", tern::clock_ns() - deadline);
                rec.set(std::string(s.name) + "_state", state(&tern::thread_current()));
            });
        }
        for (Vcpu* v : t) (void)tern::thread_join(*v);
        for (Vcpu* v : t) rec.set(std::string(v->name) + "_wakeups", v->stats.wakeups);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("wake") == "s10@10000,s20@20000,s30@30000");
    for (const char* s : {"s10", "s20", "s30"}) {
        CHECK(r.num(std::string(s) + "_late_ns") == 0);
        CHECK(r.str(std::string(s) + "_state") == "running");
        CHECK(r.num(std::string(s) + "_wakeups") == 1);
    }
}

namespace {
__extension__ typedef unsigned __int128 u128;

// What clock_ns() reads after a sleep until `deadline`: the timer fires when
// the counter reaches the deadline rounded up to whole ticks, and the
// counter reads back as nanoseconds rounded down.
uint64_t woken_at(uint64_t deadline, uint64_t hz) {
    u128 ticks = (u128{deadline} * hz + 999'999'999) / 1'000'000'000;
    return static_cast<uint64_t>(ticks * 1'000'000'000 / hz);
}
}  // namespace

TEST_CASE("sched: wake times round up to the counter at 160 MHz", "[sched][sleep]") {
    host::SimOptions opt;
    opt.hz = 160'000'000;  // 6.25 ns per tick, as on Malta
    const uint64_t sleeps[] = {10 * ms + 1, 20 * ms + 3, 1 * ms + 6, 7, 1, 999'999'999};
    sim::Result r = sim::run(
        [&](sim::Record& rec) {
            for (uint64_t ns : sleeps) {
                uint64_t deadline = tern::clock_ns() + ns;
                tern::thread_sleep_ns(ns);
                rec.add("late", std::to_string(static_cast<int64_t>(tern::clock_ns() - deadline)));
            }
        },
        opt);
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    std::string expected;
    uint64_t now = 0;
    for (uint64_t ns : sleeps) {
        uint64_t woke = woken_at(now + ns, opt.hz);
        REQUIRE(woke - (now + ns) < 7);  // never early, at most one tick late
        expected += (expected.empty() ? "" : ",") + std::to_string(woke - (now + ns));
        now = woke;
    }
    CHECK(r.str("late") == expected);
    CHECK(expected != "0,0,0,0,0,0");  // the sleeps do fall between ticks
}

TEST_CASE("sched: equal deadlines wake in arming order", "[sched][sleep]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        // x is created first but arms its timer second.
        Vcpu* x = sim::spawn("x", 3, [&] {
            tern::thread_yield();
            tern::sched_sleep_until(10 * ms);
            rec.add("wake", at("x"));
        });
        Vcpu* y = sim::spawn("y", 3, [&] {
            tern::sched_sleep_until(10 * ms);
            rec.add("wake", at("y"));
        });
        (void)tern::thread_join(*x);
        (void)tern::thread_join(*y);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("wake") == "y@10000,x@10000");
}

TEST_CASE("sched: a zero sleep returns at once", "[sched][sleep]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        uint64_t before = tern::clock_ns();
        tern::thread_sleep_ns(0);
        rec.set("elapsed", tern::clock_ns() - before);
        rec.set("wakeups", tern::thread_current().stats.wakeups);
        tern::thread_sleep_ms(3);
        rec.set("after_3ms", tern::clock_ns() - before);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.num("elapsed") == 0);
    CHECK(r.num("wakeups") == 1);
    CHECK(r.num("after_3ms") == 3 * ms);
}

TEST_CASE("sched: a waking higher priority preempts a busy thread at its deadline", "[sched]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        Vcpu* low = nullptr;
        low = sim::spawn("low", 2, [&] {
            host_burn(30 * ms);
            rec.set("low_done_us", sim::now_us());
        });
        Vcpu* high = sim::spawn("high", 4, [&] {
            tern::thread_sleep_ms(10);
            rec.set("high_woke_us", sim::now_us());
            rec.set("low_state", state(low));
            rec.set("low_run_ns", low->stats.run_ns);
            host_burn(2 * ms);
        });
        (void)tern::thread_join(*high);
        (void)tern::thread_join(*low);
        rec.set("low_preemptions", low->stats.preemptions);
        rec.set("low_run_total", low->stats.run_ns);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.num("high_woke_us") == 10'000);
    CHECK(r.str("low_state") == "ready");
    CHECK(r.num("low_run_ns") == 10 * ms);
    CHECK(r.num("low_done_us") == 32'000);  // 30 ms of its own plus high's 2 ms
    CHECK(r.num("low_run_total") == 30 * ms);
    // Alone at priority 2, low's expired slices are not preemptions: only high's.
    CHECK(r.num("low_preemptions") == 1);
}

TEST_CASE("sched: pausing and resuming a ready thread", "[sched][pause]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        bool ran = false;
        Vcpu* t = sim::spawn("t", 3, [&] {
            ran = true;
            rec.add("ran", at("t"));
        });
        rec.set("pause", tern::status_name(tern::thread_pause(*t)));
        rec.set("state_paused", state(t));
        tern::thread_sleep_ms(20);  // t would have run here
        rec.set("ran_while_paused", ran);
        rec.set("resume", tern::status_name(tern::thread_resume(*t)));
        rec.set("state_resumed", state(t));
        rec.set("resume_again", tern::status_name(tern::thread_resume(*t)));
        (void)tern::thread_join(*t);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("pause") == "ok");
    CHECK(r.str("state_paused") == "paused");
    CHECK(r.str("ran_while_paused") == "false");
    CHECK(r.str("resume") == "ok");
    CHECK(r.str("state_resumed") == "ready");
    CHECK(r.str("resume_again") == "invalid");  // not paused any more
    CHECK(r.str("ran") == "t@20000");
}

TEST_CASE("sched: a thread can pause itself until another resumes it", "[sched][pause]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        Vcpu* t = sim::spawn("t", 3, [&] {
            rec.add("t", at("before"));
            rec.add("t", tern::status_name(tern::thread_pause(tern::thread_current())));
            rec.add("t", at("after"));
        });
        tern::thread_sleep_ms(5);
        rec.set("state_at_5ms", state(t));
        tern::thread_sleep_ms(5);
        rec.set("resume", tern::status_name(tern::thread_resume(*t)));
        (void)tern::thread_join(*t);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("state_at_5ms") == "paused");
    CHECK(r.str("resume") == "ok");
    CHECK(r.str("t") == "before@0,ok,after@10000");
}

TEST_CASE("sched: pausing a sleeping thread takes effect when it would wake", "[sched][pause]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        Vcpu* t = sim::spawn("t", 3, [&] {
            tern::thread_sleep_ms(10);
            rec.add("woke", at("t"));
        });
        tern::thread_sleep_ms(2);
        rec.set("pause", tern::status_name(tern::thread_pause(*t)));
        rec.set("state_at_2ms", state(t));
        rec.set("pending_at_2ms", t->pause_pending);
        tern::thread_sleep_ms(13);  // its deadline (10 ms) passes
        rec.set("state_at_15ms", state(t));
        rec.set("pending_at_15ms", t->pause_pending);
        rec.set("wakeups_at_15ms", t->stats.wakeups);
        tern::thread_sleep_ms(15);
        rec.set("resume", tern::status_name(tern::thread_resume(*t)));
        (void)tern::thread_join(*t);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("pause") == "ok");
    CHECK(r.str("state_at_2ms") == "sleeping");
    CHECK(r.str("pending_at_2ms") == "true");
    CHECK(r.str("state_at_15ms") == "paused");
    CHECK(r.str("pending_at_15ms") == "false");
    CHECK(r.num("wakeups_at_15ms") == 1);
    CHECK(r.str("resume") == "ok");
    CHECK(r.str("woke") == "t@30000");  // when resumed, not at its deadline
}

TEST_CASE("sched: resuming a sleeping thread before its deadline cancels the pause",
          "[sched][pause]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        Vcpu* t = sim::spawn("t", 3, [&] {
            tern::thread_sleep_ms(10);
            rec.add("woke", at("t"));
        });
        tern::thread_sleep_ms(2);
        rec.set("pause", tern::status_name(tern::thread_pause(*t)));
        tern::thread_sleep_ms(3);
        rec.set("resume", tern::status_name(tern::thread_resume(*t)));
        rec.set("state_at_5ms", state(t));
        rec.set("pending_at_5ms", t->pause_pending);
        (void)tern::thread_join(*t);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("pause") == "ok");
    CHECK(r.str("resume") == "ok");
    CHECK(r.str("state_at_5ms") == "sleeping");
    CHECK(r.str("pending_at_5ms") == "false");
    CHECK(r.str("woke") == "t@10000");
}

TEST_CASE("sched: pausing a blocked thread parks it when it is woken", "[sched][pause]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        tern::Semaphore sem;
        Vcpu* t = sim::spawn("t", 3, [&] {
            sem.down();
            rec.add("got", at("t"));
        });
        tern::thread_sleep_ms(1);
        rec.set("state_blocked", state(t));
        rec.set("pause", tern::status_name(tern::thread_pause(*t)));
        sem.up();
        rec.set("state_after_up", state(t));
        rec.set("count_after_up", sem.count());
        tern::thread_sleep_ms(4);
        rec.set("resume", tern::status_name(tern::thread_resume(*t)));
        (void)tern::thread_join(*t);
        rec.set("count_at_end", sem.count());
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("state_blocked") == "blocked");
    CHECK(r.str("pause") == "ok");
    CHECK(r.str("state_after_up") == "paused");
    CHECK(r.num("count_after_up") == 1);
    CHECK(r.str("resume") == "ok");
    CHECK(r.str("got") == "t@5000");
    CHECK(r.num("count_at_end") == 0);
}

TEST_CASE("sched: pause and resume refuse what they cannot do", "[sched][pause]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        Vcpu* created = sim::spawn("created", 3, [] {}, false);
        rec.set("pause_created", tern::status_name(tern::thread_pause(*created)));
        rec.set("resume_created", tern::status_name(tern::thread_resume(*created)));
        auto& idle = const_cast<Vcpu&>(tern::sched_idle());
        rec.set("pause_idle", tern::status_name(tern::thread_pause(idle)));
        rec.set("resume_running", tern::status_name(tern::thread_resume(tern::thread_current())));
        rec.set("start", tern::status_name(tern::thread_start(*created)));
        rec.set("start_again", tern::status_name(tern::thread_start(*created)));
        (void)tern::thread_join(*created);
        rec.set("pause_exited", tern::status_name(tern::thread_pause(*created)));
        rec.set("resume_exited", tern::status_name(tern::thread_resume(*created)));
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("pause_created") == "invalid");
    CHECK(r.str("resume_created") == "invalid");
    CHECK(r.str("pause_idle") == "invalid");
    CHECK(r.str("resume_running") == "invalid");
    CHECK(r.str("start") == "ok");
    CHECK(r.str("start_again") == "busy");
    CHECK(r.str("pause_exited") == "invalid");
    CHECK(r.str("resume_exited") == "invalid");
}

namespace {
[[noreturn]] void exit_deep(int depth, int code) {
    if (depth == 0) tern::thread_exit(code);
    exit_deep(depth - 1, code);
}
}  // namespace

TEST_CASE("sched: join returns the exit code", "[sched][join]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        Vcpu* a = sim::spawn("a", 3, [] { exit_deep(5, 42); });
        Vcpu* b = sim::spawn("b", 3, [] {});  // returns: code 0
        Vcpu* c = sim::spawn("c", 3, [] { tern::thread_exit(-7); });
        rec.set("a", tern::thread_join(*a));
        rec.set("b", tern::thread_join(*b));
        rec.set("c", tern::thread_join(*c));
        rec.set("a_state", state(a));
        uint64_t switches = tern::sched_stats().switches;
        rec.set("a_again", tern::thread_join(*a));  // already exited: no wait
        rec.set("switches_for_second_join", tern::sched_stats().switches - switches);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("a") == "42");
    CHECK(r.str("b") == "0");
    CHECK(r.str("c") == "-7");
    CHECK(r.str("a_state") == "exited");
    CHECK(r.str("a_again") == "42");
    CHECK(r.num("switches_for_second_join") == 0);
}

TEST_CASE("sched: every joiner wakes with the code and the higher priority first", "[sched][join]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        Vcpu* d = sim::spawn("d", 2, [] {
            tern::thread_sleep_ms(10);
            tern::thread_exit(5);
        });
        auto joiner = [&rec, d](const char* name) {
            int code = tern::thread_join(*d);
            rec.add("joined", at(name) + "=" + std::to_string(code));
        };
        Vcpu* j1 = sim::spawn("j1", 3, [&] { joiner("j1"); });
        Vcpu* j2 = sim::spawn("j2", 4, [&] { joiner("j2"); });
        (void)tern::thread_join(*j1);
        (void)tern::thread_join(*j2);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("joined") == "j2@10000=5,j1@10000=5");
}

TEST_CASE("sched: destroying a sleeping thread cancels its timer and frees it", "[sched][destroy]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        size_t used = tern::heap().stats().used;
        bool woke = false;
        Vcpu* t = sim::spawn("sleeper", 3, [&] {
            tern::thread_sleep_ms(10);
            woke = true;
        });
        rec.set("heap_grew", tern::heap().stats().used > used);
        tern::thread_sleep_ms(1);
        rec.set("state", state(t));
        size_t pending = tern::timer_stats().pending;
        rec.set("destroy", tern::status_name(tern::thread_destroy(*t)));
        rec.set("timers_cancelled", pending - tern::timer_stats().pending);
        rec.set("heap_back", tern::heap().stats().used == used);
        rec.set("found_after", tern::thread_find("sleeper") != nullptr);
        tern::thread_sleep_ms(20);
        rec.set("woke", woke);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("heap_grew") == "true");
    CHECK(r.str("state") == "sleeping");
    CHECK(r.str("destroy") == "ok");
    CHECK(r.num("timers_cancelled") == 1);
    CHECK(r.str("heap_back") == "true");
    CHECK(r.str("found_after") == "false");
    CHECK(r.str("woke") == "false");
}

TEST_CASE("sched: destroying ready and blocked threads takes them off their queues",
          "[sched][destroy]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        bool ready_ran = false, blocked_got = false;
        tern::Semaphore sem;
        Vcpu* ready = sim::spawn("ready", 3, [&] { ready_ran = true; });
        Vcpu* blocked = sim::spawn("blocked", 4, [&] {
            sem.down();
            blocked_got = true;
        });
        // main (7) has not blocked yet: `ready` is still on the run queue.
        rec.set("ready_state", state(ready));
        rec.set("destroy_ready", tern::status_name(tern::thread_destroy(*ready)));
        tern::thread_sleep_ms(1);  // `blocked` runs and blocks
        rec.set("blocked_state", state(blocked));
        rec.set("destroy_blocked", tern::status_name(tern::thread_destroy(*blocked)));
        sem.up();  // nobody waits any more: the count keeps it
        rec.set("count", sem.count());
        tern::thread_sleep_ms(5);
        rec.set("ready_ran", ready_ran);
        rec.set("blocked_got", blocked_got);
        rec.set("destroy_self", tern::status_name(tern::thread_destroy(tern::thread_current())));
        auto& idle = const_cast<Vcpu&>(tern::sched_idle());
        rec.set("destroy_idle", tern::status_name(tern::thread_destroy(idle)));
        size_t used = tern::heap().stats().used;
        Vcpu* unstarted = sim::spawn("unstarted", 3, [] {}, false);
        rec.set("destroy_unstarted", tern::status_name(tern::thread_destroy(*unstarted)));
        rec.set("heap_back", tern::heap().stats().used == used);
        // Guest VCPUs belong to their guest: thread_destroy refuses them.
        Vcpu* vcpu = tern::entity_create("g/0", [](void*) {}, nullptr, 2, 4096, false);
        rec.set("destroy_vcpu", tern::status_name(tern::thread_destroy(*vcpu)));
        rec.set("entity_destroy_vcpu", tern::status_name(tern::entity_destroy(*vcpu)));
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("ready_state") == "ready");
    CHECK(r.str("destroy_ready") == "ok");
    CHECK(r.str("blocked_state") == "blocked");
    CHECK(r.str("destroy_blocked") == "ok");
    CHECK(r.num("count") == 1);
    CHECK(r.str("ready_ran") == "false");
    CHECK(r.str("blocked_got") == "false");
    CHECK(r.str("destroy_self") == "busy");
    CHECK(r.str("destroy_idle") == "busy");
    CHECK(r.str("destroy_unstarted") == "ok");
    CHECK(r.str("heap_back") == "true");
    CHECK(r.str("destroy_vcpu") == "busy");
    CHECK(r.str("entity_destroy_vcpu") == "ok");
}

TEST_CASE("sched: thread_create checks its arguments and survives a full heap", "[sched]") {
    host::SimOptions opt;
    opt.heap_bytes = 2u << 20;
    sim::Result r = sim::run(
        [](sim::Record& rec) {
            auto fn = [](void*) {};
            rec.add("bad", std::to_string(tern::thread_create(nullptr, fn, nullptr) == nullptr));
            rec.add("bad", std::to_string(tern::thread_create("x", nullptr, nullptr) == nullptr));
            rec.add("bad", std::to_string(tern::thread_create("x", fn, nullptr, 8) == nullptr));
            rec.add("bad", std::to_string(tern::thread_create("x", fn, nullptr, 3, 1023) == nullptr));
            tern::HeapStats before = tern::heap().stats();
            Vcpu* huge = tern::thread_create("huge", fn, nullptr, 3, 4u << 20);
            tern::HeapStats after = tern::heap().stats();
            rec.set("huge_null", huge == nullptr);
            rec.set("used_same", after.used == before.used);
            rec.set("failures", after.failures - before.failures);
            Vcpu* ok = tern::thread_create("a-very-long-thread-name-indeed", fn, nullptr, 7, 1024);
            rec.set("ok", ok != nullptr);
            if (ok != nullptr) {
                rec.set("name", ok->name);
                rec.set("state", state(ok));
                rec.set("prio", unsigned{ok->priority});
            }
        },
        opt);
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("bad") == "1,1,1,1");
    CHECK(r.str("huge_null") == "true");
    CHECK(r.str("used_same") == "true");
    CHECK(r.num("failures") == 1);
    CHECK(r.str("ok") == "true");
    CHECK(r.str("name") == "a-very-long-thread-name");  // 23 characters kept
    CHECK(r.str("state") == "created");
    CHECK(r.num("prio") == 7);
}

TEST_CASE("sched: a new thread's wake timer is not armed", "[sched][sleep]") {
    // Regression: sched_register assigned `TimerEvent(cb, ctx)`, whose list
    // links pointed at the temporary on the creator's stack; the first
    // timer_arm/cancel then wrote into that stack (seen as a crash in
    // kernel_test.cpp when the terminal's thread first woke up).
    sim::Result r = sim::run([](sim::Record& rec) {
        Vcpu* t = sim::spawn("t", 3, [] { tern::thread_sleep_ms(1); }, false);
        rec.set("armed", t->wake_timer.armed());
        rec.set("self_linked", t->wake_timer.node.next == &t->wake_timer.node &&
                                   t->wake_timer.node.prev == &t->wake_timer.node);
        rec.set("callback_set", t->wake_timer.callback != nullptr && t->wake_timer.ctx == t);
        size_t pending = tern::timer_stats().pending;
        rec.set("start", tern::status_name(tern::thread_start(*t)));
        tern::thread_sleep_ns(500'000);
        rec.set("armed_while_asleep", t->wake_timer.armed());
        rec.set("pending_while_asleep", tern::timer_stats().pending - pending);
        (void)tern::thread_join(*t);
        rec.set("armed_after", t->wake_timer.armed());
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("armed") == "false");
    CHECK(r.str("self_linked") == "true");
    CHECK(r.str("callback_set") == "true");
    CHECK(r.str("armed_while_asleep") == "true");
    CHECK(r.num("pending_while_asleep") == 1);
    CHECK(r.str("armed_after") == "false");
}

TEST_CASE("sched: thread_find by id and by name", "[sched]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        Vcpu* w = sim::spawn("worker", 3, [] {}, false);
        rec.set("by_name", tern::thread_find("worker") == w);
        rec.set("by_id", tern::thread_find(std::to_string(w->id).c_str()) == w);
        rec.set("main", tern::thread_find("main") == &tern::thread_current());
        rec.set("idle", tern::thread_find("0") == &tern::sched_idle());
        rec.set("unknown", tern::thread_find("nobody") == nullptr);
        rec.set("bad_id", tern::thread_find("999") == nullptr);
        rec.set("ids_differ", w->id != tern::thread_current().id);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    for (const char* k : {"by_name", "by_id", "main", "idle", "unknown", "bad_id", "ids_differ"})
        CHECK(r.str(k) == "true");
}

TEST_CASE("sched: statistics count idle time and switches", "[sched]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        tern::SchedStats before = tern::sched_stats();
        uint64_t main_switches = tern::thread_current().stats.switches;
        tern::thread_sleep_ms(50);  // nothing else to run: idle for 50 ms
        tern::SchedStats after = tern::sched_stats();
        rec.set("idle_ns", after.idle_ns - before.idle_ns);
        rec.set("switches", after.switches - before.switches);
        rec.set("preemptions", after.preemptions - before.preemptions);
        rec.set("main_switches", tern::thread_current().stats.switches - main_switches);
        rec.set("current_is_main", std::string(tern::sched_current().name));
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.num("idle_ns") == 50 * ms);
    CHECK(r.num("switches") == 2);  // to idle and back
    CHECK(r.num("preemptions") == 0);
    CHECK(r.num("main_switches") == 1);
    CHECK(r.str("current_is_main") == "main");
}

TEST_CASE("sched: a scenario that never ends hits the simulated time limit", "[sched][sim]") {
    host::SimOptions opt;
    opt.time_limit_ns = 3'000 * ms;
    sim::Result r = sim::run(
        [](sim::Record& rec) {
            tern::Semaphore never;
            rec.set("blocking", true);
            never.down();
            rec.set("woke", true);
        },
        opt);
    INFO(r.describe());
    CHECK(r.end == "time limit");
    CHECK(r.str("blocking") == "true");
    CHECK_FALSE(r.has("woke"));
}
