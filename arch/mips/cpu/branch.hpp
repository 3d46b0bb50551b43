// Branch and jump evaluation for MIPS32r2 delay slots: where execution
// continues after an instruction emulated in a branch delay slot.
//
// Use (trap with Cause.BD set): the branch is at EPC, the trapping
// instruction at EPC + 4. Call evaluate_branch(word at EPC, EPC, gpr) with
// the registers as saved at the trap, BEFORE committing any register the
// emulated delay-slot instruction writes (a load into the branch's rs must
// not change the outcome: the branch read its inputs first). Emulate the
// delay-slot instruction, then resume at result.target.
//
// Why the trap-time registers are the branch's inputs: the delay-slot
// instruction trapped, so it wrote nothing. The only register the branch
// pair changed is the link register, which the CPU wrote when the branch
// executed, before the slot trapped: the engine must NOT write it again
// (link_reg/link_value only describe it). Hence the one hazard: when the
// link register is also a source, its old value is gone. MIPS32 makes
// exactly those encodings UNPREDICTABLE (jalr rd == rs; bltzal, bgezal,
// bltzall, bgezall with rs = 31) because they cannot be re-executed; the
// result then has `unpredictable` set and is computed from the clobbered
// value (rs reads pc + 8), which is what re-executing would do. `bal`
// (bgezal $zero) is not affected.
//
// Likely branches nullify the delay slot when not taken, so a trap in the
// slot of a likely branch implies it was taken; evaluate_branch still
// computes the condition from the registers and reports what it finds.
//
// Addresses: pc-relative and J targets are in pc's address space; jr/jalr
// targets are the register's value as is (a low bit set for MIPS16e is not
// special-cased: the fetch raises AdEL on a core without MIPS16e).
#pragma once

#include <stdint.h>

namespace mips {

enum class BranchKind : uint8_t {
    none,          // not a branch or jump (jalx included: MIPS16e only)
    conditional,   // beq ... bgezall: pc-relative, compares registers
    jump,          // j, jal: region-absolute
    jump_register, // jr, jalr (.hb forms included)
    coprocessor,   // bc1f/bc1t/bc1fl/bc1tl, bc2*: condition lives in the coprocessor
};

struct BranchResult {
    bool valid;           // a branch whose outcome was computed
    bool needs_cop_condition;  // COP1/COP2 branch: use evaluate_cop_branch()
    bool taken;
    bool likely;          // delay slot nullified when not taken
    bool unpredictable;   // the link register is also a source (see above)
    BranchKind kind;
    uint32_t target;      // where execution continues after the delay slot
    uint32_t taken_target;  // the branch target, taken or not
    int link_reg;         // -1, 31 or jalr's rd (rd 0 reads -1: no effect)
    uint32_t link_value;  // pc + 8 when link_reg >= 0
};

BranchKind branch_kind(uint32_t insn);
bool is_branch_or_jump(uint32_t insn);

// `pc` is the branch's own address; gpr[0] must read 0.
BranchResult evaluate_branch(uint32_t insn, uint32_t pc, const uint32_t gpr[32]);

// A COP1/COP2 branch whose coprocessor condition (the FCSR condition code
// cc, or the COP2 condition) the caller knows. Tern virtualizes no FPU: a
// guest's bc1* raises Coprocessor Unusable itself, so a delay-slot trap
// under one cannot happen; this exists for completeness and tests.
BranchResult evaluate_cop_branch(uint32_t insn, uint32_t pc, bool condition);

// The FCSR condition code a COP1/COP2 branch tests (bits 20:18).
unsigned cop_branch_cc(uint32_t insn);

}  // namespace mips
