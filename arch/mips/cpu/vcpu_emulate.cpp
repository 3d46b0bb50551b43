// Trap-and-emulate of the guest's privileged instructions (Coprocessor
// Unusable with CE=0, and RDHWR through Reserved Instruction), and the
// delivery of exceptions into the guest (MIPS32 PRA ch. 6).
#include <string.h>

#include "arch/cp0.hpp"
#include "branch.hpp"
#include "console.hpp"
#include "guest.hpp"
#include "hal/clock.hpp"
#include "sync/spinlock.hpp"
#include "vcpu_internal.hpp"

namespace mips {

namespace {

using tern::Bitfield;

// Instruction fields of the COP0 and SPECIAL3 forms emulated here.
using Opcode = Bitfield<26, 6>;
using Rs = Bitfield<21, 5>;
using Rt = Bitfield<16, 5>;
using Rd = Bitfield<11, 5>;
using Sel = Bitfield<0, 3>;
using Funct = Bitfield<0, 6>;
using Co = Bitfield<25, 1>;
using Imm = Bitfield<0, 16>;
using MfmcSc = Bitfield<5, 1>;

constexpr uint32_t op_cop0 = 0x10, op_cache = 0x2f, op_special3 = 0x1f;
constexpr uint32_t cop0_mf = 0x00, cop0_mt = 0x04, cop0_mfmc0 = 0x0b;
constexpr uint32_t co_tlbr = 0x01, co_tlbwi = 0x02, co_tlbwr = 0x06, co_tlbp = 0x08,
                   co_eret = 0x18, co_wait = 0x20;
constexpr uint32_t special3_rdhwr = 0x3b;

void count(Vcpu& v, arch::Exit e) {
    ++v.arch.exits[static_cast<unsigned>(e)];
    v.arch.last_exit = e;
}

// Reflects the trapping instruction's exception back as Reserved
// Instruction: what a CPU does for an encoding it does not implement.
void reserved(Vcpu& v, TrapFrame& f) {
    count(v, arch::Exit::reflected);
    deliver_exception(v, ExcCode::RI, CauseReg::Bd::test(f.cause));
}

void emulate_mfc0(Vcpu& v, TrapFrame& f, unsigned rt, unsigned rd, unsigned sel) {
    uint32_t value = 0;
    if (rd == cp0::count.reg && sel == 0) value = guest_count(v);
    else (void)v.arch.cp0.read(rd, sel, value);  // absent registers read 0, as on a 24K
    if (rt != 0) f.gpr[rt] = value;
    count(v, arch::Exit::mfc0);
}

void emulate_mtc0(Vcpu& v, TrapFrame& f, unsigned rt, unsigned rd, unsigned sel) {
    uint32_t value = f.gpr[rt];
    Cp0Model& cp0 = v.arch.cp0;
    count(v, arch::Exit::mtc0);
    if (rd == cp0::count.reg && sel == 0) {
        v.arch.count_bias = value - read_cp0<cp0::count>();
        guest_timer_rearm(v);
        return;
    }
    // A Compare write also acknowledges the timer interrupt (PRA 9.20):
    // the model does that and says so.
    Cp0Effects effects = cp0.write(rd, sel, value);
    if (has(effects, Cp0Effects::timer_changed)) guest_timer_rearm(v);
    // An ASID change needs nothing: the guest now runs in another host ASID.
    if (has(effects, Cp0Effects::irq_changed)) tern::arch_vcpu_irq_changed(v);
}

void emulate_eret(Vcpu& v, TrapFrame& f) {
    count(v, arch::Exit::eret);
    // ERL before EXL (PRA, ERET); no delay slot. ERET also clears LLbit:
    // the host's own eret back into the guest does that for us.
    f.epc = v.arch.cp0.eret().pc;
    v.arch.nested_exceptions = 0;
}

void emulate_wait(Vcpu& v, TrapFrame& f) {
    count(v, arch::Exit::wait);
    advance_pc(v, f);
    // Sleep until an interrupt is requested (IP & IM), even with IE clear,
    // as the 24K does; the entry path then delivers it if enabled.
    tern::IrqGuard guard;
    for (;;) {
        for (unsigned line = 2; line <= 6; ++line)
            (void)v.arch.cp0.set_hw_irq(line - 2, (v.irq_lines >> line) & 1);
        if (v.arch.cp0.pending_irqs() != 0) break;
        v.arch.waiting = true;
        v.irq_wait.wait_locked();
    }
    v.arch.waiting = false;
}

void emulate_tlb(Vcpu& v, uint32_t funct) {
    Cp0Model& cp0 = v.arch.cp0;
    GuestTlb& tlb = v.arch.tlb;
    count(v, arch::Exit::tlb_op);
    switch (funct) {
    case co_tlbp:
        cp0.tlbp(tlb);
        break;
    case co_tlbr:
        (void)cp0.tlbr(tlb);  // an EntryHi.ASID change needs no flush
        break;
    case co_tlbwi:
    case co_tlbwr: {
        // No shadow may outlive the mapping it copied.
        TlbWrite w = funct == co_tlbwi ? cp0.tlbwi(tlb) : cp0.tlbwr(tlb);
        shadow_invalidate(v, w.old_entry);
        break;
    }
    default:
        break;
    }
}

void emulate_rdhwr(Vcpu& v, TrapFrame& f, uint32_t insn) {
    unsigned rt = Rt::get(insn), rd = Rd::get(insn);
    Cp0Model& cp0 = v.arch.cp0;
    // Kernel mode may read every register; user mode needs its HWREna bit.
    bool allowed = guest_kernel_mode(v) || (rd < 32 && ((cp0.hwrena() >> rd) & 1));
    uint32_t value = 0;
    switch (rd) {
    case 0: value = EbaseReg::CpuNum::get(cp0.ebase()); break;   // CPUNum
    case 1: value = 32; break;                                    // SYNCI_Step: line size
    case 2: value = guest_count(v); break;                        // CC
    case 3: value = 2; break;                                     // CCRes: Count ticks every 2 cycles
    case 29: value = cp0.userlocal(); break;                      // ULR
    default: allowed = false; break;
    }
    if (!allowed) {
        reserved(v, f);
        return;
    }
    count(v, arch::Exit::rdhwr);
    if (rt != 0) f.gpr[rt] = value;
    advance_pc(v, f);
}

}  // namespace

uint32_t guest_exception_base(const Cp0Model& cp0) {
    // BEV=1: the boot vectors at 0xBFC00200, moved; else EBase (bits 31:30
    // read 10b), moved down into the guest's view.
    return cp0.exception_base() - 0x80000000u;
}

void deliver_exception(Vcpu& v, ExcCode code, bool bd, bool refill, unsigned ce) {
    Cp0Model& cp0 = v.arch.cp0;
    TrapFrame& f = *v.arch.frame;
    uint32_t status = cp0.status();
    uint32_t offset = 0x180;
    if (!StatusReg::Exl::test(status)) {
        // EPC and BD only when not already at exception level (PRA 6.2.2).
        cp0.set_epc(f.epc);
        cp0.set_cause_bd(bd);
        if (refill) offset = 0x000;
        else if (code == ExcCode::Int && CauseReg::Iv::test(cp0.cause())) offset = 0x200;
        v.arch.nested_exceptions = 0;
    } else {
        ++v.arch.nested_exceptions;
    }
    cp0.set_cause_exccode(code);
    cp0.set_cause_ce(ce);
    cp0.set_exl(true);
    f.epc = guest_exception_base(cp0) + offset;
}

void deliver_address_exception(Vcpu& v, ExcCode code, bool bd, uint32_t badvaddr, bool refill) {
    Cp0Model& cp0 = v.arch.cp0;
    // TLB exceptions also load Context.BadVPN2 and EntryHi.VPN2 (PRA 9.5,
    // 9.11); address errors only BadVAddr.
    if (code == ExcCode::TLBL || code == ExcCode::TLBS || code == ExcCode::Mod)
        cp0.record_tlb_fault(badvaddr);
    else
        cp0.set_badvaddr(badvaddr);
    deliver_exception(v, code, bd, refill && !StatusReg::Exl::test(cp0.status()));
}

void note_delay_slot(Vcpu& v, const TrapFrame& f) {
    // The branch must be evaluated on the registers as they were when the
    // delay-slot instruction trapped, before its emulation writes any
    // (an mfc0 or a load may target the branch's own source register).
    v.arch.bd_target_valid = false;
    if (!CauseReg::Bd::test(f.cause)) return;
    uint32_t branch = 0;
    if (!fetch_insn(v, f.epc, branch)) return;
    BranchResult r = evaluate_branch(branch, f.epc, f.gpr);
    if (!r.valid) return;
    v.arch.bd_target = r.target;
    v.arch.bd_target_valid = true;
}

void advance_pc(Vcpu& v, TrapFrame& f) {
    if (!CauseReg::Bd::test(f.cause)) {
        f.epc += 4;
        return;
    }
    if (!v.arch.bd_target_valid) vcpu_fatal(v, "emulated instruction in the delay slot of a non-branch");
    f.epc = v.arch.bd_target;
}

void emulate_privileged(Vcpu& v, TrapFrame& f) {
    // In its user mode the guest may use CP0 only with Status.CU0 set;
    // otherwise it gets the Coprocessor Unusable (CE=0) a real CPU raises.
    if (!guest_kernel_mode(v) && !StatusReg::Cu0::test(v.arch.cp0.status())) {
        count(v, arch::Exit::reflected);
        deliver_exception(v, ExcCode::CpU, CauseReg::Bd::test(f.cause), false, 0);
        return;
    }
    uint32_t insn = 0;
    if (!fetch_faulting_insn(v, f, insn)) vcpu_fatal(v, "cannot read the trapping instruction");
    uint32_t op = Opcode::get(insn);
    if (op == op_cache) {
        count(v, arch::Exit::cache);
        uint32_t va = f.gpr[Rs::get(insn)] + static_cast<uint32_t>(tern::sign_extend(Imm::get(insn), 16));
        if (guest_cache_op(v, f, va, Rt::get(insn))) advance_pc(v, f);
        return;
    }
    if (op != op_cop0) {
        reserved(v, f);  // e.g. a COP0-unusable fault from an unknown form
        return;
    }
    if (Co::test(insn)) {
        uint32_t funct = Funct::get(insn);
        switch (funct) {
        case co_eret:
            if (CauseReg::Bd::test(f.cause)) break;  // eret in a delay slot: undefined -> RI
            emulate_eret(v, f);
            return;
        case co_wait:
            emulate_wait(v, f);
            return;
        case co_tlbp:
        case co_tlbr:
        case co_tlbwi:
        case co_tlbwr:
            emulate_tlb(v, funct);
            advance_pc(v, f);
            return;
        default:
            break;
        }
        reserved(v, f);
        return;
    }
    switch (Rs::get(insn)) {
    case cop0_mf:
        emulate_mfc0(v, f, Rt::get(insn), Rd::get(insn), Sel::get(insn));
        advance_pc(v, f);
        return;
    case cop0_mt:
        emulate_mtc0(v, f, Rt::get(insn), Rd::get(insn), Sel::get(insn));
        advance_pc(v, f);
        return;
    case cop0_mfmc0:
        if (Rd::get(insn) == cp0::status.reg && Sel::get(insn) == 0) {
            // di / ei: rt <- Status, then clear / set IE.
            Cp0Model& cp0 = v.arch.cp0;
            if (Rt::get(insn) != 0) f.gpr[Rt::get(insn)] = cp0.status();
            (void)cp0.set_ie(MfmcSc::get(insn) != 0);
            count(v, arch::Exit::di_ei);
            advance_pc(v, f);
            if (MfmcSc::get(insn)) tern::arch_vcpu_irq_changed(v);
            return;
        }
        break;
    default:
        break;
    }
    reserved(v, f);
}

void emulate_reserved(Vcpu& v, TrapFrame& f) {
    uint32_t insn = 0;
    if (fetch_faulting_insn(v, f, insn) && Opcode::get(insn) == op_special3 &&
        Funct::get(insn) == special3_rdhwr) {
        emulate_rdhwr(v, f, insn);
        return;
    }
    reserved(v, f);
}

}  // namespace mips
