// asids: two user-mode "processes" told apart only by EntryHi.ASID, the
// way an OS keeps several address spaces in the TLB at once (PRA 4.6
// "TLB Tag Matching", 4.8, 9.6 EntryLo G, 9.12 EntryHi).
//
// What hardware does, and so what the checks expect: a TLB entry matches
// an access when its VPN2 matches and either its G bit is set or its ASID
// equals EntryHi.ASID. So
// - two entries with the same VPN2 and different ASIDs coexist; which one
//   translates is chosen by EntryHi.ASID alone, and switching it switches
//   what the same user address shows, with no TLB write in between;
// - an address mapped only under ASID B raises TLB Refill (refill vector,
//   EXL = 0) for ASID A, for loads and stores alike, even right after B
//   used it; the exception loads EntryHi.VPN2 and keeps EntryHi.ASID;
// - a global entry is seen under every ASID, including ones never used;
// - rewriting or removing one ASID's entry (tlbwi) changes that ASID's
//   view at once and leaves the other's alone;
// - 256 ASIDs in turn each see only their own entry;
// - user mode sees only useg (PRA 4.3): the kernel's KSEG2 mappings are
//   not visible at any user address; under Tern's moved map user space
//   ends at 0x40000000 and user accesses above raise address errors (see
//   kernel_segment()).
// The guest kernel cannot reach user addresses itself (its KSEG0 covers
// them under Tern), so it checks the frames through KSEG0.
#include "guest.hpp"
#include "user_mode.hpp"

using namespace guest;
namespace lo = tlb::lo;

extern "C" const char user_load[];
extern "C" const char user_load_at[];
extern "C" const char user_store[];
extern "C" const char user_store_at[];
extern "C" uint32_t kernel_lw(uint32_t va);

namespace {

constexpr uint32_t sentinel = 0x5a5a5a5a;
constexpr uint32_t vpn2_mask = 0xFFFFE000;

constexpr uint32_t asid_a = 0x11, asid_b = 0x22, asid_new = 0x44;

// User addresses.
constexpr uint32_t user_rom = map::reset_vector - map::kseg0;
constexpr uint32_t proc_va = 0x00400000;     // both processes, own frames
constexpr uint32_t private_va = 0x00500000;  // process B only
constexpr uint32_t shared_va = 0x00600000;   // a global entry

// Frames (guest-physical, scratch RAM).
constexpr uint32_t frame_a = map::scratch_phys + 0x0000;   // A's pair: +0, +0x1000
constexpr uint32_t frame_b = map::scratch_phys + 0x2000;   // B's pair
constexpr uint32_t frame_a2 = map::scratch_phys + 0x4000;  // A's pair after the remap
constexpr uint32_t frame_private = map::scratch_phys + 0x6000;
constexpr uint32_t frame_shared = map::scratch_phys + 0x8000;
constexpr uint32_t frames_many = map::scratch_phys + 0x20000;  // four pairs

constexpr unsigned idx_rom = 0, idx_a = 1, idx_b = 2, idx_private = 3, idx_shared = 4;

constexpr uint32_t rw = lo::cacheable | lo::D | lo::V;

volatile uint32_t& ram(uint32_t phys) { return *reinterpret_cast<volatile uint32_t*>(map::cached(phys)); }

uint32_t user_address(const char* kernel_label) { return addr(kernel_label) - map::kseg0; }

uint32_t exit_v0;

void leave_user(Frame& f) {
    exit_v0 = f.gpr[reg::v0];
    return_to_kernel(f);
}

// Runs a snippet in user mode as process `asid`.
uint32_t run_as(uint32_t asid, const char* snippet, uint32_t a0, uint32_t a1 = 0) {
    exit_v0 = sentinel;
    mtc0_ehb<cp0::entryhi>(asid);
    run_user(user_address(snippet), a0, a1);
    return exit_v0;
}
uint32_t load(uint32_t asid, uint32_t va) { return run_as(asid, user_load, va); }
void store(uint32_t asid, uint32_t va, uint32_t value) { run_as(asid, user_store, va, value); }

tlb::Entry pair_entry(uint32_t va, uint32_t asid, uint32_t frame, uint32_t g = 0) {
    return {va | asid, lo::pfn(frame) | rw | g, lo::pfn(frame + 0x1000) | rw | g, tlb::mask::page_4k};
}

void map_processes() {
    tlb::invalidate_all();
    // The ROM as user code for every process: global, so G in both
    // EntryLo values (the entry's G is their AND); the odd 1 MiB invalid.
    tlb::write_indexed(idx_rom, {user_rom, lo::pfn(map::rom_phys) | lo::uncached | lo::V | lo::G,
                                 lo::G, tlb::mask::page_1m});
    tlb::write_indexed(idx_a, pair_entry(proc_va, asid_a, frame_a));
    tlb::write_indexed(idx_b, pair_entry(proc_va, asid_b, frame_b));
    tlb::write_indexed(idx_private, pair_entry(private_va, asid_b, frame_private));
    tlb::write_indexed(idx_shared, pair_entry(shared_va, 0x33, frame_shared, lo::G));
}

void tag_matching() {
    CheckScope scope("tlbp");
    CHECK_EQ("VPN2 + ASID A: A's entry", tlb::probe(proc_va | asid_a), idx_a);
    CHECK_EQ("VPN2 + ASID B: B's entry", tlb::probe(proc_va | asid_b), idx_b);
    CHECK_MASKED("VPN2 + a third ASID: miss", tlb::probe(proc_va | asid_new), tlb::index_p,
                 tlb::index_p);
    CHECK_EQ("global entry under a third ASID", tlb::probe(shared_va | asid_new), idx_shared);
}

void own_patterns() {
    CheckScope scope("same VA, two ASIDs");
    store(asid_a, proc_va + 0x10, 0xAAAA0010);
    store(asid_b, proc_va + 0x10, 0xBBBB0010);
    store(asid_a, proc_va + 0x1020, 0xAAAA1020);
    store(asid_b, proc_va + 0x1020, 0xBBBB1020);
    CHECK_EQ("A's store is in A's even frame", ram(frame_a + 0x10), 0xAAAA0010);
    CHECK_EQ("B's store is in B's even frame", ram(frame_b + 0x10), 0xBBBB0010);
    CHECK_EQ("A's store is in A's odd frame", ram(frame_a + 0x1020), 0xAAAA1020);
    CHECK_EQ("B's store is in B's odd frame", ram(frame_b + 0x1020), 0xBBBB1020);
    CHECK_EQ("A reads its own even page", load(asid_a, proc_va + 0x10), 0xAAAA0010);
    CHECK_EQ("B reads its own even page", load(asid_b, proc_va + 0x10), 0xBBBB0010);
    CHECK_EQ("A reads its own odd page", load(asid_a, proc_va + 0x1020), 0xAAAA1020);
    CHECK_EQ("B reads its own odd page", load(asid_b, proc_va + 0x1020), 0xBBBB1020);
    // Back and forth: each switch is only an EntryHi write.
    unsigned wrong = 0;
    for (unsigned i = 0; i < 20; ++i) {
        ram(frame_a + 0x10) = 0xA0000000 + i;
        ram(frame_b + 0x10) = 0xB0000000 + i;
        wrong += load(asid_a, proc_va + 0x10) != 0xA0000000 + i ? 1 : 0;
        wrong += load(asid_b, proc_va + 0x10) != 0xB0000000 + i ? 1 : 0;
    }
    CHECK_EQ("20 ASID switches: each process sees its own frame", wrong, 0);
}

// One user access that must raise TLB Refill through the refill vector.
void expect_refill(const char* what, uint32_t asid, bool is_store, uint32_t va) {
    catch_exception(is_store ? ExcCode::TLBS : ExcCode::TLBL);
    const uint32_t v = is_store ? (store(asid, va, 0xDEADBEEF), sentinel) : load(asid, va);
    check_trap(what, {.code = is_store ? ExcCode::TLBS : ExcCode::TLBL,
                      .epc = user_address(is_store ? user_store_at : user_load_at),
                      .check_badvaddr = true,
                      .badvaddr = va,
                      .vector = map::bev_base + map::vec_refill});
    CheckScope scope(what);
    CHECK_EQ("rt unchanged", v, sentinel);
    CHECK_EQ("EntryHi.VPN2", last_trap.entryhi & vpn2_mask, va & vpn2_mask);
    CHECK_EQ("EntryHi.ASID kept", last_trap.entryhi & tlb::asid_mask, asid);
    set_exception_hook(is_store ? ExcCode::TLBS : ExcCode::TLBL, nullptr);
}

void isolation() {
    {
        CheckScope scope("B's private page");
        store(asid_b, private_va + 0x30, 0xB0B0B0B0);
        CHECK_EQ("B stores and loads it", load(asid_b, private_va + 0x30), 0xB0B0B0B0);
    }
    // B just used the page: a translation for it is live, yet A misses.
    expect_refill("A loads B's private page", asid_a, false, private_va + 0x30);
    expect_refill("A stores to B's private page", asid_a, true, private_va + 0x34);
    expect_refill("a third ASID loads B's private page", asid_new, false, private_va + 0x30);
    expect_refill("a third ASID loads the per-process VA", asid_new, false, proc_va + 0x10);
    CheckScope scope("B's private page");
    CHECK_EQ("A's store did not reach it", ram(frame_private + 0x34), 0);
    CHECK_EQ("B still reads it", load(asid_b, private_va + 0x30), 0xB0B0B0B0);
}

void global_entry() {
    CheckScope scope("global entry");
    store(asid_a, shared_va + 0x40, 0x5A4E0001);
    CHECK_EQ("B sees A's store", load(asid_b, shared_va + 0x40), 0x5A4E0001);
    store(asid_b, shared_va + 0x1044, 0x5A4E0002);
    CHECK_EQ("A sees B's store (odd page)", load(asid_a, shared_va + 0x1044), 0x5A4E0002);
    CHECK_EQ("an ASID never used before sees it", load(asid_new, shared_va + 0x40), 0x5A4E0001);
    CHECK_EQ("in the shared frame", ram(frame_shared + 0x40), 0x5A4E0001);
    CHECK_EQ("in the shared odd frame", ram(frame_shared + 0x1044), 0x5A4E0002);
}

void rewrite_entries() {
    {
        CheckScope scope("A's entry rewritten");
        ram(frame_a2 + 0x10) = 0xA2A2A2A2;
        CHECK_EQ("A before", load(asid_a, proc_va + 0x10), ram(frame_a + 0x10));
        tlb::write_indexed(idx_a, pair_entry(proc_va, asid_a, frame_a2));
        CHECK_EQ("A sees the new frame", load(asid_a, proc_va + 0x10), 0xA2A2A2A2);
        CHECK_EQ("B unchanged", load(asid_b, proc_va + 0x1020), 0xBBBB1020);
    }
    // A load first, so that B's translation is live when its entry goes.
    CHECK_EQ("B's entry removed: B before", load(asid_b, proc_va + 0x10), ram(frame_b + 0x10));
    tlb::write_indexed(idx_b, {map::kseg3 + 0x1E000000, 0, 0, tlb::mask::page_4k});
    expect_refill("B's entry removed: B loads", asid_b, false, proc_va + 0x10);
    CHECK_EQ("B's entry removed: A still reads its page", load(asid_a, proc_va + 0x10), 0xA2A2A2A2);
}

// Every one of the 256 ASIDs in turn, twice, each with its own entry for
// one VA (rewritten in place) onto one of four frames: each sees its own
// frame, and A and B, whose entries stay, still see theirs. (Under Tern
// this runs through more host ASIDs than the host has.)
void all_asids() {
    CheckScope scope("256 ASIDs");
    constexpr uint32_t va = 0x00700000;
    constexpr unsigned idx = 5;
    for (unsigned f = 0; f < 4; ++f) ram(frames_many + f * 0x2000 + 0x50) = 0xF0F00000 + f;
    unsigned wrong = 0, others_wrong = 0;
    for (unsigned round = 0; round < 2; ++round) {
        for (uint32_t asid = 0; asid < 256; ++asid) {
            const unsigned f = (asid + round) % 4;
            tlb::write_indexed(idx, pair_entry(va, asid, frames_many + f * 0x2000));
            wrong += load(asid, va + 0x50) != 0xF0F00000 + f ? 1 : 0;
            if (asid % 32 == 0) {
                others_wrong += load(asid_a, proc_va + 0x1020) != 0xAAAA1020 ? 1 : 0;
                others_wrong += load(asid_b, proc_va + 0x1020) != 0xBBBB1020 ? 1 : 0;
            }
        }
    }
    CHECK_EQ("each ASID sees its own entry's frame", wrong, 0);
    CHECK_EQ("A and B meanwhile see their own pages", others_wrong, 0);
    // The last entry written belongs to ASID 255: others miss it.
    expect_refill("after 512 ASID switches, ASID 254 misses 255's page", 254, false, va + 0x50);
    tlb::write_indexed(idx, {map::kseg3 + 0x1E002000, 0, 0, tlb::mask::page_4k});
}

// The kernel's own mapped segment is not part of any process. On hardware
// KSEG2 (0xC0000000) and the user address 0x40100000 are different VPN2s
// (PRA 4.3: user mode sees only useg). Tern's moved map puts KSEG2/KSEG3 at
// 0x40000000-0x7FFFFFFF, the same addresses as the upper GiB of useg, so
// Tern gives guest user mode the top half of its window as kernel space:
// a user access at 0x40000000 and above raises the address error a user
// access to a kernel address raises (docs/mips.md, "The VCPU address
// map"), and never reaches a KSEG2 mapping, global or not.
void expect_address_error(const char* what, uint32_t asid, bool is_store, uint32_t va) {
    const ExcCode code = is_store ? ExcCode::AdES : ExcCode::AdEL;
    catch_exception(code);
    uint32_t v = sentinel;
    if (is_store) store(asid, va, 0xDEADBEEF);
    else v = load(asid, va);
    set_exception_hook(code, nullptr);
    const bool address_error = last_trap.count == 1 &&
                               cause::ExcCode::get(last_trap.cause) == static_cast<uint32_t>(code) &&
                               last_trap.vector == map::bev_base + map::vec_general &&
                               last_trap.badvaddr == va;
    CheckScope scope(what);
    CHECK("address error (ExcCode, general vector, BadVAddr)", address_error);
    if (!is_store) {
        CHECK_EQ("load suppressed (rt unchanged)", v, sentinel);
    }
}

void kernel_segment() {
    constexpr uint32_t user_va = 0x40100000;
    const uint32_t kseg2_va = map::kseg2 + 0x00100000;
    constexpr uint32_t frame_kernel = map::scratch_phys + 0x30000;
    constexpr unsigned idx = 6;
    ram(frame_kernel + 0x60) = 0x5EC2E700;
    tlb::write_indexed(idx, pair_entry(kseg2_va, 0, frame_kernel, lo::G));
    CHECK_EQ("kernel KSEG2 page (global) reads its frame", kernel_lw(kseg2_va + 0x60), 0x5EC2E700);
    expect_address_error("user load at 0x40100000, a global kernel KSEG2 page there", asid_a, false,
                         user_va + 0x60);
    expect_address_error("user store at 0x40100000, a global kernel KSEG2 page there", asid_a, true,
                         user_va + 0x64);
    CHECK_EQ("the kernel page was not written", ram(frame_kernel + 0x64), 0);
    tlb::write_indexed(idx, pair_entry(kseg2_va, asid_a, frame_kernel));
    expect_address_error("user load at 0x40100000, a kernel KSEG2 page in the same ASID there",
                         asid_a, false, user_va + 0x60);
    expect_address_error("user load at 0x7FFFF000, the top of the window", asid_a, false,
                         0x7FFFF000);
    tlb::write_indexed(idx, {map::kseg3 + 0x1E004000, 0, 0, tlb::mask::page_4k});
}

}  // namespace

int main() {
    map_processes();
    set_exception_hook(ExcCode::Sys, leave_user);
    tag_matching();
    own_patterns();
    isolation();
    global_entry();
    all_asids();
    rewrite_entries();
    kernel_segment();
    set_exception_hook(ExcCode::Sys, nullptr);
    tlb::invalidate_all();
    done();
}
