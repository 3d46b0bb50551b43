// Host IRQ framework: the table of handlers the arch's interrupt entry
// dispatches through.
#include "irq.hpp"

#include "hal/irq.hpp"
#include "sched/scheduler.hpp"

namespace tern {
namespace {

struct IrqLine {
    IrqHandler handler = nullptr;
    void* ctx = nullptr;
    const char* owner = nullptr;
    uint64_t count = 0;
    bool enabled = false;
};

IrqLine lines[max_irq_lines];
unsigned depth;
uint64_t spurious;

bool valid(unsigned line) { return line < irq_lines(); }

}  // namespace

unsigned irq_lines() { return min(hal::irq_line_count(), max_irq_lines); }

Status irq_register(unsigned line, const char* owner, IrqHandler handler, void* ctx) {
    if (!valid(line)) return Status::out_of_range;
    if (handler == nullptr) return Status::invalid;
    hal::IrqFlags flags = hal::irq_save();
    Status s = Status::busy;
    if (lines[line].handler == nullptr) {
        lines[line] = IrqLine{handler, ctx, owner, 0, false};
        s = Status::ok;
    }
    hal::irq_restore(flags);
    return s;
}

Status irq_unregister(unsigned line) {
    if (!valid(line)) return Status::out_of_range;
    hal::IrqFlags flags = hal::irq_save();
    hal::irq_line_mask(line);
    uint64_t count = lines[line].count;
    lines[line] = IrqLine{};
    lines[line].count = count;  // keep the history for `host irq`
    hal::irq_restore(flags);
    return Status::ok;
}

Status irq_line_enable(unsigned line) {
    if (!valid(line)) return Status::out_of_range;
    if (lines[line].handler == nullptr) return Status::not_found;
    hal::IrqFlags flags = hal::irq_save();
    lines[line].enabled = true;
    hal::irq_line_unmask(line);
    hal::irq_restore(flags);
    return Status::ok;
}

Status irq_line_disable(unsigned line) {
    if (!valid(line)) return Status::out_of_range;
    hal::IrqFlags flags = hal::irq_save();
    lines[line].enabled = false;
    hal::irq_line_mask(line);
    hal::irq_restore(flags);
    return Status::ok;
}

IrqLineInfo irq_line_info(unsigned line) {
    if (!valid(line)) return IrqLineInfo{"?", nullptr, 0, false};
    const IrqLine& l = lines[line];
    return IrqLineInfo{hal::irq_line_name(line), l.owner, l.count, l.enabled};
}

bool in_irq() { return depth > 0; }
uint64_t irq_spurious_count() { return spurious; }

void irq_enter() { ++depth; }

void irq_handle(unsigned line) {
    if (!valid(line) || lines[line].handler == nullptr || !lines[line].enabled) {
        // Nobody wants it: mask the line so it cannot storm.
        ++spurious;
        if (valid(line)) hal::irq_line_mask(line);
        return;
    }
    ++lines[line].count;
    lines[line].handler(line, lines[line].ctx);
}

void irq_exit() {
    if (--depth == 0) sched_preempt_point();
}

}  // namespace tern
