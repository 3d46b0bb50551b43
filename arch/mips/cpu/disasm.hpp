// A compact MIPS32r2 disassembler for crash and trap reports: the integer
// ISA, COP0, the common COP1 moves and branches. GNU-like syntax with ABI
// register names ("lw v0, 16(sp)", "beqz a0, 0x80001040"); anything else
// prints as ".word 0x...".
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace mips {

// ABI name of a general-purpose register ("zero", "at", ... "ra").
const char* gpr_name(unsigned reg);

// Writes the text of `insn`, located at `pc` (for branch targets), into
// buf: at most size - 1 characters and a NUL when size > 0. Returns the
// length written (truncated text included).
size_t disassemble(uint32_t insn, uint32_t pc, char* buf, size_t size);

}  // namespace mips
