// TLB refill costs: a guest kernel that maps KSEG2 through a linear page
// table and a Linux-style software refill handler (as the ptwalk test
// guest), run natively on QEMU's Malta and as a Tern guest
// (docs/performance.md; scripts/bench.py turns the results into figures).
//
// One access routine, touch(), loads one word from each of `n` addresses
// `stride` apart, `rounds` times over (5 instructions per access). Its
// timed phases:
//   base     one address over and over: never misses anywhere; the cost
//            of an access that hits.
//   refill   64 pairs of 4 KiB pages in turn (one load per pair) through
//            the 16-entry guest TLB: nearly every access is a guest TLB
//            refill (the handler counts them). Natively: the CPU's refill
//            and the handler. As a guest: the host refill, Tern
//            delivering the refill, the handler (its mfc0/mtc0/tlbwr/eret
//            emulated), the restarted access and Tern's shadow fill.
//   global   the same with global PTEs (Linux's kernel mappings): Tern
//            cannot drop a replaced global entry's shadows one ASID at a
//            time.
//   shadow   64 page pairs inside one 1 MiB guest page pair, wired in
//            the guest TLB: the guest TLB always hits, but the host's 16
//            entries cannot hold 64 shadows, so (as a guest) nearly
//            every access is a host TLB refill served by Tern's fast path
//            from its soft TLB. Natively: one TLB entry, no miss at all.
//   slow     512 page pairs of one 16 MiB guest page: as shadow, but the
//            soft TLB (256 slots, direct mapped) never holds the pair, so
//            every host refill is a shadow fill in C.
// Each timed phase is bracketed by two syscalls (markers): with
// `qemu -d int` the host exceptions taken in it can be counted.
//
// QEMU keeps the entries a tlbwr replaces as hidden extra TLB entries (up
// to 128 in all) that go on translating until a tlbwi, a tlbp that hits
// one, or an ASID change (target/mips: r4k_invalidate_tlb's use_extra),
// so a 16-entry TLB acts like a much larger one. That would hide most
// refills natively, and Tern's host refills too. Both are defeated the
// same way: right before a timed phase, enough distinct entries are
// replaced by tlbwr (guest TLB, natively) or by host refills (the
// `pollute` touches, as a guest) to fill QEMU's 128 slots, after which a
// tlbwr replaces entries for real.
#include "bench.hpp"

using namespace guest;
namespace lo = tlb::lo;

// The refill handler, copied to EBase + 0x000 (the ptwalk guest's, minus
// its Context recording): slot = PTEBase + (Context.BadVPN2 << 3), two
// EntryLo words per slot; tlbwr; count.
asm(R"(
    .pushsection .text.tlb_bench_refill, "ax"
    .set    push
    .set    noreorder
    .set    noat
    .globl  bench_refill
    .globl  bench_refill_end
bench_refill:
    mfc0    $k0, $4
    lui     $k1, 0xff80
    and     $k1, $k0, $k1
    xor     $k0, $k0, $k1
    srl     $k0, $k0, 1
    addu    $k1, $k1, $k0
    lw      $k0, 0($k1)
    lw      $k1, 4($k1)
    mtc0    $k0, $2
    mtc0    $k1, $3
    ehb
    tlbwr
    lui     $k0, %hi(bench_refills)
    lw      $k1, %lo(bench_refills)($k0)
    addiu   $k1, $k1, 1
    sw      $k1, %lo(bench_refills)($k0)
    eret
bench_refill_end:

    .globl  touch
touch:                          # uint32_t touch(base, stride, n, rounds)
    move    $v0, $zero
1:  move    $t0, $a0
    move    $t1, $a2
2:  lw      $t2, 0($t0)
    addiu   $t1, $t1, -1
    addu    $v0, $v0, $t2
    bnez    $t1, 2b
    addu    $t0, $t0, $a1
    addiu   $a3, $a3, -1
    bnez    $a3, 1b
    nop
    jr      $ra
    nop
    .set    pop
    .popsection
)");

extern "C" const uint32_t bench_refill[];
extern "C" const uint32_t bench_refill_end[];
extern "C" uint32_t touch(uint32_t base, uint32_t stride, uint32_t n, uint32_t rounds);
extern "C" {
volatile uint32_t bench_refills;
}

namespace {

constexpr uint32_t page = 0x1000, pair = 0x2000;

// Context.PTEBase: 8 MiB aligned, in KSEG0. The slots of KSEG2 VPN2s sit
// at PTEBase + 1 MiB (Tern's moved KSEG2) or PTEBase + 3 MiB (natively):
// RAM at 1 MiB in the guest, at 11 MiB natively (256 MiB there).
constexpr uint32_t pte_base = map::kseg0 + (map::kseg0 == 0 ? 0 : 0x00800000);

constexpr unsigned pairs = 64;                       // the refill phase's working set
const uint32_t refill_va = map::kseg2 + 0x00080000;  // Tern soft-TLB slots 0x40-0x7f
constexpr uint32_t frames_phys = 0x00200000;         // 32 page pairs of frames
constexpr uint32_t pte_flags = lo::cacheable | lo::D | lo::V;

// The shadow phase: a 1 MiB page pair on RAM [1 MiB, 3 MiB); its 64 pairs
// at +512 KiB (soft-TLB slots 0x40-0x7f), the 128 pollution pairs in the
// odd page (slots 0x80-0xff); the code is at slots 0x00-0x03.
const uint32_t big_va = map::kseg2 + 0x00200000;
const uint32_t shadow_va = big_va + 0x00080000;
const uint32_t pollute_va = big_va + 0x00100000;
constexpr unsigned pollute_pairs = 128;

// The slow phase: a 16 MiB page pair, the even page on RAM at 0 (4 MiB
// of it exist: 512 page pairs), the odd page invalid.
const uint32_t slow_va = map::kseg2 + 0x02000000;
constexpr uint32_t page_16m = 0x01FFE000;
constexpr unsigned slow_pairs = 512;
constexpr unsigned slow_rounds = 4;

constexpr unsigned base_accesses = 64 * 200;
constexpr unsigned refill_rounds = 50;
constexpr unsigned shadow_rounds = 200;

volatile uint32_t* slot(uint32_t va) { return reinterpret_cast<volatile uint32_t*>(pte_base + (va >> 13) * 8); }

void build_page_table(uint32_t g) {
    for (unsigned i = 0; i < pairs; ++i) {
        const uint32_t frame = frames_phys + (i % 32) * pair;
        volatile uint32_t* s = slot(refill_va + i * pair);
        s[0] = lo::pfn(frame) | pte_flags | g;
        s[1] = lo::pfn(frame + page) | pte_flags | g;
    }
}

void fill_frames() {
    for (uint32_t a = 0x00100000; a < 0x00300000; a += 4) {
        *reinterpret_cast<volatile uint32_t*>(map::cached(a)) = a * 2654435761u;
    }
}

void install_refill_handler() {
    use_ram_vectors(0x80000000);
    const uint32_t vector = map::from_arch(0x80000000) + map::vec_refill;
    const auto words = static_cast<uint32_t>(bench_refill_end - bench_refill);
    auto* dst = reinterpret_cast<volatile uint32_t*>(vector);
    for (uint32_t i = 0; i < words; ++i) dst[i] = bench_refill[i];
    sync_icache(vector, words * 4);
    mtc0_ehb<cp0::context>(pte_base);
}

// Right before a timed refill phase: the TLB emptied (tlbwi, which also
// drops QEMU's extra entries), then 160 tlbwr of invalid entries at
// distinct KSEG3 VPN2s, so that QEMU's extra slots fill up with entries
// nothing uses (see the top).
void empty_tlb_and_saturate() {
    tlb::invalidate_all();
    for (unsigned i = 0; i < 160; ++i) {
        tlb::write_random({map::kseg3 + 0x10000000 + i * pair, 0, 0, tlb::mask::page_4k});
    }
    mtc0_ehb<cp0::entryhi>(0);
}

// As a guest: make Tern rewrite a host TLB entry with tlbwi, which drops
// QEMU's extra host entries. A guest entry whose shadow was just filled is
// replaced; Tern invalidates the shadow (host tlbp + tlbwi).
void drop_host_extras() {
    const uint32_t va = map::kseg3 + 0x08000000;
    tlb::write_indexed(1, {va, lo::pfn(frames_phys) | pte_flags, lo::pfn(frames_phys + page) | pte_flags,
                           tlb::mask::page_4k});
    (void)*reinterpret_cast<volatile uint32_t*>(va);
    tlb::write_indexed(1, {va + 0x2000, 0, 0, tlb::mask::page_4k});
    mtc0_ehb<cp0::entryhi>(0);
}

// A syscall the Sys hook skips: run with `qemu -d int`, the log lines of
// these bracket each timed phase (in order), so that scripts/bench.py can
// count the host exceptions taken in it.
void skip(Frame& f) { f.epc += 4; }
void marker() { asm volatile("syscall" ::: "memory"); }

struct Phase {
    uint32_t counts;
    uint32_t refills;
    uint32_t sum;
};

// One timed phase, between two markers.
Phase run(uint32_t base, uint32_t stride, uint32_t n, uint32_t rounds) {
    bench_refills = 0;
    uint32_t sum = 0;
    marker();
    const uint32_t counts = bench::measure([&] { sum = touch(base, stride, n, rounds); });
    marker();
    return {counts, bench_refills, sum};
}

void report(const char* name, const Phase& p, uint32_t accesses) {
    char key[48];
    const char* suffixes[] = {"_counts", "_refills", "_sum", "_accesses"};
    const uint32_t values[] = {p.counts, p.refills, p.sum, accesses};
    for (unsigned i = 0; i < 4; ++i) {
        unsigned k = 0;
        for (const char* c = name; *c != 0 && k < sizeof(key) - 12; ++c) key[k++] = *c;
        for (const char* c = suffixes[i]; *c != 0; ++c) key[k++] = *c;
        key[k] = 0;
        bench::result(key, values[i]);
    }
}

Phase refill_phase(uint32_t g) {
    build_page_table(g);
    tlb::invalidate_all();
    touch(refill_va, pair, pairs, 2);  // warm caches, Tern's tables
    empty_tlb_and_saturate();
    return run(refill_va, pair, pairs, refill_rounds);
}

}  // namespace

int main() {
    set_exception_hook(ExcCode::Sys, skip);
    fill_frames();
    install_refill_handler();
    tlb::invalidate_all();

    // base: one address in a wired 4 KiB entry.
    tlb::write_indexed(0, {refill_va, lo::pfn(frames_phys) | pte_flags, lo::pfn(frames_phys + page) | pte_flags,
                           tlb::mask::page_4k});
    mtc0_ehb<cp0::wired>(1);
    touch(refill_va, 0, 64, 2);
    const Phase base = run(refill_va, 0, base_accesses, 1);
    mtc0_ehb<cp0::wired>(0);

    const Phase refill = refill_phase(0);
    const Phase global = refill_phase(lo::G);

    // shadow: the 1 MiB pair wired at index 0.
    tlb::invalidate_all();
    tlb::write_indexed(0, {big_va, lo::pfn(0x00100000) | pte_flags | lo::G, lo::pfn(0x00200000) | pte_flags | lo::G,
                           tlb::mask::page_1m});
    mtc0_ehb<cp0::wired>(1);
    // Tern's soft TLB learns every pair (C slow path); then the host's
    // real entries become pollution pairs, QEMU's extras are dropped and
    // refilled with pollution pairs only (fast-path refills only).
    touch(shadow_va, pair, pairs, 2);
    touch(pollute_va, pair, pollute_pairs, 2);
    drop_host_extras();
    touch(pollute_va, pair, pollute_pairs, 1);
    drop_host_extras();
    touch(pollute_va, pair, pollute_pairs, 1);
    const Phase shadow = run(shadow_va, pair, pairs, shadow_rounds);

    // slow: 512 pairs of one 16 MiB page (all of RAM) in turn; pairs 256
    // apart share a slot of Tern's direct-mapped soft TLB, so every host
    // refill misses it and Tern fills the shadow in C.
    tlb::write_indexed(0, {slow_va, lo::pfn(0) | pte_flags | lo::G, lo::G, page_16m});
    touch(slow_va, pair, slow_pairs, 1);
    const Phase slow = run(slow_va, pair, slow_pairs, slow_rounds);
    mtc0_ehb<cp0::wired>(0);
    tlb::invalidate_all();
    use_rom_vectors();

    report("tlb_base", base, base_accesses);
    report("tlb_refill", refill, pairs * refill_rounds);
    report("tlb_global", global, pairs * refill_rounds);
    report("tlb_shadow", shadow, pairs * shadow_rounds);
    report("tlb_slow", slow, slow_pairs * slow_rounds);
    guest::done();
}
