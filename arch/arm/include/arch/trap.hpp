// AArch64 exception handling entry points shared by the cpu/ and board/ code.
#pragma once

#include <stdint.h>

#include "arch/trap_frame.hpp"

namespace arm {

// The vector table entry of an IRQ taken at EL1 on SP_EL1 (group 1,
// entry 1: the only way Tern takes host interrupts).
inline constexpr uint64_t vector_irq_current_spx = 5;

// Points VBAR_EL1 at the vector table (cpu/exception.S).
void install_vectors();

// Prints the saved registers of `frame`.
void dump_frame(const TrapFrame& frame);

// Services pending host interrupts (through the board's controller).
void handle_interrupt(TrapFrame& frame);

// Reports an exception the hypervisor did not expect and halts.
[[noreturn]] void unexpected_exception(const TrapFrame& frame);

}  // namespace arm

// Called from assembly (start.S, exception.S).
extern "C" [[noreturn]] void arm_boot(uintptr_t loader_x0, uint64_t boot_el);
extern "C" void arm_trap(arm::TrapFrame* frame);
