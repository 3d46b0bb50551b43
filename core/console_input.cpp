// Console input ring, fed by the receive interrupt.
#include "console_input.hpp"

#include <stdint.h>

#include "hal/console.hpp"
#include "irq.hpp"
#include "sync/semaphore.hpp"
#include "sync/spinlock.hpp"
#include "thread.hpp"
#include "timer.hpp"

namespace tern {
namespace {

constexpr unsigned ring_size = 256;
uint8_t ring[ring_size];
unsigned head, tail;  // head: next write, tail: next read
unsigned long overruns;
bool interrupt_driven;
Semaphore available;

void rx_interrupt(unsigned, void*) {
    for (int c; (c = hal::console_getc()) >= 0;) {
        if (head - tail == ring_size) {
            ++overruns;
            continue;
        }
        ring[head++ % ring_size] = static_cast<uint8_t>(c);
        available.up();
    }
}

int pop() {
    IrqGuard guard;
    return ring[tail++ % ring_size];
}

}  // namespace

void console_input_init(int irq) {
    if (irq < 0) return;
    auto line = static_cast<unsigned>(irq);
    if (irq_register(line, "console", rx_interrupt, nullptr) != Status::ok) return;
    if (!hal::console_rx_interrupt(true) || irq_line_enable(line) != Status::ok) {
        (void)irq_unregister(line);
        return;
    }
    interrupt_driven = true;
}

int console_read() {
    if (interrupt_driven) {
        available.down();
        return pop();
    }
    for (;;) {
        int c = hal::console_getc();
        if (c >= 0) return c;
        thread_sleep_ms(10);
    }
}

unsigned long console_input_overruns() { return overruns; }
bool console_input_interrupt_driven() { return interrupt_driven; }

}  // namespace tern
