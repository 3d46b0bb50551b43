// Timer events (core/timer.hpp, core/timer.cpp): the TimerQueue on its own,
// the counter/nanosecond conversions against 128-bit arithmetic, and armed
// events firing on the simulated CPU (tests/host/host_sched.hpp).
#include <stdint.h>

#include <random>
#include <string>
#include <vector>

#include "build_config.hpp"
#include "catch.hpp"
#include "hal/clock.hpp"
#include "hal_host.hpp"
#include "irq.hpp"
#include "sim.hpp"
#include "sync/spinlock.hpp"
#include "thread.hpp"
#include "timer.hpp"

using sim::ms;
using tern::TimerEvent;
using tern::TimerQueue;
using tern::time_before;

namespace {

__extension__ typedef unsigned __int128 u128;
constexpr uint64_t u64_max = ~uint64_t{0};

// Pops everything due at `now`, as a string of event names.
struct Named {
    TimerEvent ev;
    std::string name;
};

std::string pop_all(TimerQueue& q, uint64_t now) {
    std::string out;
    while (TimerEvent* ev = q.pop_due(now)) {
        auto* n = static_cast<Named*>(ev->ctx);
        out += (out.empty() ? "" : ",") + n->name;
    }
    return out;
}

void arm(TimerQueue& q, Named& n, uint64_t deadline) {
    n.ev.ctx = &n;
    n.ev.deadline_ns = deadline;
    q.insert(n.ev);
}

}  // namespace

TEST_CASE("timer: time_before is wrap-safe", "[timer]") {
    CHECK(time_before(1, 2));
    CHECK_FALSE(time_before(2, 1));
    CHECK_FALSE(time_before(5, 5));
    CHECK(time_before(u64_max, 0));  // 0 comes just after the wrap
    CHECK_FALSE(time_before(0, u64_max));
    CHECK(time_before(u64_max - 100, 50));
    CHECK(time_before(0, (uint64_t{1} << 63) - 1));  // less than half the range ahead
    CHECK_FALSE(time_before(0, uint64_t{1} << 63 | 1));  // more: it is behind
}

TEST_CASE("timer: the queue orders events by deadline", "[timer][queue]") {
    TimerQueue q;
    Named a{{}, "a30"}, b{{}, "b10"}, c{{}, "c20"};
    CHECK(q.empty());
    CHECK(q.first() == nullptr);
    CHECK(q.pop_due(u64_max / 2) == nullptr);
    arm(q, a, 30);
    arm(q, b, 10);
    arm(q, c, 20);
    CHECK(q.size() == 3);
    CHECK(q.first() == &b.ev);
    CHECK(pop_all(q, 9) == "");
    CHECK(pop_all(q, 10) == "b10");  // due exactly at its deadline
    CHECK(pop_all(q, 29) == "c20");
    CHECK(a.ev.armed());
    CHECK_FALSE(b.ev.armed());
    CHECK(pop_all(q, 1000) == "a30");
    CHECK(q.empty());
}

TEST_CASE("timer: equal deadlines leave the queue in arming order", "[timer][queue]") {
    TimerQueue q;
    Named n[6] = {{{}, "a100"}, {{}, "b50"}, {{}, "c100"}, {{}, "d100"}, {{}, "e50"}, {{}, "f75"}};
    uint64_t deadlines[6] = {100, 50, 100, 100, 50, 75};
    for (int i = 0; i < 6; ++i) arm(q, n[i], deadlines[i]);
    CHECK(pop_all(q, 100) == "b50,e50,f75,a100,c100,d100");
}

TEST_CASE("timer: cancel and re-arm", "[timer][queue]") {
    TimerQueue q;
    Named a{{}, "a"}, b{{}, "b"}, c{{}, "c"}, d{{}, "d"};
    arm(q, a, 10);
    arm(q, b, 20);
    arm(q, c, 30);
    arm(q, d, 40);
    TimerQueue::remove(b.ev);  // middle
    TimerQueue::remove(a.ev);  // first
    TimerQueue::remove(d.ev);  // last
    CHECK_FALSE(b.ev.armed());
    CHECK(q.size() == 1);
    CHECK(q.first() == &c.ev);
    TimerQueue::remove(b.ev);  // not armed: nothing happens
    CHECK(q.size() == 1);
    // Re-arming moves an event: take it out, insert with the new deadline.
    arm(q, a, 35);
    TimerQueue::remove(c.ev);
    arm(q, c, 50);
    arm(q, b, 5);
    CHECK(pop_all(q, 100) == "b,a,c");
}

TEST_CASE("timer: deadlines across the 64-bit wrap", "[timer][queue]") {
    TimerQueue q;
    Named before_wrap{{}, "max-5"}, at_max{{}, "max"}, zero{{}, "0"}, three{{}, "3"};
    arm(q, three, 3);
    arm(q, before_wrap, u64_max - 5);
    arm(q, zero, 0);
    arm(q, at_max, u64_max);
    CHECK(q.first() == &before_wrap.ev);
    CHECK(pop_all(q, u64_max - 6) == "");
    CHECK(pop_all(q, u64_max - 5) == "max-5");
    CHECK(pop_all(q, 2) == "max,0");  // `now` wrapped past both
    CHECK(pop_all(q, 3) == "3");
}

TEST_CASE("timer: copying an event does not copy its place in the queue", "[timer][queue]") {
    auto cb = [](TimerEvent&, void*) {};
    int ctx = 0;
    TimerEvent fresh(cb, &ctx);
    CHECK_FALSE(fresh.armed());
    TimerEvent assigned;
    assigned = TimerEvent(cb, &ctx);  // from a temporary that is gone at once
    CHECK_FALSE(assigned.armed());
    CHECK(assigned.callback == fresh.callback);
    CHECK(assigned.ctx == &ctx);
    TimerQueue q;
    fresh.deadline_ns = 10;
    q.insert(fresh);
    TimerEvent copy = fresh;  // of an armed event
    CHECK_FALSE(copy.armed());
    CHECK(copy.deadline_ns == 10);
    assigned = fresh;
    CHECK_FALSE(assigned.armed());
    CHECK(fresh.armed());
    CHECK(q.size() == 1);
    // Inserting the copies gives three separate entries.
    copy.deadline_ns = 5;
    q.insert(copy);
    assigned.deadline_ns = 20;
    q.insert(assigned);
    CHECK(q.size() == 3);
    CHECK(q.pop_due(100) == &copy);
    CHECK(q.pop_due(100) == &fresh);
    CHECK(q.pop_due(100) == &assigned);
    CHECK(q.empty());
}

TEST_CASE("timer: counter/ns conversions at 160 MHz", "[timer][clock]") {
    host::reset();
    REQUIRE(hal::clock_set_hz(160'000'000));  // 6.25 ns per tick
    CHECK(tern::ns_to_counter(0) == 0);
    CHECK(tern::ns_to_counter(1) == 1);  // rounds up
    CHECK(tern::ns_to_counter(6) == 1);
    CHECK(tern::ns_to_counter(7) == 2);
    CHECK(tern::ns_to_counter(25) == 4);  // exact
    CHECK(tern::ns_to_counter(1'000'000'000) == 160'000'000);
    CHECK(tern::ns_to_counter(1'000'000'001) == 160'000'001);
    CHECK(tern::counter_to_ns(1) == 6);  // rounds down
    CHECK(tern::counter_to_ns(3) == 18);
    CHECK(tern::counter_to_ns(4) == 25);
    CHECK(tern::counter_to_ns(160'000'000) == 1'000'000'000);
    host::clock_set(480'000'001);
    CHECK(tern::clock_ns() == 3'000'000'006);
}

TEST_CASE("timer: counter/ns conversions match 128-bit arithmetic", "[timer][clock]") {
    std::mt19937_64 rng(20260101);
    for (uint64_t hz : {uint64_t{1}, uint64_t{3}, uint64_t{32'768}, uint64_t{1'000'000},
                        uint64_t{19'200'000}, uint64_t{62'500'000}, uint64_t{160'000'000},
                        uint64_t{999'999'937}, uint64_t{1'000'000'000}, uint64_t{3'000'000'000},
                        uint64_t{10'000'000'000}}) {
        host::reset();
        REQUIRE(hal::clock_set_hz(hz));
        int checked = 0, wrong = 0;
        std::string first_wrong;
        auto expect = [&](bool ok, const char* what, uint64_t v) {
            ++checked;
            if (ok) return;
            if (wrong++ == 0) first_wrong = std::string(what) + " of " + std::to_string(v);
        };
        for (int i = 0; i < 20'000; ++i) {
            // Values of every magnitude, not just huge ones.
            uint64_t v = rng() >> (rng() % 64);
            u128 ns = u128{v} * 1'000'000'000 / hz;
            u128 ticks = (u128{v} * hz + 999'999'999) / 1'000'000'000;
            if (ns <= u64_max) expect(tern::counter_to_ns(v) == static_cast<uint64_t>(ns), "counter_to_ns", v);
            if (ticks <= u64_max) {
                expect(tern::ns_to_counter(v) == static_cast<uint64_t>(ticks), "ns_to_counter", v);
                // Round trip: a deadline converted to ticks is never early.
                expect(tern::counter_to_ns(tern::ns_to_counter(v)) >= v, "round trip", v);
            }
        }
        INFO("hz " << hz << ": first mismatch: " << first_wrong);
        CHECK(wrong == 0);
        CHECK(checked > 20'000);
    }
}

TEST_CASE("timer: armed events fire in deadline order and in interrupt context", "[timer][sim]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        struct Ev {
            TimerEvent ev;
            const char* name;
            sim::Record* rec;
        };
        auto fired = [](TimerEvent& ev, void* ctx) {
            auto* e = static_cast<Ev*>(ctx);
            e->rec->add("fired", std::string(e->name) + "@" + std::to_string(sim::now_us()) +
                                     (tern::in_irq() ? "" : ":not-in-irq") +
                                     (ev.armed() ? ":still-armed" : ""));
        };
        Ev e30{{fired, nullptr}, "e30", &rec}, e10{{fired, nullptr}, "e10", &rec},
            e20{{fired, nullptr}, "e20", &rec}, e15a{{fired, nullptr}, "e15a", &rec},
            e15b{{fired, nullptr}, "e15b", &rec}, moved{{fired, nullptr}, "moved", &rec};
        for (Ev* e : {&e30, &e10, &e20, &e15a, &e15b, &moved}) e->ev.ctx = e;
        tern::TimerStats before = tern::timer_stats();
        tern::timer_arm(e30.ev, 30 * ms);
        tern::timer_arm(e10.ev, 10 * ms);
        tern::timer_arm(e20.ev, 20 * ms);
        tern::timer_arm(e15a.ev, 15 * ms);
        tern::timer_arm_in(e15b.ev, 15 * ms);  // now is 0
        tern::timer_arm(moved.ev, 5 * ms);
        tern::timer_arm(moved.ev, 25 * ms);  // re-armed: fires once, later
        rec.set("pending", tern::timer_stats().pending - before.pending);
        tern::timer_cancel(e20.ev);
        tern::timer_cancel(e20.ev);  // twice is harmless
        rec.set("e20_armed", e20.ev.armed());
        tern::thread_sleep_ms(40);
        tern::TimerStats after = tern::timer_stats();
        rec.set("expired", after.expired - before.expired);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.num("pending") == 6);
    CHECK(r.str("e20_armed") == "false");
    CHECK(r.str("fired") == "e10@10000,e15a@15000,e15b@15000,moved@25000,e30@30000");
    CHECK(r.num("expired") == 6);  // five events and main's wake-up
}

TEST_CASE("timer: callbacks re-arm themselves and cancel other events", "[timer][sim]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        static sim::Record* record;
        static TimerEvent periodic, victim, spare;
        static int ticks;
        record = &rec;
        periodic = TimerEvent(
            [](TimerEvent& ev, void*) {
                record->add("tick", std::to_string(sim::now_us()));
                if (++ticks == 2) tern::timer_cancel(victim);  // another event, from a callback
                if (ticks < 4) tern::timer_arm(ev, ev.deadline_ns + 5 * ms);
                else tern::timer_arm_in(spare, 1 * ms);  // and a new one
            },
            nullptr);
        victim = TimerEvent([](TimerEvent&, void*) { record->add("tick", "victim"); }, nullptr);
        spare = TimerEvent([](TimerEvent&, void*) { record->add("tick", "spare@" + std::to_string(sim::now_us())); },
                           nullptr);
        tern::timer_arm(periodic, 5 * ms);
        tern::timer_arm(victim, 12 * ms);
        tern::thread_sleep_ms(50);
        rec.set("armed_at_end", periodic.armed() || victim.armed() || spare.armed());
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("tick") == "5000,10000,15000,20000,spare@21000");
    CHECK(r.str("armed_at_end") == "false");
}

TEST_CASE("timer: a deadline already past fires as soon as interrupts allow", "[timer][sim]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        static bool fired;
        static TimerEvent ev([](TimerEvent&, void*) { fired = true; }, nullptr);
        tern::thread_sleep_ms(5);
        tern::timer_arm(ev, 2 * ms);  // 3 ms ago
        rec.set("fired_on_return", fired);
        rec.set("now_us", sim::now_us());
        fired = false;
        {
            tern::IrqGuard off;  // while interrupts are off it stays pending
            tern::timer_arm(ev, 1 * ms);
            rec.set("fired_with_irqs_off", fired);
        }
        rec.set("fired_after_restore", fired);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("fired_on_return") == "true");
    CHECK(r.num("now_us") == 5000);
    CHECK(r.str("fired_with_irqs_off") == "false");
    CHECK(r.str("fired_after_restore") == "true");
}

TEST_CASE("timer: the hardware timer is programmed for the first event or a heartbeat",
          "[timer][sim]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        // main runs: its time slice is the first event.
        rec.set("hw_running", *host::timer_deadline());
        static TimerEvent early([](TimerEvent&, void*) {}, nullptr);
        tern::timer_arm(early, 3 * ms);
        rec.set("hw_after_arm", *host::timer_deadline());
        tern::timer_cancel(early);
        // Asleep for 5 s with no other event: heartbeats at most a second apart.
        tern::TimerStats before = tern::timer_stats();
        uint64_t irqs = host::sim_interrupts_taken();
        tern::thread_sleep_ms(5'000);
        tern::TimerStats after = tern::timer_stats();
        rec.set("woke_us", sim::now_us());
        rec.set("interrupts", after.interrupts - before.interrupts);
        rec.set("early", after.early - before.early);
        rec.set("taken", host::sim_interrupts_taken() - irqs);
        rec.set("timer_line_count", tern::irq_line_info(hal::timer_irq_line()).count);
        rec.set("timer_owner", tern::irq_line_info(hal::timer_irq_line()).owner);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.num("hw_running") == tern::config::sched_timeslice_ms * ms);  // 1 GHz: ticks = ns
    CHECK(r.num("hw_after_arm") == 3 * ms);
    CHECK(r.num("woke_us") == 5'000'000);
    CHECK(r.num("interrupts") >= 5);
    CHECK(r.num("early") == r.num("interrupts") - 1);  // all but the wake-up found nothing due
    CHECK(r.num("taken") == r.num("interrupts"));
    CHECK(r.str("timer_owner") == "timer");
}
