// Branch and jump evaluation (MD00086: B*, J, JAL, JR, JALR, BC1*, BC2*).
#include "branch.hpp"

#include "insn.hpp"

namespace mips {
namespace {

enum class Cond : uint8_t { eq, ne, lez, gtz, ltz, gez };

struct CondForm {
    bool is_branch;
    Cond cond;
    bool likely;
    bool link;
};

// Register-compare branches. Pre-R6 cores ignore rt for blez/bgtz(l) (QEMU
// does too), so a must-be-zero rt does not stop the decode.
constexpr CondForm cond_form(Insn insn) {
    switch (insn.op()) {
    case Op::beq:   return {true, Cond::eq, false, false};
    case Op::bne:   return {true, Cond::ne, false, false};
    case Op::blez:  return {true, Cond::lez, false, false};
    case Op::bgtz:  return {true, Cond::gtz, false, false};
    case Op::beql:  return {true, Cond::eq, true, false};
    case Op::bnel:  return {true, Cond::ne, true, false};
    case Op::blezl: return {true, Cond::lez, true, false};
    case Op::bgtzl: return {true, Cond::gtz, true, false};
    case Op::regimm:
        switch (insn.regimm()) {
        case Regimm::bltz:    return {true, Cond::ltz, false, false};
        case Regimm::bgez:    return {true, Cond::gez, false, false};
        case Regimm::bltzl:   return {true, Cond::ltz, true, false};
        case Regimm::bgezl:   return {true, Cond::gez, true, false};
        case Regimm::bltzal:  return {true, Cond::ltz, false, true};
        case Regimm::bgezal:  return {true, Cond::gez, false, true};
        case Regimm::bltzall: return {true, Cond::ltz, true, true};
        case Regimm::bgezall: return {true, Cond::gez, true, true};
        default:              return {};
        }
    default:
        return {};
    }
}

constexpr bool condition_holds(Cond cond, uint32_t rs_value, uint32_t rt_value) {
    const auto s = static_cast<int32_t>(rs_value);
    switch (cond) {
    case Cond::eq:  return rs_value == rt_value;
    case Cond::ne:  return rs_value != rt_value;
    case Cond::lez: return s <= 0;
    case Cond::gtz: return s > 0;
    case Cond::ltz: return s < 0;
    case Cond::gez: return s >= 0;
    }
    return false;
}

constexpr bool is_cop_branch(Insn insn) {
    return (insn.op() == Op::cop1 || insn.op() == Op::cop2) && !insn.co() &&
           insn.cop_rs() == CopRs::bc;
}

BranchResult resolved(BranchKind kind, uint32_t pc, bool taken, bool likely,
                      uint32_t taken_target, int link_reg) {
    BranchResult r{};
    r.valid = true;
    r.kind = kind;
    r.taken = taken;
    r.likely = likely;
    r.taken_target = taken_target;
    r.target = taken ? taken_target : pc + 8;
    r.link_reg = link_reg;
    r.link_value = link_reg >= 0 ? pc + 8 : 0;
    return r;
}

}  // namespace

BranchKind branch_kind(uint32_t word) {
    const Insn insn{word};
    if (cond_form(insn).is_branch) {
        return BranchKind::conditional;
    }
    switch (insn.op()) {
    case Op::j:
    case Op::jal:
        return BranchKind::jump;
    case Op::special:
        return insn.funct() == Funct::jr || insn.funct() == Funct::jalr
                   ? BranchKind::jump_register
                   : BranchKind::none;
    default:
        return is_cop_branch(insn) ? BranchKind::coprocessor : BranchKind::none;
    }
}

bool is_branch_or_jump(uint32_t word) { return branch_kind(word) != BranchKind::none; }

BranchResult evaluate_branch(uint32_t word, uint32_t pc, const uint32_t gpr[32]) {
    const Insn insn{word};
    const uint32_t rs_value = insn.rs() == 0 ? 0 : gpr[insn.rs()];
    const uint32_t rt_value = insn.rt() == 0 ? 0 : gpr[insn.rt()];

    switch (branch_kind(word)) {
    case BranchKind::conditional: {
        const CondForm form = cond_form(insn);
        const bool taken = condition_holds(form.cond, rs_value, rt_value);
        BranchResult r = resolved(BranchKind::conditional, pc, taken, form.likely,
                                  insn.branch_target(pc), form.link ? 31 : -1);
        r.unpredictable = form.link && insn.rs() == 31;
        return r;
    }
    case BranchKind::jump:
        return resolved(BranchKind::jump, pc, true, false, insn.jump_target(pc),
                        insn.op() == Op::jal ? 31 : -1);
    case BranchKind::jump_register: {
        const bool link = insn.funct() == Funct::jalr && insn.rd() != 0;
        BranchResult r = resolved(BranchKind::jump_register, pc, true, false, rs_value,
                                  link ? static_cast<int>(insn.rd()) : -1);
        r.unpredictable = link && insn.rd() == insn.rs();
        return r;
    }
    case BranchKind::coprocessor: {
        BranchResult r{};
        r.kind = BranchKind::coprocessor;
        r.needs_cop_condition = true;
        r.likely = Insn::BcNd::test(word);
        r.taken_target = insn.branch_target(pc);
        r.target = pc + 8;
        r.link_reg = -1;
        return r;
    }
    case BranchKind::none:
        break;
    }
    BranchResult r{};
    r.link_reg = -1;
    return r;
}

BranchResult evaluate_cop_branch(uint32_t word, uint32_t pc, bool condition) {
    const Insn insn{word};
    if (!is_cop_branch(insn)) {
        BranchResult r{};
        r.link_reg = -1;
        return r;
    }
    const bool on_true = Insn::BcTf::test(word);
    return resolved(BranchKind::coprocessor, pc, condition == on_true, Insn::BcNd::test(word),
                    insn.branch_target(pc), -1);
}

unsigned cop_branch_cc(uint32_t word) { return Insn::BcCc::get(word); }

}  // namespace mips
