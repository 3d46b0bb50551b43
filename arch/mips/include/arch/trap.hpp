// MIPS exception handling entry points shared by the cpu/ and board/ code.
#pragma once

#include <stdint.h>

#include "arch/trap_frame.hpp"

namespace mips {

// Prints the 32 GPRs of `frame`, four to a line, by name.
void print_gprs(const TrapFrame& frame);

// Prints the saved registers of `frame`.
void dump_frame(const TrapFrame& frame);

// Reports an exception the hypervisor did not expect and halts.
[[noreturn]] void unexpected_exception(const TrapFrame& frame);

// Handles an exception taken while a guest ran (arch/mips/cpu/vcpu.cpp).
void vcpu_exit(TrapFrame& frame);

// Services pending host interrupts (Cause.IP & Status.IM).
void handle_interrupt(TrapFrame& frame);

// Board hooks. The board's interrupt controller provides host lines
// 0..board_irq_lines-1 behind one or more CPU lines.
inline constexpr unsigned board_irq_lines = 16;
// Services the CPU line `ip` (0-7) if the board's controller sits on it,
// dispatching through tern::irq_handle; false when the board does not own it.
bool board_handle_irq_line(unsigned ip);
const char* board_irq_line_name(unsigned line);
void board_irq_line_mask(unsigned line, bool masked);

}  // namespace mips

// The stack the exception entry switches to when it traps from user mode.
extern "C" uintptr_t mips_kernel_sp;

// Called from assembly (start.S, exception.S).
extern "C" [[noreturn]] void mips_boot(int argc, char** argv, char** envp, uint32_t ram_size);
extern "C" void mips_trap(mips::TrapFrame* frame);
