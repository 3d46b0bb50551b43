// The host HAL itself (tests/host): the seams other tests rely on.
#include <stdint.h>

#include <vector>

#include "catch.hpp"
#include "hal/clock.hpp"
#include "hal/context.hpp"
#include "hal/cpu.hpp"
#include "hal/irq.hpp"
#include "hal/memory.hpp"
#include "hal_host.hpp"

TEST_CASE("host HAL: irq_save/irq_restore nest", "[hal]") {
    host::reset();
    hal::irq_enable();
    hal::IrqFlags outer = hal::irq_save();
    CHECK_FALSE(hal::irq_enabled());
    hal::IrqFlags inner = hal::irq_save();
    hal::irq_restore(inner);
    CHECK_FALSE(hal::irq_enabled());
    hal::irq_restore(outer);
    CHECK(hal::irq_enabled());
}

TEST_CASE("host HAL: the timer fires when the clock passes the deadline", "[hal]") {
    host::reset();
    int fired = 0;
    host::on_timer([&] { ++fired; });
    hal::timer_arm(1000);
    host::clock_advance(999);
    CHECK(fired == 0);
    host::clock_advance(1);
    CHECK(fired == 1);
    CHECK_FALSE(host::timer_deadline().has_value());
    host::clock_advance(5000);
    CHECK(fired == 1);  // one-shot
    hal::timer_arm(10);  // in the past: at once
    CHECK(fired == 2);
    hal::timer_arm(hal::clock_counter() + 5);
    hal::timer_disarm();
    host::clock_advance(10);
    CHECK(fired == 2);
    CHECK(hal::timer_irq_line() == host::timer_line);
}

TEST_CASE("host HAL: clock frequency", "[hal]") {
    host::reset();
    CHECK_FALSE(hal::clock_set_hz(0));
    CHECK(hal::clock_hz() != 0);
    CHECK(hal::clock_set_hz(160000000));
    CHECK(hal::clock_hz() == 160000000);
}

TEST_CASE("host HAL: the noreturn functions throw", "[hal]") {
    host::reset();
    hal::irq_enable();
    CHECK_THROWS_AS(hal::cpu_halt(), host::Halted);
    CHECK_FALSE(hal::irq_enabled());
    CHECK_THROWS_AS(hal::board_reset(), host::Reset);
    CHECK_THROWS_AS(hal::board_poweroff(), host::PowerOff);
    host::wait_budget(2);
    hal::wait_for_interrupt();
    hal::wait_for_interrupt();
    CHECK_THROWS_AS(hal::wait_for_interrupt(), host::Idle);
    CHECK(host::wait_count() == 2);
}

TEST_CASE("host HAL: interrupt lines start masked", "[hal]") {
    host::reset();
    hal::irq_controller_init();
    CHECK(host::irq_controller_initialized());
    CHECK(hal::irq_line_count() == host::irq_lines);
    for (unsigned line = 0; line < hal::irq_line_count(); ++line) CHECK(host::irq_line_masked(line));
    hal::irq_line_unmask(3);
    CHECK_FALSE(host::irq_line_masked(3));
    hal::irq_line_mask(3);
    CHECK(host::irq_line_masked(3));
}

TEST_CASE("host HAL: phys_to_virt and virt_to_phys through a RAM window", "[hal]") {
    host::reset();
    std::vector<char> ram(4096);
    host::ram_map(0x80000000, ram.data(), ram.size());
    CHECK(hal::phys_to_virt(0x80000010) == ram.data() + 0x10);
    CHECK(hal::phys_to_virt(0x80001000) == nullptr);
    CHECK(hal::virt_to_phys(ram.data() + 0xff0) == 0x80000ff0);
}

namespace {

struct PingPong {
    arch::Context main_ctx, worker_ctx;
    std::vector<int> trace;
};

void worker(void* arg) {
    auto* pp = static_cast<PingPong*>(arg);
    for (int i = 0;; ++i) {
        pp->trace.push_back(100 + i);
        hal::context_switch(pp->worker_ctx, pp->main_ctx);
    }
}

}  // namespace

TEST_CASE("host HAL: contexts switch stacks", "[hal]") {
    host::reset();
    static PingPong pp;
    static uint64_t stack[8192];
    pp.trace.clear();
    hal::context_init(pp.worker_ctx, stack, sizeof(stack), worker, &pp);
    for (int i = 0; i < 3; ++i) {
        pp.trace.push_back(i);
        hal::context_switch(pp.main_ctx, pp.worker_ctx);
    }
    CHECK(pp.trace == std::vector<int>{0, 100, 1, 101, 2, 102});
}
