// Checks arch/fast_path.hpp against the classes the assembly fast paths
// reach into (Cp0Model, GuestTlb, AsidTable) and against FastPath itself.
#include <stddef.h>

#include "arch/fast_path.hpp"
#include "asid_allocator.hpp"
#include "cp0_model.hpp"
#include "guest_tlb.hpp"

namespace mips {

struct FastPathLayout {
    static_assert(offsetof(Cp0Model, random_) == CP0_RANDOM);
    static_assert(offsetof(Cp0Model, random_reset_pending_) == CP0_RANDOM_RESET);
    static_assert(sizeof(Cp0Model::random_reset_pending_) == 1);
    static_assert(offsetof(Cp0Model, index_) == CP0_INDEX);
    static_assert(offsetof(Cp0Model, entrylo0_) == CP0_ENTRYLO0);
    static_assert(offsetof(Cp0Model, entrylo1_) == CP0_ENTRYLO1);
    static_assert(offsetof(Cp0Model, context_) == CP0_CONTEXT);
    static_assert(offsetof(Cp0Model, userlocal_) == CP0_USERLOCAL);
    static_assert(offsetof(Cp0Model, pagemask_) == CP0_PAGEMASK);
    static_assert(offsetof(Cp0Model, wired_) == CP0_WIRED);
    static_assert(offsetof(Cp0Model, badvaddr_) == CP0_BADVADDR);
    static_assert(offsetof(Cp0Model, entryhi_) == CP0_ENTRYHI);
    static_assert(offsetof(Cp0Model, compare_) == CP0_COMPARE);
    static_assert(offsetof(Cp0Model, status_) == CP0_STATUS);
    static_assert(offsetof(Cp0Model, cause_) == CP0_CAUSE);
    static_assert(offsetof(Cp0Model, timer_pending_) == CP0_TIMER_PENDING);
    static_assert(sizeof(Cp0Model::timer_pending_) == 1);
    static_assert(offsetof(Cp0Model, epc_) == CP0_EPC);
    static_assert(offsetof(Cp0Model, ebase_) == CP0_EBASE);
    static_assert(offsetof(Cp0Model, errorepc_) == CP0_ERROREPC);

    static_assert(offsetof(GuestTlb, entries_) == GTLB_ENTRIES);
    static_assert(sizeof(TlbEntry) == 16 && offsetof(TlbEntry, entryhi) == 0 &&
                  offsetof(TlbEntry, pagemask) == 4 && offsetof(TlbEntry, entrylo0) == 8 &&
                  offsetof(TlbEntry, entrylo1) == 12);
    static_assert(offsetof(GuestTlb, keys_) == GTLB_KEYS);
    static_assert(offsetof(GuestTlb, size_) == GTLB_SIZE);
    static_assert(offsetof(GuestTlb, random_) == GTLB_RANDOM);
    static_assert(offsetof(GuestTlb, random_state_) == GTLB_RANDOM_STATE);
    static_assert(offsetof(GuestTlb, large_) == GTLB_LARGE);
    static_assert(GuestTlb::max_entries % 8 == 0);  // the refill walk reads keys eight at a time

    static_assert(sizeof(AsidTable::Slot) == 1 << ASIDS_SLOT_SHIFT);
    static_assert(offsetof(AsidTable::Slot, generation) == 0 && offsetof(AsidTable::Slot, epoch) == 4 &&
                  offsetof(AsidTable::Slot, asid) == 6);
    static_assert(sizeof(AsidTable::Slot) * 256 == 1 << ASIDS_VIEW_SHIFT);
    static_assert(offsetof(AsidTable, epoch) == ASIDS_EPOCH);

    static_assert(offsetof(FastPath, cp0) == FAST_CP0);
    static_assert(offsetof(FastPath, count_bias) == FAST_COUNT_BIAS);
    static_assert(offsetof(FastPath, tlb) == FAST_TLB);
    static_assert(offsetof(FastPath, nested) == FAST_NESTED);
    static_assert(offsetof(FastPath, asids) == FAST_ASIDS);
    static_assert(offsetof(FastPath, generation) == FAST_GENERATION);
    static_assert(offsetof(FastPath, guest_asid) == FAST_GUEST_ASID);
    static_assert(offsetof(FastPath, host_asid_user) == FAST_HOST_ASID_USER);
    static_assert(offsetof(FastPath, host_asid_kernel) == FAST_HOST_ASID_KERNEL);
    static_assert(offsetof(FastPath, kernel_view) == FAST_KERNEL_VIEW);
    static_assert(offsetof(FastPath, soft_tlb) == FAST_SOFT_TLB);
    static_assert(offsetof(FastPath, kseg0_limit) == FAST_KSEG0_LIMIT);
    static_assert(offsetof(FastPath, kseg0_lo) == FAST_KSEG0_LO);
    static_assert(offsetof(FastPath, ram_limit) == FAST_RAM_LIMIT);
    static_assert(offsetof(FastPath, ram_pfn_limit) == FAST_RAM_PFN_LIMIT);
    static_assert(offsetof(FastPath, ram_lo) == FAST_RAM_LO);
    static_assert(offsetof(FastPath, view_key) == FAST_VIEW_KEY);
    static_assert(offsetof(FastPath, view_owner) == FAST_VIEW_OWNER);
    static_assert(offsetof(FastPath, k0) == FAST_K0);
    static_assert(offsetof(FastPath, saved) == FAST_AT);
    static_assert(offsetof(FastPath, saved) + 4 * 10 == FAST_V1);
    static_assert(offsetof(FastPath, refill_vector) == FAST_REFILL_VECTOR);
    static_assert(offsetof(FastPath, hits_mfc0) == FAST_HITS_MFC0);
    static_assert(offsetof(FastPath, hits_fill) == FAST_HITS_FILL);
    static_assert(offsetof(FastPath, refill_insn) == FAST_REFILL_INSN);
    static_assert(offsetof(FastPath, tlb_keys_end) == FAST_TLB_KEYS_END);
    static_assert(sizeof(FastPath) == FAST_SIZE);
    // mips_fast is 256-byte aligned (exception.S) so that no field's
    // %lo() crosses the 0x8000 boundary where %hi() would change.
    static_assert(FAST_SIZE <= 256);
};

}  // namespace mips
