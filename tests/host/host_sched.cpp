// The one-CPU discrete-event simulation of host_sched.hpp.
#include "host_sched.hpp"

#include <ucontext.h>

#include <map>
#include <memory>
#include <stdexcept>

#include "hal/clock.hpp"
#include "hal/irq.hpp"
#include "hal_host.hpp"
#include "mem/heap.hpp"
#include "sched/scheduler.hpp"
#include "thread.hpp"
#include "timer.hpp"

namespace host {
namespace {

struct Sim {
    bool used = false;
    SimOptions options;
    std::function<void()> main;
    std::function<void()> boot;
    uint64_t read_cost = 0;
    SimEnd end = SimEnd::finished;
    uint64_t limit_counter = 0;

    uint32_t pending = 0;                        // latched lines
    std::multimap<uint64_t, unsigned> external;  // counter -> line (sim_irq_at)
    uint64_t taken = 0;

    ucontext_t test_context;
    ucontext_t boot_context;
    std::unique_ptr<char[]> boot_stack;
    std::unique_ptr<uint64_t[]> heap_memory;
};

Sim sim;
constexpr size_t boot_stack_size = 256u << 10;

// Takes every latched interrupt whose line is unmasked, lowest line first,
// while interrupts are enabled. irq_exit may switch away; the interrupted
// thread continues here when it is switched back in.
void deliver_pending() {
    for (;;) {
        if (!irqs_enabled()) return;
        unsigned line = 0;
        while (line < irq_lines && !((sim.pending >> line & 1u) && !irq_line_masked(line))) ++line;
        if (line == irq_lines) return;
        sim.pending &= ~(1u << line);
        ++sim.taken;
        irqs_set(false);
        tern::irq_enter();
        tern::irq_handle(line);
        tern::irq_exit();
        irqs_set(true);
    }
}

// Latches the external interrupts due at the current counter.
void latch_external() {
    uint64_t now = hal::clock_counter();
    while (!sim.external.empty() && sim.external.begin()->first <= now) {
        sim.pending |= 1u << sim.external.begin()->second;
        sim.external.erase(sim.external.begin());
    }
}

// The counter value of the next event after now, if any.
bool next_event(uint64_t& at) {
    bool any = false;
    if (auto d = timer_deadline()) {
        at = *d;
        any = true;
    }
    if (!sim.external.empty() && (!any || sim.external.begin()->first < at)) {
        at = sim.external.begin()->first;
        any = true;
    }
    return any;
}

[[noreturn]] void finish(SimEnd end) {
    sim.end = end;
    setcontext(&sim.test_context);
    throw std::logic_error("setcontext returned");
}

// Moves the clock to `counter` (not past the time limit) and latches what
// falls due on the way.
void advance_to(uint64_t counter) {
    if (counter > sim.limit_counter) finish(SimEnd::time_limit);
    if (counter > hal::clock_counter()) clock_set(counter);  // latches the timer
    latch_external();
}

// hal::wait_for_interrupt in the idle loop: jump to the next event, take it.
void idle_wait() {
    deliver_pending();
    uint64_t at = 0;
    if (!next_event(at)) finish(SimEnd::deadlock);
    advance_to(at);
    deliver_pending();
}

void main_thread(void*) {
    sim.main();
    finish(SimEnd::finished);
}

// What kernel_main does before the guests and the terminal, then "main".
void default_boot() {
    hal::irq_controller_init();
    tern::sched_init();
    tern::timer_init();
    tern::Vcpu* main = tern::thread_create("main", main_thread, nullptr,
                                           sim.options.main_priority, sim.options.main_stack);
    if (main == nullptr || tern::thread_start(*main) != tern::Status::ok)
        throw std::logic_error("sim: cannot create the main thread");
    tern::sched_idle_loop();
}

void boot_entry() {
    sim.boot();
    throw std::logic_error("sim: the boot function returned");
}

// Reading the clock takes clock_read_ns; an interrupt that falls due is
// taken right there if interrupts are on.
bool reading_clock;

void clock_read() {
    if (reading_clock) return;
    reading_clock = true;
    uint64_t now = hal::clock_counter();  // no recursion: reading_clock
    advance_to(now + sim.read_cost);
    reading_clock = false;
    deliver_pending();
}

SimEnd start(std::function<void()> boot, const SimOptions& options) {
    if (sim.used) throw std::logic_error("sim: once per process (the scheduler cannot be reset)");
    sim.used = true;
    sim.options = options;
    sim.boot = std::move(boot);
    reset();
    if (!hal::clock_set_hz(options.hz)) throw std::logic_error("sim: bad hz");
    sim.limit_counter = tern::ns_to_counter(options.time_limit_ns);
    sim.read_cost = tern::ns_to_counter(options.clock_read_ns);
    on_timer([] { sim.pending |= 1u << hal::timer_irq_line(); });
    on_irq_enable(deliver_pending);
    on_wait(idle_wait);
    if (sim.read_cost != 0) on_clock_read(clock_read);

    sim.boot_stack.reset(new char[boot_stack_size]);
    getcontext(&sim.boot_context);
    sim.boot_context.uc_stack.ss_sp = sim.boot_stack.get();
    sim.boot_context.uc_stack.ss_size = boot_stack_size;
    sim.boot_context.uc_link = nullptr;
    makecontext(&sim.boot_context, boot_entry, 0);
    swapcontext(&sim.test_context, &sim.boot_context);

    // Back from finish(): the simulated CPU stops here for good.
    on_clock_read(nullptr);
    on_wait(nullptr);
    on_irq_enable(nullptr);
    on_timer(nullptr);
    return sim.end;
}

}  // namespace

const char* sim_end_name(SimEnd end) {
    switch (end) {
    case SimEnd::finished: return "finished";
    case SimEnd::time_limit: return "time limit";
    case SimEnd::deadlock: return "deadlock";
    }
    return "?";
}

SimEnd sim_run(std::function<void()> main, const SimOptions& options) {
    if (sim.used) throw std::logic_error("sim: once per process (the scheduler cannot be reset)");
    sim.main = std::move(main);
    sim.heap_memory.reset(new uint64_t[options.heap_bytes / sizeof(uint64_t)]);
    if (tern::heap().init(sim.heap_memory.get(), options.heap_bytes) != tern::Status::ok)
        throw std::logic_error("sim: heap init failed");
    return start(default_boot, options);
}

SimEnd sim_boot(std::function<void()> boot, const SimOptions& options) {
    return start(std::move(boot), options);
}

void sim_raise_irq(unsigned line) {
    if (line >= irq_lines) throw std::out_of_range("sim_raise_irq: no such line");
    sim.pending |= 1u << line;
    deliver_pending();
}

void sim_irq_at(uint64_t at_ns, unsigned line) {
    if (line >= irq_lines) throw std::out_of_range("sim_irq_at: no such line");
    sim.external.emplace(tern::ns_to_counter(at_ns), line);
    latch_external();  // already due: now
    deliver_pending();
}

uint64_t sim_interrupts_taken() { return sim.taken; }

}  // namespace host

void host_burn(uint64_t ns) {
    using namespace host;
    uint64_t remaining = tern::ns_to_counter(ns);
    deliver_pending();
    while (remaining > 0) {
        uint64_t now = hal::clock_counter();
        uint64_t step = remaining;
        uint64_t at = 0;
        if (next_event(at) && at > now && at - now < step) step = at - now;
        remaining -= step;
        advance_to(now + step);
        deliver_pending();  // may run other threads before coming back
    }
}
