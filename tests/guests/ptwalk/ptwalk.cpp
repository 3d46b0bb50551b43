// ptwalk: a guest kernel that manages KSEG2 the way an OS does, with a
// linear page table in its RAM and a software TLB refill handler that
// walks it (PRA 4.10 "TLB Exceptions", 6.2.11 "TLB Refill", 9.5
// "Context"; the handler is in ptwalk_asm.S).
//
// What hardware does, and so what the checks expect:
// - A mapped access with no matching TLB entry and EXL = 0 raises TLB
//   Refill at the refill vector (EBase + 0x000 with BEV = 0), with
//   BadVAddr, EntryHi.VPN2 and Context.BadVPN2 loaded; the handler's
//   tlbwr fills the entry at Random and eret restarts the access, which
//   then translates through the new entry.
// - The TLB is a cache of the page table: 64 pages (32 pairs) touched in
//   turn through a 16-entry TLB keep missing, and every access must land
//   on the frame the page table names, seen through KSEG0 at the same
//   physical address.
// - A PTE change is not seen until the stale entry is flushed (tlbp +
//   tlbwi of an unused VPN2, as Linux's local_flush_tlb_page does).
// - A PTE with V = 0 is installed by the refill handler like any other;
//   the restarted access then raises TLB Invalid through the general
//   vector (6.2.12). A store through an entry with D = 0 raises TLB
//   Modified (6.2.13). Linux's handlers fix the PTE, tlbp/tlbwi the entry
//   and return to the same instruction: demand paging and dirty-bit
//   emulation, both done here.
// - A refill for a load in a branch delay slot, or for the fetch of a delay
//   slot in the next page pair, has EPC = the branch and Cause.BD set; the
//   handler's eret re-executes the branch (6.1.2).
// - With the page table itself mapped in KSEG3 (the R4000 scheme), the
//   handler's PTE load can miss: with EXL = 1 that is a TLBL through the
//   general vector that leaves EPC alone (6.2.11), and the general handler
//   maps the page-table page and returns to the original access.
//
// Layout (guest-physical; this guest has 16 MiB of RAM): the page table at
// PTEBase = 8 MiB (KSEG2 VPN2s land at 8 MiB + 1 MiB), the frames of the
// 64 pages at 10 MiB, scrambled so that a wrong slot or a wrong half gives
// a wrong frame.
#include "guest.hpp"

using namespace guest;
namespace lo = tlb::lo;

extern "C" const uint32_t ptwalk_refill[];
extern "C" const uint32_t ptwalk_refill_end[];
extern "C" volatile uint32_t ptwalk_refills;
extern "C" volatile uint32_t ptwalk_last_context;
extern "C" uint32_t ptwalk_lw(uint32_t va);
extern "C" void ptwalk_sw(uint32_t va, uint32_t value);
extern "C" const char ptwalk_lw_at[];
extern "C" const char ptwalk_sw_at[];
extern "C" uint32_t ptwalk_lw_delay(uint32_t va, uint32_t* reached);
extern "C" uint32_t ptwalk_lw_not_taken(uint32_t va);

namespace {

constexpr uint32_t sentinel = 0x5a5a5a5a;
constexpr uint32_t page = 0x1000;
constexpr uint32_t pair_size = 2 * page;
constexpr uint32_t vpn2_mask = 0xFFFFE000;

// Context.PTEBase (bits 31:23) as the guest's code addresses it: the
// table's base in KSEG0.
constexpr uint32_t pte_base = map::cached(0x00800000);
constexpr uint32_t frames_phys = 0x00A00000;

constexpr unsigned pairs = 32;
constexpr unsigned pages = 2 * pairs;
const uint32_t base_va = map::kseg2 + 0x00100000;

constexpr uint32_t pte_flags = lo::cacheable | lo::D | lo::V | lo::G;

uint32_t va_of(unsigned p) { return base_va + p * page; }

// Page p's frame: 37 is odd, so p -> 37p mod 64 is a permutation.
uint32_t frame_of(unsigned p) { return frames_phys + ((p * 37) % pages) * page; }

volatile uint32_t* slot(uint32_t va) {
    return reinterpret_cast<volatile uint32_t*>(pte_base + (va >> 13) * 8);
}

volatile uint32_t& phys_word(uint32_t phys) {
    return *reinterpret_cast<volatile uint32_t*>(map::cached(phys));
}

volatile uint32_t& kseg2_word(uint32_t va) { return *reinterpret_cast<volatile uint32_t*>(va); }

void set_pte(unsigned pair, uint32_t lo0, uint32_t lo1) {
    volatile uint32_t* s = slot(va_of(2 * pair));
    s[0] = lo0;
    s[1] = lo1;
}

void build_page_table() {
    for (unsigned j = 0; j < pairs; ++j) {
        set_pte(j, lo::pfn(frame_of(2 * j)) | pte_flags, lo::pfn(frame_of(2 * j + 1)) | pte_flags);
    }
}

// Copies the handler to the refill vector; the runtime's stubs stay at
// +0x180 and +0x200 for everything else.
void install_refill_handler() {
    use_ram_vectors(0x80000000);
    const uint32_t vector = map::from_arch(0x80000000) + map::vec_refill;
    const auto words = static_cast<uint32_t>(ptwalk_refill_end - ptwalk_refill);
    auto* dst = reinterpret_cast<volatile uint32_t*>(vector);
    for (uint32_t i = 0; i < words; ++i) dst[i] = ptwalk_refill[i];
    sync_icache(vector, words * 4);
    mtc0_ehb<cp0::context>(pte_base);
    mtc0_ehb<cp0::pagemask>(tlb::mask::page_4k);
}

// Linux's local_flush_tlb_page: overwrite the entry of `va` (if any) with
// a VPN2 nothing uses.
void flush_page(uint32_t va) {
    const uint32_t index = tlb::probe(va & vpn2_mask);
    if ((index & tlb::index_p) == 0) {
        tlb::write_indexed(index & 0xF, {map::kseg3 + 0x1F800000 + (index & 0xF) * pair_size, 0, 0,
                                         tlb::mask::page_4k});
    }
}

void single_refills() {
    CheckScope scope("one refill");
    tlb::invalidate_all();
    ptwalk_refills = 0;
    const uint32_t va = va_of(6) + 0x124;
    phys_word(frame_of(6) + 0x124) = 0x61616161;
    CHECK_EQ("even page reads its frame", ptwalk_lw(va), 0x61616161);
    CHECK_EQ("handler ran once", ptwalk_refills, 1);
    CHECK_EQ("Context = PTEBase | BadVPN2", ptwalk_last_context, pte_base | ((va >> 13) << 4));
    const uint32_t index = tlb::probe(va & vpn2_mask);
    CHECK_MASKED("tlbp finds the entry", index, tlb::index_p, 0);
    const tlb::Entry e = tlb::read(index & 0xF);
    mtc0_ehb<cp0::entryhi>(0);
    CHECK_EQ("entry: EntryHi = VPN2 | ASID 0", e.entryhi, va & vpn2_mask);
    CHECK_EQ("entry: EntryLo0 = slot[0]", e.entrylo0, slot(va)[0]);
    CHECK_EQ("entry: EntryLo1 = slot[1]", e.entrylo1, slot(va)[1]);
    CHECK_EQ("entry: 4 KiB pages", e.pagemask, tlb::mask::page_4k);
    phys_word(frame_of(7) + 0xFFC) = 0x71717171;
    CHECK_EQ("odd page of the pair: no refill", ptwalk_lw(va_of(7) + 0xFFC), 0x71717171);
    CHECK_EQ("... handler count unchanged", ptwalk_refills, 1);
    const uint32_t va2 = va_of(13) + 0x10;
    phys_word(frame_of(13) + 0x10) = 0xD1D1D1D1;
    CHECK_EQ("odd page of another pair", ptwalk_lw(va2), 0xD1D1D1D1);
    CHECK_EQ("... one more refill", ptwalk_refills, 2);
    CHECK_EQ("... Context", ptwalk_last_context, pte_base | ((va2 >> 13) << 4));
    ptwalk_sw(va_of(12) + 0x20, 0xC2C2C2C2);
    CHECK_EQ("store through the same entry reaches the even frame", phys_word(frame_of(12) + 0x20),
             0xC2C2C2C2);
    CHECK_EQ("... no refill", ptwalk_refills, 2);
}

uint32_t pattern(unsigned p, unsigned pass, unsigned w) { return (p << 24) | (pass << 16) | (w << 8) | 0x5A; }

constexpr uint32_t offsets[] = {0x000, 0x7FC, 0xFFC};

// 64 pages through a 16-entry TLB, several passes in different orders:
// writes through KSEG2 land in the right frames, reads through KSEG2 see
// what was written through KSEG0.
void many_pages() {
    CheckScope scope("64 pages, 16 TLB entries");
    tlb::invalidate_all();
    ptwalk_refills = 0;
    constexpr unsigned passes = 12;
    unsigned bad_kseg2_write = 0, bad_kseg2_read = 0, first_bad_page = ~0u;
    unsigned touches = 0;
    for (unsigned pass = 0; pass < passes; ++pass) {
        // Even passes write through KSEG2 and check through KSEG0; odd
        // passes write through KSEG0 and check through KSEG2.
        const unsigned stride = pass % 2 == 0 ? 1 : 13;
        for (unsigned k = 0; k < pages; ++k) {
            const unsigned p = (k * stride + pass * 5) % pages;
            ++touches;
            for (unsigned w = 0; w < 3; ++w) {
                const uint32_t value = pattern(p, pass, w);
                if (pass % 2 == 0) {
                    kseg2_word(va_of(p) + offsets[w]) = value;
                    if (phys_word(frame_of(p) + offsets[w]) != value) {
                        ++bad_kseg2_write;
                        first_bad_page = first_bad_page == ~0u ? p : first_bad_page;
                    }
                } else {
                    phys_word(frame_of(p) + offsets[w]) = value;
                    if (kseg2_word(va_of(p) + offsets[w]) != value) {
                        ++bad_kseg2_read;
                        first_bad_page = first_bad_page == ~0u ? p : first_bad_page;
                    }
                }
            }
        }
    }
    const uint32_t refills = ptwalk_refills;
    CHECK_EQ("KSEG2 stores land in the page table's frames", bad_kseg2_write, 0);
    CHECK_EQ("KSEG2 loads see the page table's frames", bad_kseg2_read, 0);
    if (first_bad_page != ~0u) info("first bad page %u", first_bad_page);
    // Pass 0 misses all 32 pairs (the TLB was flushed); a later pass can
    // find at most the 16 entries the TLB holds, so it misses at least 16
    // pairs. At most one refill per page touch.
    CHECK_RANGE("refills: every pair missed in pass 0, >= 16 misses per later pass", refills,
                pairs + 16 * (passes - 1), touches);
    info("%u refills for %u page touches in %u passes", refills, touches, passes);

    // The TLB holds only entries the handler copied from the table (or
    // the flush placeholders), no VPN2 twice.
    unsigned from_table = 0, wrong = 0, duplicates = 0;
    uint32_t seen[tlb::entries];
    for (unsigned i = 0; i < tlb::entries; ++i) {
        const tlb::Entry e = tlb::read(i);
        seen[i] = e.entryhi & vpn2_mask;
        for (unsigned j = 0; j < i; ++j) duplicates += seen[j] == seen[i] ? 1 : 0;
        if (seen[i] >= base_va && seen[i] < base_va + pages * page) {
            ++from_table;
            if (e.entrylo0 != slot(seen[i])[0] || e.entrylo1 != slot(seen[i])[1]) ++wrong;
        }
    }
    mtc0_ehb<cp0::entryhi>(0);
    CHECK_EQ("TLB entries match their page-table slots", wrong, 0);
    CHECK_EQ("no VPN2 twice in the TLB", duplicates, 0);
    CHECK_RANGE("TLB entries filled by the handler", from_table, 1, tlb::entries);
    info("%u of %u TLB entries came from the page table", from_table, tlb::entries);
}

// Refills of loads in branch delay slots, and of instruction fetches from
// KSEG2 (a function whose delay slot lies in the next page pair).
void delay_slots_and_code() {
    CheckScope scope("delay slots");
    uint32_t va = va_of(30) + 0x88;
    phys_word(frame_of(30) + 0x88) = 0x30303088;
    flush_page(va);
    uint32_t before = ptwalk_refills;
    uint32_t reached = 0;
    CHECK_EQ("load in a taken branch's delay slot", ptwalk_lw_delay(va, &reached), 0x30303088);
    CHECK_EQ("... the branch target reached once", reached, 1);
    CHECK_EQ("... one refill", ptwalk_refills, before + 1);
    va = va_of(33) + 0x8C;
    phys_word(frame_of(33) + 0x8C) = 0x3333338C;
    flush_page(va);
    before = ptwalk_refills;
    CHECK_EQ("load in a not-taken branch's delay slot", ptwalk_lw_not_taken(va), 0x3333338C);
    CHECK_EQ("... one refill", ptwalk_refills, before + 1);

    // Code: addiu v0, a0, 1; jr ra at the end of page 35 (the odd page of
    // pair 17), its delay slot addiu v0, v0, 0x100 at the start of page
    // 36 (pair 18). Fetching the delay slot misses: EPC = the jr, BD set.
    CheckScope code_scope("code in KSEG2");
    phys_word(frame_of(35) + 0xFF8) = 0x24820001;  // addiu v0, a0, 1
    phys_word(frame_of(35) + 0xFFC) = 0x03E00008;  // jr ra
    phys_word(frame_of(36) + 0x000) = 0x24420100;  // addiu v0, v0, 0x100
    const uint32_t entry = va_of(35) + 0xFF8;
    sync_icache(entry, 12);
    flush_page(va_of(35));
    flush_page(va_of(36));
    before = ptwalk_refills;
    using Fn = uint32_t (*)(uint32_t);
    CHECK_EQ("a function across two page pairs runs", reinterpret_cast<Fn>(entry)(0x1000), 0x1101);
    CHECK_EQ("... after two fetch refills", ptwalk_refills, before + 2);
    CHECK_EQ("... the last for the delay slot's pair", ptwalk_last_context,
             pte_base | ((va_of(36) >> 13) << 4));
}

// A changed PTE: the cached entry keeps the old frame until it is flushed.
void pte_change() {
    CheckScope scope("PTE change");
    const unsigned j = 9;  // pair 9: pages 18, 19
    const uint32_t va = va_of(18) + 0x40;
    phys_word(frame_of(18) + 0x40) = 0x18181818;
    phys_word(frame_of(20) + 0x40) = 0x20202020;
    CHECK_EQ("old mapping", kseg2_word(va), 0x18181818);
    // Point the even page at page 20's frame.
    set_pte(j, lo::pfn(frame_of(20)) | pte_flags, lo::pfn(frame_of(19)) | pte_flags);
    const uint32_t before = ptwalk_refills;
    CHECK_EQ("without a flush the TLB still maps the old frame", kseg2_word(va), 0x18181818);
    flush_page(va);
    CHECK_EQ("after tlbp/tlbwi flush: the new frame", kseg2_word(va), 0x20202020);
    CHECK_EQ("... through one refill", ptwalk_refills, before + 1);
    set_pte(j, lo::pfn(frame_of(18)) | pte_flags, lo::pfn(frame_of(19)) | pte_flags);
    flush_page(va);
    CHECK_EQ("flushed back: the old frame again", kseg2_word(va), 0x18181818);
}

// Linux-style fault handlers on the general vector: the refill handler
// installed an entry from a PTE without V (or D); the handler fixes the
// PTE, rewrites the TLB entry in place (EntryHi was loaded by the
// exception: tlbp finds it) and restarts the access.
unsigned faults;
uint32_t fault_cause, fault_badvaddr, fault_epc, fault_vector;

void fix_pte(Frame& f, uint32_t bits) {
    ++faults;
    fault_cause = f.cause;
    fault_badvaddr = f.badvaddr;
    fault_epc = f.epc;
    fault_vector = f.vector;
    volatile uint32_t* s = slot(f.badvaddr);
    const bool odd = (f.badvaddr & page) != 0;
    s[odd ? 1 : 0] = s[odd ? 1 : 0] | bits;
    asm volatile("tlbp\n\tehb" ::: "memory");  // EntryHi = VPN2 | ASID of the fault
    mtc0<cp0::entrylo0>(s[0]);
    mtc0<cp0::entrylo1>(s[1]);
    mtc0_ehb<cp0::pagemask>(tlb::mask::page_4k);
    asm volatile("tlbwi\n\tehb" ::: "memory");
    // Resume at EPC: the access runs again.
}

void make_valid(Frame& f) { fix_pte(f, lo::V); }
void make_dirty(Frame& f) { fix_pte(f, lo::D); }

void demand_paging() {
    const uint32_t general = map::from_arch(0x80000000) + map::vec_general;
    {
        CheckScope scope("demand paging (V = 0 PTE)");
        const unsigned j = 20;  // pages 40, 41
        const uint32_t va = va_of(40) + 0x80;
        flush_page(va);
        set_pte(j, lo::pfn(frame_of(40)) | (pte_flags & ~lo::V), lo::pfn(frame_of(41)) | pte_flags);
        phys_word(frame_of(40) + 0x80) = 0x40404040;
        faults = 0;
        set_exception_hook(ExcCode::TLBL, make_valid);
        const uint32_t before = ptwalk_refills;
        const uint32_t v = ptwalk_lw(va);
        set_exception_hook(ExcCode::TLBL, nullptr);
        CHECK_EQ("refill installed the invalid entry", ptwalk_refills, before + 1);
        CHECK_EQ("then one TLB Invalid", faults, 1);
        CHECK_EQ("... ExcCode TLBL", cause::ExcCode::get(fault_cause), static_cast<uint32_t>(ExcCode::TLBL));
        CHECK_EQ("... general vector", fault_vector, general);
        CHECK_EQ("... BadVAddr", fault_badvaddr, va);
        CHECK_EQ("... EPC = the load", fault_epc, addr(ptwalk_lw_at));
        CHECK_EQ("the restarted load reads the frame", v, 0x40404040);
        CHECK_EQ("PTE now valid", slot(va)[0] & lo::V, lo::V);
    }
    {
        CheckScope scope("dirty bit emulation (D = 0 PTE)");
        const unsigned j = 22;  // pages 44, 45
        const uint32_t va = va_of(45) + 0x44;
        flush_page(va);
        set_pte(j, lo::pfn(frame_of(44)) | pte_flags, lo::pfn(frame_of(45)) | (pte_flags & ~lo::D));
        phys_word(frame_of(45) + 0x44) = 0x45454545;
        CHECK_EQ("clean page loads", kseg2_word(va), 0x45454545);
        faults = 0;
        set_exception_hook(ExcCode::Mod, make_dirty);
        ptwalk_sw(va, 0x4545AAAA);
        set_exception_hook(ExcCode::Mod, nullptr);
        CHECK_EQ("one TLB Modified", faults, 1);
        CHECK_EQ("... ExcCode Mod", cause::ExcCode::get(fault_cause), static_cast<uint32_t>(ExcCode::Mod));
        CHECK_EQ("... general vector", fault_vector, general);
        CHECK_EQ("... BadVAddr", fault_badvaddr, va);
        CHECK_EQ("... EPC = the store", fault_epc, addr(ptwalk_sw_at));
        CHECK_EQ("the restarted store reached the frame", phys_word(frame_of(45) + 0x44), 0x4545AAAA);
        ptwalk_sw(va + 4, 0x4545BBBB);
        CHECK_EQ("the next store needs no fault", faults, 1);
        CHECK_EQ("... and lands", phys_word(frame_of(45) + 0x48), 0x4545BBBB);
    }
    build_page_table();
}

// The classic R4000 scheme: the linear page table is itself mapped, in
// KSEG3, and Context.PTEBase holds its virtual address. The refill
// handler's load of the PTE can then miss too: with EXL = 1 that miss is
// not a refill but a TLBL through the general vector, and EPC is not
// updated (PRA 6.2.1, 6.2.11), so it still names the original access.
// The general handler maps the page-table page (EntryHi was loaded with
// its VPN2) and erets to EPC: the original access misses again and this
// time the handler's PTE load hits.
const uint32_t pt_window = map::kseg3 + 0x1E000000;  // PTEBase: 8 MiB aligned
unsigned nested;
uint32_t nested_epc, nested_badvaddr, nested_cause, nested_vector;
unsigned nested_outside;

void map_page_table_page(Frame& f) {
    ++nested;
    nested_epc = f.epc;
    nested_badvaddr = f.badvaddr;
    nested_cause = f.cause;
    nested_vector = f.vector;
    if (f.badvaddr < pt_window || f.badvaddr >= pt_window + 0x00800000) {
        ++nested_outside;  // not a page-table access: give up on it
        skip_faulting_instruction(f);
        return;
    }
    // The table's page pair, on the physical table at pte_base.
    const uint32_t phys = (f.badvaddr & vpn2_mask) - pt_window + (pte_base - map::kseg0);
    mtc0<cp0::entrylo0>(lo::pfn(phys) | pte_flags);
    mtc0<cp0::entrylo1>(lo::pfn(phys + page) | pte_flags);
    mtc0_ehb<cp0::pagemask>(tlb::mask::page_4k);
    asm volatile("tlbwr\n\tehb" ::: "memory");
    // Resume at EPC: the original access.
}

void virtual_page_table() {
    CheckScope scope("page table in KSEG3");
    tlb::invalidate_all();
    mtc0_ehb<cp0::context>(pt_window);
    nested = 0;
    nested_outside = 0;
    ptwalk_refills = 0;
    set_exception_hook(ExcCode::TLBL, map_page_table_page);
    const uint32_t va = va_of(22) + 0x30;
    phys_word(frame_of(22) + 0x30) = 0x22223030;
    const uint32_t v = ptwalk_lw(va);
    CHECK_EQ("the load reads its frame", v, 0x22223030);
    CHECK_EQ("one nested miss (the PTE load)", nested, 1);
    CHECK_EQ("... TLBL", cause::ExcCode::get(nested_cause), static_cast<uint32_t>(ExcCode::TLBL));
    CHECK_EQ("... through the general vector", nested_vector, map::from_arch(0x80000000) + map::vec_general);
    CHECK_EQ("... BadVAddr = the PTE's address", nested_badvaddr, pt_window + (va >> 13) * 8);
    CHECK_EQ("... EPC still the original load", nested_epc, addr(ptwalk_lw_at));
    CHECK_EQ("one completed refill", ptwalk_refills, 1);
    CHECK_EQ("Context of that refill", ptwalk_last_context, pt_window | ((va >> 13) << 4));

    unsigned bad = 0;
    for (unsigned pass = 0; pass < 4; ++pass) {
        for (unsigned k = 0; k < pages; ++k) {
            const unsigned p = (k * 7 + pass) % pages;
            phys_word(frame_of(p) + 0x34) = 0x70000000 + (pass << 8) + p;
            bad += kseg2_word(va_of(p) + 0x34) != 0x70000000 + (pass << 8) + p ? 1 : 0;
        }
    }
    CHECK_EQ("64 pages, 4 passes: every load reads its frame", bad, 0);
    CHECK_EQ("nested misses were all page-table loads", nested_outside, 0);
    info("%u refills, %u nested page-table misses", ptwalk_refills, nested);
    set_exception_hook(ExcCode::TLBL, nullptr);
    mtc0_ehb<cp0::context>(pte_base);
}

}  // namespace

int main() {
    build_page_table();
    install_refill_handler();
    single_refills();
    many_pages();
    pte_change();
    delay_slots_and_code();
    demand_paging();
    virtual_page_table();
    // Leave with a quiet TLB and the ROM vectors.
    tlb::invalidate_all();
    use_rom_vectors();
    done();
}
