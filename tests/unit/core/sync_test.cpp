// Semaphores, mutexes and wait queues (core/sync/) with real threads on the
// simulated CPU (tests/host/host_sched.hpp), each scenario in a child process.
#include <stdint.h>

#include <algorithm>
#include <string>

#include "catch.hpp"
#include "hal/irq.hpp"
#include "hal_host.hpp"
#include "irq.hpp"
#include "sim.hpp"
#include "sync/semaphore.hpp"
#include "sync/spinlock.hpp"
#include "sync/wait_queue.hpp"
#include "thread.hpp"
#include "timer.hpp"

using sim::ms;
using tern::Vcpu;

namespace {
std::string at(const std::string& name) { return name + "@" + std::to_string(sim::now_us()); }
}  // namespace

TEST_CASE("sync: semaphore counts and try_down and blocking down", "[sync][semaphore]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        tern::Semaphore s(2);
        rec.add("try", std::to_string(s.try_down()));
        rec.add("try", std::to_string(s.try_down()));
        rec.add("try", std::to_string(s.try_down()));  // empty now
        rec.set("count_empty", s.count());
        Vcpu* t = sim::spawn("downer", 3, [&] {
            s.down();
            rec.add("got", at("downer"));
        });
        tern::thread_sleep_ms(5);
        rec.set("state_waiting", tern::vcpu_state_name(t->state));
        s.up();  // main (7) keeps running: downer only becomes ready
        rec.set("state_after_up", tern::vcpu_state_name(t->state));
        tern::thread_sleep_ms(1);
        rec.set("count_end", s.count());
        s.up();
        s.up();
        rec.set("count_two", s.count());
        rec.set("try_after", s.try_down());
        rec.set("count_one", s.count());
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("try") == "1,1,0");
    CHECK(r.num("count_empty") == 0);
    CHECK(r.str("state_waiting") == "blocked");
    CHECK(r.str("state_after_up") == "ready");
    CHECK(r.str("got") == "downer@5000");
    CHECK(r.num("count_end") == 0);
    CHECK(r.num("count_two") == 2);
    CHECK(r.str("try_after") == "true");
    CHECK(r.num("count_one") == 1);
}

TEST_CASE("sync: semaphore waiters of one priority are served in arrival order", "[sync][semaphore]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        tern::Semaphore s;
        Vcpu* t[3];
        const char* names[] = {"w1", "w2", "w3"};
        for (int i = 0; i < 3; ++i)
            t[i] = sim::spawn(names[i], 3, [&rec, &s, name = names[i]] {
                s.down();
                rec.add("served", name);
            });
        tern::thread_sleep_ms(1);  // all three block, w1 first
        for (int i = 0; i < 3; ++i) {
            s.up();
            tern::thread_sleep_ms(1);
        }
        for (Vcpu* v : t) (void)tern::thread_join(*v);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("served") == "w1,w2,w3");
}

TEST_CASE("sync: an up() from an interrupt handler wakes a waiter at interrupt exit",
          "[sync][semaphore][irq]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        static tern::Semaphore s;
        static sim::Record* record;
        record = &rec;
        constexpr unsigned line = 3;
        auto handler = [](unsigned l, void*) {
            record->add("irq", at("line" + std::to_string(l)) + (tern::in_irq() ? ":in_irq" : ""));
            s.up();
        };
        rec.set("register", tern::status_name(tern::irq_register(line, "test", handler, nullptr)));
        rec.set("enable", tern::status_name(tern::irq_line_enable(line)));
        Vcpu* busy = sim::spawn("busy", 2, [&] {
            host_burn(20 * ms);
            rec.set("busy_done_us", sim::now_us());
        });
        Vcpu* waiter = sim::spawn("waiter", 5, [&] {
            s.down();
            rec.add("waiter", at("woke"));
            rec.set("busy_state", tern::vcpu_state_name(busy->state));
        });
        host::sim_irq_at(7 * ms, line);
        (void)tern::thread_join(*waiter);
        (void)tern::thread_join(*busy);
        rec.set("irq_count", tern::irq_line_info(line).count);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("register") == "ok");
    CHECK(r.str("enable") == "ok");
    CHECK(r.str("irq") == "line3@7000:in_irq");
    CHECK(r.str("waiter") == "woke@7000");  // preempts busy right at interrupt exit
    CHECK(r.str("busy_state") == "ready");
    CHECK(r.num("busy_done_us") == 20'000);
    CHECK(r.num("irq_count") == 1);
}

TEST_CASE("sync: semaphore ping-pong between two threads", "[sync][semaphore]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        tern::Semaphore ping, pong;
        unsigned rounds = 0;
        std::string trace;
        Vcpu* t = sim::spawn("ponger", 3, [&] {
            for (int i = 0; i < 100; ++i) {
                ping.down();
                trace += "o";
                ++rounds;
                pong.up();
            }
        });
        for (int i = 0; i < 100; ++i) {
            trace += "i";
            ping.up();
            pong.down();
        }
        (void)tern::thread_join(*t);
        rec.set("rounds", rounds);
        rec.set("trace_start", trace.substr(0, 8));
        rec.set("alternating", trace == [] {
            std::string s;
            for (int i = 0; i < 100; ++i) s += "io";
            return s;
        }());
        rec.set("ping", ping.count());
        rec.set("pong", pong.count());
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.num("rounds") == 100);
    CHECK(r.str("trace_start") == "ioioioio");
    CHECK(r.str("alternating") == "true");
    CHECK(r.num("ping") == 0);
    CHECK(r.num("pong") == 0);
}

TEST_CASE("sync: a mutex keeps critical sections whole across time-slice preemption",
          "[sync][mutex]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        tern::Mutex m;
        unsigned counter = 0, unprotected = 0, inside = 0, max_inside = 0;
        unsigned contended = 0;
        auto worker = [&] {
            for (int i = 0; i < 5; ++i) {
                if (!m.try_lock()) {
                    ++contended;
                    m.lock();
                }
                max_inside = std::max(max_inside, ++inside);
                unsigned seen = counter;
                host_burn(7 * ms);  // long enough for slices to expire in here
                counter = seen + 1;
                --inside;
                m.unlock();
                // The same read-modify-write without the mutex loses updates.
                unsigned u = unprotected;
                host_burn(7 * ms);
                unprotected = u + 1;
            }
        };
        Vcpu* t[3] = {sim::spawn("w1", 2, worker), sim::spawn("w2", 2, worker),
                      sim::spawn("w3", 2, worker)};
        for (Vcpu* v : t) (void)tern::thread_join(*v);
        rec.set("counter", counter);
        rec.set("unprotected", unprotected);
        rec.set("max_inside", max_inside);
        rec.set("contended", contended);
        rec.set("owner_null", m.owner() == nullptr);
        for (Vcpu* v : t) rec.add("preemptions", std::to_string(v->stats.preemptions));
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.num("counter") == 15);
    CHECK(r.num("max_inside") == 1);
    CHECK(r.num("unprotected") < 15);  // the scenario really interleaves
    CHECK(r.num("contended") > 0);
    CHECK(r.str("owner_null") == "true");
}

TEST_CASE("sync: mutex ownership and try_lock and hand-over", "[sync][mutex]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        tern::Mutex m;
        m.lock();
        rec.set("owner_is_main", m.owner() == &tern::thread_current());
        Vcpu* t = sim::spawn("t", 3, [&] {
            rec.add("t", std::string("try=") + (m.try_lock() ? "1" : "0"));
            m.lock();
            rec.add("t", at("locked"));
            rec.set("owner_is_t", m.owner() == &tern::thread_current());
            m.unlock();
        });
        tern::thread_sleep_ms(4);
        rec.set("t_state", tern::vcpu_state_name(t->state));
        m.unlock();
        rec.set("owner_after_unlock", m.owner() == nullptr);
        (void)tern::thread_join(*t);
        rec.set("try_free", m.try_lock());
        m.unlock();
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("owner_is_main") == "true");
    CHECK(r.str("t") == "try=0,locked@4000");
    CHECK(r.str("t_state") == "blocked");
    CHECK(r.str("owner_after_unlock") == "true");
    CHECK(r.str("owner_is_t") == "true");
    CHECK(r.str("try_free") == "true");
}

TEST_CASE("sync: misusing a mutex is a hypervisor bug: panic", "[sync][mutex]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        tern::Mutex m;
        try {
            m.unlock();  // not locked at all
            rec.set("unlock_unowned", "returned");
        } catch (const host::Halted&) {
            rec.set("unlock_unowned", "panic");
        }
        m.lock();
        try {
            m.lock();
            rec.set("lock_twice", "returned");
        } catch (const host::Halted&) {
            rec.set("lock_twice", "panic");
        }
        Vcpu* other = sim::spawn("other", 3, [&] {
            try {
                m.unlock();
                rec.set("unlock_by_other", "returned");
            } catch (const host::Halted&) {
                rec.set("unlock_by_other", "panic");
            }
        });
        (void)tern::thread_join(*other);
        rec.set("still_owner", m.owner() == &tern::thread_current());
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("unlock_unowned") == "panic");
    CHECK(r.str("lock_twice") == "panic");
    CHECK(r.str("unlock_by_other") == "panic");
    CHECK(r.str("still_owner") == "true");
    CHECK(r.console.find("TERN PANIC: mutex") != std::string::npos);
    CHECK(r.console.find("locked twice by main") != std::string::npos);
    CHECK(r.console.find("unlocked by other, not its owner") != std::string::npos);
}

TEST_CASE("sync: wait queues wake one or all or forget a waiter", "[sync][waitqueue]") {
    sim::Result r = sim::run([](sim::Record& rec) {
        tern::WaitQueue q;
        rec.set("empty_at_start", q.empty());
        rec.set("wake_one_empty", q.wake_one());
        auto waiter = [&](const char* name) {
            hal::IrqFlags f = hal::irq_save();
            q.wait_locked();
            rec.set(std::string(name) + "_irqs_off_on_return", !hal::irq_enabled());
            hal::irq_restore(f);
            rec.add("woke", at(name));
        };
        Vcpu* a = sim::spawn("a", 3, [&] { waiter("a"); });
        Vcpu* b = sim::spawn("b", 3, [&] { waiter("b"); });
        Vcpu* c = sim::spawn("c", 3, [&] { waiter("c"); });
        Vcpu* d = sim::spawn("d", 3, [&] { waiter("d"); });
        tern::thread_sleep_ms(1);
        rec.set("empty_with_waiters", q.empty());
        q.forget(*b);  // b stays blocked, but off the queue
        rec.set("wake_one", q.wake_one());
        tern::thread_sleep_ms(1);
        rec.set("wake_all", q.wake_all());
        tern::thread_sleep_ms(1);
        rec.set("empty_at_end", q.empty());
        rec.set("b_state", tern::vcpu_state_name(b->state));
        for (Vcpu* v : {a, c, d}) (void)tern::thread_join(*v);
        (void)tern::thread_destroy(*b);
    });
    INFO(r.describe());
    REQUIRE(r.end == "finished");
    CHECK(r.str("empty_at_start") == "true");
    CHECK(r.str("wake_one_empty") == "false");
    CHECK(r.str("empty_with_waiters") == "false");
    CHECK(r.str("wake_one") == "true");
    CHECK(r.num("wake_all") == 2);
    CHECK(r.str("woke") == "a@1000,c@2000,d@2000");
    CHECK(r.str("a_irqs_off_on_return") == "true");
    CHECK(r.str("empty_at_end") == "true");
    CHECK(r.str("b_state") == "blocked");
}

TEST_CASE("sync: a spinlock disables interrupts and catches recursion", "[sync][spinlock]") {
    host::reset();
    hal::irq_enable();
    tern::Spinlock lock;
    {
        tern::SpinlockGuard guard(lock);
        CHECK(lock.held());
        CHECK_FALSE(hal::irq_enabled());
        CHECK_THROWS_AS((void)lock.lock(), host::Halted);
        CHECK(host::console_output().find("taken twice") != std::string::npos);
    }
    // The guard restored the state it saved (enabled), whatever the panic did.
    CHECK_FALSE(lock.held());
    CHECK(hal::irq_enabled());
    host::reset();
    {
        tern::IrqGuard outer;
        {
            tern::IrqGuard inner;
        }
        CHECK_FALSE(hal::irq_enabled());
    }
    CHECK_FALSE(hal::irq_enabled());  // they were off before: still off
}
