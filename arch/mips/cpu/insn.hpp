// MIPS32 Release 2 instruction word: typed fields and the opcode tables
// (MD00086, "Instruction Formats" and appendix A, "Instruction Bit Encodings").
// The one place that knows where a field sits in an instruction.
#pragma once

#include <stdint.h>

#include "lib/bitfield.hpp"

namespace mips {

// Major opcode, bits 31:26.
enum class Op : uint8_t {
    special = 0x00, regimm = 0x01, j = 0x02, jal = 0x03,
    beq = 0x04, bne = 0x05, blez = 0x06, bgtz = 0x07,
    addi = 0x08, addiu = 0x09, slti = 0x0a, sltiu = 0x0b,
    andi = 0x0c, ori = 0x0d, xori = 0x0e, lui = 0x0f,
    cop0 = 0x10, cop1 = 0x11, cop2 = 0x12, cop1x = 0x13,  // 0x13 was COP3
    beql = 0x14, bnel = 0x15, blezl = 0x16, bgtzl = 0x17,
    special2 = 0x1c, jalx = 0x1d, special3 = 0x1f,        // jalx: MIPS16e only
    lb = 0x20, lh = 0x21, lwl = 0x22, lw = 0x23, lbu = 0x24, lhu = 0x25, lwr = 0x26,
    sb = 0x28, sh = 0x29, swl = 0x2a, sw = 0x2b, swr = 0x2e, cache = 0x2f,
    ll = 0x30, lwc1 = 0x31, lwc2 = 0x32, pref = 0x33, ldc1 = 0x35, ldc2 = 0x36,
    sc = 0x38, swc1 = 0x39, swc2 = 0x3a, sdc1 = 0x3d, sdc2 = 0x3e,
};

// SPECIAL function field, bits 5:0.
enum class Funct : uint8_t {
    sll = 0x00, movci = 0x01, srl = 0x02, sra = 0x03,    // srl rs=1: rotr
    sllv = 0x04, srlv = 0x06, srav = 0x07,               // srlv sa=1: rotrv
    jr = 0x08, jalr = 0x09, movz = 0x0a, movn = 0x0b,
    syscall = 0x0c, break_ = 0x0d, sync = 0x0f,
    mfhi = 0x10, mthi = 0x11, mflo = 0x12, mtlo = 0x13,
    mult = 0x18, multu = 0x19, div = 0x1a, divu = 0x1b,
    add = 0x20, addu = 0x21, sub = 0x22, subu = 0x23,
    and_ = 0x24, or_ = 0x25, xor_ = 0x26, nor = 0x27, slt = 0x2a, sltu = 0x2b,
    tge = 0x30, tgeu = 0x31, tlt = 0x32, tltu = 0x33, teq = 0x34, tne = 0x36,
};

// REGIMM rt field, bits 20:16.
enum class Regimm : uint8_t {
    bltz = 0x00, bgez = 0x01, bltzl = 0x02, bgezl = 0x03,
    tgei = 0x08, tgeiu = 0x09, tlti = 0x0a, tltiu = 0x0b, teqi = 0x0c, tnei = 0x0e,
    bltzal = 0x10, bgezal = 0x11, bltzall = 0x12, bgezall = 0x13,
    synci = 0x1f,
};

// COPz rs field, bits 25:21, when bit 25 (CO) is clear.
enum class CopRs : uint8_t {
    mf = 0x00, cf = 0x02, mfh = 0x03, mt = 0x04, ct = 0x06, mth = 0x07,
    bc = 0x08,
    rdpgpr = 0x0a, mfmc0 = 0x0b, wrpgpr = 0x0e,          // COP0 only
};

// COP0 function field with CO set.
enum class Cop0Funct : uint8_t {
    tlbr = 0x01, tlbwi = 0x02, tlbwr = 0x06, tlbp = 0x08,
    eret = 0x18, deret = 0x1f, wait = 0x20,
};

// SPECIAL2 function field.
enum class Special2 : uint8_t {
    madd = 0x00, maddu = 0x01, mul = 0x02, msub = 0x04, msubu = 0x05,
    clz = 0x20, clo = 0x21, sdbbp = 0x3f,
};

// SPECIAL3 function field.
enum class Special3 : uint8_t {
    ext = 0x00, ins = 0x04, bshfl = 0x20, rdhwr = 0x3b,
};

// BSHFL sa field (SPECIAL3 function 0x20).
enum class Bshfl : uint8_t {
    wsbh = 0x02, seb = 0x10, seh = 0x18,
};

struct Insn {
    uint32_t raw;

    using Opcode = tern::Bitfield<26, 6>;
    using Rs = tern::Bitfield<21, 5>;      // also "base" and "fmt"
    using Rt = tern::Bitfield<16, 5>;
    using Rd = tern::Bitfield<11, 5>;
    using Sa = tern::Bitfield<6, 5>;       // shamt; jr/jalr hint
    using Function = tern::Bitfield<0, 6>;
    using Imm16 = tern::Bitfield<0, 16>;
    using Target26 = tern::Bitfield<0, 26>;
    using Co = tern::Bitfield<25, 1>;      // COPz: coprocessor operation
    using Sel = tern::Bitfield<0, 3>;      // mfc0/mtc0 register select
    using Hb = tern::Bitfield<10, 1>;      // jr.hb / jalr.hb
    using BcTf = tern::Bitfield<16, 1>;    // bc1t/bc1f: branch on true
    using BcNd = tern::Bitfield<17, 1>;    // bc1tl/bc1fl: likely
    using BcCc = tern::Bitfield<18, 3>;    // condition code number
    using Mfmc0Sc = tern::Bitfield<5, 1>;  // ei (1) / di (0)
    using CacheTarget = tern::Bitfield<16, 2>;  // cache op 1:0: I, D, T, S
    using CacheOperation = tern::Bitfield<18, 3>;  // cache op 4:2

    constexpr Op op() const { return static_cast<Op>(Opcode::get(raw)); }
    constexpr unsigned rs() const { return Rs::get(raw); }
    constexpr unsigned base() const { return Rs::get(raw); }
    constexpr unsigned rt() const { return Rt::get(raw); }
    constexpr unsigned rd() const { return Rd::get(raw); }
    constexpr unsigned sa() const { return Sa::get(raw); }
    constexpr Funct funct() const { return static_cast<Funct>(Function::get(raw)); }
    constexpr Regimm regimm() const { return static_cast<Regimm>(Rt::get(raw)); }
    constexpr CopRs cop_rs() const { return static_cast<CopRs>(Rs::get(raw)); }
    constexpr bool co() const { return Co::test(raw); }
    constexpr Cop0Funct cop0_funct() const { return static_cast<Cop0Funct>(Function::get(raw)); }
    constexpr Special2 special2() const { return static_cast<Special2>(Function::get(raw)); }
    constexpr Special3 special3() const { return static_cast<Special3>(Function::get(raw)); }
    constexpr unsigned sel() const { return Sel::get(raw); }
    constexpr uint32_t imm16() const { return Imm16::get(raw); }
    constexpr int32_t simm16() const { return tern::sign_extend(Imm16::get(raw), 16); }
    constexpr uint32_t target26() const { return Target26::get(raw); }

    // PC-relative branch target: the delay slot's address plus offset * 4.
    constexpr uint32_t branch_target(uint32_t pc) const {
        return pc + 4 + (static_cast<uint32_t>(simm16()) << 2);
    }
    // J/JAL target: inside the 256MB region of the delay slot.
    constexpr uint32_t jump_target(uint32_t pc) const {
        return ((pc + 4) & 0xf0000000u) | (target26() << 2);
    }
};

}  // namespace mips
