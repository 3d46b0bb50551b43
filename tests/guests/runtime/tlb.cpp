// Guest TLB helpers (tlb.hpp).
#include "tlb.hpp"

#include "address_map.hpp"

namespace guest::tlb {

void invalidate_all(uint32_t asid) {
    mtc0_ehb<cp0::wired>(0);
    for (unsigned i = 0; i < entries; ++i) {
        write_indexed(i, {map::kseg3 + 0x1F000000 + i * 0x2000, 0, 0, mask::page_4k});
    }
    mtc0_ehb<cp0::entryhi>(asid);
}

}  // namespace guest::tlb
