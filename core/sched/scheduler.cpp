// Scheduler core: state transitions and the context switch.
#include "sched/scheduler.hpp"

#include "build_config.hpp"
#include "console.hpp"
#include "hal/context.hpp"
#include "hal/irq.hpp"
#include "irq.hpp"
#include "sched/run_queue.hpp"
#include "sync/spinlock.hpp"

namespace tern {
namespace {

constexpr uint64_t timeslice_ns = uint64_t{config::sched_timeslice_ms} * 1'000'000;

RunQueue run_queue;
VcpuList all_vcpus;
Vcpu idle_vcpu;
Vcpu* current = &idle_vcpu;
bool need_resched;
TimerEvent slice_timer;
uint64_t total_switches, total_preemptions;
uint32_t next_id = 1;

void slice_expired(TimerEvent&, void*) {
    current->slice_expired = true;
    need_resched = true;
}

void wake_timer_expired(TimerEvent&, void* ctx) { sched_wake(*static_cast<Vcpu*>(ctx)); }

// Until sched_idle_loop the boot context finishes booting: nothing
// preempts it.
bool booted;

bool should_preempt(const Vcpu& woken) {
    if (current == &idle_vcpu) return booted;
    return woken.priority > current->priority;
}

// Picks the next entity and switches to it. Interrupts disabled.
void schedule() {
    need_resched = false;
    Vcpu* prev = current;
    if (prev->state == VcpuState::running && prev != &idle_vcpu) {
        // Still runnable: a slice-expired entity goes behind its peers, one
        // preempted by a higher priority keeps its place at the front.
        prev->state = VcpuState::ready;
        if (prev->slice_expired) run_queue.push_back(*prev);
        else run_queue.push_front(*prev);
    }
    Vcpu* next = run_queue.pop();
    if (next == nullptr) next = &idle_vcpu;
    if (next == prev) {
        if (prev->state == VcpuState::ready) prev->state = VcpuState::running;
        if (prev->slice_expired && prev != &idle_vcpu) {
            prev->slice_expired = false;
            timer_arm_in(slice_timer, timeslice_ns);
        }
        return;
    }

    uint64_t now = clock_ns();
    if (prev == &idle_vcpu) prev->state = VcpuState::ready;
    prev->stats.run_ns += now - prev->run_start_ns;
    if (prev->state == VcpuState::ready && prev != &idle_vcpu) {
        ++prev->stats.preemptions;
        ++total_preemptions;
    }
    next->run_start_ns = now;
    next->state = VcpuState::running;
    ++next->stats.switches;
    ++total_switches;
    if (next != &idle_vcpu) {
        next->slice_expired = false;
        timer_arm_in(slice_timer, timeslice_ns);
    } else {
        timer_cancel(slice_timer);
    }
    current = next;
    hal::context_switch(prev->context, next->context);
    // Back in prev, switched in again by some later schedule().
}

}  // namespace

void sched_init() {
    idle_vcpu.id = 0;
    __builtin_memcpy(idle_vcpu.name, "idle", 5);
    idle_vcpu.priority = 0;
    idle_vcpu.state = VcpuState::running;
    idle_vcpu.run_start_ns = clock_ns();
    slice_timer.callback = slice_expired;
    all_vcpus.push_back(idle_vcpu);
}

void sched_idle_loop() {
    hal::irq_disable();
    booted = true;
    if (!run_queue.empty()) schedule();
    for (;;) {
        hal::irq_enable();
        hal::wait_for_interrupt();
        // The interrupt that woke us switched away at its exit if it made
        // anything runnable; a spurious wake-up just waits again.
        hal::irq_disable();
        if (!run_queue.empty()) schedule();
    }
}

Vcpu& sched_current() { return *current; }
const Vcpu& sched_idle() { return idle_vcpu; }

void sched_register(Vcpu& v) {
    IrqGuard guard;
    v.id = next_id++;
    v.wake_timer = TimerEvent(wake_timer_expired, &v);
    all_vcpus.push_back(v);
}

void sched_unregister(Vcpu& v) {
    IrqGuard guard;
    VcpuList::remove(v);
}

VcpuList& sched_all() { return all_vcpus; }

void sched_make_ready(Vcpu& v) {
    IrqGuard guard;
    if (v.state != VcpuState::created && v.state != VcpuState::paused) return;
    v.state = VcpuState::ready;
    run_queue.push_back(v);
    if (should_preempt(v)) need_resched = true;
    if (!in_irq()) sched_preempt_point();
}

void sched_yield() {
    IrqGuard guard;
    current->slice_expired = true;  // to the back of its level
    schedule();
}

void sched_sleep_until(uint64_t deadline_ns) {
    IrqGuard guard;
    if (current == &idle_vcpu) panic("the idle loop cannot sleep");
    current->state = VcpuState::sleeping;
    current->wake_deadline_ns = deadline_ns;
    timer_arm(current->wake_timer, deadline_ns);
    schedule();
}

void sched_wake(Vcpu& v) {
    IrqGuard guard;
    if (v.state != VcpuState::sleeping && v.state != VcpuState::blocked) return;
    timer_cancel(v.wake_timer);
    ++v.stats.wakeups;
    if (v.pause_pending) {
        v.pause_pending = false;
        v.state = VcpuState::paused;
        return;
    }
    v.state = VcpuState::ready;
    run_queue.push_back(v);
    if (should_preempt(v)) need_resched = true;
    if (!in_irq()) sched_preempt_point();
}

void sched_block_locked() {
    current->state = VcpuState::blocked;
    schedule();
}

void sched_pause(Vcpu& v) {
    IrqGuard guard;
    switch (v.state) {
    case VcpuState::ready:
        RunQueue::remove(v);
        v.state = VcpuState::paused;
        break;
    case VcpuState::running:
        v.state = VcpuState::paused;
        schedule();
        break;
    case VcpuState::sleeping:
    case VcpuState::blocked:
        v.pause_pending = true;  // takes effect when it would wake
        break;
    default:
        break;
    }
}

void sched_resume(Vcpu& v) {
    IrqGuard guard;
    v.pause_pending = false;
    if (v.state == VcpuState::paused) sched_make_ready(v);
}

void sched_exit_current() {
    hal::irq_disable();
    Vcpu* self = current;
    if (self == &idle_vcpu) panic("the idle loop cannot exit");
    self->state = VcpuState::exited;
    timer_cancel(self->wake_timer);
    self->exit_waiters.wake_all();
    schedule();
    panic("exited entity %s was scheduled", self->name);
}

void sched_forget(Vcpu& v) {
    IrqGuard guard;
    if (&v == current) panic("sched_forget on the running entity");
    if (v.state == VcpuState::ready) RunQueue::remove(v);
    if (v.queue_node.linked()) v.queue_node.unlink();  // a wait queue
    timer_cancel(v.wake_timer);
    v.state = VcpuState::exited;
    v.exit_waiters.wake_all();
}

void sched_preempt_point() {
    IrqGuard guard;
    // Not while the current entity exits: sched_exit_current must wake every
    // joiner before it switches away for good, and each wake-up comes here.
    if (need_resched && !in_irq() && current->state != VcpuState::exited) schedule();
}

SchedStats sched_stats() {
    IrqGuard guard;
    uint64_t idle = idle_vcpu.stats.run_ns;
    if (current == &idle_vcpu) idle += clock_ns() - idle_vcpu.run_start_ns;
    return SchedStats{total_switches, total_preemptions, idle};
}

const char* vcpu_state_name(VcpuState s) {
    switch (s) {
    case VcpuState::created: return "created";
    case VcpuState::ready: return "ready";
    case VcpuState::running: return "running";
    case VcpuState::sleeping: return "sleeping";
    case VcpuState::blocked: return "blocked";
    case VcpuState::paused: return "paused";
    case VcpuState::exited: return "exited";
    }
    return "?";
}

}  // namespace tern
