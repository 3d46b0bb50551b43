// Branch and jump evaluation: every MIPS32r2 form, taken and not taken,
// likely and linking ones, offsets both ways, register jumps.
#include <stdint.h>

#include "arch/mips/cpu/branch.hpp"
#include "catch.hpp"
#include "encode.hpp"

using namespace enc;
using mips::BranchKind;
using mips::BranchResult;

namespace {

constexpr uint32_t pc = 0x80012340;

struct Regs {
    uint32_t gpr[32] = {};
};

// One register-compare branch: its encoder and the condition on rs (and rt).
struct CondCase {
    const char* name;
    uint32_t insn;          // rs = t0, rt = t1 where there is one
    bool (*cond)(int32_t rs, int32_t rt);
    bool likely;
    bool link;
};

bool eq(int32_t a, int32_t b) { return a == b; }
bool ne(int32_t a, int32_t b) { return a != b; }
bool lez(int32_t a, int32_t) { return a <= 0; }
bool gtz(int32_t a, int32_t) { return a > 0; }
bool ltz(int32_t a, int32_t) { return a < 0; }
bool gez(int32_t a, int32_t) { return a >= 0; }

void check_cond(const CondCase& c, int32_t offset) {
    const uint32_t word = (c.insn & ~0xffffu) | (static_cast<uint32_t>(offset) & 0xffff);
    const uint32_t target = pc + 4 + static_cast<uint32_t>(offset) * 4;
    const int32_t values[] = {0, 1, -1, 5, 0x7fffffff, INT32_MIN, 0x1000};
    for (int32_t rs : values) {
        for (int32_t rt : {0, 1, -1, 5}) {
            Regs r;
            r.gpr[t0] = static_cast<uint32_t>(rs);
            r.gpr[t1] = static_cast<uint32_t>(rt);
            r.gpr[ra] = 0x11111111;
            INFO(c.name << " rs " << rs << " rt " << rt << " offset " << offset);
            const BranchResult b = mips::evaluate_branch(word, pc, r.gpr);
            const bool taken = c.cond(rs, rt);
            CHECK(b.valid);
            CHECK_FALSE(b.needs_cop_condition);
            CHECK(b.kind == BranchKind::conditional);
            CHECK(b.taken == taken);
            CHECK(b.likely == c.likely);
            CHECK(b.taken_target == target);
            CHECK(b.target == (taken ? target : pc + 8));
            CHECK(b.link_reg == (c.link ? 31 : -1));
            if (c.link) CHECK(b.link_value == pc + 8);
            CHECK_FALSE(b.unpredictable);
        }
    }
}

}  // namespace

TEST_CASE("every register-compare branch, taken and not taken, both directions",
          "[mips][branch]") {
    const CondCase cases[] = {
        {"beq", beq(t0, t1, 0), eq, false, false},
        {"bne", bne(t0, t1, 0), ne, false, false},
        {"blez", blez(t0, 0), lez, false, false},
        {"bgtz", bgtz(t0, 0), gtz, false, false},
        {"bltz", bltz(t0, 0), ltz, false, false},
        {"bgez", bgez(t0, 0), gez, false, false},
        {"bltzal", bltzal(t0, 0), ltz, false, true},
        {"bgezal", bgezal(t0, 0), gez, false, true},
        {"beql", beql(t0, t1, 0), eq, true, false},
        {"bnel", bnel(t0, t1, 0), ne, true, false},
        {"blezl", blezl(t0, 0), lez, true, false},
        {"bgtzl", bgtzl(t0, 0), gtz, true, false},
        {"bltzl", bltzl(t0, 0), ltz, true, false},
        {"bgezl", bgezl(t0, 0), gez, true, false},
        {"bltzall", bltzall(t0, 0), ltz, true, true},
        {"bgezall", bgezall(t0, 0), gez, true, true},
    };
    for (const CondCase& c : cases) {
        CHECK(mips::is_branch_or_jump(c.insn));
        CHECK(mips::branch_kind(c.insn) == BranchKind::conditional);
        for (int32_t offset : {0, 1, 3, -1, -2, -100, 0x7fff, -0x8000}) check_cond(c, offset);
    }
}

TEST_CASE("branch aliases: b, bal, beqz, bnez; $zero always reads 0", "[mips][branch]") {
    Regs r;
    r.gpr[0] = 0xdeadbeef;      // a corrupt gpr[0] must not matter
    const BranchResult b = mips::evaluate_branch(beq(zero, zero, -1), pc, r.gpr);
    CHECK(b.taken);
    CHECK(b.target == pc);      // branch to itself
    const BranchResult bal = mips::evaluate_branch(bgezal(zero, 16), pc, r.gpr);
    CHECK(bal.taken);
    CHECK(bal.target == pc + 4 + 64);
    CHECK(bal.link_reg == 31);
    CHECK(bal.link_value == pc + 8);
    CHECK_FALSE(bal.unpredictable);
    // bltzal $zero ("nal"): never taken, still links.
    const BranchResult nal = mips::evaluate_branch(bltzal(zero, 16), pc, r.gpr);
    CHECK_FALSE(nal.taken);
    CHECK(nal.target == pc + 8);
    CHECK(nal.link_reg == 31);
    r.gpr[a0] = 0;
    CHECK(mips::evaluate_branch(beq(a0, zero, 2), pc, r.gpr).taken);
    CHECK_FALSE(mips::evaluate_branch(bne(a0, zero, 2), pc, r.gpr).taken);
    r.gpr[a0] = 7;
    CHECK(mips::evaluate_branch(bne(a0, zero, 2), pc, r.gpr).target == pc + 12);
    // Same register on both sides.
    CHECK(mips::evaluate_branch(beq(a0, a0, 5), pc, r.gpr).taken);
    CHECK_FALSE(mips::evaluate_branch(bnel(a0, a0, 5), pc, r.gpr).taken);
}

TEST_CASE("branch targets wrap around the address space", "[mips][branch]") {
    Regs r;
    CHECK(mips::evaluate_branch(beq(zero, zero, -4), 0x00000000, r.gpr).target == 0xfffffff4);
    CHECK(mips::evaluate_branch(beq(zero, zero, 4), 0xfffffff8, r.gpr).target == 0x0000000c);
}

TEST_CASE("j and jal stay in the 256MB region of the delay slot", "[mips][branch]") {
    Regs r;
    const BranchResult jj = mips::evaluate_branch(j(0x0abcdef0), pc, r.gpr);
    CHECK(jj.valid);
    CHECK(jj.kind == BranchKind::jump);
    CHECK(jj.taken);
    CHECK_FALSE(jj.likely);
    CHECK(jj.target == 0x8abcdef0);
    CHECK(jj.link_reg == -1);
    const BranchResult jl = mips::evaluate_branch(jal(0x00000100), 0x00400000, r.gpr);
    CHECK(jl.target == 0x00000100);
    CHECK(jl.link_reg == 31);
    CHECK(jl.link_value == 0x00400008);
    // The jump at the region's last word: the delay slot is in the next region.
    CHECK(mips::evaluate_branch(j(0x00000040), 0x0ffffffc, r.gpr).target == 0x10000040);
    CHECK(mips::evaluate_branch(j(0x0ffffffc), 0xf0000000, r.gpr).target == 0xfffffffc);
}

TEST_CASE("jr, jalr and their hazard-barrier forms", "[mips][branch]") {
    Regs r;
    r.gpr[t9] = 0x80123456;
    r.gpr[ra] = 0x80001008;
    const BranchResult ret = mips::evaluate_branch(jr(ra), pc, r.gpr);
    CHECK(ret.valid);
    CHECK(ret.kind == BranchKind::jump_register);
    CHECK(ret.taken);
    CHECK(ret.target == 0x80001008);
    CHECK(ret.link_reg == -1);
    CHECK(mips::evaluate_branch(jr_hb(t9), pc, r.gpr).target == 0x80123456);
    const BranchResult call = mips::evaluate_branch(jalr(ra, t9), pc, r.gpr);
    CHECK(call.target == 0x80123456);
    CHECK(call.link_reg == 31);
    CHECK(call.link_value == pc + 8);
    CHECK_FALSE(call.unpredictable);
    const BranchResult other = mips::evaluate_branch(jalr_hb(s0, t9), pc, r.gpr);
    CHECK(other.target == 0x80123456);
    CHECK(other.link_reg == s0);
    // jalr $zero, rs: the link goes nowhere.
    CHECK(mips::evaluate_branch(jalr(zero, t9), pc, r.gpr).link_reg == -1);
    // Misaligned targets are returned as they are: the fetch faults.
    r.gpr[t9] = 0x80000001;
    CHECK(mips::evaluate_branch(jr(t9), pc, r.gpr).target == 0x80000001);
}

TEST_CASE("delay-slot trap: registers as at the trap, the link already written",
          "[mips][branch]") {
    // `jalr t9` at pc executed (ra = pc + 8), then its delay slot trapped.
    Regs r;
    r.gpr[t9] = 0x80200000;
    r.gpr[ra] = pc + 8;
    const BranchResult b = mips::evaluate_branch(jalr(ra, t9), pc, r.gpr);
    CHECK(b.target == 0x80200000);
    CHECK(b.link_value == r.gpr[ra]);   // nothing left to write
    // jalr rd == rs is UNPREDICTABLE: its source was overwritten by the link.
    r.gpr[t9] = pc + 8;
    const BranchResult same = mips::evaluate_branch(jalr(t9, t9), pc, r.gpr);
    CHECK(same.unpredictable);
    CHECK(same.target == pc + 8);
    // bltzal/bgezal(l) on ra: the same hazard.
    r.gpr[ra] = pc + 8;
    CHECK(mips::evaluate_branch(bgezal(ra, 4), pc, r.gpr).unpredictable);
    CHECK(mips::evaluate_branch(bltzall(ra, 4), pc, r.gpr).unpredictable);
    CHECK_FALSE(mips::evaluate_branch(bgez(ra, 4), pc, r.gpr).unpredictable);
    // A likely branch whose slot trapped was taken.
    r.gpr[t0] = 3;
    const BranchResult l = mips::evaluate_branch(bgtzl(t0, 10), pc, r.gpr);
    CHECK(l.likely);
    CHECK(l.taken);
    CHECK(l.target == pc + 44);
}

TEST_CASE("COP1/COP2 branches need the coprocessor condition", "[mips][branch]") {
    Regs r;
    for (unsigned cop : {1u, 2u}) {
        for (bool on_true : {false, true}) {
            for (bool likely : {false, true}) {
                for (unsigned cc : {0u, 3u, 7u}) {
                    const uint32_t w = bc(cop, on_true, likely, cc, -3);
                    INFO("cop " << cop << " tf " << on_true << " nd " << likely << " cc " << cc);
                    CHECK(mips::is_branch_or_jump(w));
                    CHECK(mips::branch_kind(w) == BranchKind::coprocessor);
                    CHECK(mips::cop_branch_cc(w) == cc);
                    const BranchResult b = mips::evaluate_branch(w, pc, r.gpr);
                    CHECK_FALSE(b.valid);
                    CHECK(b.needs_cop_condition);
                    CHECK(b.likely == likely);
                    CHECK(b.taken_target == pc + 4 - 12);
                    for (bool condition : {false, true}) {
                        const BranchResult e = mips::evaluate_cop_branch(w, pc, condition);
                        CHECK(e.valid);
                        CHECK(e.taken == (condition == on_true));
                        CHECK(e.likely == likely);
                        CHECK(e.target == (e.taken ? pc - 8 : pc + 8));
                        CHECK(e.link_reg == -1);
                    }
                }
            }
        }
    }
    CHECK_FALSE(mips::evaluate_cop_branch(beq(t0, t1, 1), pc, true).valid);
}

TEST_CASE("not branches", "[mips][branch]") {
    Regs r;
    const uint32_t others[] = {
        lw(v0, 0, sp),      sw(v0, 0, sp),   0x00000000,          // nop
        0x0000000c,         0x0000000d,                           // syscall, break
        0x24420001,                                               // addiu
        eret,               wait,            mfc0(v0, 12),
        0x41000001,                                               // bc0f: not MIPS32
        0x4d000001,                                               // COP1X, was bc3f
        0x45200001,                                               // bc1any2 (MIPS-3D)
        0x74000100,                                               // jalx: MIPS16e only
        0x0000000a,                                               // movz
        synci(0, a0),       0x04080001,                           // tgei
        0x46000000,                                               // add.s
    };
    for (uint32_t w : others) {
        INFO("word " << w);
        CHECK_FALSE(mips::is_branch_or_jump(w));
        const BranchResult b = mips::evaluate_branch(w, pc, r.gpr);
        CHECK_FALSE(b.valid);
        CHECK_FALSE(b.needs_cop_condition);
        CHECK(b.link_reg == -1);
    }
}
