// The HAL (hal/*.hpp) implemented on the host for the unit tests: the
// console is a string, the clock a counter the test moves, the interrupt
// flag a plain bool, and halting throws.
#include "hal_host.hpp"

#include <deque>
#include <stdexcept>
#include <string>
#include <vector>

#include "hal/cache.hpp"
#include "hal/clock.hpp"
#include "hal/console.hpp"
#include "hal/context.hpp"
#include "hal/cpu.hpp"
#include "hal/irq.hpp"
#include "hal/memory.hpp"

namespace host {
namespace {

struct State {
    std::string output;
    std::deque<char> input;
    bool accept_console = true;
    ConsoleBinding binding;
    unsigned unlocked_writes = 0;

    uint64_t counter = 0;
    uint64_t hz = 100'000'000;
    std::optional<uint64_t> deadline;
    std::function<void()> timer_callback;

    bool irq_enabled = false;
    unsigned saves = 0;
    unsigned restores = 0;

    unsigned wait_budget = 0;
    unsigned waits = 0;
    std::function<void()> wait_hook;
    std::function<void()> irq_enable_hook;
    std::function<void()> clock_read_hook;
    unsigned cache_ops = 0;

    bool line_masked[irq_lines] = {true, true, true, true, true, true, true, true};
    bool controller_initialized = false;
    bool rx_interrupt_supported = true;
    bool rx_interrupt_enabled = false;

    struct RamWindow {
        uint64_t phys;
        char* memory;
        uint64_t size;
    };
    std::vector<RamWindow> ram;
};

State state;

void fire_timer_if_due() {
    if (!state.deadline || state.counter < *state.deadline) return;
    state.deadline.reset();
    if (state.timer_callback) state.timer_callback();
}

}  // namespace

void reset() { state = State{}; }

const std::string& console_output() { return state.output; }
void console_clear() { state.output.clear(); }
void console_feed(std::string_view input) { state.input.insert(state.input.end(), input.begin(), input.end()); }
void console_accept(bool accept) { state.accept_console = accept; }
const ConsoleBinding& console_binding() { return state.binding; }
unsigned console_unlocked_writes() { return state.unlocked_writes; }

void clock_set(uint64_t counter) {
    state.counter = counter;
    fire_timer_if_due();
}

void clock_advance(uint64_t ticks) { clock_set(state.counter + ticks); }
std::optional<uint64_t> timer_deadline() { return state.deadline; }
void on_timer(std::function<void()> callback) { state.timer_callback = std::move(callback); }

bool irqs_enabled() { return state.irq_enabled; }
void irqs_set(bool enabled) { state.irq_enabled = enabled; }
unsigned irq_save_count() { return state.saves; }
unsigned irq_restore_count() { return state.restores; }

void wait_budget(unsigned budget) { state.wait_budget = budget; }
unsigned wait_count() { return state.waits; }
void on_wait(std::function<void()> hook) { state.wait_hook = std::move(hook); }
void on_irq_enable(std::function<void()> hook) { state.irq_enable_hook = std::move(hook); }
void on_clock_read(std::function<void()> hook) { state.clock_read_hook = std::move(hook); }

unsigned cache_maintenance_count() { return state.cache_ops; }

bool irq_line_masked(unsigned line) { return line >= irq_lines || state.line_masked[line]; }
bool irq_controller_initialized() { return state.controller_initialized; }
void console_rx_interrupt_supported(bool supported) { state.rx_interrupt_supported = supported; }
bool console_rx_interrupt_enabled() { return state.rx_interrupt_enabled; }

void ram_map(uint64_t phys_base, void* memory, uint64_t size) {
    state.ram.push_back({phys_base, static_cast<char*>(memory), size});
}

}  // namespace host

namespace hal {

using host::state;

// console.hpp
bool console_setup(const ConsoleDevice& dev) {
    state.binding.compatible = dev.compatible != nullptr ? dev.compatible : "";
    state.binding.device = dev;
    state.binding.device.compatible = nullptr;  // the caller's string may not outlive the call
    state.binding.bound = state.accept_console;
    return state.accept_console;
}

void console_putc(char c) {
    if (state.irq_enabled) ++state.unlocked_writes;
    state.output.push_back(c);
}

bool console_rx_interrupt(bool enable) {
    if (!state.rx_interrupt_supported) return false;
    state.rx_interrupt_enabled = enable;
    return true;
}

int console_getc() {
    if (state.input.empty()) return -1;
    char c = state.input.front();
    state.input.pop_front();
    return static_cast<unsigned char>(c);
}

// clock.hpp
uint64_t clock_counter() {
    if (state.clock_read_hook) state.clock_read_hook();
    return state.counter;
}
uint64_t clock_hz() { return state.hz; }

bool clock_set_hz(uint64_t hz) {
    if (hz == 0) return false;
    state.hz = hz;
    return true;
}

void timer_arm(uint64_t deadline) {
    state.deadline = deadline;
    host::fire_timer_if_due();  // a deadline in the past fires at once
}

void timer_disarm() { state.deadline.reset(); }

unsigned timer_irq_line() { return host::timer_line; }

// irq.hpp
IrqFlags irq_save() {
    ++state.saves;
    IrqFlags flags = state.irq_enabled ? 1 : 0;
    state.irq_enabled = false;
    return flags;
}

void irq_restore(IrqFlags flags) {
    ++state.restores;
    state.irq_enabled = flags != 0;
    if (state.irq_enabled && state.irq_enable_hook) state.irq_enable_hook();
}

void irq_enable() {
    state.irq_enabled = true;
    if (state.irq_enable_hook) state.irq_enable_hook();
}
void irq_disable() { state.irq_enabled = false; }
bool irq_enabled() { return state.irq_enabled; }

unsigned irq_line_count() { return host::irq_lines; }

const char* irq_line_name(unsigned line) {
    static const char* const names[host::irq_lines] = {"host.0", "host.1", "host.2", "host.3",
                                                       "host.4", "host.5", "host.6", "host.7"};
    return line < host::irq_lines ? names[line] : "?";
}

void irq_line_unmask(unsigned line) {
    if (line < host::irq_lines) state.line_masked[line] = false;
}

void irq_line_mask(unsigned line) {
    if (line < host::irq_lines) state.line_masked[line] = true;
}

void irq_controller_init() {
    for (bool& masked : state.line_masked) masked = true;
    state.controller_initialized = true;
}

void wait_for_interrupt() {
    if (state.wait_hook) {
        ++state.waits;
        // A copy: the hook may replace itself (a simulation ending).
        auto hook = state.wait_hook;
        hook();
        return;
    }
    if (state.waits == state.wait_budget) throw host::Idle{};
    ++state.waits;
}

// cpu.hpp
CpuIdentity cpu_identity() {
    CpuIdentity id{};
    id.arch = "host";
    id.vendor = "Tern";
    id.model = "unit-test";
    id.id_register = 0x54455354;  // "TEST"
    id.revision = 1;
    id.revision_text[0] = 'r';
    id.revision_text[1] = '1';
    return id;
}

void cpu_halt() {
    state.irq_enabled = false;
    throw host::Halted{};
}

void board_reset() {
    state.irq_enabled = false;
    throw host::Reset{};
}

void board_poweroff() {
    state.irq_enabled = false;
    throw host::PowerOff{};
}

// context.hpp: ucontexts. An exception must not leave a context's entry
// function (there is no frame to unwind into): tests catch inside it.
namespace {

void context_start(unsigned high, unsigned low) {
    auto* ctx = reinterpret_cast<arch::Context*>((uintptr_t{high} << 16 << 16) | low);
    ctx->entry(ctx->arg);
    throw std::logic_error("a context's entry function returned");
}

}  // namespace

void context_init(arch::Context& ctx, void* stack_base, size_t stack_size, void (*entry)(void*),
                  void* arg) {
    getcontext(&ctx.uc);
    ctx.uc.uc_stack.ss_sp = stack_base;
    ctx.uc.uc_stack.ss_size = stack_size;
    ctx.uc.uc_link = nullptr;
    ctx.entry = entry;
    ctx.arg = arg;
    // makecontext passes int arguments: the Context pointer in two halves.
    auto p = reinterpret_cast<uintptr_t>(&ctx);
    makecontext(&ctx.uc, reinterpret_cast<void (*)()>(context_start), 2,
                static_cast<unsigned>(p >> 16 >> 16), static_cast<unsigned>(p));
}

void context_switch(arch::Context& from, arch::Context& to) { swapcontext(&from.uc, &to.uc); }

// memory.hpp
void* phys_to_virt(uint64_t phys) {
    for (const auto& w : state.ram)
        if (phys >= w.phys && phys - w.phys < w.size) return w.memory + (phys - w.phys);
    return nullptr;
}

uint64_t virt_to_phys(const void* virt) {
    auto* p = static_cast<const char*>(virt);
    for (const auto& w : state.ram)
        if (p >= w.memory && p < w.memory + w.size) return w.phys + static_cast<uint64_t>(p - w.memory);
    return reinterpret_cast<uintptr_t>(virt);
}

// cache.hpp
void dcache_clean_range(uintptr_t, size_t) { ++state.cache_ops; }
void icache_sync_range(uintptr_t, size_t) { ++state.cache_ops; }
void memory_barrier() { ++state.cache_ops; }

}  // namespace hal
