// The host CPU's TLB, used only for guest shadow mappings: the hypervisor
// itself runs unmapped in KSEG0.
#pragma once

#include <stdint.h>

namespace mips {

// Invalidates every entry; Wired and PageMask to 0. Called once at boot.
void host_tlb_init();
[[nodiscard]] unsigned host_tlb_size();

// Maps the even/odd page pair containing `va` for `asid` (replacing any
// entry for that pair): EntryLo values as the TLB takes them.
void host_tlb_map(uint32_t va, uint8_t asid, uint32_t lo0, uint32_t lo1, uint32_t pagemask);
// Drops the entry for the pair containing `va` in `asid`, if any.
void host_tlb_invalidate(uint32_t va, uint8_t asid);
// Drops everything below 0x80000000 (all guest shadows).
void host_tlb_flush_all();

// The ASID the guest runs with (EntryHi.ASID), set before each guest entry.
void host_set_asid(uint8_t asid);

}  // namespace mips
