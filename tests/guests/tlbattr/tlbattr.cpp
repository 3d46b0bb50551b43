// tlbattr: the attributes of guest TLB entries and what happens when they
// change under live translations (PRA 4.4-4.10, 6.2.11-6.2.13, 6.2.17,
// 9.4-9.7, 9.12).
//
// What hardware does, and so what the checks expect:
// - D (EntryLo bit 2) is the write enable: a store through a valid entry
//   with D = 0 raises TLB Modified (ExcCode 1, general vector) and does not
//   happen; loads work. Setting or clearing D with tlbwi takes effect for
//   the next access (6.2.13).
// - V = 0 in the selected half raises TLB Invalid: TLBL for loads, TLBS for
//   stores, always through the general vector, never the refill vector
//   (6.2.12). Flipping V with tlbwi takes effect at once.
// - Entries below Wired are never chosen by tlbwr: Random stays in
//   [Wired, entries - 1] (9.3, 9.7), so 200 tlbwr leave the wired entries
//   as written, still found by tlbp and still translating; an entry tlbwr
//   replaced no longer translates (TLB Refill).
// - PageMask selects the page size of both halves; VA bit log2(size)
//   picks the even or odd EntryLo (4.7, 9.6); the 1 MiB and 16 MiB pairs
//   here map RAM frames and must land on the right frame at every offset.
// - Rewriting a large entry as a 4 KiB one at the same VA leaves only that
//   4 KiB pair mapped: the rest of the old range misses.
// - A device page mapped through the TLB answers as through KSEG1; D and V
//   apply to it as to RAM (the access faults before reaching the device).
// - A translation to a physical address where nothing answers ends in a
//   bus error: DBE for loads and stores (EPC = the access; BadVAddr is not
//   loaded), IBE for an instruction fetch (EPC = the fetched address, or
//   the branch with Cause.BD set when the fetched instruction is a delay
//   slot) (6.1.2, 6.2.17). Tern raises these for guest-physical holes: a
//   PFN beyond the guest's RAM or ROM must never reach the host's memory.
//   The load's target register keeps its value and the guest keeps
//   running.
//
// This guest has a second RAM region (1 MiB at 16 MiB) for the odd half of
// the 16 MiB page pair.
#include "guest.hpp"

using namespace guest;
namespace lo = tlb::lo;

extern "C" uint32_t attr_lw(uint32_t va);
extern "C" void attr_sw(uint32_t va, uint32_t value);
extern "C" const char attr_lw_at[];
extern "C" const char attr_sw_at[];

namespace {

constexpr uint32_t sentinel = 0x5a5a5a5a;
constexpr uint32_t vpn2_mask = 0xFFFFE000;
constexpr uint32_t page_16m = 0x01FFE000;  // PageMask for 16 MiB pages
constexpr uint32_t high_ram_phys = 0x01000000;  // the second RAM region (1 MiB)

const uint32_t refill_vector = map::bev_base + map::vec_refill;
const uint32_t general_vector = map::bev_base + map::vec_general;

volatile uint32_t& ram(uint32_t phys) { return *reinterpret_cast<volatile uint32_t*>(map::cached(phys)); }

constexpr uint32_t rw = lo::cacheable | lo::D | lo::V | lo::G;
constexpr uint32_t ro = lo::cacheable | lo::V | lo::G;
constexpr uint32_t inv = lo::cacheable | lo::D | lo::G;

tlb::Entry pair4k(uint32_t va, uint32_t even_phys, uint32_t even_flags, uint32_t odd_phys,
                  uint32_t odd_flags) {
    return {va, lo::pfn(even_phys) | even_flags, lo::pfn(odd_phys) | odd_flags, tlb::mask::page_4k};
}

// One access that must raise `code` through `vector`. TLB exceptions also
// load BadVAddr and EntryHi.VPN2; bus errors load neither.
void expect_fault(const char* what, bool store, uint32_t va, ExcCode code, uint32_t vector) {
    catch_exception(code);
    uint32_t v = 0;
    if (store) {
        attr_sw(va, 0xBAD0BAD0);
    } else {
        v = attr_lw(va);
    }
    const bool tlb_exc = code != ExcCode::DBE;
    check_trap(what, {.code = code,
                      .epc = addr(store ? attr_sw_at : attr_lw_at),
                      .check_badvaddr = tlb_exc,
                      .badvaddr = va,
                      .vector = vector});
    CheckScope scope(what);
    if (!store) {
        CHECK_EQ("rt unchanged", v, sentinel);
    }
    if (tlb_exc) {
        CHECK_EQ("EntryHi.VPN2", last_trap.entryhi & vpn2_mask, va & vpn2_mask);
    }
    set_exception_hook(code, nullptr);
}

// --- D: TLB Modified --------------------------------------------------------

void dirty_bit() {
    const uint32_t va = map::kseg2 + 0x00300000;
    const uint32_t even = map::scratch_phys + 0x10000, odd = map::scratch_phys + 0x11000;
    ram(even + 0x50) = 0x0E0E0E0E;
    ram(odd + 0x60) = 0x0D0D0D0D;
    tlb::write_indexed(5, pair4k(va, even, ro, odd, ro));
    CHECK_EQ("D = 0: even page loads", attr_lw(va + 0x50), 0x0E0E0E0E);
    CHECK_EQ("D = 0: odd page loads", attr_lw(va + 0x1060), 0x0D0D0D0D);
    expect_fault("D = 0: store (even)", true, va + 0x50, ExcCode::Mod, general_vector);
    CHECK_EQ("D = 0: store (even): suppressed", ram(even + 0x50), 0x0E0E0E0E);
    expect_fault("D = 0: store (odd)", true, va + 0x1060, ExcCode::Mod, general_vector);
    CHECK_EQ("D = 0: store (odd): suppressed", ram(odd + 0x60), 0x0D0D0D0D);

    // D set on the even half only, by rewriting the entry in place.
    tlb::write_indexed(5, pair4k(va, even, rw, odd, ro));
    attr_sw(va + 0x50, 0x1E1E1E1E);
    CHECK_EQ("D = 1 after tlbwi: the store happens", ram(even + 0x50), 0x1E1E1E1E);
    expect_fault("odd half still D = 0", true, va + 0x1060, ExcCode::Mod, general_vector);

    // And cleared again after the page was written through.
    tlb::write_indexed(5, pair4k(va, even, ro, odd, ro));
    expect_fault("D cleared again: store", true, va + 0x54, ExcCode::Mod, general_vector);
    CHECK_EQ("D cleared again: suppressed", ram(even + 0x54), 0);
    CHECK_EQ("D cleared again: loads still work", attr_lw(va + 0x50), 0x1E1E1E1E);
    tlb::invalidate_all();
}

// --- V: TLB Invalid -----------------------------------------------------------

void valid_bit() {
    const uint32_t va = map::kseg2 + 0x00302000;
    const uint32_t even = map::scratch_phys + 0x12000, odd = map::scratch_phys + 0x13000;
    ram(even + 0x70) = 0x07070707;
    ram(odd + 0x74) = 0x17171717;
    tlb::write_indexed(6, pair4k(va, even, inv, odd, rw));
    expect_fault("V = 0: load", false, va + 0x70, ExcCode::TLBL, general_vector);
    expect_fault("V = 0: store", true, va + 0x70, ExcCode::TLBS, general_vector);
    CHECK_EQ("V = 0: store suppressed", ram(even + 0x70), 0x07070707);
    CHECK_EQ("V = 0 on the even half: the odd half loads", attr_lw(va + 0x1074), 0x17171717);

    tlb::write_indexed(6, pair4k(va, even, rw, odd, rw));
    CHECK_EQ("V = 1 after tlbwi: load", attr_lw(va + 0x70), 0x07070707);
    attr_sw(va + 0x78, 0x27272727);
    CHECK_EQ("V = 1 after tlbwi: store", ram(even + 0x78), 0x27272727);

    // Both halves invalid after they were in use.
    tlb::write_indexed(6, pair4k(va, even, inv, odd, inv));
    expect_fault("V cleared again: load (even)", false, va + 0x70, ExcCode::TLBL, general_vector);
    expect_fault("V cleared again: store (odd)", true, va + 0x1074, ExcCode::TLBS, general_vector);
    CHECK_EQ("V cleared again: store suppressed", ram(odd + 0x74), 0x17171717);
    tlb::invalidate_all();
}

// --- Wired ----------------------------------------------------------------------

void wired() {
    constexpr unsigned wired_count = 4, writes = 200;
    const uint32_t wired_va = map::kseg2 + 0x00400000;
    const uint32_t random_va = map::kseg2 + 0x01000000;
    const uint32_t wired_phys = map::scratch_phys + 0x20000;
    const uint32_t random_phys = map::scratch_phys + 0x40000;
    tlb::invalidate_all();
    tlb::Entry w[wired_count];
    for (unsigned i = 0; i < wired_count; ++i) {
        const uint32_t frame = wired_phys + i * 0x2000;
        w[i] = pair4k(wired_va + i * 0x2000, frame, rw, frame + 0x1000, rw);
        tlb::write_indexed(i, w[i]);
        ram(frame + 0x4) = 0x3E000000 + i;
        ram(frame + 0x1008) = 0x3F000000 + i;
    }
    mtc0_ehb<cp0::wired>(wired_count);
    unsigned loaded_ok = 0;
    for (unsigned i = 0; i < wired_count; ++i) loaded_ok += attr_lw(wired_va + i * 0x2000 + 4) == 0x3E000000 + i;
    CHECK_EQ("wired entries translate before", loaded_ok, wired_count);

    // 200 tlbwr of distinct VPN2s; every tenth entry is used right away.
    unsigned random_out_of_range = 0, used_ok = 0;
    for (unsigned i = 0; i < writes; ++i) {
        const uint32_t frame = random_phys + (i % 8) * 0x2000;
        tlb::write_random(pair4k(random_va + i * 0x2000, frame, rw, frame + 0x1000, rw));
        const uint32_t random = mfc0<cp0::random>();
        random_out_of_range += random < wired_count || random >= tlb::entries ? 1 : 0;
        if (i % 10 == 0) {
            ram(frame + 0xC) = 0x40000000 + i;
            used_ok += attr_lw(random_va + i * 0x2000 + 0xC) == 0x40000000 + i ? 1 : 0;
        }
    }
    CHECK_EQ("Random stays in [Wired, 15]", random_out_of_range, 0);
    CHECK_EQ("tlbwr entries translate", used_ok, writes / 10);

    unsigned same = 0, probed = 0, translate = 0;
    for (unsigned i = 0; i < wired_count; ++i) {
        const tlb::Entry r = tlb::read(i);
        same += r.entryhi == w[i].entryhi && r.entrylo0 == w[i].entrylo0 &&
                r.entrylo1 == w[i].entrylo1 && r.pagemask == w[i].pagemask;
        probed += tlb::probe(w[i].entryhi) == i ? 1 : 0;
    }
    mtc0_ehb<cp0::entryhi>(0);
    for (unsigned i = 0; i < wired_count; ++i) {
        translate += attr_lw(wired_va + i * 0x2000 + 4) == 0x3E000000 + i ? 1 : 0;
        translate += attr_lw(wired_va + i * 0x2000 + 0x1008) == 0x3F000000 + i ? 1 : 0;
    }
    CheckScope scope("after 200 tlbwr");
    CHECK_EQ("the wired entries read back unchanged (tlbr)", same, wired_count);
    CHECK_EQ("tlbp finds each wired entry at its index", probed, wired_count);
    CHECK_EQ("the wired entries still translate (both halves)", translate, 2 * wired_count);

    // Of the tlbwr entries used earlier, the ones tlbp no longer finds
    // must miss (TLB Refill); the ones it finds still translate.
    unsigned present = 0, present_ok = 0, gone = 0, gone_refill = 0, bad_index = 0;
    for (unsigned i = 0; i < writes; ++i) {
        const uint32_t va = random_va + i * 0x2000;
        const uint32_t index = tlb::probe(va);
        mtc0_ehb<cp0::entryhi>(0);
        if ((index & tlb::index_p) == 0) {
            ++present;
            bad_index += index < wired_count || index >= tlb::entries ? 1 : 0;
            const uint32_t frame = random_phys + (i % 8) * 0x2000;
            ram(frame + 0x10) = 0x50000000 + i;
            present_ok += attr_lw(va + 0x10) == 0x50000000 + i ? 1 : 0;
        } else if (i % 10 == 0) {
            ++gone;
            catch_exception(ExcCode::TLBL);
            const uint32_t v = attr_lw(va + 0xC);
            gone_refill += last_trap.count == 1 && last_trap.vector == refill_vector &&
                                   last_trap.badvaddr == va + 0xC && v == sentinel
                               ? 1
                               : 0;
            set_exception_hook(ExcCode::TLBL, nullptr);
        }
    }
    CHECK_EQ("the 12 unwired entries hold tlbwr entries", present, tlb::entries - wired_count);
    CHECK_EQ("... found at indices in [Wired, 15]", bad_index, 0);
    CHECK_EQ("... and translate", present_ok, present);
    CHECK_RANGE("replaced entries that were used", gone, 1, writes / 10);
    CHECK_EQ("... miss: TLB Refill, load suppressed", gone_refill, gone);
    mtc0_ehb<cp0::wired>(0);
    tlb::invalidate_all();
}

// --- Large pages ------------------------------------------------------------------

struct Probe {
    uint32_t offset;  // from the entry's VA
    uint32_t phys;    // where it must land
};

// Writes a distinct word at each probe's frame through KSEG0, then checks
// that loads through the mapping see it, and a store through the mapping
// reaches the frame.
void check_probes(const char* what, uint32_t va, const Probe* probes, unsigned n) {
    CheckScope scope(what);
    unsigned loads_ok = 0, stores_ok = 0;
    for (unsigned i = 0; i < n; ++i) ram(probes[i].phys) = 0x60000000 + (probes[i].phys >> 2);
    for (unsigned i = 0; i < n; ++i) loads_ok += attr_lw(va + probes[i].offset) == 0x60000000 + (probes[i].phys >> 2);
    for (unsigned i = 0; i < n; ++i) {
        attr_sw(va + probes[i].offset, 0x70000000 + i);
        stores_ok += ram(probes[i].phys) == 0x70000000 + i ? 1 : 0;
    }
    CHECK_EQ("loads land on the right frames", loads_ok, n);
    CHECK_EQ("stores land on the right frames", stores_ok, n);
}

void large_pages() {
    tlb::invalidate_all();
    {
        // 1 MiB pages: the pair covers 2 MiB; VA bit 20 picks the half.
        const uint32_t va = map::kseg2 + 0x00800000;
        tlb::write_indexed(2, {va, lo::pfn(0x00100000) | rw, lo::pfn(0x00200000) | rw, tlb::mask::page_1m});
        CHECK_EQ("1 MiB: PageMask reads back", tlb::read(2).pagemask, tlb::mask::page_1m);
        mtc0_ehb<cp0::entryhi>(0);
        static constexpr Probe probes[] = {
            {0x00000000, 0x00100000}, {0x00087654 & ~3u, 0x00187654 & ~3u}, {0x000FFFFC, 0x001FFFFC},
            {0x00100000, 0x00200000}, {0x0013579C, 0x0023579C}, {0x001FFFFC, 0x002FFFFC},
        };
        check_probes("1 MiB pair, even -> 1 MiB, odd -> 2 MiB", va, probes, 6);
        // The same frames with the halves swapped, at another VA.
        const uint32_t va2 = map::kseg2 + 0x00A00000;
        tlb::write_indexed(3, {va2, lo::pfn(0x00200000) | rw, lo::pfn(0x00100000) | rw, tlb::mask::page_1m});
        static constexpr Probe swapped[] = {
            {0x00000010, 0x00200010}, {0x000FFFF8, 0x002FFFF8}, {0x00100010, 0x00100010}, {0x001FFFF8, 0x001FFFF8},
        };
        check_probes("1 MiB pair, halves swapped", va2, swapped, 4);
    }
    {
        // 16 MiB pages: even on RAM at 0 (4 MiB of it exist), odd on the
        // second RAM region at 16 MiB (1 MiB of it exists).
        const uint32_t va = map::kseg2 + 0x02000000;
        tlb::write_indexed(4, {va, lo::pfn(0) | rw, lo::pfn(high_ram_phys) | rw, page_16m});
        CHECK_EQ("16 MiB: PageMask reads back", tlb::read(4).pagemask, page_16m);
        mtc0_ehb<cp0::entryhi>(0);
        static constexpr Probe probes[] = {
            {0x00123450, 0x00123450}, {0x0020000C, 0x0020000C}, {0x002FFFFC, 0x002FFFFC},
            {0x01000000, 0x01000000}, {0x01005670, 0x01005670}, {0x010FFFFC, 0x010FFFFC},
        };
        check_probes("16 MiB pair, even -> 0, odd -> 16 MiB", va, probes, 6);
        // Inside the pages, past the end of each RAM region: holes.
        expect_fault("16 MiB even page past RAM (4 MiB): load", false, va + 0x00400000, ExcCode::DBE,
                     general_vector);
        expect_fault("16 MiB odd page past RAM (17 MiB): store", true, va + 0x01100000, ExcCode::DBE,
                     general_vector);
    }
    tlb::invalidate_all();
}

// A large entry replaced in place by a 4 KiB one at the same VA: only the
// first pair still translates (to the new frames); every other address the
// large entry covered, and that was in use, misses (TLB Refill). 64 KiB
// pages (16 page pairs), 256 KiB (64) and 1 MiB (256).
void shrink() {
    struct Size {
        const char* name;
        uint32_t pagemask;
        uint32_t page;
    };
    static constexpr Size sizes[] = {
        {"64 KiB entry shrunk to 4 KiB", 0x0001E000, 0x10000},
        {"256 KiB entry shrunk to 4 KiB", 0x0007E000, 0x40000},
        {"1 MiB entry shrunk to 4 KiB", tlb::mask::page_1m, 0x100000},
    };
    const uint32_t va = map::kseg2 + 0x01800000;
    const uint32_t even = 0x00100000;
    const uint32_t small = map::scratch_phys + 0x30000;
    tlb::invalidate_all();
    for (const Size& size : sizes) {
        CheckScope scope(size.name);
        const uint32_t odd = even + size.page;
        const uint32_t offsets[] = {0x2000, size.page / 2 + 0x10, size.page - 4, size.page,
                                    size.page + size.page / 2 + 0x20, 2 * size.page - 4};
        tlb::write_indexed(9, {va, lo::pfn(even) | rw, lo::pfn(odd) | rw, size.pagemask});
        unsigned before = 0;
        for (const uint32_t off : offsets) {
            ram(even + off) = 0x5A110000 + off;  // even + off is odd + (off - page) past the half
            before += attr_lw(va + off) == 0x5A110000 + off ? 1 : 0;
        }
        CHECK_EQ("large entry translates everywhere", before, 6);
        ram(small + 0x20) = 0x5E5E0020;
        ram(small + 0x1024) = 0x5E5E1024;
        tlb::write_indexed(9, pair4k(va, small, rw, small + 0x1000, rw));
        CHECK_EQ("4 KiB entry: even page, new frame", attr_lw(va + 0x20), 0x5E5E0020);
        CHECK_EQ("4 KiB entry: odd page, new frame", attr_lw(va + 0x1024), 0x5E5E1024);
        unsigned refills = 0;
        for (const uint32_t off : offsets) {
            catch_exception(ExcCode::TLBL);
            const uint32_t v = attr_lw(va + off);
            refills += last_trap.count == 1 && last_trap.vector == refill_vector &&
                               last_trap.badvaddr == va + off && v == sentinel
                           ? 1
                           : 0;
            set_exception_hook(ExcCode::TLBL, nullptr);
        }
        CHECK_EQ("the rest of the old range misses (TLB Refill)", refills, 6);
    }
    tlb::invalidate_all();
}

// --- A device page through the TLB -----------------------------------------------

// The UART's page mapped into KSEG2 (uncached, as a driver maps MMIO):
// its registers answer there as in KSEG1; D and V apply to it like to RAM
// (the access faults before it reaches the device).
void device_page() {
    const uint32_t va = map::kseg2 + 0x00700000;
    const uint32_t uart_page = map::uart_phys & ~0xFFFu;
    const uint32_t scr_offset = (map::uart_phys & 0xFFFu) + 7 * 8;  // SCR, reg-shift 3
    const uint32_t scr_kseg1 = map::uncached(map::uart_phys) + 7 * 8;
    const uint32_t odd = map::scratch_phys + 0x34000;
    constexpr uint32_t dev = lo::uncached | lo::D | lo::V | lo::G;
    tlb::write_indexed(10, pair4k(va, uart_page, dev, odd, rw));
    mmio::sb(va + scr_offset, 0x5A);
    CHECK_EQ("UART SCR: store through KSEG2, load through KSEG1", mmio::lbu(scr_kseg1), 0x5A);
    mmio::sb(scr_kseg1, 0xA5);
    CHECK_EQ("UART SCR: store through KSEG1, load through KSEG2", mmio::lbu(va + scr_offset), 0xA5);
    ram(odd + 0x40) = 0x0DD0DD00;
    CHECK_EQ("RAM in the odd half of the same entry", attr_lw(va + 0x1040), 0x0DD0DD00);

    tlb::write_indexed(10, pair4k(va, uart_page, dev & ~lo::D, odd, rw));
    expect_fault("device page with D = 0: store", true, va + scr_offset, ExcCode::Mod, general_vector);
    CHECK_EQ("device page with D = 0: SCR unchanged", mmio::lbu(scr_kseg1), 0xA5);
    CHECK_EQ("device page with D = 0: loads work", mmio::lbu(va + scr_offset), 0xA5);
    tlb::write_indexed(10, pair4k(va, uart_page, dev & ~lo::V, odd, rw));
    expect_fault("device page with V = 0: load", false, va + scr_offset, ExcCode::TLBL, general_vector);
    mmio::sb(scr_kseg1, 0);
    tlb::invalidate_all();
}

// --- PFNs outside the guest's memory -----------------------------------------------

using Code = void (*)();

void outside_memory() {
    const uint32_t va = map::kseg2 + 0x00600000;
    // The last page of RAM and, in the same entry, the first page after it.
    tlb::write_indexed(7, pair4k(va, 0x003FF000, rw, 0x00400000, rw));
    ram(0x003FF100) = 0x3FF3FF00;
    CHECK_EQ("last RAM page (even half) loads", attr_lw(va + 0x100), 0x3FF3FF00);
    expect_fault("first page past RAM (odd half): load", false, va + 0x1100, ExcCode::DBE,
                 general_vector);
    expect_fault("first page past RAM (odd half): store", true, va + 0x1104, ExcCode::DBE,
                 general_vector);

    // Holes all over the 32-bit physical space; 0x1F000000 is the UART's
    // page but the UART only answers at 0x900-0x93F.
    static constexpr uint32_t holes[] = {0x00800000, 0x01100000, 0x08000000, 0x10000000, 0x1F000000,
                                         0x1FD00000, 0x20000000, 0x7FFFF000, 0x80000000, 0xFFFFF000};
    unsigned load_dbe = 0, store_dbe = 0, unchanged = 0;
    for (const uint32_t phys : holes) {
        tlb::write_indexed(8, pair4k(va + 0x2000, phys, rw, phys, rw));
        catch_exception(ExcCode::DBE);
        unchanged += attr_lw(va + 0x2000 + 0x10) == sentinel ? 1 : 0;
        load_dbe += last_trap.count == 1 && last_trap.epc == addr(attr_lw_at) ? 1 : 0;
        reset_trap();
        attr_sw(va + 0x3000 + 0x20, 0x12345678);
        store_dbe += last_trap.count == 1 && last_trap.epc == addr(attr_sw_at) ? 1 : 0;
        set_exception_hook(ExcCode::DBE, nullptr);
    }
    constexpr unsigned n = sizeof(holes) / sizeof(holes[0]);
    CHECK_EQ("10 holes: every load is a DBE at the load", load_dbe, n);
    CHECK_EQ("10 holes: no load returns data", unchanged, n);
    CHECK_EQ("10 holes: every store is a DBE at the store", store_dbe, n);

    // An instruction fetch from a hole: IBE with EPC = the fetched address
    // (the handler returns to the caller through ra).
    catch_exception(ExcCode::IBE);
    set_exception_hook(ExcCode::IBE, record_and_return);
    tlb::write_indexed(8, pair4k(va + 0x2000, 0x08000000, rw, 0x08001000, rw));
    const uint32_t target = va + 0x2040;
    reinterpret_cast<Code>(target)();
    check_trap("jump into a hole", {.code = ExcCode::IBE, .epc = target});
    set_exception_hook(ExcCode::IBE, nullptr);

    // A branch in the last word of the RAM page whose delay slot is the
    // first word past RAM: fetching the delay slot is the bus error, so
    // IBE with EPC = the branch and Cause.BD set (PRA 6.2.17, 6.1.2).
    // (A DBE is caught too, so that a wrong ExcCode fails one check.)
    catch_exception(ExcCode::IBE);
    set_exception_hook(ExcCode::IBE, record_and_return);
    set_exception_hook(ExcCode::DBE, record_and_return);
    ram(0x003FFFFC) = 0x03E00008;  // jr ra
    sync_icache(va + 0xFFC, 4);
    reinterpret_cast<Code>(va + 0xFFC)();
    check_trap("delay slot in the page past RAM", {.code = ExcCode::IBE, .epc = va + 0xFFC,
                                                    .in_delay_slot = true});
    set_exception_hook(ExcCode::IBE, nullptr);
    set_exception_hook(ExcCode::DBE, nullptr);

    // Still alive and translating.
    tlb::write_indexed(8, pair4k(va + 0x2000, map::scratch_phys + 0x30000, rw, map::scratch_phys + 0x31000, rw));
    attr_sw(va + 0x2010, 0xA11FE000);
    CHECK_EQ("after the bus errors: a RAM mapping at the same VA works",
             ram(map::scratch_phys + 0x30010), 0xA11FE000);
    tlb::invalidate_all();
}

}  // namespace

int main() {
    tlb::invalidate_all();
    dirty_bit();
    valid_bit();
    wired();
    large_pages();
    shrink();
    device_page();
    outside_memory();
    done();
}
