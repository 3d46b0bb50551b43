// The MIPS guest state a Vcpu embeds: the guest's registers (in the trap
// frame on the VCPU's stack), its virtual CP0 and TLB, timer and shadow
// MMU bookkeeping, exit statistics.
#pragma once

#ifndef __ASSEMBLER__
#include <stdint.h>

#include "../../cpu/cp0_model.hpp"
#include "../../cpu/guest_tlb.hpp"
#include "../../cpu/asid_allocator.hpp"
#include "arch/fast_path.hpp"
#include "arch/trap_frame.hpp"
#include "timer.hpp"

namespace arch {

// Why a VCPU left the guest (vcpu stats).
enum class Exit : uint8_t {
    interrupt,      // a host interrupt arrived while the guest ran
    shadow_fill,    // host TLB refill served from the guest's memory map
    guest_tlb,      // a TLB exception reflected into the guest
    mmio,           // a load/store emulated by a device model
    mfc0,
    mtc0,
    eret,
    wait,
    tlb_op,         // tlbp/tlbr/tlbwi/tlbwr
    cache,
    di_ei,
    rdhwr,
    reflected,      // any other exception delivered to the guest
    // Served by the assembly fast paths (no C, no tick count).
    mfc0_fast,
    mtc0_fast,
    eret_fast,
    tlb_write_fast,
    refill_fast,    // a guest TLB refill delivered
    fill_fast,      // a shadow filled from a guest TLB hit
    count_,
};
const char* exit_name(Exit e);

// A guest VCPU's shadow-MMU bookkeeping, in pages of its own (2 pages):
// the soft TLB the refill fast path reads and its host ASID assignments.
struct VcpuMmu {
    mips::SoftTlbEntry soft_tlb[mips::soft_tlb_entries];
    mips::AsidTable asids;
    uint32_t soft_generation;  // ASID generation the soft TLB belongs to
    uint32_t epoch;            // bumped to forget every shadow at once
};

struct VcpuState {
    mips::TrapFrame* frame = nullptr;  // the guest's GPRs, HI/LO and PC
    mips::Cp0Model cp0;
    mips::GuestTlb tlb;
    uint32_t count_bias = 0;           // guest Count = host Count + bias
    tern::TimerEvent compare_timer;    // fires when guest Count reaches Compare
    uint32_t start_pc = 0;
    uint32_t bd_target = 0;            // where a delay slot's branch continues
    bool bd_target_valid = false;
    VcpuMmu* mmu = nullptr;            // guest VCPUs only
    bool waiting = false;              // executing `wait`
    uint32_t nested_exceptions = 0;    // delivered with EXL already set, in a row
    uint32_t synced_irq_lines = ~0u;    // irq_lines last copied into Cause
    uint32_t fetch_page = ~0u;          // last unmapped kernel page fetched from
    const uint8_t* fetch_host = nullptr;// ... and where the hypervisor sees it
    uint64_t injected_irqs = 0;          // interrupts delivered into the guest
    uint64_t exits[static_cast<unsigned>(Exit::count_)] = {};
    // Host Count ticks spent handling each kind (from the C entry to the
    // guest re-entry; an interrupt exit includes whatever ran meanwhile).
    uint64_t exit_ticks[static_cast<unsigned>(Exit::count_)] = {};
    Exit last_exit = Exit::count_;
};

}  // namespace arch
#endif
