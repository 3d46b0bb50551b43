// A deterministic discrete-event simulation of one CPU on the host HAL, so
// the real scheduler, threads, timers and interrupt framework run real
// threads (ucontexts) in a unit test.
//
// Time is the HAL's fake counter and moves only when the simulation says:
//   - the idle loop's hal::wait_for_interrupt jumps the clock to the next
//     event (the armed one-shot timer or an interrupt scheduled with
//     sim_irq_at) and takes it;
//   - with SimOptions::clock_read_ns, every read of the clock takes that
//     long (for code that spins on clock_ns(), such as `selftest sched`);
//   - host_burn(ns), called by a busy thread, consumes CPU time: the clock
//     advances to the end of the burn or to the next event, whichever comes
//     first, the event is taken, and the burn goes on when (if) the
//     scheduler runs the thread again. Time slices therefore end exactly on
//     their deadline.
// An interrupt is taken like on hardware: latched when its event happens,
// delivered (tern::irq_enter, irq_handle(line), irq_exit, with interrupts
// disabled) as soon as interrupts are enabled and the line is unmasked:
// at hal::irq_enable / hal::irq_restore, in host_burn and in the idle wait.
// irq_exit may switch threads, as on hardware. (hal::timer_disarm does not
// drop a latched timer interrupt: the core never disarms.)
//
// The core's scheduler state cannot be reset, so sim_run works once per
// process: run each scenario in a child process (tests/unit/core/sim.hpp).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <functional>

namespace host {

struct SimOptions {
    uint64_t hz = 1'000'000'000;             // counter rate: at 1 GHz a tick is a ns
    uint64_t time_limit_ns = 600'000'000'000; // simulated time before giving up
    size_t heap_bytes = 8u << 20;             // the core heap (thread stacks come from it)
    unsigned main_priority = 7;
    size_t main_stack = 256u << 10;
    uint64_t clock_read_ns = 0;               // what each hal::clock_counter() read costs
};

enum class SimEnd {
    finished,    // `main` returned
    time_limit,  // simulated time ran past time_limit_ns
    deadlock,    // the idle loop found no timer armed and nothing scheduled
};
const char* sim_end_name(SimEnd end);

// Both start with host::reset(): set up RAM windows, console input and the
// like in `main` or `boot`.
//
// Boots the core the way kernel_main does (heap, irq controller, sched_init,
// timer_init) on a fresh boot context, runs `main` as the thread "main" of
// priority options.main_priority, enters sched_idle_loop and returns when
// the scenario ends (the other threads are abandoned, not destroyed).
// Throws std::logic_error when called a second time in the same process.
SimEnd sim_run(std::function<void()> main, const SimOptions& options = {});

// The same simulated CPU, but `boot` runs on the boot context instead of the
// boot above: kernel_main, say. It must not return (it ends in
// sched_idle_loop); the scenario ends at the time limit or on a deadlock
// (options.heap_bytes and main_* are not used).
SimEnd sim_boot(std::function<void()> boot, const SimOptions& options = {});

// Latches an interrupt on host line `line` now (taken at once when
// interrupts are enabled), or when the clock reaches `at_ns`.
void sim_raise_irq(unsigned line);
void sim_irq_at(uint64_t at_ns, unsigned line);

// Interrupts taken so far, all lines.
uint64_t sim_interrupts_taken();

}  // namespace host

// Consumes `ns` nanoseconds of CPU time in the calling thread, taking the
// interrupts that fall due meanwhile (and being preempted by them).
void host_burn(uint64_t ns);
