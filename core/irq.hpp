// Host IRQ framework: handlers, enable/disable and counts per host line.
#pragma once

#include <stdint.h>

#include "lib/std.hpp"

namespace tern {

using IrqHandler = void (*)(unsigned line, void* ctx);

inline constexpr unsigned max_irq_lines = 64;

struct IrqLineInfo {
    const char* name;      // the board's name of the line
    const char* owner;     // who registered the handler, nullptr if none
    uint64_t count;        // interrupts handled
    bool enabled;
};

// Installs `handler` for `line` (masked until irq_line_enable). Status::busy
// if the line already has a handler, out_of_range for a line the board
// does not have.
Status irq_register(unsigned line, const char* owner, IrqHandler handler, void* ctx);
Status irq_unregister(unsigned line);
Status irq_line_enable(unsigned line);
Status irq_line_disable(unsigned line);

[[nodiscard]] unsigned irq_lines();
[[nodiscard]] IrqLineInfo irq_line_info(unsigned line);
// True while the CPU is handling a host interrupt.
[[nodiscard]] bool in_irq();
[[nodiscard]] uint64_t irq_spurious_count();

}  // namespace tern
