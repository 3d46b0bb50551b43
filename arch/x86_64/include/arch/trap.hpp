// x86-64 exception handling entry points shared by the cpu/ and board/ code.
#pragma once

#include <stdint.h>

#include "arch/trap_frame.hpp"

namespace x86 {

// Loads the IDT: gates for the exception vectors and the board's
// interrupt vectors (cpu/exception.S stubs).
void idt_install();

// Prints the saved registers of `frame`.
void dump_frame(const TrapFrame& frame);

// Reports an exception the hypervisor did not expect and halts.
[[noreturn]] void unexpected_exception(const TrapFrame& frame);

// Services the host interrupt that arrived on `frame.vector`.
void handle_interrupt(TrapFrame& frame);

}  // namespace x86

// Called from assembly (start.S, exception.S).
extern "C" [[noreturn]] void x86_boot(uint32_t multiboot_magic, uint32_t multiboot_info);
extern "C" void x86_trap(x86::TrapFrame* frame);
