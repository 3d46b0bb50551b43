// What the assembly TLB refill fast path (cpu/refill.S) needs about the
// running VCPU, shared by assembly and C++.
#pragma once

#define REFILL_SOFT_TLB     0    /* SoftTlbEntry[soft_tlb_entries], 0 = none */
#define REFILL_KSEG0_LIMIT  4    /* guest VAs below this map straight to RAM */
#define REFILL_KSEG0_LO     8    /* EntryLo of guest VA 0 in that RAM */
#define REFILL_SCRATCH      12   /* $at while the fast path runs */
#define SOFT_TLB_ENTRIES    256
#define SOFT_TLB_INDEX_MASK 0xff0 /* Context.BadVPN2 (bits 22:4) -> slot * 16 */

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

namespace mips {

// A translation the fast path may install without entering C: the host
// EntryHi it applies to (VPN2 | host ASID) and the EntryLo pair. A slot
// whose tag has bit 31 set is empty: user-mode refills never have it.
struct SoftTlbEntry {
    uint32_t entryhi;
    uint32_t entrylo0;
    uint32_t entrylo1;
    uint32_t unused;
};
static_assert(sizeof(SoftTlbEntry) == 16);
inline constexpr unsigned soft_tlb_entries = SOFT_TLB_ENTRIES;
inline constexpr uint32_t soft_tlb_empty = 0x80000000u;

constexpr unsigned soft_tlb_slot(uint32_t va) { return (va >> 13) & (soft_tlb_entries - 1); }

struct RefillContext {
    uint32_t soft_tlb;
    uint32_t kseg0_limit;
    uint32_t kseg0_lo;
    uint32_t scratch;
};
static_assert(offsetof(RefillContext, soft_tlb) == REFILL_SOFT_TLB);
static_assert(offsetof(RefillContext, kseg0_limit) == REFILL_KSEG0_LIMIT);
static_assert(offsetof(RefillContext, kseg0_lo) == REFILL_KSEG0_LO);
static_assert(offsetof(RefillContext, scratch) == REFILL_SCRATCH);

}  // namespace mips

extern "C" mips::RefillContext mips_refill;
#endif
