// The per-VCPU guest TLB: the joint TLB a MIPS32r2 guest programs with
// tlbwi/tlbwr and searches with tlbp, and the lookup the shadow-TLB refill
// path uses to translate a guest virtual address (MD00090, ch. 4 and 9).
//
// Entry storage follows the hardware: one G bit per entry (the AND of the
// two EntryLo G bits written), read back into both EntryLo G bits. On a
// write the bits a page size makes meaningless are zeroed (VPN2 under the
// mask, PFN bits inside the page), which the PRA allows tlbr to show.
//
// Page sizes: MIPS32r2 PageMask.Mask (bits 28:13) takes 4KB..256MB in
// steps of 4 (mask 2^(2k) - 1). Any other value is UNDEFINED on hardware;
// here it is reduced to the largest legal mask whose bits it contains
// (0x7 -> 0x3, 0x5 -> 0x0): a page never grows beyond what was asked.
//
// Overlapping entries: hardware may raise Machine Check on a write that
// creates a duplicate; this model does not, and probe/lookup answer the
// lowest matching index.
//
// Reset/flush state: entry i maps VPN2 0x80000000 + i * 8KB, ASID 0, not
// global, both halves invalid, like Linux's local_flush_tlb_all(): unique,
// and in KSEG0, which no guest access translates through the TLB.
#pragma once

#include <stdint.h>

#include "arch/cp0_regs.hpp"
#include "lib/std.hpp"

namespace mips {

struct TlbEntry {
    uint32_t entryhi;    // VPN2 | ASID
    uint32_t pagemask;   // Mask bits 28:13
    uint32_t entrylo0;   // even page: PFN C D V G
    uint32_t entrylo1;   // odd page

    bool global() const { return EntryLoReg::G::test(entrylo0 & entrylo1); }
    uint8_t asid() const { return static_cast<uint8_t>(EntryHiReg::Asid::get(entryhi)); }
};

// The virtual range one entry maps (both halves), for shadow invalidation:
// [base, base + size), size up to 512MB; use last() near the top of memory.
struct TlbRange {
    uint32_t base;
    uint32_t size;
    uint8_t asid;
    bool global;         // matches every ASID
    bool any_valid;      // at least one half has V set

    uint32_t last() const { return base + (size - 1); }
};

struct TlbLookup {
    bool found;          // an entry matches: else a TLB refill
    bool valid;          // V of the selected half: else TLB invalid
    bool dirty;          // D: a store without it raises TLB modified
    bool global;
    uint8_t cache;       // C (cache coherency attribute)
    int index;           // -1 when !found
    uint32_t page_size;  // bytes of one half
    uint32_t page_va;    // virtual base of the page holding va
    uint32_t page_phys;  // physical base of that page
    uint32_t phys;       // physical address of va
};

// The largest legal PageMask (register layout) contained in `pagemask`.
uint32_t legal_pagemask(uint32_t pagemask);

// Bytes in one page (one half of an entry) for a legal PageMask.
constexpr uint32_t tlb_page_size(uint32_t pagemask) {
    return (PageMaskReg::Mask::get(pagemask) + 1) << 12;
}

TlbRange tlb_range(const TlbEntry& e);

class GuestTlb {
public:
    static constexpr unsigned max_entries = 64;
    static constexpr unsigned default_entries = 16;

    // entries is clamped to 1..max_entries.
    explicit GuestTlb(unsigned entries = default_entries);

    unsigned size() const { return size_; }

    // Every entry to the flush state; Random to its upper bound.
    void reset();

    // tlbp: the lowest index whose VPN2 (under its mask) equals entryhi's
    // and that is global or has entryhi's ASID; -1 when none.
    int probe(uint32_t entryhi) const;

    // tlbr/tlbwi/tlbwr storage. Out-of-range indices: read gives a zero
    // entry and write changes nothing (hardware: UNDEFINED; the CP0 model
    // wraps Index modulo size() before it gets here).
    TlbEntry read(unsigned index) const;
    [[nodiscard]] tern::Status write(unsigned index, const TlbEntry& e);

    // The index tlbwr uses now, in [wired, size - 1] (size - 1 when
    // wired >= size), without changing it: what mfc0 Random reads.
    unsigned peek_random(unsigned wired) const;
    // peek_random(), then moves on to another pseudo-random index: Wired +
    // (xorshift32 state * span) >> 32, never the index just used (the
    // assembly tlbwr fast path computes the same; cpu/cop0_fast.S).
    unsigned random_index(unsigned wired);
    // Random's upper bound again (reset, and any write to Wired).
    void reset_random();

    // Translation of va for ASID `asid`, ignoring segments and modes (the
    // caller only asks for mapped addresses).
    TlbLookup lookup(uint32_t va, uint8_t asid) const;

    // Entries whose page is larger than 4 KiB.
    unsigned large_entries() const { return large_; }
    // Where the assembly refill search stops: past size() keys, rounded
    // up to a multiple of 8 (the keys from size() on match nothing).
    const uint32_t* keys_end() const { return keys_ + (size_ + 7) / 8 * 8; }

private:
    friend struct FastPathLayout;  // the assembly fast paths read and write it
    static TlbEntry flushed_entry(unsigned index);
    void set(unsigned index, const TlbEntry& e);

    TlbEntry entries_[max_entries];
    // keys_[i]: entry i's VPN2 under its mask (ASID bits clear), so that
    // the assembly refill walk compares one word per entry when every
    // page is 4 KiB; 1 (matches no address) from size() on.
    uint32_t keys_[max_entries];
    unsigned size_;
    unsigned random_;
    uint32_t random_state_;
    unsigned large_;
};

}  // namespace mips
