// Test controls of the host HAL (tests/host/hal_host.cpp): the captured
// console, the fake clock and timer, the interrupt flag, and the
// exceptions that stand in for the HAL's [[noreturn]] functions.
#pragma once

#include <stdint.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "hal/console.hpp"

namespace host {

// Thrown by hal::cpu_halt, hal::board_reset and hal::board_poweroff: the
// test catches them (REQUIRE_THROWS_AS) instead of a stopped CPU.
struct Halted {};
struct Reset {};
struct PowerOff {};
// Thrown by hal::wait_for_interrupt once the idle budget is spent, so an
// idle loop under test ends.
struct Idle {};

// Back to the power-on state: empty console, clock 0, interrupts off,
// timer disarmed, everything counted from zero. Call at the start of a test.
void reset();

// Console: every byte hal::console_putc wrote, and the input console_getc reads.
const std::string& console_output();
void console_clear();
void console_feed(std::string_view input);
// Whether hal::console_setup accepts the next device (default true), and
// the last device it was offered (strings copied).
void console_accept(bool accept);
struct ConsoleBinding {
    bool bound = false;
    std::string compatible;
    hal::ConsoleDevice device = {};
};
const ConsoleBinding& console_binding();
// Bytes written while interrupts were enabled (the console lock is
// "interrupts off": this must stay 0).
unsigned console_unlocked_writes();

// Clock: a counter the test moves. Passing an armed deadline runs the
// timer callback (the "interrupt") once, with the deadline disarmed first.
void clock_set(uint64_t counter);
void clock_advance(uint64_t ticks);
std::optional<uint64_t> timer_deadline();
void on_timer(std::function<void()> callback);

// Interrupts: the local enable flag and how often it was touched.
bool irqs_enabled();
void irqs_set(bool enabled);
unsigned irq_save_count();
unsigned irq_restore_count();

// hal::wait_for_interrupt returns `budget` times, then throws Idle.
void wait_budget(unsigned budget);
unsigned wait_count();

// Hooks for a simulation built on this HAL (tests/host/host_sched.hpp):
// `on_wait` runs in hal::wait_for_interrupt instead of the budget check (the
// call is still counted); `on_irq_enable` runs whenever hal::irq_enable or
// hal::irq_restore leaves interrupts enabled, which is where a pending
// interrupt is taken. Empty (the default) turns a hook off; reset() clears them.
void on_wait(std::function<void()> hook);
void on_irq_enable(std::function<void()> hook);
// Runs at every hal::clock_counter() call, before the counter is read (a
// simulation may make reading the clock take time).
void on_clock_read(std::function<void()> hook);

// Caches: how many maintenance calls were made.
unsigned cache_maintenance_count();

// Interrupt lines of the host "board": irq_line_count() lines named
// "host.N", all masked after hal::irq_controller_init(). The timer raises
// timer_line; the console's receive interrupt is console_line.
constexpr unsigned irq_lines = 8;
constexpr unsigned timer_line = 0;
constexpr unsigned console_line = 1;
bool irq_line_masked(unsigned line);
bool irq_controller_initialized();
// Whether hal::console_rx_interrupt succeeds (default true), and its state.
void console_rx_interrupt_supported(bool supported);
bool console_rx_interrupt_enabled();

// Physical memory: hal::phys_to_virt/virt_to_phys translate inside the
// windows mapped here; elsewhere virt_to_phys is the identity and
// phys_to_virt returns nullptr.
void ram_map(uint64_t phys_base, void* memory, uint64_t size);

}  // namespace host
