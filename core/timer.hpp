// The monotonic clock and one-shot timer events, multiplexed on the HAL's
// single one-shot timer. Deadlines are in nanoseconds of clock_ns().
#pragma once

#include <stdint.h>

#include "lib/list.hpp"

namespace tern {

struct TimerEvent;
using TimerCallback = void (*)(TimerEvent& event, void* ctx);

struct TimerEvent {
    ListNode node;
    uint64_t deadline_ns = 0;
    TimerCallback callback = nullptr;
    void* ctx = nullptr;

    TimerEvent() = default;
    TimerEvent(TimerCallback cb, void* c) : callback(cb), ctx(c) {}
    bool armed() const { return node.linked(); }
};

// Wrap-safe "a is before b" for deadlines (valid while they are less than
// 2^63 ns, ~292 years, apart).
constexpr bool time_before(uint64_t a, uint64_t b) { return static_cast<int64_t>(a - b) < 0; }

// Events ordered by deadline; equal deadlines expire in arming order.
class TimerQueue {
public:
    void insert(TimerEvent& ev);
    static void remove(TimerEvent& ev) { List<TimerEvent, &TimerEvent::node>::remove(ev); }
    TimerEvent* first() const { return events_.front(); }
    // Removes and returns the first event due at `now`, or nullptr.
    TimerEvent* pop_due(uint64_t now);
    bool empty() const { return events_.empty(); }
    size_t size() const { return events_.size(); }

private:
    List<TimerEvent, &TimerEvent::node> events_;
};

// Nanoseconds since boot, from the HAL counter.
[[nodiscard]] uint64_t clock_ns();
[[nodiscard]] uint64_t counter_to_ns(uint64_t counter);
[[nodiscard]] uint64_t ns_to_counter(uint64_t ns);  // rounds up

// Claims the HAL timer's interrupt line and starts the heartbeat.
void timer_init();

// (Re-)arms `ev` to run its callback at `deadline_ns`, in interrupt
// context. Callbacks may arm and cancel events, their own included.
void timer_arm(TimerEvent& ev, uint64_t deadline_ns);
void timer_arm_in(TimerEvent& ev, uint64_t delay_ns);
void timer_cancel(TimerEvent& ev);

struct TimerStats {
    uint64_t interrupts;     // timer interrupts taken
    uint64_t expired;        // callbacks run
    uint64_t early;          // interrupts with nothing due (heartbeat, rounding)
    size_t pending;
};
[[nodiscard]] TimerStats timer_stats();

}  // namespace tern
