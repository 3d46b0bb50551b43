// Timer events on the HAL's one-shot timer.
#include "timer.hpp"

#include "console.hpp"
#include "hal/clock.hpp"
#include "irq.hpp"
#include "sync/spinlock.hpp"

namespace tern {

void TimerQueue::insert(TimerEvent& ev) {
    for (TimerEvent& other : events_) {
        if (time_before(ev.deadline_ns, other.deadline_ns)) {
            events_.insert_before(other, ev);
            return;
        }
    }
    events_.push_back(ev);
}

TimerEvent* TimerQueue::pop_due(uint64_t now) {
    TimerEvent* ev = events_.front();
    if (ev == nullptr || time_before(now, ev->deadline_ns)) return nullptr;
    remove(*ev);
    return ev;
}

namespace {

constexpr uint64_t ns_per_s = 1'000'000'000;
// Without events the timer still fires this often, so the HAL sees every
// wrap of a narrow hardware counter (MIPS Count wraps every ~27 s).
constexpr uint64_t heartbeat_ns = ns_per_s;

TimerQueue queue;
TimerStats stats;

void program_hardware() {
    uint64_t now = clock_ns();
    uint64_t next = now + heartbeat_ns;
    if (TimerEvent* first = queue.first(); first != nullptr && time_before(first->deadline_ns, next))
        next = first->deadline_ns;
    hal::timer_arm(ns_to_counter(next));
}

void timer_interrupt(unsigned, void*) {
    ++stats.interrupts;
    bool any = false;
    uint64_t now = clock_ns();
    while (TimerEvent* ev = queue.pop_due(now)) {
        any = true;
        ++stats.expired;
        ev->callback(*ev, ev->ctx);
        now = clock_ns();
    }
    if (!any) ++stats.early;
    program_hardware();
}

}  // namespace

uint64_t counter_to_ns(uint64_t counter) {
    uint64_t hz = hal::clock_hz();
    return counter / hz * ns_per_s + counter % hz * ns_per_s / hz;
}

uint64_t ns_to_counter(uint64_t ns) {
    uint64_t hz = hal::clock_hz();
    return ns / ns_per_s * hz + (ns % ns_per_s * hz + ns_per_s - 1) / ns_per_s;
}

uint64_t clock_ns() { return counter_to_ns(hal::clock_counter()); }

void timer_init() {
    unsigned line = hal::timer_irq_line();
    if (irq_register(line, "timer", timer_interrupt, nullptr) != Status::ok ||
        irq_line_enable(line) != Status::ok)
        panic("timer: cannot claim host irq %u", line);
    IrqGuard guard;
    program_hardware();
}

void timer_arm(TimerEvent& ev, uint64_t deadline_ns) {
    IrqGuard guard;
    if (ev.armed()) TimerQueue::remove(ev);
    ev.deadline_ns = deadline_ns;
    queue.insert(ev);
    if (queue.first() == &ev) program_hardware();
}

void timer_arm_in(TimerEvent& ev, uint64_t delay_ns) { timer_arm(ev, clock_ns() + delay_ns); }

void timer_cancel(TimerEvent& ev) {
    IrqGuard guard;
    if (ev.armed()) TimerQueue::remove(ev);
}

TimerStats timer_stats() {
    IrqGuard guard;
    TimerStats s = stats;
    s.pending = queue.size();
    return s;
}

}  // namespace tern
