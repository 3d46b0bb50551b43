// The report disassembler: one formatting call per instruction form.
#include "disasm.hpp"

#include <stdarg.h>

#include "insn.hpp"
#include "lib/format.hpp"

namespace mips {
namespace {

constexpr const char* gpr_names[32] = {
    "zero", "at", "v0", "v1", "a0", "a1", "a2", "a3", "t0", "t1", "t2", "t3", "t4",
    "t5",   "t6", "t7", "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "t8", "t9",
    "k0",   "k1", "gp", "sp", "fp", "ra",
};

// Where the text goes; every helper returns the length actually written.
struct Out {
    char* buf;
    size_t size;
};

__attribute__((format(printf, 2, 3))) size_t put(const Out& out, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    const size_t n = tern::vformat_to(out.buf, out.size, fmt, ap);
    va_end(ap);
    if (out.size == 0) {
        return 0;
    }
    return n < out.size ? n : out.size - 1;
}

const char* r(unsigned reg) { return gpr_names[reg & 31]; }

size_t word(const Out& out, uint32_t w) { return put(out, ".word 0x%08x", w); }

size_t special(const Out& out, Insn insn) {
    const char* rd = r(insn.rd());
    const char* rs = r(insn.rs());
    const char* rt = r(insn.rt());
    switch (insn.funct()) {
    case Funct::sll:
        if (insn.raw == 0) return put(out, "nop");
        if (insn.raw == 0x40) return put(out, "ssnop");
        if (insn.raw == 0xc0) return put(out, "ehb");
        return put(out, "sll %s, %s, %u", rd, rt, insn.sa());
    case Funct::srl:
        return put(out, "%s %s, %s, %u", insn.rs() == 1 ? "rotr" : "srl", rd, rt, insn.sa());
    case Funct::sra:   return put(out, "sra %s, %s, %u", rd, rt, insn.sa());
    case Funct::sllv:  return put(out, "sllv %s, %s, %s", rd, rt, rs);
    case Funct::srlv:
        return put(out, "%s %s, %s, %s", insn.sa() == 1 ? "rotrv" : "srlv", rd, rt, rs);
    case Funct::srav:  return put(out, "srav %s, %s, %s", rd, rt, rs);
    case Funct::jr:    return put(out, "jr%s %s", Insn::Hb::test(insn.raw) ? ".hb" : "", rs);
    case Funct::jalr:
        if (insn.rd() == 31) {
            return put(out, "jalr%s %s", Insn::Hb::test(insn.raw) ? ".hb" : "", rs);
        }
        return put(out, "jalr%s %s, %s", Insn::Hb::test(insn.raw) ? ".hb" : "", rd, rs);
    case Funct::movci:
        return put(out, "%s %s, %s, $fcc%u", Insn::BcTf::test(insn.raw) ? "movt" : "movf", rd, rs,
                   Insn::BcCc::get(insn.raw));
    case Funct::movz:  return put(out, "movz %s, %s, %s", rd, rs, rt);
    case Funct::movn:  return put(out, "movn %s, %s, %s", rd, rs, rt);
    case Funct::syscall: {
        const uint32_t code = (insn.raw >> 6) & 0xfffff;
        return code ? put(out, "syscall 0x%x", code) : put(out, "syscall");
    }
    case Funct::break_: {
        const uint32_t code = (insn.raw >> 6) & 0xfffff;
        return code ? put(out, "break 0x%x", code) : put(out, "break");
    }
    case Funct::sync:
        return insn.sa() ? put(out, "sync 0x%x", insn.sa()) : put(out, "sync");
    case Funct::mfhi:  return put(out, "mfhi %s", rd);
    case Funct::mthi:  return put(out, "mthi %s", rs);
    case Funct::mflo:  return put(out, "mflo %s", rd);
    case Funct::mtlo:  return put(out, "mtlo %s", rs);
    case Funct::mult:  return put(out, "mult %s, %s", rs, rt);
    case Funct::multu: return put(out, "multu %s, %s", rs, rt);
    case Funct::div:   return put(out, "div zero, %s, %s", rs, rt);
    case Funct::divu:  return put(out, "divu zero, %s, %s", rs, rt);
    case Funct::add:   return put(out, "add %s, %s, %s", rd, rs, rt);
    case Funct::addu:
        if (insn.rt() == 0) return put(out, "move %s, %s", rd, rs);
        return put(out, "addu %s, %s, %s", rd, rs, rt);
    case Funct::sub:   return put(out, "sub %s, %s, %s", rd, rs, rt);
    case Funct::subu:  return put(out, "subu %s, %s, %s", rd, rs, rt);
    case Funct::and_:  return put(out, "and %s, %s, %s", rd, rs, rt);
    case Funct::or_:
        if (insn.rt() == 0) return put(out, "move %s, %s", rd, rs);
        return put(out, "or %s, %s, %s", rd, rs, rt);
    case Funct::xor_:  return put(out, "xor %s, %s, %s", rd, rs, rt);
    case Funct::nor:   return put(out, "nor %s, %s, %s", rd, rs, rt);
    case Funct::slt:   return put(out, "slt %s, %s, %s", rd, rs, rt);
    case Funct::sltu:  return put(out, "sltu %s, %s, %s", rd, rs, rt);
    case Funct::tge:   return put(out, "tge %s, %s", rs, rt);
    case Funct::tgeu:  return put(out, "tgeu %s, %s", rs, rt);
    case Funct::tlt:   return put(out, "tlt %s, %s", rs, rt);
    case Funct::tltu:  return put(out, "tltu %s, %s", rs, rt);
    case Funct::teq:   return put(out, "teq %s, %s", rs, rt);
    case Funct::tne:   return put(out, "tne %s, %s", rs, rt);
    }
    return word(out, insn.raw);
}

size_t regimm(const Out& out, Insn insn, uint32_t pc) {
    const char* rs = r(insn.rs());
    const uint32_t target = insn.branch_target(pc);
    const char* name = nullptr;
    switch (insn.regimm()) {
    case Regimm::bltz:    name = "bltz"; break;
    case Regimm::bgez:    name = "bgez"; break;
    case Regimm::bltzl:   name = "bltzl"; break;
    case Regimm::bgezl:   name = "bgezl"; break;
    case Regimm::bltzal:  name = "bltzal"; break;
    case Regimm::bgezal:
        if (insn.rs() == 0) return put(out, "bal 0x%08x", target);
        name = "bgezal";
        break;
    case Regimm::bltzall: name = "bltzall"; break;
    case Regimm::bgezall: name = "bgezall"; break;
    case Regimm::tgei:    return put(out, "tgei %s, %d", rs, insn.simm16());
    case Regimm::tgeiu:   return put(out, "tgeiu %s, %d", rs, insn.simm16());
    case Regimm::tlti:    return put(out, "tlti %s, %d", rs, insn.simm16());
    case Regimm::tltiu:   return put(out, "tltiu %s, %d", rs, insn.simm16());
    case Regimm::teqi:    return put(out, "teqi %s, %d", rs, insn.simm16());
    case Regimm::tnei:    return put(out, "tnei %s, %d", rs, insn.simm16());
    case Regimm::synci:   return put(out, "synci %d(%s)", insn.simm16(), rs);
    }
    if (name == nullptr) {
        return word(out, insn.raw);
    }
    return put(out, "%s %s, 0x%08x", name, rs, target);
}

size_t cop0(const Out& out, Insn insn) {
    if (insn.co()) {
        switch (insn.cop0_funct()) {
        case Cop0Funct::tlbr:  return put(out, "tlbr");
        case Cop0Funct::tlbwi: return put(out, "tlbwi");
        case Cop0Funct::tlbwr: return put(out, "tlbwr");
        case Cop0Funct::tlbp:  return put(out, "tlbp");
        case Cop0Funct::eret:  return put(out, "eret");
        case Cop0Funct::deret: return put(out, "deret");
        case Cop0Funct::wait:  return put(out, "wait");
        }
        return word(out, insn.raw);
    }
    const char* rt = r(insn.rt());
    switch (insn.cop_rs()) {
    case CopRs::mf:
        return insn.sel() ? put(out, "mfc0 %s, $%u, %u", rt, insn.rd(), insn.sel())
                          : put(out, "mfc0 %s, $%u", rt, insn.rd());
    case CopRs::mt:
        return insn.sel() ? put(out, "mtc0 %s, $%u, %u", rt, insn.rd(), insn.sel())
                          : put(out, "mtc0 %s, $%u", rt, insn.rd());
    case CopRs::rdpgpr: return put(out, "rdpgpr %s, %s", r(insn.rd()), rt);
    case CopRs::wrpgpr: return put(out, "wrpgpr %s, %s", r(insn.rd()), rt);
    case CopRs::mfmc0:
        if ((insn.raw & 0xffdf) == 0x6000) {
            const char* name = Insn::Mfmc0Sc::test(insn.raw) ? "ei" : "di";
            return insn.rt() ? put(out, "%s %s", name, rt) : put(out, "%s", name);
        }
        break;
    default:
        break;
    }
    return word(out, insn.raw);
}

size_t cop1(const Out& out, Insn insn, uint32_t pc) {
    const char* rt = r(insn.rt());
    if (insn.co()) {
        return word(out, insn.raw);
    }
    switch (insn.cop_rs()) {
    case CopRs::mf:  return put(out, "mfc1 %s, $f%u", rt, insn.rd());
    case CopRs::mfh: return put(out, "mfhc1 %s, $f%u", rt, insn.rd());
    case CopRs::mt:  return put(out, "mtc1 %s, $f%u", rt, insn.rd());
    case CopRs::mth: return put(out, "mthc1 %s, $f%u", rt, insn.rd());
    case CopRs::cf:  return put(out, "cfc1 %s, $%u", rt, insn.rd());
    case CopRs::ct:  return put(out, "ctc1 %s, $%u", rt, insn.rd());
    case CopRs::bc: {
        static constexpr const char* names[4] = {"bc1f", "bc1t", "bc1fl", "bc1tl"};
        const char* name = names[(insn.raw >> 16) & 3];
        const unsigned cc = Insn::BcCc::get(insn.raw);
        return cc ? put(out, "%s $fcc%u, 0x%08x", name, cc, insn.branch_target(pc))
                  : put(out, "%s 0x%08x", name, insn.branch_target(pc));
    }
    default:
        return word(out, insn.raw);
    }
}

size_t special2(const Out& out, Insn insn) {
    const char* rd = r(insn.rd());
    const char* rs = r(insn.rs());
    const char* rt = r(insn.rt());
    switch (insn.special2()) {
    case Special2::madd:  return put(out, "madd %s, %s", rs, rt);
    case Special2::maddu: return put(out, "maddu %s, %s", rs, rt);
    case Special2::mul:   return put(out, "mul %s, %s, %s", rd, rs, rt);
    case Special2::msub:  return put(out, "msub %s, %s", rs, rt);
    case Special2::msubu: return put(out, "msubu %s, %s", rs, rt);
    case Special2::clz:   return put(out, "clz %s, %s", rd, rs);
    case Special2::clo:   return put(out, "clo %s, %s", rd, rs);
    case Special2::sdbbp: {
        const uint32_t code = (insn.raw >> 6) & 0xfffff;
        return code ? put(out, "sdbbp 0x%x", code) : put(out, "sdbbp");
    }
    }
    return word(out, insn.raw);
}

size_t special3(const Out& out, Insn insn) {
    const char* rt = r(insn.rt());
    const unsigned msb = insn.rd(), lsb = insn.sa();
    switch (insn.special3()) {
    case Special3::ext:
        return put(out, "ext %s, %s, %u, %u", rt, r(insn.rs()), lsb, msb + 1);
    case Special3::ins:
        if (msb < lsb) break;
        return put(out, "ins %s, %s, %u, %u", rt, r(insn.rs()), lsb, msb - lsb + 1);
    case Special3::rdhwr:
        return put(out, "rdhwr %s, $%u", rt, insn.rd());
    case Special3::bshfl:
        switch (static_cast<Bshfl>(insn.sa())) {
        case Bshfl::wsbh: return put(out, "wsbh %s, %s", r(insn.rd()), rt);
        case Bshfl::seb:  return put(out, "seb %s, %s", r(insn.rd()), rt);
        case Bshfl::seh:  return put(out, "seh %s, %s", r(insn.rd()), rt);
        }
        break;
    }
    return word(out, insn.raw);
}

const char* mem_name(Op op) {
    switch (op) {
    case Op::lb:  return "lb";
    case Op::lh:  return "lh";
    case Op::lwl: return "lwl";
    case Op::lw:  return "lw";
    case Op::lbu: return "lbu";
    case Op::lhu: return "lhu";
    case Op::lwr: return "lwr";
    case Op::sb:  return "sb";
    case Op::sh:  return "sh";
    case Op::swl: return "swl";
    case Op::sw:  return "sw";
    case Op::swr: return "swr";
    case Op::ll:  return "ll";
    case Op::sc:  return "sc";
    default:      return nullptr;
    }
}

const char* cop_mem_name(Op op) {
    switch (op) {
    case Op::lwc1: return "lwc1";
    case Op::ldc1: return "ldc1";
    case Op::swc1: return "swc1";
    case Op::sdc1: return "sdc1";
    default:       return nullptr;
    }
}

const char* branch_name(Op op) {
    switch (op) {
    case Op::beq:   return "beq";
    case Op::bne:   return "bne";
    case Op::blez:  return "blez";
    case Op::bgtz:  return "bgtz";
    case Op::beql:  return "beql";
    case Op::bnel:  return "bnel";
    case Op::blezl: return "blezl";
    case Op::bgtzl: return "bgtzl";
    default:        return nullptr;
    }
}

}  // namespace

const char* gpr_name(unsigned reg) { return r(reg); }

size_t disassemble(uint32_t w, uint32_t pc, char* buf, size_t size) {
    const Out out{buf, size};
    const Insn insn{w};
    const char* rs = r(insn.rs());
    const char* rt = r(insn.rt());
    const Op op = insn.op();

    if (const char* name = mem_name(op)) {
        return put(out, "%s %s, %d(%s)", name, rt, insn.simm16(), rs);
    }
    if (const char* name = cop_mem_name(op)) {
        return put(out, "%s $f%u, %d(%s)", name, insn.rt(), insn.simm16(), rs);
    }
    if (const char* name = branch_name(op)) {
        const uint32_t target = insn.branch_target(pc);
        if (op == Op::beq && insn.rs() == 0 && insn.rt() == 0) {
            return put(out, "b 0x%08x", target);
        }
        if ((op == Op::beq || op == Op::bne) && insn.rt() == 0) {
            return put(out, "%s %s, 0x%08x", op == Op::beq ? "beqz" : "bnez", rs, target);
        }
        if (op == Op::beq || op == Op::bne || op == Op::beql || op == Op::bnel) {
            return put(out, "%s %s, %s, 0x%08x", name, rs, rt, target);
        }
        return put(out, "%s %s, 0x%08x", name, rs, target);
    }
    switch (op) {
    case Op::special:  return special(out, insn);
    case Op::regimm:   return regimm(out, insn, pc);
    case Op::j:        return put(out, "j 0x%08x", insn.jump_target(pc));
    case Op::jal:      return put(out, "jal 0x%08x", insn.jump_target(pc));
    case Op::addi:     return put(out, "addi %s, %s, %d", rt, rs, insn.simm16());
    case Op::addiu:
        if (insn.rs() == 0) return put(out, "li %s, %d", rt, insn.simm16());
        return put(out, "addiu %s, %s, %d", rt, rs, insn.simm16());
    case Op::slti:     return put(out, "slti %s, %s, %d", rt, rs, insn.simm16());
    case Op::sltiu:    return put(out, "sltiu %s, %s, %d", rt, rs, insn.simm16());
    case Op::andi:     return put(out, "andi %s, %s, 0x%x", rt, rs, insn.imm16());
    case Op::ori:      return put(out, "ori %s, %s, 0x%x", rt, rs, insn.imm16());
    case Op::xori:     return put(out, "xori %s, %s, 0x%x", rt, rs, insn.imm16());
    case Op::lui:      return put(out, "lui %s, 0x%x", rt, insn.imm16());
    case Op::cop0:     return cop0(out, insn);
    case Op::cop1:     return cop1(out, insn, pc);
    case Op::special2: return special2(out, insn);
    case Op::special3: return special3(out, insn);
    case Op::cache:    return put(out, "cache 0x%x, %d(%s)", insn.rt(), insn.simm16(), rs);
    case Op::pref:     return put(out, "pref 0x%x, %d(%s)", insn.rt(), insn.simm16(), rs);
    default:           return word(out, w);
    }
}

}  // namespace mips
