// Host TLB maintenance (MIPS32 PRA ch. 4 and the TLB instructions).
#include "host_tlb.hpp"

#include "arch/cp0.hpp"
#include "hal/irq.hpp"

namespace mips {
namespace {

unsigned tlb_entries;

// An EntryHi that can never match a guest access: unique per index, in
// KSEG0 where the TLB is never consulted (the MIPS idiom for "invalid").
constexpr uint32_t unused_entryhi(unsigned index) { return 0x80000000u + index * 0x2000u; }

inline void tlbp() { asm volatile("tlbp; ehb" ::: "memory"); }
inline void tlbwi() { asm volatile("tlbwi; ehb" ::: "memory"); }
inline void tlbwr() { asm volatile("tlbwr; ehb" ::: "memory"); }

void write_invalid(unsigned index) {
    write_cp0<cp0::index>(index);
    write_cp0<cp0::entryhi>(unused_entryhi(index));
    write_cp0<cp0::entrylo0>(0);
    write_cp0<cp0::entrylo1>(0);
    write_cp0<cp0::pagemask>(0);
    ehb();
    tlbwi();
}

constexpr uint32_t vpn2_mask = EntryHiReg::Vpn2::mask;

}  // namespace

void host_tlb_init() {
    tlb_entries = Config1Reg::MmuSize::get(read_cp0<cp0::config1>()) + 1;
    write_cp0<cp0::wired>(0);
    write_cp0<cp0::pagemask>(0);
    for (unsigned i = 0; i < tlb_entries; ++i) write_invalid(i);
    write_cp0<cp0::entryhi>(0);
    ehb();
}

unsigned host_tlb_size() { return tlb_entries; }

void host_set_asid(uint8_t asid) {
    write_cp0<cp0::entryhi>(asid);
    ehb();
}

void host_tlb_map(uint32_t va, uint8_t asid, uint32_t lo0, uint32_t lo1, uint32_t pagemask) {
    hal::IrqFlags flags = hal::irq_save();
    uint32_t saved = read_cp0<cp0::entryhi>();
    // The pair's VPN2 under this page size.
    uint32_t vpn2 = va & ~(pagemask | 0x1fffu);
    write_cp0<cp0::entryhi>(vpn2 | asid);
    write_cp0<cp0::pagemask>(pagemask);
    ehb();
    tlbp();
    uint32_t index = read_cp0<cp0::index>();
    write_cp0<cp0::entrylo0>(lo0);
    write_cp0<cp0::entrylo1>(lo1);
    ehb();
    if (index & 0x80000000u) tlbwr();  // P set: no entry yet
    else tlbwi();
    write_cp0<cp0::pagemask>(0);
    write_cp0<cp0::entryhi>(saved);
    ehb();
    hal::irq_restore(flags);
}

void host_tlb_invalidate(uint32_t va, uint8_t asid) {
    hal::IrqFlags flags = hal::irq_save();
    uint32_t saved = read_cp0<cp0::entryhi>();
    // Probe with the smallest page; larger shadows are matched by their mask.
    write_cp0<cp0::entryhi>((va & vpn2_mask) | asid);
    ehb();
    tlbp();
    uint32_t index = read_cp0<cp0::index>();
    if ((index & 0x80000000u) == 0) write_invalid(index);
    write_cp0<cp0::entryhi>(saved);
    ehb();
    hal::irq_restore(flags);
}

void host_tlb_flush_all() {
    hal::IrqFlags flags = hal::irq_save();
    uint32_t saved = read_cp0<cp0::entryhi>();
    for (unsigned i = 0; i < tlb_entries; ++i) write_invalid(i);
    write_cp0<cp0::entryhi>(saved);
    ehb();
    hal::irq_restore(flags);
}

}  // namespace mips
