// Shared by the MIPS VCPU engine's files (vcpu*.cpp): not an API.
#pragma once

#include <stdint.h>

#include "arch/cp0_regs.hpp"
#include "arch/trap_frame.hpp"
#include "vcpu.hpp"

namespace mips {

using tern::Vcpu;

// The guest's view of 0x00000000-0x7FFFFFFF: its kernel segments (moved
// down by 0x80000000) or its user segment.
inline bool guest_kernel_mode(const Vcpu& v) {
    uint32_t s = v.arch.cp0.status();
    return StatusReg::Exl::test(s) || StatusReg::Erl::test(s) ||
           StatusReg::Ksu::get(s) == StatusReg::ksu_kernel;
}


// Where the guest's exception vectors are (in its moved view).
[[nodiscard]] uint32_t guest_exception_base(const Cp0Model& cp0);

// Delivers an exception into the guest as hardware would, from the
// faulting context in `f` (EPC = f.epc, BD from `bd`).
void deliver_exception(Vcpu& v, ExcCode code, bool bd, bool refill = false, unsigned ce = 0);
// Same, setting BadVAddr (and Context/EntryHi for TLB exceptions).
void deliver_address_exception(Vcpu& v, ExcCode code, bool bd, uint32_t badvaddr,
                               bool refill = false);

// At every exit: when the trap was in a delay slot, works out where the
// branch continues, from the registers as they are before any emulation.
void note_delay_slot(Vcpu& v, const TrapFrame& f);
// After emulating the instruction that trapped: the next PC (the branch
// target when the instruction was in a delay slot).
void advance_pc(Vcpu& v, TrapFrame& f);
// The instruction that trapped (EPC, or EPC+4 in a delay slot).
[[nodiscard]] bool fetch_faulting_insn(Vcpu& v, const TrapFrame& f, uint32_t& insn);
[[nodiscard]] bool fetch_insn(Vcpu& v, uint32_t va, uint32_t& insn);

// Exit handlers.
void handle_tlb_exception(Vcpu& v, TrapFrame& f, ExcCode code);
void emulate_privileged(Vcpu& v, TrapFrame& f);
void emulate_reserved(Vcpu& v, TrapFrame& f);

// Guest timer.
[[nodiscard]] uint32_t guest_count(const Vcpu& v);
void guest_timer_rearm(Vcpu& v);

// CACHE on a guest address: false if it raised a guest exception instead.
[[nodiscard]] bool guest_cache_op(Vcpu& v, TrapFrame& f, uint32_t va, unsigned op);

// The shadow MMU (vcpu_mmu.cpp). Host ASIDs are per (VCPU, guest view,
// guest ASID), so mode and ASID switches need no flush.
[[nodiscard]] bool shadow_init(Vcpu& v);
void shadow_release(Vcpu& v);
// Selects the host ASID and refill context of the view the guest resumes in.
void shadow_enter(Vcpu& v);
// Drops every shadow of the VCPU (O(1): it moves to fresh host ASIDs).
void shadow_forget_all(Vcpu& v);
// Drops exactly the shadows a guest TLB entry that is being replaced made.
void shadow_invalidate(Vcpu& v, const TlbEntry& old_entry);

// Stops the guest with a report (never returns when called on its VCPU).
[[noreturn]] void vcpu_fatal(Vcpu& v, const char* what);

}  // namespace mips
