// Instruction encoders for the MIPS tests: build words from fields, so a
// test reads "lw(v0, 16, sp)" rather than a hex constant.
#pragma once

#include <stdint.h>

namespace enc {

enum Reg : unsigned {
    zero, at, v0, v1, a0, a1, a2, a3, t0, t1, t2, t3, t4, t5, t6, t7,
    s0, s1, s2, s3, s4, s5, s6, s7, t8, t9, k0, k1, gp, sp, fp, ra,
};

constexpr uint32_t i_type(unsigned op, unsigned rs, unsigned rt, int32_t imm) {
    return (op & 63) << 26 | (rs & 31) << 21 | (rt & 31) << 16 | (static_cast<uint32_t>(imm) & 0xffff);
}
constexpr uint32_t r_type(unsigned rs, unsigned rt, unsigned rd, unsigned sa, unsigned funct) {
    return (rs & 31) << 21 | (rt & 31) << 16 | (rd & 31) << 11 | (sa & 31) << 6 | (funct & 63);
}

// Loads and stores: op rt, offset(base).
constexpr uint32_t mem(unsigned op, unsigned rt, int32_t offset, unsigned base) {
    return i_type(op, base, rt, offset);
}
constexpr uint32_t lb(unsigned rt, int32_t off, unsigned base) { return mem(0x20, rt, off, base); }
constexpr uint32_t lh(unsigned rt, int32_t off, unsigned base) { return mem(0x21, rt, off, base); }
constexpr uint32_t lwl(unsigned rt, int32_t off, unsigned base) { return mem(0x22, rt, off, base); }
constexpr uint32_t lw(unsigned rt, int32_t off, unsigned base) { return mem(0x23, rt, off, base); }
constexpr uint32_t lbu(unsigned rt, int32_t off, unsigned base) { return mem(0x24, rt, off, base); }
constexpr uint32_t lhu(unsigned rt, int32_t off, unsigned base) { return mem(0x25, rt, off, base); }
constexpr uint32_t lwr(unsigned rt, int32_t off, unsigned base) { return mem(0x26, rt, off, base); }
constexpr uint32_t sb(unsigned rt, int32_t off, unsigned base) { return mem(0x28, rt, off, base); }
constexpr uint32_t sh(unsigned rt, int32_t off, unsigned base) { return mem(0x29, rt, off, base); }
constexpr uint32_t swl(unsigned rt, int32_t off, unsigned base) { return mem(0x2a, rt, off, base); }
constexpr uint32_t sw(unsigned rt, int32_t off, unsigned base) { return mem(0x2b, rt, off, base); }
constexpr uint32_t swr(unsigned rt, int32_t off, unsigned base) { return mem(0x2e, rt, off, base); }
constexpr uint32_t cache(unsigned op, int32_t off, unsigned base) { return mem(0x2f, op, off, base); }
constexpr uint32_t ll(unsigned rt, int32_t off, unsigned base) { return mem(0x30, rt, off, base); }
constexpr uint32_t pref(unsigned hint, int32_t off, unsigned base) { return mem(0x33, hint, off, base); }
constexpr uint32_t sc(unsigned rt, int32_t off, unsigned base) { return mem(0x38, rt, off, base); }

// Branches: offset in instructions.
constexpr uint32_t beq(unsigned rs, unsigned rt, int32_t off) { return i_type(0x04, rs, rt, off); }
constexpr uint32_t bne(unsigned rs, unsigned rt, int32_t off) { return i_type(0x05, rs, rt, off); }
constexpr uint32_t blez(unsigned rs, int32_t off) { return i_type(0x06, rs, 0, off); }
constexpr uint32_t bgtz(unsigned rs, int32_t off) { return i_type(0x07, rs, 0, off); }
constexpr uint32_t beql(unsigned rs, unsigned rt, int32_t off) { return i_type(0x14, rs, rt, off); }
constexpr uint32_t bnel(unsigned rs, unsigned rt, int32_t off) { return i_type(0x15, rs, rt, off); }
constexpr uint32_t blezl(unsigned rs, int32_t off) { return i_type(0x16, rs, 0, off); }
constexpr uint32_t bgtzl(unsigned rs, int32_t off) { return i_type(0x17, rs, 0, off); }
constexpr uint32_t regimm(unsigned rt, unsigned rs, int32_t off) { return i_type(0x01, rs, rt, off); }
constexpr uint32_t bltz(unsigned rs, int32_t off) { return regimm(0x00, rs, off); }
constexpr uint32_t bgez(unsigned rs, int32_t off) { return regimm(0x01, rs, off); }
constexpr uint32_t bltzl(unsigned rs, int32_t off) { return regimm(0x02, rs, off); }
constexpr uint32_t bgezl(unsigned rs, int32_t off) { return regimm(0x03, rs, off); }
constexpr uint32_t bltzal(unsigned rs, int32_t off) { return regimm(0x10, rs, off); }
constexpr uint32_t bgezal(unsigned rs, int32_t off) { return regimm(0x11, rs, off); }
constexpr uint32_t bltzall(unsigned rs, int32_t off) { return regimm(0x12, rs, off); }
constexpr uint32_t bgezall(unsigned rs, int32_t off) { return regimm(0x13, rs, off); }
constexpr uint32_t synci(int32_t off, unsigned base) { return regimm(0x1f, base, off); }
constexpr uint32_t j(uint32_t target) { return 0x02u << 26 | ((target >> 2) & 0x3ffffff); }
constexpr uint32_t jal(uint32_t target) { return 0x03u << 26 | ((target >> 2) & 0x3ffffff); }
constexpr uint32_t jr(unsigned rs) { return r_type(rs, 0, 0, 0, 0x08); }
constexpr uint32_t jr_hb(unsigned rs) { return r_type(rs, 0, 0, 0x10, 0x08); }
constexpr uint32_t jalr(unsigned rd, unsigned rs) { return r_type(rs, 0, rd, 0, 0x09); }
constexpr uint32_t jalr_hb(unsigned rd, unsigned rs) { return r_type(rs, 0, rd, 0x10, 0x09); }
// bc1f/bc1t/bc1fl/bc1tl cc, offset (COP1 or COP2 with cop = 2).
constexpr uint32_t bc(unsigned cop, bool on_true, bool likely, unsigned cc, int32_t off) {
    return (0x10u + cop) << 26 | 0x08u << 21 | (cc & 7) << 18 | (likely ? 1u : 0u) << 17 |
           (on_true ? 1u : 0u) << 16 | (static_cast<uint32_t>(off) & 0xffff);
}

// COP0.
constexpr uint32_t mfc0(unsigned rt, unsigned rd, unsigned sel = 0) {
    return 0x10u << 26 | 0x00u << 21 | (rt & 31) << 16 | (rd & 31) << 11 | (sel & 7);
}
constexpr uint32_t mtc0(unsigned rt, unsigned rd, unsigned sel = 0) {
    return 0x10u << 26 | 0x04u << 21 | (rt & 31) << 16 | (rd & 31) << 11 | (sel & 7);
}
constexpr uint32_t co(unsigned funct) { return 0x10u << 26 | 1u << 25 | (funct & 63); }
constexpr uint32_t tlbr = co(0x01), tlbwi = co(0x02), tlbwr = co(0x06), tlbp = co(0x08),
                   eret = co(0x18), deret = co(0x1f), wait = co(0x20);
constexpr uint32_t di(unsigned rt) { return 0x41606000u | (rt & 31) << 16; }
constexpr uint32_t ei(unsigned rt) { return 0x41606020u | (rt & 31) << 16; }
constexpr uint32_t rdpgpr(unsigned rd, unsigned rt) {
    return 0x10u << 26 | 0x0au << 21 | (rt & 31) << 16 | (rd & 31) << 11;
}
constexpr uint32_t wrpgpr(unsigned rd, unsigned rt) {
    return 0x10u << 26 | 0x0eu << 21 | (rt & 31) << 16 | (rd & 31) << 11;
}
constexpr uint32_t rdhwr(unsigned rt, unsigned rd) {
    return 0x1fu << 26 | (rt & 31) << 16 | (rd & 31) << 11 | 0x3b;
}
constexpr uint32_t sync_insn(unsigned stype = 0) { return r_type(0, 0, 0, stype, 0x0f); }

}  // namespace enc
