// What the assembly fast paths (cpu/cop0_fast.S, cpu/refill.S) know about
// the running guest VCPU: the block `mips_fast`, and the byte offsets of
// the fields they read and write inside mips::Cp0Model, mips::GuestTlb and
// mips::AsidTable. cpu/fast_path.cpp checks every offset against the
// classes, so a layout change cannot go unnoticed. docs/mips.md describes
// the fast paths.
#pragma once

/* mips::Cp0Model */
#define CP0_RANDOM          16
#define CP0_RANDOM_RESET    20   /* bool: Wired written since the last tlbwr */
#define CP0_INDEX           24
#define CP0_ENTRYLO0        28
#define CP0_ENTRYLO1        32
#define CP0_CONTEXT         36
#define CP0_USERLOCAL       40
#define CP0_PAGEMASK        44
#define CP0_WIRED           48
#define CP0_BADVADDR        56
#define CP0_ENTRYHI         60
#define CP0_COMPARE         64
#define CP0_STATUS          68
#define CP0_CAUSE           72   /* without the timer's TI/IP7 */
#define CP0_TIMER_PENDING   76   /* bool */
#define CP0_EPC             80
#define CP0_EBASE           84
#define CP0_ERROREPC        120

/* mips::GuestTlb */
#define GTLB_ENTRIES        0    /* TlbEntry[64]: EntryHi, PageMask, EntryLo0, EntryLo1 */
#define GTLB_KEYS           1024 /* uint32_t[64]: VPN2 under the mask; 1 past size() */
#define GTLB_SIZE           1280
#define GTLB_RANDOM         1284
#define GTLB_RANDOM_STATE   1288
#define GTLB_LARGE          1292 /* entries with a page larger than 4 KiB */

/* mips::AsidTable: slots[2][256] of {generation, epoch (16 bits), asid (8)} */
#define ASIDS_SLOT_SHIFT    3
#define ASIDS_VIEW_SHIFT    11
#define ASIDS_EPOCH         4096

/* mips_fast */
#define FAST_CP0            0    /* the VCPU's Cp0Model; 0 = no guest entered yet */
#define FAST_COUNT_BIAS     4    /* guest Count = host Count + bias */
#define FAST_TLB            8    /* its GuestTlb */
#define FAST_NESTED         12   /* &nested_exceptions (an eret or EXL=0 delivery zeroes it) */
#define FAST_ASIDS          16   /* its AsidTable */
#define FAST_GENERATION     20   /* the ASID allocator's generation */
#define FAST_GUEST_ASID     24   /* EntryHi.ASID of the guest (only C changes it) */
#define FAST_HOST_ASID_USER 28   /* host ASID of the user view at that guest ASID */
#define FAST_HOST_ASID_KERNEL 32 /* ... and of the kernel view */
#define FAST_KERNEL_VIEW    36   /* 1 while the guest runs in its kernel view */
#define FAST_SOFT_TLB       40   /* SoftTlbEntry[256] */
#define FAST_KSEG0_LIMIT    44   /* the view's direct KSEG0 RAM: RAM_LIMIT or 0 (user view) */
#define FAST_KSEG0_LO       48   /* EntryLo (cacheable, D, V) of guest-physical 0 */
#define FAST_RAM_LIMIT      52   /* bytes of RAM at guest-physical 0, page-pair aligned */
#define FAST_RAM_PFN_LIMIT  56   /* the same as an EntryLo PFN field: RAM_LIMIT >> 6 */
#define FAST_RAM_LO         60   /* EntryLo PFN field of guest-physical 0 */
#define FAST_VIEW_KEY       64   /* C's record of the view it set up; 0 = recompute */
#define FAST_VIEW_OWNER     68   /* ... and for which VCPU */
#define FAST_K0             72   /* the interrupted context's k0 (k1 is in DESAVE) */
#define FAST_AT             76   /* registers the fast paths borrow */
#define FAST_T0             80
#define FAST_T1             84
#define FAST_T2             88
#define FAST_T3             92
#define FAST_T4             96
#define FAST_T5             100
#define FAST_T6             104
#define FAST_T7             108
#define FAST_V0             112
#define FAST_V1             116
#define FAST_REFILL_VECTOR  120  /* where the guest takes a TLB refill (EXL clear) */
#define FAST_HITS_MFC0      124  /* served since the VCPU last left C: */
#define FAST_HITS_MTC0      128
#define FAST_HITS_ERET      132
#define FAST_HITS_TLBW      136
#define FAST_HITS_REFILL    140  /* guest TLB refills delivered */
#define FAST_HITS_FILL      144  /* shadows filled from a guest TLB hit */
#define FAST_REFILL_INSN    148  /* the refill vector's first word in the hypervisor's view, or 0 */
#define FAST_TLB_KEYS_END   152  /* &keys[size rounded up to 8]: the refill search's end */
#define FAST_SIZE           156

#define SOFT_TLB_ENTRIES    256
#define SOFT_TLB_INDEX_MASK 0xff0 /* Context.BadVPN2 (bits 22:4) -> slot * 16 */

#ifndef __ASSEMBLER__
#include <stdint.h>

namespace mips {

// A translation the refill fast path may install without entering C: the
// host EntryHi it applies to (VPN2 | host ASID) and the EntryLo pair. A
// slot whose tag has bit 31 set is empty: user-mode refills never have it.
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

struct FastPath {
    uint32_t cp0;
    uint32_t count_bias;
    uint32_t tlb;
    uint32_t nested;
    uint32_t asids;
    uint32_t generation;
    uint32_t guest_asid;
    uint32_t host_asid_user;
    uint32_t host_asid_kernel;
    uint32_t kernel_view;
    uint32_t soft_tlb;
    uint32_t kseg0_limit;
    uint32_t kseg0_lo;
    uint32_t ram_limit;
    uint32_t ram_pfn_limit;
    uint32_t ram_lo;
    uint32_t view_key;
    uint32_t view_owner;
    uint32_t k0;
    uint32_t saved[11];  // at, t0-t7, v0, v1
    uint32_t refill_vector;
    uint32_t hits_mfc0;
    uint32_t hits_mtc0;
    uint32_t hits_eret;
    uint32_t hits_tlbw;
    uint32_t hits_refill;
    uint32_t hits_fill;
    uint32_t refill_insn;
    uint32_t tlb_keys_end;
};

}  // namespace mips

extern "C" mips::FastPath mips_fast;
#endif
