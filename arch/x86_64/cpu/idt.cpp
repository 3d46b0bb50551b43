// The interrupt descriptor table: 64-bit interrupt gates to the
// cpu/exception.S stubs.
#include <stdint.h>

#include "arch/segments.hpp"
#include "arch/trap.hpp"
#include "lib/bitfield.hpp"

extern "C" const uint64_t x86_vector_stubs[], x86_vector_stubs_end[];

namespace x86 {
namespace {

// A 16-byte IDT gate descriptor (SDM 6.14.1).
struct IdtGate {
    uint16_t offset_low;
    uint16_t selector;
    uint8_t ist;          // 0: stay on the current stack (no TSS yet)
    uint8_t attributes;
    uint16_t offset_mid;
    uint32_t offset_high;
    uint32_t reserved;
};
static_assert(sizeof(IdtGate) == 16);

struct GateAttributes {
    using Type = tern::Bitfield<0, 4, uint8_t>;     // 0xE: 64-bit interrupt gate
    using Dpl = tern::Bitfield<5, 2, uint8_t>;
    using Present = tern::Bitfield<7, 1, uint8_t>;
    static constexpr uint8_t interrupt_gate = 0xe;  // clears IF on entry
};

struct [[gnu::packed]] IdtPointer {
    uint16_t limit;
    uint64_t base;
};

constexpr unsigned idt_entries = 256;
alignas(16) IdtGate idt[idt_entries];

IdtGate gate(uint64_t handler) {
    IdtGate g{};
    g.offset_low = static_cast<uint16_t>(handler);
    g.selector = GDT_KERNEL_CODE;
    g.attributes = static_cast<uint8_t>(GateAttributes::Type::bits(GateAttributes::interrupt_gate) |
                                        GateAttributes::Present::bits(1));
    g.offset_mid = static_cast<uint16_t>(handler >> 16);
    g.offset_high = static_cast<uint32_t>(handler >> 32);
    return g;
}

}  // namespace

void idt_install() {
    auto stubs = static_cast<unsigned>(x86_vector_stubs_end - x86_vector_stubs);
    for (unsigned v = 0; v < stubs && v < idt_entries; ++v) idt[v] = gate(x86_vector_stubs[v]);
    IdtPointer pointer{sizeof(idt) - 1, reinterpret_cast<uintptr_t>(idt)};
    asm volatile("lidt %0" : : "m"(pointer) : "memory");
}

}  // namespace x86
