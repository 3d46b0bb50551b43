// The scheduler: preemptive, fixed priority, round robin within a priority
// with a time slice (CONFIG_SCHED_TIMESLICE_MS). One CPU; its lock is
// "interrupts disabled".
#pragma once

#include <stdint.h>

#include "vcpu.hpp"

namespace tern {

// Adopts the boot context as the idle entity. Call once, before timers.
void sched_init();
// The boot context becomes the idle loop: waits for interrupts forever.
[[noreturn]] void sched_idle_loop();

[[nodiscard]] Vcpu& sched_current();
[[nodiscard]] const Vcpu& sched_idle();

// Entity transitions. Each takes the scheduler lock itself.
void sched_make_ready(Vcpu& v);          // created/paused -> ready
void sched_yield();                      // current to the back of its level
void sched_sleep_until(uint64_t deadline_ns);
void sched_wake(Vcpu& v);                // sleeping/blocked -> ready
void sched_pause(Vcpu& v);
void sched_resume(Vcpu& v);
[[noreturn]] void sched_exit_current();
// Takes a not-running entity off every queue and timer, state exited.
void sched_forget(Vcpu& v);

// Blocks the current entity (already on a wait queue). Interrupts must be
// disabled; they are disabled again on return.
void sched_block_locked();

// Switches if a higher-priority entity became ready or the slice ran out.
// Called at interrupt exit and after wake-ups in thread context.
void sched_preempt_point();

// Every entity (threads and VCPUs), for listings.
using VcpuList = List<Vcpu, &Vcpu::all_node>;
[[nodiscard]] VcpuList& sched_all();
void sched_register(Vcpu& v);
void sched_unregister(Vcpu& v);

struct SchedStats {
    uint64_t switches;
    uint64_t preemptions;
    uint64_t idle_ns;
};
[[nodiscard]] SchedStats sched_stats();

}  // namespace tern
