// Guest TLB access for test guests: TLBWI/TLBWR/TLBR/TLBP with the entry
// in EntryHi/EntryLo0/EntryLo1/PageMask (PRA chapter 4 and 9.3-9.13).
#pragma once

#include <stdint.h>

#include "cp0.hpp"

namespace guest::tlb {

inline constexpr unsigned entries = 16;

struct Entry {
    uint32_t entryhi;   // VPN2 | ASID, in the guest's (moved) addresses
    uint32_t entrylo0;  // even page
    uint32_t entrylo1;  // odd page
    uint32_t pagemask;
};

// EntryLo: PFN (bits 25:6 for a 32-bit physical address), C, D, V, G.
namespace lo {
inline constexpr uint32_t G = 1u << 0;
inline constexpr uint32_t V = 1u << 1;
inline constexpr uint32_t D = 1u << 2;
inline constexpr uint32_t uncached = 2u << 3;
inline constexpr uint32_t cacheable = 3u << 3;
constexpr uint32_t pfn(uint32_t phys) { return (phys >> 12) << 6; }
}  // namespace lo

// PageMask values: the size of each of the entry's two pages.
namespace mask {
inline constexpr uint32_t page_4k = 0x00000000;
inline constexpr uint32_t page_16k = 0x00006000;
inline constexpr uint32_t page_1m = 0x001FE000;
}  // namespace mask

inline constexpr uint32_t index_p = 1u << 31;  // Index.P: TLBP found nothing
inline constexpr uint32_t asid_mask = 0xFF;

inline void load(const Entry& e) {
    mtc0<cp0::entryhi>(e.entryhi);
    mtc0<cp0::entrylo0>(e.entrylo0);
    mtc0<cp0::entrylo1>(e.entrylo1);
    mtc0<cp0::pagemask>(e.pagemask);
    ehb();
}

inline void write_indexed(unsigned index, const Entry& e) {
    mtc0<cp0::index>(index);
    load(e);
    asm volatile("tlbwi\n\tehb" ::: "memory");
}

inline void write_random(const Entry& e) {
    load(e);
    asm volatile("tlbwr\n\tehb" ::: "memory");
}

inline Entry read(unsigned index) {
    mtc0_ehb<cp0::index>(index);
    asm volatile("tlbr\n\tehb" ::: "memory");
    return {mfc0<cp0::entryhi>(), mfc0<cp0::entrylo0>(), mfc0<cp0::entrylo1>(),
            mfc0<cp0::pagemask>()};
}

// TLBP for entryhi; returns Index (P set if no entry matched).
inline uint32_t probe(uint32_t entryhi) {
    mtc0_ehb<cp0::entryhi>(entryhi);
    asm volatile("tlbp\n\tehb" ::: "memory");
    return mfc0<cp0::index>();
}

// Fills every entry with an invalid, never-used mapping at the top of
// KSEG3 (distinct VPN2s: duplicate matches are UNDEFINED, PRA 4.8) and sets
// Wired to 0, EntryHi.ASID to `asid`.
void invalidate_all(uint32_t asid = 0);

}  // namespace guest::tlb
