// Host console output: formatting, newline translation, panic.
#include "console.hpp"

#include "hal/console.hpp"
#include "hal/cpu.hpp"
#include "hal/irq.hpp"
#include "lib/format.hpp"

namespace tern {
namespace {

void console_put(void*, char c) {
    if (c == '\n') hal::console_putc('\r');
    hal::console_putc(c);
}

}  // namespace

void vprint(const char* fmt, va_list ap) {
    // Interrupts off for the line: one CPU, so that is the console lock.
    hal::IrqFlags flags = hal::irq_save();
    vformat(FormatSink{console_put, nullptr}, fmt, ap);
    hal::irq_restore(flags);
}

void print(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vprint(fmt, ap);
    va_end(ap);
}

void console_write(const char* s, unsigned long len) {
    hal::IrqFlags flags = hal::irq_save();
    for (unsigned long i = 0; i < len; ++i) hal::console_putc(s[i]);
    hal::irq_restore(flags);
}

void panic(const char* fmt, ...) {
    hal::irq_disable();
    print("\n*** TERN PANIC: ");
    va_list ap;
    va_start(ap, fmt);
    vprint(fmt, ap);
    va_end(ap);
    print("\n*** system halted\n");
    hal::cpu_halt();
}

}  // namespace tern
