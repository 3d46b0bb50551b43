// Host interrupts on the PC: the i8259 pair; host line N is its input N,
// delivered on IDT vector 0x20 + N.
#include "arch/board.hpp"
#include "arch/io.hpp"
#include "drivers/i8259.hpp"
#include "hal/irq.hpp"

namespace {

tern::I8259Pair i8259{arch::IoRegion(0x20, 0), arch::IoRegion(0xa0, 0)};

// I8259Pair::init programs ICW2 with vector bases 0x20 and 0x28: on x86 the
// chips hand the CPU that vector, so the inputs land right after the 32
// exception vectors.
constexpr unsigned first_vector = 0x20;

constexpr const char* line_names[tern::I8259Pair::lines] = {
    "i8259.0", "i8259.1", "i8259.2", "i8259.3", "i8259.4", "i8259.5", "i8259.6", "i8259.7",
    "i8259.8", "i8259.9", "i8259.10", "i8259.11", "i8259.12", "i8259.13", "i8259.14", "i8259.15",
};

}  // namespace

namespace x86 {

IrqVectors board_irq_vectors() { return {first_vector, tern::I8259Pair::lines}; }

void board_handle_irq_vector(unsigned vector) {
    // The CPU's interrupt acknowledge cycle already told the chips, so no
    // poll: the vector names the line. A spurious IRQ 7/15 (a request that
    // went away) finds no handler; the core masks it.
    unsigned line = vector - first_vector;
    tern::irq_handle(line);
    // EOI before irq_exit, which may switch to another entity.
    i8259.eoi(line);
}

}  // namespace x86

namespace hal {

void irq_controller_init() { i8259.init(); }

unsigned irq_line_count() { return tern::I8259Pair::lines; }

const char* irq_line_name(unsigned line) {
    return line < tern::I8259Pair::lines ? line_names[line] : "?";
}

void irq_line_unmask(unsigned line) { i8259.unmask(line); }
void irq_line_mask(unsigned line) { i8259.mask(line); }

}  // namespace hal
