// Randomized cross-check of the decoders against Capstone (Debian's
// libcapstone, MIPS32 little-endian, detail on): for every word Capstone
// decodes as a load/store, branch/jump or COP0 operation, ours must agree
// on what it is and on every operand; and every word ours calls a
// load/store or branch must be one for Capstone too (or be rejected by it
// for a must-be-zero field ours deliberately does not check).
//
// Capstone quirks normalized here: aliases (b, bal, beqz, bnez, jr for
// `jalr $zero`, jalr with rd = 31 printing one operand), absolute branch
// targets, register operands as MIPS_REG_0..31, bc1 without an explicit
// $fcc0. Encodings Capstone decodes that MIPS32r2 reserves (bc0*/bc3*,
// lwc3/swc3, jalx on a core without MIPS16e) and the DSP/MSA/microMIPS/
// MIPS64/R6 groups are counted and skipped, not compared.
#include <capstone/capstone.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <map>
#include <string>

#include "arch/mips/cpu/branch.hpp"
#include "arch/mips/cpu/decode.hpp"
#include "catch.hpp"

namespace {

struct Rng {
    uint64_t s = 0x9e3779b97f4a7c15ull;
    uint32_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return static_cast<uint32_t>(s >> 16);
    }
};

int gpr_of(mips_reg r) {
    return r >= MIPS_REG_0 && r <= MIPS_REG_31 ? static_cast<int>(r - MIPS_REG_0) : -1;
}

bool in_group(const cs_insn* insn, uint8_t group) {
    const cs_detail* d = insn->detail;
    for (unsigned i = 0; i < d->groups_count; ++i)
        if (d->groups[i] == group) return true;
    return false;
}

// Extensions and ISAs outside MIPS32r2 that Capstone still decodes.
bool foreign(const cs_insn* insn) {
    for (uint8_t g : {MIPS_GRP_DSP, MIPS_GRP_DSPR2, MIPS_GRP_MSA, MIPS_GRP_MICROMIPS,
                      MIPS_GRP_MIPS16MODE, MIPS_GRP_MIPS64, MIPS_GRP_MIPS64R2, MIPS_GRP_CNMIPS,
                      MIPS_GRP_MIPS32R6, MIPS_GRP_MIPS64R6, MIPS_GRP_MIPS3})
        if (in_group(insn, g)) return true;
    switch (insn->id) {
    case MIPS_INS_BC0F: case MIPS_INS_BC0FL: case MIPS_INS_BC0T: case MIPS_INS_BC0TL:
    case MIPS_INS_BC3F: case MIPS_INS_BC3FL: case MIPS_INS_BC3T: case MIPS_INS_BC3TL:
    case MIPS_INS_LWC3: case MIPS_INS_SWC3: case MIPS_INS_JALX:
        return true;
    default:
        return false;
    }
}

struct MemExpect {
    bool is_mem;
    mips::MemKind kind;
    unsigned width;
    bool sign_extend;
    mips::Partial partial;
    bool ll, sc;
};

MemExpect mem_expect(unsigned id) {
    using mips::MemKind;
    using mips::Partial;
    switch (id) {
    case MIPS_INS_LB:  return {true, MemKind::load, 1, true, Partial::none, false, false};
    case MIPS_INS_LBU: return {true, MemKind::load, 1, false, Partial::none, false, false};
    case MIPS_INS_LH:  return {true, MemKind::load, 2, true, Partial::none, false, false};
    case MIPS_INS_LHU: return {true, MemKind::load, 2, false, Partial::none, false, false};
    case MIPS_INS_LW:  return {true, MemKind::load, 4, false, Partial::none, false, false};
    case MIPS_INS_LWL: return {true, MemKind::load, 4, false, Partial::left, false, false};
    case MIPS_INS_LWR: return {true, MemKind::load, 4, false, Partial::right, false, false};
    case MIPS_INS_LL:  return {true, MemKind::load, 4, false, Partial::none, true, false};
    case MIPS_INS_SB:  return {true, MemKind::store, 1, false, Partial::none, false, false};
    case MIPS_INS_SH:  return {true, MemKind::store, 2, false, Partial::none, false, false};
    case MIPS_INS_SW:  return {true, MemKind::store, 4, false, Partial::none, false, false};
    case MIPS_INS_SWL: return {true, MemKind::store, 4, false, Partial::left, false, false};
    case MIPS_INS_SWR: return {true, MemKind::store, 4, false, Partial::right, false, false};
    case MIPS_INS_SC:  return {true, MemKind::store, 4, false, Partial::none, false, true};
    default:           return {};
    }
}

bool is_cop_mem(unsigned id) {
    switch (id) {
    case MIPS_INS_LWC1: case MIPS_INS_LDC1: case MIPS_INS_SWC1: case MIPS_INS_SDC1:
    case MIPS_INS_LWC2: case MIPS_INS_LDC2: case MIPS_INS_SWC2: case MIPS_INS_SDC2:
    case MIPS_INS_LWXC1: case MIPS_INS_LDXC1: case MIPS_INS_SWXC1: case MIPS_INS_SDXC1:
    case MIPS_INS_LUXC1: case MIPS_INS_SUXC1:
        return true;
    default:
        return false;
    }
}

enum class Cond { always, never, eq, ne, lez, gtz, ltz, gez, cop };

struct BranchExpect {
    bool is_branch = false;
    Cond cond = Cond::always;
    bool likely = false;
    bool link = false;
    bool reg_jump = false;
    bool cop = false;
    bool cop_true = false;
    unsigned cc = 0;
};

BranchExpect branch_expect(unsigned id) {
    BranchExpect e;
    e.is_branch = true;
    switch (id) {
    case MIPS_INS_B:       e.cond = Cond::always; break;
    case MIPS_INS_BAL:     e.cond = Cond::always; e.link = true; break;
    case MIPS_INS_BEQ:     case MIPS_INS_BEQZ: e.cond = Cond::eq; break;
    case MIPS_INS_BNE:     case MIPS_INS_BNEZ: e.cond = Cond::ne; break;
    case MIPS_INS_BEQL:    e.cond = Cond::eq; e.likely = true; break;
    case MIPS_INS_BNEL:    e.cond = Cond::ne; e.likely = true; break;
    case MIPS_INS_BLEZ:    e.cond = Cond::lez; break;
    case MIPS_INS_BGTZ:    e.cond = Cond::gtz; break;
    case MIPS_INS_BLTZ:    e.cond = Cond::ltz; break;
    case MIPS_INS_BGEZ:    e.cond = Cond::gez; break;
    case MIPS_INS_BLEZL:   e.cond = Cond::lez; e.likely = true; break;
    case MIPS_INS_BGTZL:   e.cond = Cond::gtz; e.likely = true; break;
    case MIPS_INS_BLTZL:   e.cond = Cond::ltz; e.likely = true; break;
    case MIPS_INS_BGEZL:   e.cond = Cond::gez; e.likely = true; break;
    case MIPS_INS_BLTZAL:  e.cond = Cond::ltz; e.link = true; break;
    case MIPS_INS_BGEZAL:  e.cond = Cond::gez; e.link = true; break;
    case MIPS_INS_BLTZALL: e.cond = Cond::ltz; e.link = true; e.likely = true; break;
    case MIPS_INS_BGEZALL: e.cond = Cond::gez; e.link = true; e.likely = true; break;
    case MIPS_INS_J:       e.cond = Cond::always; break;
    case MIPS_INS_JAL:     e.cond = Cond::always; e.link = true; break;
    case MIPS_INS_JR:      case MIPS_INS_JR_HB: e.reg_jump = true; break;
    case MIPS_INS_JALR:    case MIPS_INS_JALR_HB: e.reg_jump = true; e.link = true; break;
    case MIPS_INS_BC1F:    case MIPS_INS_BC2F: e.cop = true; break;
    case MIPS_INS_BC1T:    case MIPS_INS_BC2T: e.cop = true; e.cop_true = true; break;
    case MIPS_INS_BC1FL:   case MIPS_INS_BC2FL: e.cop = true; e.likely = true; break;
    case MIPS_INS_BC1TL:   case MIPS_INS_BC2TL:
        e.cop = true; e.cop_true = true; e.likely = true; break;
    default:
        e.is_branch = false;
    }
    if (e.cop) e.cond = Cond::cop;
    return e;
}

bool holds(Cond c, uint32_t rs, uint32_t rt) {
    const auto s = static_cast<int32_t>(rs);
    switch (c) {
    case Cond::always: return true;
    case Cond::never:  return false;
    case Cond::eq:     return rs == rt;
    case Cond::ne:     return rs != rt;
    case Cond::lez:    return s <= 0;
    case Cond::gtz:    return s > 0;
    case Cond::ltz:    return s < 0;
    case Cond::gez:    return s >= 0;
    case Cond::cop:    return false;
    }
    return false;
}

mips::Cop0Kind cop0_expect(unsigned id) {
    using mips::Cop0Kind;
    switch (id) {
    case MIPS_INS_MFC0:  return Cop0Kind::mfc0;
    case MIPS_INS_MTC0:  return Cop0Kind::mtc0;
    case MIPS_INS_TLBR:  return Cop0Kind::tlbr;
    case MIPS_INS_TLBWI: return Cop0Kind::tlbwi;
    case MIPS_INS_TLBWR: return Cop0Kind::tlbwr;
    case MIPS_INS_TLBP:  return Cop0Kind::tlbp;
    case MIPS_INS_ERET:  return Cop0Kind::eret;
    case MIPS_INS_DERET: return Cop0Kind::deret;
    case MIPS_INS_WAIT:  return Cop0Kind::wait;
    case MIPS_INS_DI:    return Cop0Kind::di;
    case MIPS_INS_EI:    return Cop0Kind::ei;
    default:             return Cop0Kind::not_cop0;
    }
}

struct Stats {
    uint64_t words = 0, capstone_valid = 0, foreign = 0;
    uint64_t mem = 0, cop_mem = 0, cache = 0, pref = 0;
    uint64_t branches = 0, branch_taken = 0, cop_branches = 0;
    uint64_t cop0 = 0, rdhwr = 0, synci = 0, sync = 0;
    uint64_t ours_only_branch = 0, ours_only_cop0 = 0;
    uint64_t mismatches = 0;
    std::map<std::string, uint64_t> per_mnemonic;
};

struct Checker {
    csh handle = 0;
    cs_insn* insn = nullptr;
    Stats st;
    std::string first_failures;

    Checker() {
        REQUIRE(cs_open(CS_ARCH_MIPS, static_cast<cs_mode>(CS_MODE_MIPS32 | CS_MODE_LITTLE_ENDIAN),
                        &handle) == CS_ERR_OK);
        cs_option(handle, CS_OPT_DETAIL, CS_OPT_ON);
        insn = cs_malloc(handle);
    }
    ~Checker() {
        cs_free(insn, 1);
        cs_close(&handle);
    }

    void fail(uint32_t word, uint32_t pc, const char* what) {
        ++st.mismatches;
        if (st.mismatches <= 20) {
            char head[40];
            snprintf(head, sizeof head, "  %08x at %08x (", word, pc);
            first_failures += std::string(head) + insn->mnemonic + " " + insn->op_str + "): " +
                              what + "\n";
        }
    }

    void check(uint32_t word, uint32_t pc, Rng& rng) {
        ++st.words;
        uint8_t bytes[4] = {static_cast<uint8_t>(word), static_cast<uint8_t>(word >> 8),
                            static_cast<uint8_t>(word >> 16), static_cast<uint8_t>(word >> 24)};
        const uint8_t* code = bytes;
        size_t size = 4;
        uint64_t address = pc;
        const bool valid = cs_disasm_iter(handle, &code, &size, &address, insn);

        mips::MemAccess ma{};
        const bool ours_mem = mips::decode_mem_access(word, ma);
        const bool ours_branch = mips::is_branch_or_jump(word);
        const mips::Cop0Op ours_cop0 = mips::decode_cop0(word);

        if (!valid) {
            // Capstone rejects it. Loads/stores have no must-be-zero field,
            // so ours must reject it too; branch/COP0 decodes may be looser.
            if (ours_mem) fail(word, pc, "ours decodes a load/store capstone rejects");
            if (ours_branch) ++st.ours_only_branch;
            if (ours_cop0.kind != mips::Cop0Kind::not_cop0 &&
                ours_cop0.kind != mips::Cop0Kind::invalid)
                ++st.ours_only_cop0;
            return;
        }
        ++st.capstone_valid;
        if (foreign(insn)) {
            ++st.foreign;
            return;
        }
        const cs_mips& m = insn->detail->mips;
        const unsigned id = insn->id;

        // ------------------------------------------------ loads/stores
        const MemExpect me = mem_expect(id);
        if (me.is_mem) {
            ++st.mem;
            ++st.per_mnemonic[insn->mnemonic];
            if (!ours_mem) return fail(word, pc, "not decoded as a load/store");
            if (mips::classify_mem(word) != mips::MemClass::integer) fail(word, pc, "class");
            if (m.op_count != 2 || m.operands[0].type != MIPS_OP_REG ||
                m.operands[1].type != MIPS_OP_MEM)
                return fail(word, pc, "unexpected capstone operands");
            if (ma.kind != me.kind) fail(word, pc, "kind");
            if (ma.width != me.width) fail(word, pc, "width");
            if (ma.sign_extend != me.sign_extend) fail(word, pc, "sign extension");
            if (ma.partial != me.partial) fail(word, pc, "partial");
            if (ma.is_ll != me.ll || ma.is_sc != me.sc) fail(word, pc, "ll/sc");
            if (ma.rt != gpr_of(m.operands[0].reg)) fail(word, pc, "rt");
            if (ma.base != gpr_of(m.operands[1].mem.base)) fail(word, pc, "base");
            if (ma.offset != m.operands[1].mem.disp) fail(word, pc, "offset");
            return;
        }
        if (ours_mem) return fail(word, pc, "ours decodes a load/store capstone calls something else");
        if (is_cop_mem(id)) {
            ++st.cop_mem;
            if (mips::classify_mem(word) != mips::MemClass::coprocessor) fail(word, pc, "cop class");
            return;
        }
        if (id == MIPS_INS_PREF) {
            ++st.pref;
            if (mips::classify_mem(word) != mips::MemClass::prefetch) fail(word, pc, "pref class");
            return;
        }
        if (id == MIPS_INS_CACHE) {
            ++st.cache;
            const mips::CacheOp c = mips::decode_cache(word);
            if (mips::classify_mem(word) != mips::MemClass::cache || !c.valid)
                return fail(word, pc, "cache");
            if (m.op_count != 2 || c.op != m.operands[0].imm ||
                c.base != gpr_of(m.operands[1].mem.base) || c.offset != m.operands[1].mem.disp)
                fail(word, pc, "cache operands");
            return;
        }

        // ------------------------------------------------------ branches
        const BranchExpect be = branch_expect(id);
        if (be.is_branch) {
            ++st.branches;
            ++st.per_mnemonic[insn->mnemonic];
            if (!ours_branch) return fail(word, pc, "not a branch for us");
            check_branch(word, pc, be, m, rng);
            return;
        }
        if (ours_branch) return fail(word, pc, "a branch for us, not for capstone");

        // ---------------------------------------------------------- COP0
        const mips::Cop0Kind ck = cop0_expect(id);
        if (ck != mips::Cop0Kind::not_cop0) {
            ++st.cop0;
            ++st.per_mnemonic[insn->mnemonic];
            if (ours_cop0.kind != ck) return fail(word, pc, "cop0 kind");
            if (ck == mips::Cop0Kind::mfc0 || ck == mips::Cop0Kind::mtc0) {
                if (m.op_count != 3 || ours_cop0.rt != gpr_of(m.operands[0].reg) ||
                    ours_cop0.rd != gpr_of(m.operands[1].reg) || ours_cop0.sel != m.operands[2].imm)
                    fail(word, pc, "mfc0/mtc0 operands");
            }
            if (ck == mips::Cop0Kind::di || ck == mips::Cop0Kind::ei) {
                const int rt = m.op_count ? gpr_of(m.operands[0].reg) : 0;
                if (ours_cop0.rt != rt) fail(word, pc, "di/ei rt");
            }
            return;
        }
        if (ours_cop0.kind != mips::Cop0Kind::not_cop0 && ours_cop0.kind != mips::Cop0Kind::invalid)
            return fail(word, pc, "a COP0 operation for us, not for capstone");

        if (id == MIPS_INS_RDHWR) {
            ++st.rdhwr;
            const mips::RdhwrOp r = mips::decode_rdhwr(word);
            if (!r.valid || m.op_count != 2 || r.rt != gpr_of(m.operands[0].reg) ||
                r.rd != gpr_of(m.operands[1].reg))
                fail(word, pc, "rdhwr");
            return;
        }
        if (mips::decode_rdhwr(word).valid) return fail(word, pc, "rdhwr for us only");
        if (id == MIPS_INS_SYNCI) {
            ++st.synci;
            const mips::SynciOp s = mips::decode_synci(word);
            if (!s.valid || s.base != gpr_of(m.operands[0].mem.base) ||
                s.offset != m.operands[0].mem.disp)
                fail(word, pc, "synci");
            return;
        }
        if (id == MIPS_INS_SYNC) {
            ++st.sync;
            if (!mips::is_sync(word)) fail(word, pc, "sync");
            return;
        }
        if (mips::is_sync(word)) fail(word, pc, "sync for us only");
    }

    void check_branch(uint32_t word, uint32_t pc, const BranchExpect& be, const cs_mips& m,
                      Rng& rng) {
        // Registers: random values, with small ones and equal pairs mixed in
        // so that both outcomes of every condition happen.
        uint32_t gpr[32];
        for (unsigned i = 0; i < 32; ++i) {
            const uint32_t r = rng.next();
            gpr[i] = (r & 3) == 0 ? (r >> 8) % 3 - 1 : rng.next();
        }
        gpr[0] = 0;
        // Capstone operands: registers in order, then the target immediate.
        int regs[3] = {-1, -1, -1};
        unsigned nregs = 0;
        int64_t imm = 0;
        bool has_imm = false;
        for (unsigned i = 0; i < m.op_count; ++i) {
            if (m.operands[i].type == MIPS_OP_REG && nregs < 3) {
                regs[nregs++] = gpr_of(m.operands[i].reg);
            } else if (m.operands[i].type == MIPS_OP_IMM) {
                imm = m.operands[i].imm;
                has_imm = true;
            }
        }
        if (be.cop) {
            ++st.cop_branches;
            const mips::BranchResult r = mips::evaluate_branch(word, pc, gpr);
            if (r.valid || !r.needs_cop_condition) return fail(word, pc, "cop branch flags");
            if (!has_imm || r.taken_target != static_cast<uint32_t>(imm))
                fail(word, pc, "cop branch target");
            if (r.likely != be.likely) fail(word, pc, "cop branch likely");
            // $fccN / $ccN appears as a register operand only when N != 0.
            unsigned cc = 0;
            if (m.op_count == 2 && m.operands[0].type == MIPS_OP_REG) {
                const char* name = cs_reg_name(handle, m.operands[0].reg);
                const size_t len = name ? strlen(name) : 0;
                cc = len ? static_cast<unsigned>(name[len - 1] - '0') : 99;
            }
            if (mips::cop_branch_cc(word) != cc) fail(word, pc, "cop branch cc");
            for (bool condition : {false, true}) {
                const mips::BranchResult c = mips::evaluate_cop_branch(word, pc, condition);
                if (!c.valid || c.taken != (condition == be.cop_true)) fail(word, pc, "cop outcome");
            }
            return;
        }
        const mips::BranchResult r = mips::evaluate_branch(word, pc, gpr);
        if (!r.valid) return fail(word, pc, "not valid");
        if (r.likely != be.likely) fail(word, pc, "likely");
        if (be.reg_jump) {
            // jr rs | jalr rs (rd = 31) | jalr rd, rs
            int rs = -1, rd = -1;
            if (nregs == 1) {
                rs = regs[0];
                rd = be.link ? 31 : -1;
            } else if (nregs == 2) {
                rd = regs[0];
                rs = regs[1];
            }
            if (rs < 0) return fail(word, pc, "jump register operands");
            if (rd == 0) rd = -1;
            if (r.kind != mips::BranchKind::jump_register) fail(word, pc, "kind");
            if (!r.taken || r.target != gpr[rs]) fail(word, pc, "jump register target");
            if (r.link_reg != rd) fail(word, pc, "jump register link");
            if (rd >= 0 && r.link_value != pc + 8) fail(word, pc, "link value");
            if (r.unpredictable != (rd >= 0 && rd == rs)) fail(word, pc, "unpredictable");
            return;
        }
        if (!has_imm) return fail(word, pc, "no target");
        const uint32_t target = static_cast<uint32_t>(imm);
        if (r.taken_target != target) fail(word, pc, "target");
        const uint32_t rs = nregs >= 1 ? gpr[regs[0]] : 0;
        const uint32_t rt = nregs >= 2 ? gpr[regs[1]] : 0;
        const bool taken = holds(be.cond, rs, rt);
        if (taken) ++st.branch_taken;
        if (r.taken != taken) fail(word, pc, "taken");
        if (r.target != (taken ? target : pc + 8)) fail(word, pc, "continuation");
        if (r.link_reg != (be.link ? 31 : -1)) fail(word, pc, "link register");
        if (be.link && r.link_value != pc + 8) fail(word, pc, "link value");
    }
};

// Words biased towards the interesting major opcodes and encodings.
uint32_t biased_word(Rng& rng) {
    static constexpr uint8_t ops[] = {
        0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x28, 0x29, 0x2a, 0x2b, 0x2e, 0x30, 0x38,
        0x2f, 0x33, 0x31, 0x35, 0x39, 0x3d, 0x32, 0x36, 0x3a, 0x3e, 0x27, 0x37, 0x3f,
        0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x14, 0x15, 0x16, 0x17,
    };
    const uint32_t r = rng.next();
    const uint32_t low = rng.next() & 0x03ffffff;
    switch (r % 8) {
    case 0: {   // jr / jalr with clean fields, hint 0 or .hb
        const uint32_t rs = (low >> 21) & 31, rd = (low >> 11) & 31;
        const uint32_t hb = (r >> 8) & 1 ? 0x400 : 0;
        return (r >> 9) & 1 ? (rs << 21 | rd << 11 | hb | 0x09) : (rs << 21 | hb | 0x08);
    }
    case 1: {   // REGIMM with the branch rt values
        static constexpr uint8_t rts[] = {0x00, 0x01, 0x02, 0x03, 0x10, 0x11, 0x12, 0x13, 0x1f, 0x08};
        return 0x04000000u | (low & 0x03e0ffff) | uint32_t{rts[(r >> 8) % sizeof rts]} << 16;
    }
    case 2: {   // blez/bgtz(l) with rt = 0
        static constexpr uint8_t blez_ops[] = {0x06, 0x07, 0x16, 0x17};
        return uint32_t{blez_ops[(r >> 8) % sizeof blez_ops]} << 26 | (low & 0x03e0ffff);
    }
    case 3:     // COP1/COP2 branches
        return (((r >> 8) & 1 ? 0x11u : 0x12u) << 26) | 0x08u << 21 | (low & 0x001fffff);
    case 4: {   // COP0: moves with clean fields, CO functions, di/ei
        switch ((r >> 8) % 4) {
        case 0: return 0x40000000u | ((r >> 12) & 1 ? 0x04u : 0u) << 21 | (low & 0x001ff807);
        case 1: return 0x42000000u | (low & 0x3f);
        case 2: return 0x41606000u | (low & 0x001f0000) | ((r >> 12) & 1) << 5;
        default: return 0x40000000u | low;
        }
    }
    case 5:     // SPECIAL3 rdhwr, SYNC, SYNCI
        switch ((r >> 8) % 3) {
        case 0: return 0x7c00003bu | (low & 0x001ff800);
        case 1: return 0x0000000fu | (low & 0x7c0);
        default: return 0x041f0000u | (low & 0x03e0ffff);
        }
    default:
        return uint32_t{ops[(r >> 8) % sizeof ops]} << 26 | low;
    }
}

}  // namespace

TEST_CASE("the decoders agree with Capstone on random and biased words",
          "[mips][capstone]") {
    Checker c;
    Rng rng;
    const uint32_t fixed_pcs[] = {0x80001000, 0x0ffffffc, 0xfffffffc, 0x00000000, 0x7ffffff8,
                                  0x3fc00000};
    constexpr unsigned random_words = 500000, biased_words = 500000;
    for (unsigned n = 0; n < random_words + biased_words; ++n) {
        const uint32_t word = n < random_words ? rng.next() : biased_word(rng);
        const uint32_t pc = (n % 4 == 0) ? fixed_pcs[(n / 4) % 6] : rng.next() & ~3u;
        c.check(word, pc, rng);
    }
    const Stats& s = c.st;
    printf("capstone cross-check: %llu words (%llu random, %llu biased), %llu decoded by capstone "
           "(%llu outside MIPS32r2, skipped)\n",
           static_cast<unsigned long long>(s.words), static_cast<unsigned long long>(random_words),
           static_cast<unsigned long long>(biased_words),
           static_cast<unsigned long long>(s.capstone_valid),
           static_cast<unsigned long long>(s.foreign));
    printf("  compared: %llu integer loads/stores, %llu branches/jumps (%llu taken, %llu COP1/2), "
           "%llu COP0, %llu cache, %llu pref, %llu FP/COP2 memory, %llu rdhwr, %llu synci, "
           "%llu sync\n",
           static_cast<unsigned long long>(s.mem), static_cast<unsigned long long>(s.branches),
           static_cast<unsigned long long>(s.branch_taken),
           static_cast<unsigned long long>(s.cop_branches), static_cast<unsigned long long>(s.cop0),
           static_cast<unsigned long long>(s.cache), static_cast<unsigned long long>(s.pref),
           static_cast<unsigned long long>(s.cop_mem), static_cast<unsigned long long>(s.rdhwr),
           static_cast<unsigned long long>(s.synci), static_cast<unsigned long long>(s.sync));
    printf("  accepted by us, rejected by capstone (must-be-zero fields): %llu branches, "
           "%llu COP0\n",
           static_cast<unsigned long long>(s.ours_only_branch),
           static_cast<unsigned long long>(s.ours_only_cop0));
    std::string per;
    for (const auto& [name, count] : s.per_mnemonic) per += " " + name + "=" + std::to_string(count);
    printf("  per mnemonic:%s\n", per.c_str());
    printf("  mismatches: %llu\n%s", static_cast<unsigned long long>(s.mismatches),
           c.first_failures.c_str());
    CHECK(s.mismatches == 0);
    // Every form was exercised.
    for (const char* name : {"lb", "lbu", "lh", "lhu", "lw", "lwl", "lwr", "ll", "sb", "sh",
                             "sw", "swl", "swr", "sc", "b", "bal", "beq", "beqz", "bne", "bnez",
                             "beql", "bnel", "blez", "bgtz", "bltz", "bgez", "blezl", "bgtzl",
                             "bltzl", "bgezl", "bltzal", "bgezal", "bltzall", "bgezall", "j",
                             "jal", "jr", "jr.hb", "jalr", "jalr.hb", "bc1f", "bc1t", "bc1fl",
                             "bc1tl", "bc2f", "bc2t", "bc2fl", "bc2tl", "mfc0", "mtc0", "eret",
                             "wait", "tlbp", "tlbr", "tlbwi", "tlbwr", "deret", "di", "ei"}) {
        INFO(name);
        CHECK(s.per_mnemonic.count(name) == 1);
    }
}
