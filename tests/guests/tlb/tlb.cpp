// tlb: the virtual CPU's 16-entry joint TLB as the guest kernel uses it
// for KSEG2 (guest 0xC0000000, moved to 0x40000000): TLBWI/TLBR/TLBP/TLBWR,
// translation with 4 KiB, 16 KiB and 1 MiB pages, ASID matching and the G
// bit, and the TLB Refill / Invalid / Modified exceptions with BadVAddr,
// EntryHi and Context loaded (PRA chapter 4, 6.2.11-6.2.13, 9.3-9.13).
// EntryHi, BadVAddr and Context hold the addresses the guest's code uses.
#include "guest.hpp"

using namespace guest;
namespace lo = tlb::lo;

extern "C" uint32_t tlb_lw(uint32_t va);
extern "C" void tlb_sw(uint32_t va, uint32_t value);
extern "C" uint32_t tlb_lw_exl(uint32_t va);
extern "C" const char tlb_lw_at[];
extern "C" const char tlb_sw_at[];
extern "C" const char tlb_lw_exl_resume[];

namespace {

constexpr uint32_t sentinel = 0x5a5a5a5a;
constexpr uint32_t vpn2_mask = 0xFFFFE000;

// A 4 KiB page pair in KSEG2 on scratch RAM.
const uint32_t va4k = map::kseg2 + 0x00100000;
constexpr uint32_t pa4k_even = map::scratch_phys + 0x10000;
constexpr uint32_t pa4k_odd = map::scratch_phys + 0x11000;

uint32_t& ram(uint32_t phys) { return *reinterpret_cast<uint32_t*>(map::cached(phys)); }

tlb::Entry entry4k(uint32_t asid, uint32_t flags_even, uint32_t flags_odd) {
    return {va4k | asid, lo::pfn(pa4k_even) | flags_even, lo::pfn(pa4k_odd) | flags_odd,
            tlb::mask::page_4k};
}

constexpr uint32_t rw_global = lo::cacheable | lo::D | lo::V | lo::G;

void read_write() {
    CheckScope scope("tlbwi/tlbr");
    const tlb::Entry e{va4k | 0x2A, lo::pfn(pa4k_even) | lo::cacheable | lo::D | lo::V | lo::G,
                       lo::pfn(pa4k_odd) | lo::uncached | lo::V | lo::G, tlb::mask::page_4k};
    tlb::write_indexed(3, e);
    tlb::load({0, 0, 0, 0});
    const tlb::Entry r = tlb::read(3);
    CHECK_EQ("EntryHi", r.entryhi, e.entryhi);
    CHECK_EQ("EntryLo0", r.entrylo0, e.entrylo0);
    CHECK_EQ("EntryLo1", r.entrylo1, e.entrylo1);
    CHECK_EQ("PageMask", r.pagemask, e.pagemask);
    // The entry has one G bit, the AND of both EntryLo G bits (PRA 9.6).
    tlb::write_indexed(3, {va4k, lo::pfn(pa4k_even) | lo::V | lo::G, lo::pfn(pa4k_odd) | lo::V,
                           tlb::mask::page_4k});
    const tlb::Entry g = tlb::read(3);
    CHECK_EQ("G = EntryLo0.G & EntryLo1.G (even)", g.entrylo0 & lo::G, 0);
    CHECK_EQ("G = EntryLo0.G & EntryLo1.G (odd)", g.entrylo1 & lo::G, 0);
    const tlb::Entry big{map::kseg2 + 0x00200000, lo::pfn(0x00100000) | lo::V | lo::G,
                         lo::pfn(0x00200000) | lo::V | lo::G, tlb::mask::page_1m};
    tlb::write_indexed(7, big);
    CHECK_EQ("PageMask of a 1 MiB entry", tlb::read(7).pagemask, tlb::mask::page_1m);
    tlb::invalidate_all();
}

void probe() {
    CheckScope scope("tlbp");
    tlb::write_indexed(9, entry4k(0x11, rw_global, rw_global));
    CHECK_EQ("hit: Index of the entry", tlb::probe(va4k | 0x11), 9);
    CHECK_EQ("hit on the odd page's VA (same VPN2)", tlb::probe((va4k + 0x1000) | 0x11), 9);
    CHECK_EQ("global entry matches any ASID", tlb::probe(va4k | 0x22), 9);
    CHECK_MASKED("miss: Index.P set", tlb::probe(va4k + 0x2000), tlb::index_p, tlb::index_p);
    tlb::write_indexed(9, entry4k(0x11, lo::cacheable | lo::D | lo::V, lo::cacheable | lo::V));
    CHECK_EQ("non-global entry, same ASID: hit", tlb::probe(va4k | 0x11), 9);
    CHECK_MASKED("non-global entry, other ASID: miss", tlb::probe(va4k | 0x12), tlb::index_p,
                 tlb::index_p);
    tlb::invalidate_all();
}

void translate() {
    CheckScope scope("translation");
    tlb::write_indexed(0, entry4k(0, rw_global, rw_global));
    ram(pa4k_even) = 0x11111111;
    ram(pa4k_odd + 0x10) = 0x22222222;
    CHECK_EQ("4 KiB even page reads RAM", tlb_lw(va4k), 0x11111111);
    CHECK_EQ("4 KiB odd page reads RAM", tlb_lw(va4k + 0x1010), 0x22222222);
    tlb_sw(va4k + 0x24, 0x33333333);
    CHECK_EQ("a mapped store reaches RAM", ram(pa4k_even + 0x24), 0x33333333);

    // 16 KiB pages: the pair covers 32 KiB; the odd page starts at +16 KiB.
    const uint32_t va16k = map::kseg2 + 0x00400000;
    tlb::write_indexed(1, {va16k, lo::pfn(0x00120000) | rw_global, lo::pfn(0x00128000) | rw_global,
                           tlb::mask::page_16k});
    ram(0x00123ff0) = 0x44444444;
    ram(0x00128004) = 0x55555555;
    CHECK_EQ("16 KiB even page, last line", tlb_lw(va16k + 0x3ff0), 0x44444444);
    CHECK_EQ("16 KiB odd page", tlb_lw(va16k + 0x4004), 0x55555555);

    // 1 MiB pages on the scratch window: [1 MiB, 2 MiB) and [2 MiB, 3 MiB).
    const uint32_t va1m = map::kseg2 + 0x00200000;
    tlb::write_indexed(2, {va1m, lo::pfn(0x00100000) | rw_global, lo::pfn(0x00200000) | rw_global,
                           tlb::mask::page_1m});
    ram(0x001FFFFC) = 0x66666666;
    ram(0x00200100) = 0x77777777;
    CHECK_EQ("1 MiB even page, last word", tlb_lw(va1m + 0x000FFFFC), 0x66666666);
    CHECK_EQ("1 MiB odd page", tlb_lw(va1m + 0x00100100), 0x77777777);
    CHECK_EQ("two mappings of one frame agree", tlb_lw(va1m + 0x00010024), 0x33333333);
    tlb::invalidate_all();
}

// Runs one access that must fault and checks the exception, the loaded
// EntryHi (VPN2 of the address, ASID unchanged) and Context.BadVPN2.
void expect_tlb_fault(const char* what, bool store, uint32_t va, ExcCode code, uint32_t vector,
                      uint32_t asid) {
    catch_exception(code);
    uint32_t v = 0;
    if (store) {
        tlb_sw(va, 0xBAD);
    } else {
        v = tlb_lw(va);
    }
    check_trap(what, {.code = code,
                      .epc = addr(store ? tlb_sw_at : tlb_lw_at),
                      .check_badvaddr = true,
                      .badvaddr = va,
                      .vector = vector});
    CheckScope scope(what);
    if (!store) {
        CHECK_EQ("rt unchanged", v, sentinel);
    }
    CHECK_EQ("EntryHi.VPN2", last_trap.entryhi & vpn2_mask, va & vpn2_mask);
    CHECK_EQ("EntryHi.ASID unchanged", last_trap.entryhi & tlb::asid_mask, asid);
    CHECK_EQ("Context = PTEBase | BadVPN2", last_trap.context,
             0xFF800000 | ((va >> 13) << 4));
    set_exception_hook(code, nullptr);
}

void exceptions() {
    const uint32_t refill = map::bev_base + map::vec_refill;
    const uint32_t general = map::bev_base + map::vec_general;
    mtc0_ehb<cp0::context>(0xFF800000);

    // No matching entry: TLB Refill, through the refill vector (EXL = 0).
    tlb::invalidate_all(0x06);
    tlb::write_indexed(0, entry4k(0x05, lo::cacheable | lo::D | lo::V, lo::cacheable | lo::D | lo::V));
    mtc0_ehb<cp0::entryhi>(0x05);
    ram(pa4k_even + 0x40) = 0x0A5A0A5A;
    CHECK_EQ("ASID 5 entry, EntryHi.ASID 5: load works", tlb_lw(va4k + 0x40), 0x0A5A0A5A);
    mtc0_ehb<cp0::entryhi>(0x06);
    expect_tlb_fault("refill, other ASID (load)", false, va4k + 0x40, ExcCode::TLBL, refill, 0x06);
    expect_tlb_fault("refill (store)", true, va4k + 0x1044, ExcCode::TLBS, refill, 0x06);
    expect_tlb_fault("refill, unmapped KSEG3", false, map::kseg3 + 0x00345670, ExcCode::TLBL,
                     refill, 0x06);

    // Matching entry with V = 0: TLB Invalid, through the general vector.
    mtc0_ehb<cp0::entryhi>(0);
    tlb::write_indexed(0, entry4k(0, lo::cacheable | lo::D | lo::G, rw_global));
    expect_tlb_fault("invalid (load)", false, va4k + 0x8, ExcCode::TLBL, general, 0);
    expect_tlb_fault("invalid (store)", true, va4k + 0xC, ExcCode::TLBS, general, 0);
    ram(pa4k_odd) = 0x0D0D0D0D;
    CHECK_EQ("the valid odd page of that entry still loads", tlb_lw(va4k + 0x1000), 0x0D0D0D0D);

    // Store to a valid page with D = 0: TLB Modified.
    tlb::write_indexed(0, entry4k(0, lo::cacheable | lo::V | lo::G, rw_global));
    ram(pa4k_even + 0x50) = 0x0E0E0E0E;
    CHECK_EQ("clean page loads", tlb_lw(va4k + 0x50), 0x0E0E0E0E);
    expect_tlb_fault("modified (store to D = 0)", true, va4k + 0x50, ExcCode::Mod, general, 0);
    CHECK_EQ("... store suppressed", ram(pa4k_even + 0x50), 0x0E0E0E0E);

    // A refill-type miss with EXL = 1 uses the general vector, EPC kept.
    tlb::invalidate_all();
    catch_exception(ExcCode::TLBL);
    set_exception_hook(ExcCode::TLBL, record_and_resume);
    const uint32_t resumed = tlb_lw_exl(va4k);
    {
        CheckScope scope("miss with EXL set");
        CHECK_EQ("exceptions taken", last_trap.count, 1);
        CHECK_EQ("ExcCode TLBL", cause::ExcCode::get(last_trap.cause), static_cast<uint32_t>(ExcCode::TLBL));
        CHECK_EQ("general vector, not refill", last_trap.vector, general);
        CHECK_EQ("EPC not updated", last_trap.epc, addr(tlb_lw_exl_resume));
        CHECK_EQ("BadVAddr", last_trap.badvaddr, va4k);
        CHECK_EQ("resumed at the unchanged EPC", resumed, 1);
    }
    set_exception_hook(ExcCode::TLBL, nullptr);

    // BEV = 0: the refill vector is EBase + 0.
    use_ram_vectors(0x80000000);
    catch_exception(ExcCode::TLBL);
    tlb_lw(va4k);
    use_rom_vectors();
    CHECK_EQ("BEV=0: refill vector EBase + 0x000", last_trap.vector,
             map::from_arch(0x80000000) + map::vec_refill);
    set_exception_hook(ExcCode::TLBL, nullptr);
    mtc0_ehb<cp0::context>(0);
}

void random_writes() {
    CheckScope scope("tlbwr");
    tlb::invalidate_all();
    mtc0_ehb<cp0::wired>(4);
    uint32_t lo_index = 0xFF, hi_index = 0;
    for (uint32_t i = 0; i < 24; ++i) {
        const uint32_t va = map::kseg2 + 0x01000000 + i * 0x2000;
        tlb::write_random({va, 0, 0, tlb::mask::page_4k});
        const uint32_t index = tlb::probe(va);
        if ((index & tlb::index_p) == 0) {
            lo_index = index < lo_index ? index : lo_index;
            hi_index = index > hi_index ? index : hi_index;
        } else {
            lo_index = 0;  // a lost write fails the range check below
        }
    }
    CHECK_RANGE("entries land in [Wired, 15] (lowest)", lo_index, 4, 15);
    CHECK_RANGE("entries land in [Wired, 15] (highest)", hi_index, 4, 15);
    mtc0_ehb<cp0::wired>(0);
    tlb::invalidate_all();
}

}  // namespace

int main() {
    tlb::invalidate_all();
    read_write();
    probe();
    translate();
    exceptions();
    random_writes();
    done();
}
