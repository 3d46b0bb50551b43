// fastpath: the guest-visible behaviour of the instructions and exceptions
// a hypervisor wants to serve on a fast path (privileged instructions back
// to back, eret, TLB writes, TLB refills), with their edge cases. Written
// as an OS kernel runs: vectors in RAM (EBase 0x80001000, BEV = 0), a
// refill-handler-shaped write sequence, user processes in several ASIDs.
//
// What hardware does, and so what the checks expect (MIPS32 PRA):
// 1. mtc0 to EntryLo0/1, PageMask, EntryHi and tlbwi, back to back with
//    the ehb the hazard rules ask for (2.8: before tlbwi/tlbr and after
//    tlbr), write exactly the entry; tlbr and mfc0 give back what was
//    written under each register's writable mask (9.6: EntryLo PFN, C, D,
//    V, G; the 24K's 32-bit physical addresses give PFN bits 25:6, bits
//    31:26 read 0; 9.12: EntryHi VPN2 31:13 and ASID 7:0).
// 2. Any GPR may be the source of an mtc0 or the destination of an mfc0,
//    $at, $k0, $k1, $sp and $ra included; mfc0 to $zero is discarded;
//    nothing else changes, HI and LO included (no TLB instruction writes
//    them), whether the EntryHi writes change the ASID or not, with tlbwi
//    or tlbwr in the sequence.
// 3. Where an instruction sits does not change what it does: a sequence
//    whose words straddle a 4 KiB page (in ROM, RAM, or two TLB pages or
//    entries) behaves as one in a single page, an mtc0 in the delay slot
//    of a jr on the next page included.
// 4. An mtc0 EntryHi in the middle of a sequence takes effect in order:
//    the writes before and after it stick, and a load after it (and an
//    ehb) translates with the new ASID (4.6): an entry of ASID 5 serves
//    ASID 5 and misses for ASID 6 (TLB Refill, EntryHi.ASID kept).
// 5. eret clears EXL; an interrupt that is pending, unmasked (IM) and
//    enabled (IE) is then taken before the first instruction at the eret
//    target, so EPC = the target (6.1.1, 6.2.1); masked it stays pending.
//    The same returning to user mode. mtc0 EPC right before the eret
//    (with an ehb, 2.8) is where it goes.
// 6. eret to user mode and syscall back, hundreds of times through four
//    ASIDs that map one user address to four frames: each process only
//    ever sees its own frame (4.6). A global user entry at an address
//    that is KSEG0 in the kernel's view serves user mode only.
// 7. TLB Refill (6.2.11): with EXL = 0, at EBase + 0x000, EPC = the
//    access (the branch, with Cause.BD, for a delay slot; the fetched
//    address for a fetch), BadVAddr = the address, Context.BadVPN2 and
//    EntryHi.VPN2 = its bits 31:13, EntryHi.ASID unchanged; ExcCode TLBL
//    for loads and fetches, TLBS for stores. From user mode the handler
//    runs with EXL = 1 (KSU unchanged), i.e. in kernel mode with the
//    kernel's view of memory. A miss with EXL = 1 (inside the refill
//    handler) goes to EBase + 0x180 and leaves EPC alone.
// 8. tlbwr writes at Random, which stays in [Wired, entries - 1]; entries
//    below Wired are never replaced; writing Wired sets Random to
//    entries - 1 (9.3, 9.7). Wired = 0, 1, 3, 14 (two candidates) and 15
//    (one: every tlbwr writes index 15, which the checks below use).
// 9. A TLB write takes effect for the next access: the entry it replaces
//    no longer translates, whether the guest used it a moment ago or not,
//    in the kernel's KSEG2 and in user space alike, also when it belonged
//    to another ASID than the one writing, or was global.
// 10. A translation to a physical address where nothing answers is a bus
//    error: DBE for loads and stores, IBE for fetches, at the access
//    (6.2.17). Tern must not let such a PFN reach any host memory (and so
//    also not alias guest RAM); the tlbattr guest expects the same. So
//    for KSEG0/KSEG1 just past the end of RAM.
// 11. V = 0 in the half an access selects raises TLB Invalid (TLBL/TLBS
//    at EBase + 0x180, not the refill vector); the other half works. A
//    store through D = 0 raises TLB Modified (ExcCode 1) (6.2.12-13).
// 12. A software refill handler (PRA 4.10, as Linux's) loads EntryLo0/1
//    from a page table and tlbwr's with EXL = 1 (KSU still user for a
//    user miss), then erets: the access restarts (at its branch for a
//    delay slot) and translates; more pairs than TLB entries keep it busy.
// 13. A refill handler whose first instruction is an mfc0 of BadVAddr,
//    Context or EntryHi into k0/k1 sees the state the refill just set.
//
// RAM use (guest-physical): vectors at 0x1000; 0x4000-0x7FFF for the
// every-GPR sweep (fastpath.h); frames from the scratch window.
#include "fastpath.h"
#include "guest.hpp"
#include "user_mode.hpp"

using namespace guest;
namespace lo = tlb::lo;

extern "C" {
void fp_gpr_sweep_new_asid(uint32_t entrylo1);
void fp_gpr_sweep_same_asid(uint32_t entrylo1);
extern const uint32_t fp_straddle[];
extern const uint32_t fp_straddle_end[];
extern const char fp_straddle_rom[];
void fp_asid_mid(uint32_t lo0, uint32_t hi, uint32_t lo1);
uint32_t fp_asid_load(uint32_t va, uint32_t hi, uint32_t lo0, uint32_t lo1);
extern const char fp_asid_load_at[];
uint32_t fp_eret_irq(uint32_t status);
extern const char fp_eret_target[];
uint32_t fp_eret_batch();
extern const char fp_eret_batch_target[];
uint32_t fp_lw(uint32_t va);
void fp_sw(uint32_t va, uint32_t value);
extern const char fp_lw_at[];
extern const char fp_sw_at[];
uint32_t fp_lw_beq(uint32_t va);
uint32_t fp_lw_bne(uint32_t va);
uint32_t fp_lw_jr(uint32_t va);
extern const char fp_lw_beq_branch[];
extern const char fp_lw_bne_branch[];
extern const char fp_lw_jr_branch[];
extern const uint32_t fp_nested_refill[];
extern const uint32_t fp_nested_refill_end[];
extern uint32_t fp_nested_va;
extern const uint32_t fp_sw_refill[];
extern const uint32_t fp_sw_refill_end[];
extern volatile uint32_t fp_refills;
extern uint32_t fp_page_table[256][2];
extern const uint32_t fp_first_badvaddr_k1[];
extern const uint32_t fp_first_context_k1[];
extern const uint32_t fp_first_entryhi_k0[];
extern volatile uint32_t fp_first_value;
extern uint32_t fp_first_lo[2];
extern const char fp_user_walk[];
extern const char fp_user_load[];
extern const char fp_user_load_at[];
extern const char fp_user_store[];
extern const char fp_user_store_at[];
extern const char fp_user_count[];
extern const char fp_user_irq[];
extern const char fp_user_irq_arm[];
extern const char fp_user_irq_resume[];
}

namespace {

constexpr uint32_t sentinel = 0x5a5a5a5a;
constexpr uint32_t vpn2_mask = 0xFFFFE000;
constexpr uint32_t entrylo_mask = 0x03FFFFFF;  // PFN 25:6, C, D, V, G
constexpr uint32_t entryhi_mask = 0xFFFFE0FF;  // VPN2 31:13, ASID 7:0
constexpr uint32_t junk_lo = 0xFC000000;       // EntryLo bits that read 0
constexpr uint32_t junk_hi = 0x00001F00;       // EntryHi bits that read 0
constexpr uint32_t pte_base = 0xFF800000;      // Context.PTEBase
constexpr uint32_t page = 0x1000;

// The vectors in RAM, as an OS has them: EBase 0x80001000 (guest 0x1000).
constexpr uint32_t ebase_value = 0x80001000;
const uint32_t refill_vector = map::from_arch(ebase_value) + map::vec_refill;
const uint32_t general_vector = map::from_arch(ebase_value) + map::vec_general;

constexpr uint32_t rw = lo::cacheable | lo::D | lo::V;
constexpr uint32_t ro = lo::cacheable | lo::V;
constexpr uint32_t inv = lo::cacheable | lo::D;

volatile uint32_t& ram(uint32_t phys) { return *reinterpret_cast<volatile uint32_t*>(map::cached(phys)); }
volatile uint32_t& word_at(uint32_t va) { return *reinterpret_cast<volatile uint32_t*>(va); }

tlb::Entry pair(uint32_t entryhi, uint32_t even_phys, uint32_t even_flags, uint32_t odd_phys,
                uint32_t odd_flags) {
    return {entryhi, lo::pfn(even_phys) | even_flags, lo::pfn(odd_phys) | odd_flags, tlb::mask::page_4k};
}
// A page pair on two consecutive frames.
tlb::Entry pair(uint32_t entryhi, uint32_t phys, uint32_t flags) {
    return pair(entryhi, phys, flags, phys + page, flags);
}

bool same(const tlb::Entry& a, const tlb::Entry& b) {
    return a.entryhi == b.entryhi && a.entrylo0 == b.entrylo0 && a.entrylo1 == b.entrylo1 &&
           a.pagemask == b.pagemask;
}

// Parks entry `index` on a VPN2 nothing uses (distinct per index).
void retire(unsigned index) {
    tlb::write_indexed(index, {map::kseg3 + 0x1E000000 + index * 0x2000, 0, 0, tlb::mask::page_4k});
}

// "<a>: <b>" for check names; a few static buffers, so that a name built
// for a CheckScope outlives the next one built inside it.
const char* join(const char* a, const char* b) {
    static char buffers[4][160];
    static unsigned next;
    char* out = buffers[next++ % 4];
    unsigned n = 0;
    for (const char* s = a; *s != '\0' && n < 150; ++s) out[n++] = *s;
    out[n++] = ':';
    out[n++] = ' ';
    for (const char* s = b; *s != '\0' && n < 158; ++s) out[n++] = *s;
    out[n] = '\0';
    return out;
}

// --- user mode ----------------------------------------------------------------

// The ROM as user code at its link address (global, uncached, read-only).
constexpr uint32_t user_rom = map::reset_vector - map::kseg0;
constexpr unsigned idx_user_rom = 0;

uint32_t user_address(const char* kernel_label) { return addr(kernel_label) - map::kseg0; }

void map_user_rom() {
    tlb::write_indexed(idx_user_rom, {user_rom, lo::pfn(map::rom_phys) | lo::uncached | lo::V | lo::G,
                                      lo::G, tlb::mask::page_1m});
}

struct UserExit {
    uint32_t v0;
    uint32_t v1;
};
UserExit user_exit;

// The Sys hook: a syscall from user mode ends the user run.
void leave_user(Frame& f) {
    user_exit = {f.gpr[reg::v0], f.gpr[reg::v1]};
    return_to_kernel(f);
}

// Runs a snippet in user mode as process `asid`; returns its v0.
uint32_t run_as(uint32_t asid, const char* snippet, uint32_t a0, uint32_t a1 = 0) {
    user_exit = {sentinel, sentinel};
    mtc0_ehb<cp0::entryhi>(asid);
    run_user(user_address(snippet), a0, a1);
    return user_exit.v0;
}

// Where an access runs: the kernel (KSEG2) or a user process, with the
// ASID EntryHi holds for it.
struct View {
    const char* name;
    bool user;
    uint32_t asid;
};

uint32_t load_in(const View& v, uint32_t va) {
    if (v.user) return run_as(v.asid, fp_user_load, va);
    mtc0_ehb<cp0::entryhi>(v.asid);
    return fp_lw(va);
}

void store_in(const View& v, uint32_t va, uint32_t value) {
    if (v.user) {
        run_as(v.asid, fp_user_store, va, value);
        return;
    }
    mtc0_ehb<cp0::entryhi>(v.asid);
    fp_sw(va, value);
}

uint32_t access_epc(const View& v, bool store) {
    if (v.user) return user_address(store ? fp_user_store_at : fp_user_load_at);
    return addr(store ? fp_sw_at : fp_lw_at);
}

// One access that must raise `code` at `vector`. TLB exceptions also load
// BadVAddr and EntryHi (VPN2 of the address, ASID kept); bus errors load
// neither.
void expect_fault(const char* what, const View& v, bool store, uint32_t va, ExcCode code,
                  uint32_t vector) {
    catch_exception(code);
    const uint32_t got = store ? (store_in(v, va, 0xBAD0BAD0), sentinel) : load_in(v, va);
    set_exception_hook(code, nullptr);
    const bool tlb_exc = code != ExcCode::DBE && code != ExcCode::IBE;
    const char* name = join(v.name, what);
    check_trap(name, {.code = code,
                      .epc = access_epc(v, store),
                      .check_badvaddr = tlb_exc,
                      .badvaddr = va,
                      .vector = vector});
    CheckScope scope(name);
    if (!store) {
        CHECK_EQ("load suppressed (rt unchanged)", got, sentinel);
    }
    if (tlb_exc) {
        CHECK_EQ("EntryHi.VPN2 = BadVAddr[31:13]", last_trap.entryhi & vpn2_mask, va & vpn2_mask);
        CHECK_EQ("EntryHi.ASID kept", last_trap.entryhi & tlb::asid_mask, v.asid);
    }
}

// --- 1. a refill-handler write sequence -------------------------------------------

// As a refill handler writes an entry, in one asm block so that nothing
// comes between the privileged instructions: Index, EntryLo0, EntryLo1,
// ehb, PageMask, EntryHi, ehb, tlbwi; then the registers read back with
// mfc0 (out[0..3]), cleared (EntryHi to VPN2 0, same ASID), tlbr, and
// read again (out[4..7]).
void refill_style_write(uint32_t index, const tlb::Entry& e, uint32_t out[8]) {
    uint32_t t;
    asm volatile(
        "mtc0   %[index], $0\n\t"
        "mtc0   %[lo0], $2\n\t"
        "mtc0   %[lo1], $3\n\t"
        "ehb\n\t"
        "mtc0   %[pm], $5\n\t"
        "mtc0   %[hi], $10\n\t"
        "ehb\n\t"
        "tlbwi\n\t"
        "ehb\n\t"
        "mfc0   %[t], $10\n\t"
        "sw     %[t], 0(%[out])\n\t"
        "mfc0   %[t], $2\n\t"
        "sw     %[t], 4(%[out])\n\t"
        "mfc0   %[t], $3\n\t"
        "sw     %[t], 8(%[out])\n\t"
        "mfc0   %[t], $5\n\t"
        "sw     %[t], 12(%[out])\n\t"
        "mtc0   $zero, $2\n\t"
        "mtc0   $zero, $3\n\t"
        "mtc0   $zero, $5\n\t"
        "andi   %[t], %[hi], 0xff\n\t"
        "mtc0   %[t], $10\n\t"
        "ehb\n\t"
        "tlbr\n\t"
        "ehb\n\t"
        "mfc0   %[t], $10\n\t"
        "sw     %[t], 16(%[out])\n\t"
        "mfc0   %[t], $2\n\t"
        "sw     %[t], 20(%[out])\n\t"
        "mfc0   %[t], $3\n\t"
        "sw     %[t], 24(%[out])\n\t"
        "mfc0   %[t], $5\n\t"
        "sw     %[t], 28(%[out])\n\t"
        : [t] "=&r"(t)
        : [index] "r"(index), [lo0] "r"(e.entrylo0), [lo1] "r"(e.entrylo1), [pm] "r"(e.pagemask),
          [hi] "r"(e.entryhi), [out] "r"(out)
        : "memory");
}

struct SequenceCase {
    const char* name;
    unsigned index;
    uint32_t va;
    uint32_t asid;
    uint32_t pagemask;
    uint32_t even_phys;
    uint32_t odd_phys;
    uint32_t flags;  // both halves
};

void refill_sequence_case(const SequenceCase& c) {
    const tlb::Entry e{c.va | c.asid, lo::pfn(c.even_phys) | c.flags, lo::pfn(c.odd_phys) | c.flags,
                       c.pagemask};
    const tlb::Entry written{e.entryhi | junk_hi, e.entrylo0 | junk_lo, e.entrylo1 | junk_lo, e.pagemask};
    const uint32_t odd_offset = ((c.pagemask | 0x1FFF) + 1) / 2;  // the page size
    ram(c.even_phys + 0x20) = 0xE7E70000 + c.index;
    ram(c.odd_phys + 0x24) = 0x0DD00000 + c.index;
    mtc0_ehb<cp0::entryhi>(c.asid);  // the sequence keeps the current ASID
    uint32_t out[8];
    refill_style_write(c.index, written, out);
    CheckScope scope(c.name);
    CHECK_EQ("mfc0 EntryHi = VPN2 | ASID written", out[0], e.entryhi);
    CHECK_EQ("mfc0 EntryLo0 = bits 25:0 written", out[1], e.entrylo0);
    CHECK_EQ("mfc0 EntryLo1 = bits 25:0 written", out[2], e.entrylo1);
    CHECK_EQ("mfc0 PageMask", out[3], e.pagemask);
    CHECK_EQ("tlbr: EntryHi", out[4], e.entryhi);
    CHECK_EQ("tlbr: EntryLo0", out[5], e.entrylo0);
    CHECK_EQ("tlbr: EntryLo1", out[6], e.entrylo1);
    CHECK_EQ("tlbr: PageMask", out[7], e.pagemask);
    CHECK_EQ("tlbp finds it at Index", tlb::probe(e.entryhi), c.index);
    mtc0_ehb<cp0::entryhi>(c.asid);
    CHECK_EQ("the even page translates", fp_lw(c.va + 0x20), 0xE7E70000 + c.index);
    CHECK_EQ("the odd page translates", fp_lw(c.va + odd_offset + 0x24), 0x0DD00000 + c.index);
    retire(c.index);
}

void refill_sequence() {
    tlb::invalidate_all();
    static constexpr SequenceCase cases[] = {
        {"refill-style sequence, 4 KiB, ASID 0x37", 5, map::kseg2 + 0x00100000, 0x37,
         tlb::mask::page_4k, map::scratch_phys + 0x3000, map::scratch_phys + 0x1000, rw},
        {"refill-style sequence, 16 KiB, global, ASID 0xC8", 12, map::kseg2 + 0x00148000, 0xC8,
         tlb::mask::page_16k, map::scratch_phys + 0x10000, map::scratch_phys + 0x8000, rw | lo::G},
    };
    for (const SequenceCase& c : cases) refill_sequence_case(c);
    mtc0_ehb<cp0::entryhi>(0);
}

// --- 2. every GPR -----------------------------------------------------------------------

uint32_t sweep_pattern(unsigned r, bool same_asid) {
    if (r == 0) return 0;
    if (r == 29) return FP_SWEEP_SP;
    return same_asid ? FP_PATTERN_SAME(r) : FP_PATTERN(r);
}

// The entry sweep step n writes: EntryHi and EntryLo0 = $n's pattern,
// EntryLo1 as set on entry; one G bit for both halves.
tlb::Entry sweep_entry(unsigned n, bool same_asid, uint32_t entrylo1) {
    const uint32_t p = sweep_pattern(n, same_asid);
    const uint32_t g = p & entrylo1 & lo::G;
    return {p & entryhi_mask, (p & entrylo_mask & ~lo::G) | g, (entrylo1 & entrylo_mask & ~lo::G) | g,
            tlb::mask::page_4k};
}

const char* const gpr_names[32] = {
    "zero", "at", "v0", "v1", "a0", "a1", "a2", "a3", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
    "s0",   "s1", "s2", "s3", "s4", "s5", "s6", "s7", "t8", "t9", "k0", "k1", "gp", "sp", "fp", "ra",
};

// What the sweep's tables say about step n; returns the number of
// wrong registers and prints an INFO line for each.
unsigned sweep_step_errors(unsigned n, bool same_asid, uint32_t entrylo1) {
    const auto* regs = reinterpret_cast<const volatile uint32_t*>(map::cached(FP_SWEEP_REGS)) + n * 32;
    const auto* c = reinterpret_cast<const volatile uint32_t*>(map::cached(FP_SWEEP_CP0)) + n * 8;
    const uint32_t p = sweep_pattern(n, same_asid);
    struct Expect {
        const char* what;
        uint32_t got;
        uint32_t want;
    };
    const Expect cp0[] = {
        {"mtc0 EntryLo0", c[0], p & entrylo_mask},
        {"mtc0 UserLocal", c[1], p},
        {"mtc0 EntryHi", c[2], p & entryhi_mask},
        {"HI", c[3], FP_HI(n)},
        {"LO", c[4], FP_LO(n)},
        {"mfc0 into it", regs[n], n == 0 ? 0 : entrylo1 & entrylo_mask},
    };
    unsigned errors = 0;
    for (const Expect& e : cp0) {
        if (e.got != e.want) {
            ++errors;
            info("step $%s: %s: 0x%08x, want 0x%08x", gpr_names[n], e.what, e.got, e.want);
        }
    }
    for (unsigned r = 0; r < 32; ++r) {
        if (r != n && regs[r] != sweep_pattern(r, same_asid)) {
            ++errors;
            info("step $%s changed $%s: 0x%08x, want 0x%08x", gpr_names[n], gpr_names[r], regs[r],
                 sweep_pattern(r, same_asid));
        }
    }
    return errors;
}

// Sweep step n made $n the source of mtc0 EntryLo0, UserLocal and
// EntryHi and, after a TLB write (tlbwi at Index 12 for even n, tlbwr
// with Wired = 13 for odd n), the destination of mfc0 EntryLo1, back to
// back. HI and LO must survive too (nothing here writes them).
void every_gpr(const char* name, void (*sweep)(uint32_t), bool same_asid) {
    CheckScope scope(name);
    constexpr uint32_t entrylo1 = 0xFC9ABCD6;  // G = 0; bits 31:26 read 0
    constexpr unsigned index = 12, wired = 13;
    tlb::invalidate_all(same_asid ? FP_SAME_ASID : 0);
    mtc0<cp0::wired>(wired);
    mtc0<cp0::index>(index);
    mtc0_ehb<cp0::pagemask>(tlb::mask::page_4k);
    sweep(entrylo1);
    unsigned steps_wrong = 0;
    for (unsigned n = 0; n < 32; ++n) steps_wrong += sweep_step_errors(n, same_asid, entrylo1) != 0 ? 1 : 0;
    CHECK_EQ("32 steps: each GPR's value reached EntryLo0, UserLocal, EntryHi; mfc0 landed in it "
             "($zero stays 0); no other GPR, HI or LO changed", steps_wrong, 0);
    CHECK("step 30's tlbwi wrote $fp's entry at Index", same(tlb::read(index), sweep_entry(30, same_asid, entrylo1)));
    const tlb::Entry last = sweep_entry(31, same_asid, entrylo1);
    const uint32_t at = tlb::probe(last.entryhi);
    CHECK_RANGE("step 31's tlbwr: tlbp finds $ra's entry in [Wired, 15]", at, wired, tlb::entries - 1);
    CHECK("step 31's tlbwr: tlbr reads it back", same(tlb::read(at & 0xF), last));
    mtc0_ehb<cp0::userlocal>(0);
    tlb::invalidate_all();
}

// --- 3. sequences across page boundaries ---------------------------------------------

using SequenceFn = uint32_t (*)(uint32_t lo0, uint32_t lo1, uint32_t pagemask, uint32_t hi);
constexpr unsigned straddle_index = 11;
constexpr unsigned sequence_words = 10;  // fp_straddle's length

// Runs the copy of fp_straddle at `fn` writing `e` at `index` (with the
// bits that read 0 set); true if the entry, the EntryLo0 it returns and
// the UserLocal its delay slot wrote are right.
bool sequence_ok(uint32_t fn, unsigned index, const tlb::Entry& e) {
    mtc0<cp0::index>(index);
    mtc0_ehb<cp0::userlocal>(0);
    const uint32_t v0 = reinterpret_cast<SequenceFn>(fn)(e.entrylo0 | junk_lo, e.entrylo1 | junk_lo,
                                                        e.pagemask, e.entryhi | junk_hi);
    const uint32_t userlocal = mfc0<cp0::userlocal>();
    return v0 == e.entrylo0 && userlocal == (e.entrylo0 | junk_lo) && same(tlb::read(index), e);
}

// The sequence with values that differ per `salt`, at straddle_index.
bool straddle_ok(uint32_t fn, unsigned salt) {
    const tlb::Entry e = pair((map::kseg2 + 0x00E00000 + salt * 0x2000) | (0x40 + salt),
                              map::scratch_phys + 0x40000 + salt * 0x2000, rw);
    const bool ok = sequence_ok(fn, straddle_index, e);
    mtc0_ehb<cp0::entryhi>(0);
    return ok;
}

// A copy of fp_straddle at `at` (written through `at` itself).
void copy_sequence(uint32_t at) {
    for (unsigned i = 0; i < sequence_words; ++i) word_at(at + 4 * i) = fp_straddle[i];
    sync_icache(at, 4 * sequence_words);
}

// Copies so that word k is the last word before `boundary`, for k = 0
// ... 8 (8: the jr, its delay slot on the next page); counts the copies
// that worked.
unsigned straddle_placements(uint32_t boundary) {
    unsigned ok = 0;
    for (unsigned k = 0; k + 1 < sequence_words; ++k) {
        const uint32_t at = boundary - 4 * (k + 1);
        copy_sequence(at);
        ok += straddle_ok(at, k) ? 1 : 0;
    }
    return ok;
}

void page_straddle() {
    CheckScope scope("page-straddling sequence");
    CHECK_EQ("fp_straddle is 10 words", static_cast<uint32_t>(fp_straddle_end - fp_straddle),
             sequence_words);
    tlb::invalidate_all();
    CHECK_EQ("ROM copy: its first word is the last of a page", (addr(fp_straddle_rom) + 4) & 0xFFF, 0);
    CHECK("ROM (KSEG1): mtc0 | page boundary | mtc0", straddle_ok(addr(fp_straddle_rom), 20));

    CHECK_EQ("KSEG0 RAM: each word in turn last in its page (9 placements)",
             straddle_placements(map::cached(map::scratch_phys + 0x70000)), 9);

    // KSEG2: two global entries (the sequence changes the ASID) on
    // scattered frames: C -> f + 4K / f + 12K, C + 8K -> f / f + 8K.
    const uint32_t code_va = map::kseg2 + 0x00800000;
    const uint32_t f = map::scratch_phys + 0x78000;
    tlb::write_indexed(13, pair(code_va, f + 0x1000, rw | lo::G, f + 0x3000, rw | lo::G));
    tlb::write_indexed(14, pair(code_va + 0x2000, f, rw | lo::G, f + 0x2000, rw | lo::G));
    mtc0_ehb<cp0::entryhi>(0);
    CHECK_EQ("KSEG2: across the even/odd pages of one entry (9 placements)",
             straddle_placements(code_va + page), 9);
    CHECK_EQ("KSEG2: across two TLB entries (9 placements)", straddle_placements(code_va + 2 * page), 9);

    // The sequence rewrites the very entry it runs from (same VA and
    // frames; non-global, the current ASID): the fetches after its tlbwi
    // must still find the code, in the page and across to the odd page.
    const tlb::Entry own = pair(code_va | 0x4C, f + 0x1000, rw, f + 0x3000, rw);
    tlb::write_indexed(13, own);
    copy_sequence(code_va + 0x100);
    CHECK("KSEG2: the sequence rewrites its own code's entry", sequence_ok(code_va + 0x100, 13, own));
    copy_sequence(code_va + page - 4 * 6);  // tlbwi the last word of the even page
    CHECK("KSEG2: ... with its tlbwi the last word of the even page",
          sequence_ok(code_va + page - 4 * 6, 13, own));
    mtc0_ehb<cp0::entryhi>(0);
    tlb::invalidate_all();
}

// --- 4. EntryHi with another ASID mid-sequence -------------------------------------

void asid_mid_sequence() {
    CheckScope scope("mtc0 EntryHi (new ASID) between two mtc0");
    tlb::invalidate_all(0x05);
    const tlb::Entry e = pair((map::kseg2 + 0x00F02000) | 0x06, map::scratch_phys + 0x50000, rw);
    fp_asid_mid(e.entrylo0 | junk_lo, e.entryhi | junk_hi, e.entrylo1 | junk_lo);
    CHECK_EQ("EntryLo0 (written before)", mfc0<cp0::entrylo0>(), e.entrylo0);
    CHECK_EQ("EntryHi with the new ASID", mfc0<cp0::entryhi>(), e.entryhi);
    CHECK_EQ("EntryLo1 (written after)", mfc0<cp0::entrylo1>(), e.entrylo1);
    mtc0<cp0::index>(7);
    asm volatile("ehb\n\ttlbwi\n\tehb" ::: "memory");
    CHECK("tlbwi writes the new ASID's entry", same(tlb::read(7), e));
    CHECK_MASKED("tlbp with the old ASID misses it", tlb::probe((e.entryhi & vpn2_mask) | 0x05),
                 tlb::index_p, tlb::index_p);
    retire(7);

    // A KSEG2 page of ASID 5 only, loaded right after the sequence.
    const uint32_t va = map::kseg2 + 0x00500000;
    const uint32_t frame = map::scratch_phys + 0x52000;
    ram(frame + 0x20) = 0xA51D0005;
    tlb::write_indexed(3, pair(va | 0x05, frame, rw));
    const uint32_t other_hi = map::kseg2 + 0x00F04000;  // VPN2 of no consequence
    const uint32_t lo0 = lo::pfn(0x00123000) | rw, lo1 = lo::pfn(0x00124000) | rw;
    CHECK_EQ("then a load in ASID 5: its page", fp_asid_load(va + 0x20, other_hi | 0x05, lo0, lo1),
             0xA51D0005);
    catch_exception(ExcCode::TLBL);
    const uint32_t v = fp_asid_load(va + 0x20, other_hi | 0x06, lo0, lo1);
    set_exception_hook(ExcCode::TLBL, nullptr);
    check_trap("mtc0 EntryHi ASID 6 mid-sequence, then a load of ASID 5's page",
               {.code = ExcCode::TLBL,
                .epc = addr(fp_asid_load_at),
                .check_badvaddr = true,
                .badvaddr = va + 0x20,
                .vector = refill_vector});
    CHECK_EQ("... load suppressed", v, sentinel);
    CHECK_EQ("... EntryHi.ASID 6 kept", last_trap.entryhi & tlb::asid_mask, 0x06);

    // Back and forth: each switch is the middle write of a sequence.
    unsigned wrong = 0;
    catch_exception(ExcCode::TLBL);
    for (unsigned i = 0; i < 20; ++i) {
        ram(frame + 0x20) = 0xA51D0000 + i;
        wrong += fp_asid_load(va + 0x20, other_hi | 0x05, lo0, lo1) != 0xA51D0000 + i ? 1 : 0;
        const unsigned before = last_trap.count;
        wrong += fp_asid_load(va + 0x20, other_hi | 0x06, lo0, lo1) != sentinel ? 1 : 0;
        wrong += last_trap.count != before + 1 || last_trap.vector != refill_vector ? 1 : 0;
    }
    set_exception_hook(ExcCode::TLBL, nullptr);
    CHECK_EQ("20 switches 5 -> 6 -> 5: ASID 5 hits, ASID 6 refills", wrong, 0);
    tlb::invalidate_all();
}

// --- 5. eret into a pending interrupt -----------------------------------------------

constexpr uint32_t ip0 = 1u << 0;

struct IrqSeen {
    unsigned count;
    uint32_t epc;
    uint32_t status;
    uint32_t cause;
    uint32_t vector;
};
volatile IrqSeen irq_seen;

// Records the interrupt and acknowledges IP0; resumes at EPC.
void on_soft_irq(Frame& f) {
    irq_seen.count = irq_seen.count + 1;
    irq_seen.epc = f.epc;
    irq_seen.status = f.status;
    irq_seen.cause = f.cause;
    irq_seen.vector = f.vector;
    mtc0_ehb<cp0::cause>(mfc0<cp0::cause>() & ~cause::IP::bits(ip0));
}

void reset_irq_seen() {
    irq_seen.count = 0;
    irq_seen.epc = 0;
    irq_seen.status = 0;
    irq_seen.cause = 0;
    irq_seen.vector = 0;
}

void clear_ip0_and_im() {
    mtc0_ehb<cp0::cause>(mfc0<cp0::cause>() & ~cause::IP::bits(ip0));
    mtc0_ehb<cp0::status>(mfc0<cp0::status>() & ~(status::IM::mask | status::IE::mask));
}

// The Status fp_eret_irq erets with (it adds EXL itself).
uint32_t eret_status(bool ie, bool im0) {
    const uint32_t s = mfc0<cp0::status>() & ~(status::IE::mask | status::IM::mask | status::EXL::mask);
    return s | (ie ? status::IE::mask : 0) | (im0 ? status::IM::bits(ip0) : 0);
}

void eret_held(const char* name, bool ie, bool im0) {
    reset_irq_seen();
    const uint32_t ran = fp_eret_irq(eret_status(ie, im0));
    const unsigned taken = irq_seen.count;
    const uint32_t pending = cause::IP::get(mfc0<cp0::cause>()) & ip0;
    clear_ip0_and_im();
    CheckScope scope(name);
    CHECK_EQ("no interrupt", taken, 0);
    CHECK_EQ("IP0 still pending", pending, ip0);
    CHECK_EQ("the target ran once", ran, 1);
}

// Sys hook for fp_user_irq: the first syscall returns to user mode with
// IP0 raised and enabled; the second ends the run.
void user_irq_sys(Frame& f) {
    if (f.epc == user_address(fp_user_irq_arm)) {
        f.status |= status::IE::mask | status::IM::bits(ip0);
        mtc0_ehb<cp0::cause>(mfc0<cp0::cause>() | cause::IP::bits(ip0));
        f.epc += 4;
        return;
    }
    f.status &= ~(status::IE::mask | status::IM::bits(ip0));
    leave_user(f);
}

void eret_into_interrupt() {
    set_exception_hook(ExcCode::Int, on_soft_irq);
    {
        CheckScope scope("eret with IP0 pending, IM0 and IE set");
        reset_irq_seen();
        const uint32_t ran = fp_eret_irq(eret_status(true, true));
        clear_ip0_and_im();
        CHECK_EQ("interrupt taken once", irq_seen.count, 1);
        CHECK_EQ("ExcCode Int", cause::ExcCode::get(irq_seen.cause), static_cast<uint32_t>(ExcCode::Int));
        CHECK_EQ("Cause.IP0", cause::IP::get(irq_seen.cause) & ip0, ip0);
        CHECK_EQ("EPC = the eret target", irq_seen.epc, addr(fp_eret_target));
        CHECK_EQ("general vector (EBase + 0x180)", irq_seen.vector, general_vector);
        CHECK_EQ("Status.EXL = 1 in the handler", status::EXL::get(irq_seen.status), 1);
        CHECK_EQ("Status.IE = 1 in the handler (as eret left it)", status::IE::get(irq_seen.status), 1);
        CHECK_EQ("the target's first instruction ran once, after the handler", ran, 1);
    }
    eret_held("eret with IP0 pending, IM0 clear", true, false);
    eret_held("eret with IP0 pending, IE clear", false, true);
    {
        CheckScope scope("mtc0 EPC, mtc0 UserLocal, ehb, eret back to back");
        mtc0_ehb<cp0::userlocal>(0);
        const uint32_t st = fp_eret_batch();
        CHECK("eret went to EPC", st != 0xBAD);
        CHECK_EQ("EXL clear at the target", status::EXL::get(st), 0);
        CHECK_EQ("UserLocal written before the eret", mfc0<cp0::userlocal>(), addr(fp_eret_batch_target));
        mtc0_ehb<cp0::userlocal>(0);
    }

    map_user_rom();
    reset_irq_seen();
    set_exception_hook(ExcCode::Sys, user_irq_sys);
    const uint32_t ran = run_as(0x2A, fp_user_irq, 0);
    set_exception_hook(ExcCode::Sys, leave_user);
    clear_ip0_and_im();
    set_exception_hook(ExcCode::Int, nullptr);
    CheckScope scope("eret to user mode with IP0 pending and enabled");
    CHECK_EQ("interrupt taken once", irq_seen.count, 1);
    CHECK_EQ("EPC = the user-mode eret target", irq_seen.epc, user_address(fp_user_irq_resume));
    CHECK_EQ("Status.KSU = user in the handler", status::KSU::get(irq_seen.status), status::ksu_user);
    CHECK_EQ("the target instruction ran once", ran, 1);
    tlb::invalidate_all();
}

// --- 6. user round trips through four ASIDs ---------------------------------------

// A global user mapping at an address that is KSEG0 RAM in the kernel's
// view: the user sees the mapped frame, the kernel its RAM, in turn; a
// translation of one view must never serve the other.
void global_user_entry() {
    const uint32_t u = map::scratch_phys + 0x88000;  // a user VA and a KSEG0 address
    const uint32_t frame = map::scratch_phys + 0x8C000;
    ram(u + 0x10) = 0x4B5E0010;
    ram(frame + 0x10) = 0x6C0B0010;
    tlb::write_indexed(5, pair(u, frame, rw | lo::G));
    unsigned user_ok = 0, kernel_ok = 0;
    for (unsigned i = 0; i < 4; ++i) {
        user_ok += run_as(0x10 + i * 0x21, fp_user_load, u + 0x10) == 0x6C0B0010 ? 1 : 0;
        kernel_ok += fp_lw(u + 0x10) == 0x4B5E0010 ? 1 : 0;
    }
    CHECK_EQ("global user entry: every ASID sees its frame", user_ok, 4);
    CHECK_EQ("global user entry: the kernel sees its own RAM (KSEG0) at that address", kernel_ok, 4);
    retire(5);
}

void user_round_trips() {
    CheckScope scope("400 eret/syscall round trips, 4 ASIDs");
    constexpr unsigned asids = 4, rounds = 400;
    constexpr uint32_t va = 0x00400000;
    const uint32_t frames = map::scratch_phys + 0x80000;
    auto asid_of = [](unsigned a) { return 0x10u + a * 0x21u; };
    auto frame_of = [frames](unsigned a) { return frames + a * 0x2000; };
    auto tag_of = [](unsigned a) { return 0x7A600000u + a; };
    tlb::invalidate_all();
    map_user_rom();
    for (unsigned a = 0; a < asids; ++a) {
        tlb::write_indexed(1 + a, pair(va | asid_of(a), frame_of(a), rw));
        ram(frame_of(a)) = tag_of(a);
        ram(frame_of(a) + 0x1004) = 0;
    }
    uint32_t expected[asids] = {};
    unsigned wrong_tag = 0, wrong_count = 0;
    uint32_t lcg = 1;
    for (unsigned i = 0; i < rounds; ++i) {
        lcg = lcg * 1103515245u + 12345u;
        const unsigned a = (lcg >> 16) % asids;
        ++expected[a];
        run_as(asid_of(a), fp_user_count, va);
        wrong_tag += user_exit.v0 != tag_of(a) ? 1 : 0;
        wrong_count += user_exit.v1 != expected[a] ? 1 : 0;
    }
    unsigned frames_wrong = 0;
    for (unsigned a = 0; a < asids; ++a) frames_wrong += ram(frame_of(a) + 0x1004) != expected[a] ? 1 : 0;
    CHECK_EQ("every run read its own ASID's frame", wrong_tag, 0);
    CHECK_EQ("every run's counter was its own", wrong_count, 0);
    CHECK_EQ("the counters in RAM (KSEG0) add up per ASID", frames_wrong, 0);
    CHECK("each ASID ran at least 50 times", expected[0] >= 50 && expected[1] >= 50 &&
                                              expected[2] >= 50 && expected[3] >= 50);
    global_user_entry();
    tlb::invalidate_all();
}

// --- 7. TLB refill delivery ----------------------------------------------------------

// check_trap plus the fields a TLB exception loads.
void check_tlb_trap(const char* what, ExcCode code, uint32_t vector, uint32_t epc, uint32_t va,
                    bool in_delay_slot, uint32_t asid) {
    check_trap(what, {.code = code,
                      .epc = epc,
                      .in_delay_slot = in_delay_slot,
                      .check_badvaddr = true,
                      .badvaddr = va,
                      .vector = vector});
    CheckScope scope(what);
    CHECK_EQ("EntryHi.VPN2 = BadVAddr[31:13]", last_trap.entryhi & vpn2_mask, va & vpn2_mask);
    CHECK_EQ("EntryHi.ASID kept", last_trap.entryhi & tlb::asid_mask, asid);
    CHECK_EQ("Context = PTEBase | BadVAddr[31:13] << 4", last_trap.context, pte_base | ((va >> 13) << 4));
}

using LoadFn = uint32_t (*)(uint32_t);

void kernel_refills() {
    constexpr uint32_t asid = 0x2C;
    const uint32_t va = map::kseg2 + 0x00A01234;
    mtc0_ehb<cp0::entryhi>(asid);
    catch_exception(ExcCode::TLBL);
    uint32_t v = fp_lw(va);
    check_tlb_trap("refill: KSEG2 load", ExcCode::TLBL, refill_vector, addr(fp_lw_at), va, false, asid);
    CHECK_EQ("refill: KSEG2 load: suppressed", v, sentinel);
    catch_exception(ExcCode::TLBS);
    mtc0_ehb<cp0::entryhi>(asid);
    fp_sw(va + 0x1008, 1);
    check_tlb_trap("refill: KSEG2 store", ExcCode::TLBS, refill_vector, addr(fp_sw_at), va + 0x1008,
                   false, asid);
    set_exception_hook(ExcCode::TLBS, nullptr);

    struct Slot {
        const char* name;
        LoadFn fn;
        const char* branch;
    };
    static const Slot slots[] = {
        {"refill: load in the delay slot of a taken beq", fp_lw_beq, fp_lw_beq_branch},
        {"refill: load in the delay slot of a not-taken bne", fp_lw_bne, fp_lw_bne_branch},
        {"refill: load in the delay slot of a jr", fp_lw_jr, fp_lw_jr_branch},
    };
    for (const Slot& s : slots) {
        catch_exception(ExcCode::TLBL);
        mtc0_ehb<cp0::entryhi>(asid);
        v = s.fn(va + 0x40);
        check_tlb_trap(s.name, ExcCode::TLBL, refill_vector, addr(s.branch), va + 0x40, true, asid);
        CHECK_EQ(join(s.name, "suppressed"), v, sentinel);
    }

    // Instruction fetch from an unmapped KSEG2 address.
    using Code = void (*)();
    catch_exception(ExcCode::TLBL);
    set_exception_hook(ExcCode::TLBL, record_and_return);
    mtc0_ehb<cp0::entryhi>(asid);
    const uint32_t target = map::kseg2 + 0x00A04000 + 0x40;
    reinterpret_cast<Code>(target)();
    check_tlb_trap("refill: fetch (jump to unmapped KSEG2)", ExcCode::TLBL, refill_vector, target,
                   target, false, asid);

    // A jr in the last word of a mapped pair; its delay slot, the next
    // pair's first word, is unmapped.
    const uint32_t code_va = map::kseg2 + 0x00A06000;
    const uint32_t code_phys = map::scratch_phys + 0x90000;
    tlb::write_indexed(2, pair(code_va | asid, code_phys, rw));
    ram(code_phys + 0x1FFC) = 0x03E00008;  // jr ra
    sync_icache(code_va + 0x1FFC, 4);
    reset_trap();
    mtc0_ehb<cp0::entryhi>(asid);
    reinterpret_cast<Code>(code_va + 0x1FFC)();
    check_tlb_trap("refill: fetch of a delay slot on the next (unmapped) pair", ExcCode::TLBL,
                   refill_vector, code_va + 0x1FFC, code_va + 0x2000, true, asid);
    set_exception_hook(ExcCode::TLBL, nullptr);
    retire(2);
}

// The user refill hook reads kernel memory at the very address that
// missed in user mode (KSEG0 in the kernel's view) and a KSEG2 page.
uint32_t handler_kseg0_word, handler_kseg2_word;
uint32_t handler_kseg2_va;
void user_refill_hook(Frame& f) {
    record_trap(f);
    handler_kseg0_word = word_at(f.badvaddr);
    handler_kseg2_word = word_at(handler_kseg2_va);
    skip_faulting_instruction(f);
}

void user_refills() {
    constexpr uint32_t asid = 0x2D;
    constexpr uint32_t user_va = map::scratch_phys + 0x23450;  // also a KSEG0 address
    const uint32_t kseg2_phys = map::scratch_phys + 0x94000;
    handler_kseg2_va = map::kseg2 + 0x00A10000 + 0x18;
    ram(user_va) = 0x0C0FFEE0;
    ram(kseg2_phys + 0x18) = 0x5E2C0DE0;
    map_user_rom();
    tlb::write_indexed(3, pair(map::kseg2 + 0x00A10000, kseg2_phys, rw | lo::G));
    catch_exception(ExcCode::TLBL);
    set_exception_hook(ExcCode::TLBL, user_refill_hook);
    handler_kseg0_word = handler_kseg2_word = 0;
    const uint32_t v = run_as(asid, fp_user_load, user_va);
    set_exception_hook(ExcCode::TLBL, nullptr);
    const char* what = "refill: user load";
    check_tlb_trap(what, ExcCode::TLBL, refill_vector, user_address(fp_user_load_at), user_va, false,
                   asid);
    CheckScope scope(what);
    CHECK_EQ("Status.EXL = 1 in the handler", status::EXL::get(last_trap.status), 1);
    CHECK_EQ("Status.KSU still user in the handler", status::KSU::get(last_trap.status),
             status::ksu_user);
    CHECK_EQ("the handler reads KSEG0 at that address", handler_kseg0_word, 0x0C0FFEE0);
    CHECK_EQ("the handler reads a KSEG2 page", handler_kseg2_word, 0x5E2C0DE0);
    CHECK_EQ("user load suppressed", v, sentinel);
    CHECK_EQ("back in kernel mode", status::KSU::get(mfc0<cp0::status>()), 0);
    expect_fault("refill: user store", {"user", true, asid}, true, 0x00345670, ExcCode::TLBS,
                 refill_vector);
    tlb::invalidate_all();
}

// A refill handler whose own load misses: with EXL = 1 that goes to the
// general vector and EPC still names the first access.
void nested_refill() {
    const uint32_t words = static_cast<uint32_t>(fp_nested_refill_end - fp_nested_refill);
    auto* vector = reinterpret_cast<volatile uint32_t*>(refill_vector);
    for (uint32_t i = 0; i < words; ++i) vector[i] = fp_nested_refill[i];
    sync_icache(refill_vector, words * 4);
    const uint32_t va = map::kseg2 + 0x00A20010;
    fp_nested_va = map::kseg2 + 0x00A30020;
    mtc0_ehb<cp0::entryhi>(0x2E);
    catch_exception(ExcCode::TLBL);
    const uint32_t v = fp_lw(va);
    set_exception_hook(ExcCode::TLBL, nullptr);
    use_ram_vectors(ebase_value);  // the runtime's refill stub again
    const char* what = "miss inside the refill handler (EXL = 1)";
    check_tlb_trap(what, ExcCode::TLBL, general_vector, addr(fp_lw_at), fp_nested_va, false, 0x2E);
    CheckScope scope(what);
    CHECK_EQ("Status.EXL = 1 in the handler", status::EXL::get(last_trap.status), 1);
    CHECK_EQ("first load suppressed", v, sentinel);
}

void refill_delivery() {
    tlb::invalidate_all();
    mtc0_ehb<cp0::context>(pte_base);
    kernel_refills();
    user_refills();
    nested_refill();
    mtc0_ehb<cp0::context>(0);
    mtc0_ehb<cp0::entryhi>(0);
    tlb::invalidate_all();
}

// --- 8. tlbwr and Wired ----------------------------------------------------------------

void random_replacement(const char* name, unsigned wired) {
    CheckScope scope(name);
    constexpr unsigned writes = 500;
    const uint32_t wired_va = map::kseg2 + 0x00C00000;
    const uint32_t random_va = map::kseg2 + 0x01000000;
    const uint32_t frames = map::scratch_phys + 0xA0000;
    tlb::invalidate_all();
    tlb::Entry w[tlb::entries];
    for (unsigned i = 0; i < wired; ++i) {
        w[i] = pair(wired_va + i * 0x2000, frames + (i % 4) * 0x2000, rw | lo::G);
        tlb::write_indexed(i, w[i]);
    }
    mtc0<cp0::wired>(wired);
    ehb();
    const uint32_t random_after_wired = mfc0<cp0::random>();
    CHECK_EQ("Wired reads back", mfc0<cp0::wired>(), wired);
    CHECK_EQ("writing Wired sets Random to 15", random_after_wired, tlb::entries - 1);
    unsigned random_bad = 0, lost = 0, bad_index = 0, used = 0, used_ok = 0;
    for (unsigned i = 0; i < writes; ++i) {
        const uint32_t va = random_va + i * 0x2000;
        const uint32_t frame = frames + (i % 4) * 0x2000;
        const uint32_t random = mfc0<cp0::random>();
        random_bad += random < wired || random >= tlb::entries ? 1 : 0;
        tlb::write_random(pair(va, frame, rw | lo::G));
        const uint32_t index = tlb::probe(va);
        if ((index & tlb::index_p) != 0) {
            ++lost;
        } else {
            bad_index += index < wired || index >= tlb::entries ? 1 : 0;
        }
        if (i % 25 == 0) {
            ++used;
            ram(frame + 0x1000 + 0x30) = 0x3A4D0000 + i;
            used_ok += fp_lw(va + 0x1000 + 0x30) == 0x3A4D0000 + i ? 1 : 0;
        }
    }
    unsigned wired_same = 0;
    for (unsigned i = 0; i < wired; ++i) wired_same += same(tlb::read(i), w[i]) ? 1 : 0;
    mtc0_ehb<cp0::entryhi>(0);
    CHECK_EQ("mfc0 Random in [Wired, 15] before each of 500 tlbwr", random_bad, 0);
    CHECK_EQ("tlbp finds each entry right after its tlbwr", lost, 0);
    CHECK_EQ("... at an index in [Wired, 15]", bad_index, 0);
    CHECK_EQ("every 25th entry translates right after its tlbwr", used_ok, used);
    CHECK_EQ("the wired entries read back unchanged (tlbr)", wired_same, wired);
    mtc0_ehb<cp0::wired>(0);
    tlb::invalidate_all();
}

// --- 9. replacing an entry that was just used ------------------------------------------

constexpr unsigned idx_x = 6, idx_random = 15;

// Frames A and B: a distinct word in each page at +0x30.
constexpr uint32_t frame_a = map::scratch_phys + 0xB0000;
constexpr uint32_t frame_b = map::scratch_phys + 0xB4000;

void fill_frames() {
    ram(frame_a + 0x30) = 0xAAAA0000;
    ram(frame_a + page + 0x30) = 0xAAAA1000;
    ram(frame_b + 0x30) = 0xBBBB0000;
    ram(frame_b + page + 0x30) = 0xBBBB1000;
}

// The entry about to be used: at idx_x, or at index 15 for the tlbwr
// cases (they run with Wired = 15, so tlbwr writes index 15).
void place_used(bool random, const tlb::Entry& e) { tlb::write_indexed(random ? idx_random : idx_x, e); }

// Its replacement: tlbwi at idx_x, or tlbwr (index 15).
void write_entry(bool random, const tlb::Entry& e) {
    if (random) {
        tlb::write_random(e);
    } else {
        tlb::write_indexed(idx_x, e);
    }
}

unsigned both_halves(const View& v, uint32_t va, uint32_t even, uint32_t odd) {
    return (load_in(v, va + 0x30) == even ? 1 : 0) + (load_in(v, va + page + 0x30) == odd ? 1 : 0);
}

void replace_same_va(const View& v, bool random, uint32_t x) {
    const uint32_t asid = v.asid;
    fill_frames();
    place_used(random, pair(x | asid, frame_a, rw));
    const unsigned before = both_halves(v, x, 0xAAAA0000, 0xAAAA1000);
    write_entry(random, pair(x | asid, frame_b, rw));
    const unsigned after = both_halves(v, x, 0xBBBB0000, 0xBBBB1000);
    CheckScope scope(join(v.name, random ? "tlbwr of the used entry, same VA" : "tlbwi of the used entry, same VA"));
    CHECK_EQ("before: frame A (both halves)", before, 2);
    CHECK_EQ("after: frame B (both halves)", after, 2);
}

void replace_other_va(const View& v, bool random, uint32_t x, uint32_t y) {
    const uint32_t asid = v.asid;
    fill_frames();
    place_used(random, pair(x | asid, frame_a, rw));
    const unsigned before = both_halves(v, x, 0xAAAA0000, 0xAAAA1000);
    write_entry(random, pair(y | asid, frame_b, rw));
    const char* what = random ? "tlbwr replaces the used entry with another VA"
                              : "tlbwi replaces the used entry with another VA";
    CHECK_EQ(join(join(v.name, what), "before: frame A (both halves)"), before, 2);
    expect_fault(join(what, "old VA (even)"), v, false, x + 0x30, ExcCode::TLBL, refill_vector);
    expect_fault(join(what, "old VA (odd)"), v, false, x + page + 0x30, ExcCode::TLBL, refill_vector);
    CHECK_EQ(join(join(v.name, what), "new VA: frame B"), both_halves(v, y, 0xBBBB0000, 0xBBBB1000), 2);
}

// Stores through a writable entry, then the entry is replaced by a
// read-only one on another frame: stores fault, loads see the new frame.
void replace_writable(const View& v, uint32_t x) {
    const uint32_t asid = v.asid;
    fill_frames();
    write_entry(false, pair(x | asid, frame_a, rw));
    store_in(v, x + 0x40, 0x5707E000);
    const uint32_t stored = ram(frame_a + 0x40);
    ram(frame_b + 0x40) = 0xB0B0B0B0;
    write_entry(false, pair(x | asid, frame_b, ro));
    expect_fault("writable entry replaced by a D = 0 one: store", v, true, x + 0x40, ExcCode::Mod,
                 general_vector);
    CheckScope scope(join(v.name, "writable entry replaced by a D = 0 one"));
    CHECK_EQ("the first store reached frame A", stored, 0x5707E000);
    CHECK_EQ("frame B not written", ram(frame_b + 0x40), 0xB0B0B0B0);
    CHECK_EQ("loads see frame B", load_in(v, x + 0x40), 0xB0B0B0B0);
}

// An entry of one ASID, used, replaced in place (same VA) by an entry of
// another: the first ASID misses now, the second sees the new frame.
void replace_other_asid(const View& a, const View& b, uint32_t x) {
    fill_frames();
    tlb::write_indexed(idx_x, pair(x | a.asid, frame_a, rw));
    const unsigned before = both_halves(a, x, 0xAAAA0000, 0xAAAA1000);
    tlb::write_indexed(idx_x, pair(x | b.asid, frame_b, rw));
    const char* what = "entry replaced by one of another ASID, same VA";
    CHECK_EQ(join(join(a.name, what), "before: frame A"), before, 2);
    expect_fault(what, a, false, x + 0x30, ExcCode::TLBL, refill_vector);
    CHECK_EQ(join(join(b.name, what), "the new ASID sees frame B"), both_halves(b, x, 0xBBBB0000, 0xBBBB1000), 2);
    retire(idx_x);
}

// A global entry used under two ASIDs, replaced by a non-global one.
void replace_global(const View& v1, const View& v2, uint32_t x) {
    fill_frames();
    write_entry(false, pair(x, frame_a, rw | lo::G));
    const unsigned before = both_halves(v1, x, 0xAAAA0000, 0xAAAA1000) +
                            both_halves(v2, x, 0xAAAA0000, 0xAAAA1000);
    write_entry(false, pair(x | v1.asid, frame_b, rw));
    const char* what = "global entry replaced by one of another ASID";
    CHECK_EQ(join(join(v1.name, what), "before: both ASIDs see frame A"), before, 4);
    expect_fault(what, v2, false, x + 0x30, ExcCode::TLBL, refill_vector);
    CHECK_EQ(join(join(v1.name, what), "its own ASID sees frame B"), both_halves(v1, x, 0xBBBB0000, 0xBBBB1000), 2);
}

void replaced_entries() {
    const View kernel{"KSEG2", false, 0};
    const View kernel_other{"KSEG2, ASID 0x3B", false, 0x3B};
    const View user{"user ASID 0x31", true, 0x31};
    const View user_other{"user ASID 0x32", true, 0x32};
    const View kernel_3a{"KSEG2, ASID 0x3A", false, 0x3A};
    struct Case {
        const View& v;      // ASID 0 for the kernel
        const View& first;  // two views of non-zero ASIDs
        const View& other;
        uint32_t x;
    };
    const Case cases[] = {
        {kernel, kernel_3a, kernel_other, map::kseg2 + 0x00D00000},
        {user, user, user_other, 0x00500000},
    };
    for (const Case& c : cases) {
        const View& v = c.v;
        tlb::invalidate_all();
        map_user_rom();
        replace_same_va(v, false, c.x);
        replace_other_va(v, false, c.x, c.x + 0x10000);
        retire(idx_x);
        mtc0_ehb<cp0::wired>(idx_random);  // tlbwr -> index 15
        replace_same_va(v, true, c.x);
        retire(idx_random);
        replace_other_va(v, true, c.x, c.x + 0x10000);
        mtc0_ehb<cp0::wired>(0);
        retire(idx_random);
        replace_writable(v, c.x);
        replace_global(c.first, c.other, c.x);
        replace_other_asid(c.first, c.other, c.x);
    }
    tlb::invalidate_all();
}

// --- 10. PFNs outside guest RAM -----------------------------------------------------------

void outside_ram_view(const View& v, uint32_t x) {
    constexpr uint32_t past_ram = 0x00400000, further = 0x00500000;
    // Where a wrapped physical address (modulo the 4 MiB of RAM) would land.
    constexpr uint32_t alias_even = (past_ram + 0x100) % map::ram_size;
    constexpr uint32_t alias_odd = (further + 0x104) % map::ram_size;
    ram(alias_even) = 0xA11A5000;
    ram(alias_odd) = 0xA11A5001;
    const uint32_t asid = v.asid;
    tlb::write_indexed(8, pair(x | asid, past_ram, rw, further, rw));
    expect_fault("tlbwi, PFN just past RAM: load", v, false, x + 0x100, ExcCode::DBE, general_vector);
    expect_fault("tlbwi, PFN just past RAM: store", v, true, x + 0x100, ExcCode::DBE, general_vector);
    expect_fault("tlbwi, PFN 1 MiB past RAM: store", v, true, x + page + 0x104, ExcCode::DBE,
                 general_vector);
    {
        CheckScope scope(join(v.name, "PFN past RAM"));
        CHECK_EQ("RAM at the address modulo 4 MiB untouched (even)", ram(alias_even), 0xA11A5000);
        CHECK_EQ("RAM at the address modulo 4 MiB untouched (odd)", ram(alias_odd), 0xA11A5001);
    }

    // One half on RAM, the other past it: the RAM half translates.
    ram(map::scratch_phys + 0xC2010) = 0x4A1F0010;
    tlb::write_indexed(8, pair(x | asid, past_ram, rw, map::scratch_phys + 0xC2000, rw));
    expect_fault("tlbwi, even half past RAM: load", v, false, x + 0x10, ExcCode::DBE, general_vector);
    CHECK_EQ(join(v.name, "tlbwi, even half past RAM: the odd half (RAM) loads"),
             load_in(v, x + page + 0x10), 0x4A1F0010);

    // tlbwr (Wired = 15: index 15), the UART's page away from the UART
    // and a hole at 128 MiB.
    retire(8);
    mtc0_ehb<cp0::wired>(idx_random);
    tlb::write_random(pair(x | asid, 0x1F000000, rw, 0x08000000, rw));
    mtc0_ehb<cp0::wired>(0);
    expect_fault("tlbwr, PFN in the UART's page off the UART: load", v, false, x + 0x100,
                 ExcCode::DBE, general_vector);
    expect_fault("tlbwr, PFN at 128 MiB: store", v, true, x + page + 0x20, ExcCode::DBE,
                 general_vector);

    // The same VA on RAM again: the hole left nothing behind.
    ram(map::scratch_phys + 0xC0100) = 0x4A440000;
    tlb::write_indexed(idx_random, pair(x | asid, map::scratch_phys + 0xC0000, rw));
    CHECK_EQ(join(v.name, "the same VA mapped to RAM again loads it"), load_in(v, x + 0x100), 0x4A440000);
    retire(idx_random);
}

// The last word of RAM and the first word past it, unmapped: KSEG0 and
// KSEG1 reach guest-physical memory directly, so past RAM is a hole.
void end_of_ram() {
    const View kernel{"KSEG0/KSEG1", false, 0};
    ram(map::ram_size - 4) = 0x1A57A11D;
    ram(0) = 0x0A11A500;  // where the first word past RAM would wrap to
    CHECK_EQ("KSEG0: the last word of RAM loads", fp_lw(map::cached(map::ram_size - 4)), 0x1A57A11D);
    CHECK_EQ("KSEG1: the last word of RAM loads", fp_lw(map::uncached(map::ram_size - 4)), 0x1A57A11D);
    expect_fault("KSEG0, the first word past RAM: load", kernel, false, map::cached(map::ram_size),
                 ExcCode::DBE, general_vector);
    expect_fault("KSEG0, the first word past RAM: store", kernel, true, map::cached(map::ram_size),
                 ExcCode::DBE, general_vector);
    expect_fault("KSEG1, the first word past RAM: load", kernel, false, map::uncached(map::ram_size),
                 ExcCode::DBE, general_vector);
    CHECK_EQ("KSEG0: the store did not wrap to RAM at 0", ram(0), 0x0A11A500);
}

void outside_ram() {
    tlb::invalidate_all();
    map_user_rom();
    end_of_ram();
    outside_ram_view({"KSEG2", false, 0}, map::kseg2 + 0x00E80000);
    outside_ram_view({"user ASID 0x41", true, 0x41}, 0x00700000);

    // A fetch from a hole: IBE at the fetched address.
    using Code = void (*)();
    const uint32_t va = map::kseg2 + 0x00E90000;
    tlb::write_indexed(8, pair(va, 0x00400000, rw | lo::G));
    catch_exception(ExcCode::IBE);
    set_exception_hook(ExcCode::IBE, record_and_return);
    reinterpret_cast<Code>(va + 0x40)();
    set_exception_hook(ExcCode::IBE, nullptr);
    check_trap("KSEG2: jump to a PFN past RAM", {.code = ExcCode::IBE, .epc = va + 0x40, .vector = general_vector});
    tlb::invalidate_all();
}

// --- 11. V = 0 and D = 0 ----------------------------------------------------------------------

void invalid_and_dirty_view(const View& v, uint32_t x) {
    const uint32_t asid = v.asid;
    const uint32_t even = map::scratch_phys + 0xD0000, odd = even + page;
    ram(even + 0x10) = 0xE0E00010;
    ram(odd + 0x10) = 0x0D0D0010;
    ram(even + 0x14) = 0xE0E00014;
    tlb::write_indexed(9, pair(x | asid, even, inv, odd, rw));
    expect_fault("V = 0 (even): load", v, false, x + 0x10, ExcCode::TLBL, general_vector);
    expect_fault("V = 0 (even): store", v, true, x + 0x14, ExcCode::TLBS, general_vector);
    {
        CheckScope scope(join(v.name, "V = 0 (even)"));
        CHECK_EQ("store suppressed", ram(even + 0x14), 0xE0E00014);
        CHECK_EQ("the odd half (V = 1) loads", load_in(v, x + page + 0x10), 0x0D0D0010);
    }
    tlb::write_indexed(9, pair(x | asid, even, rw, odd, inv));
    expect_fault("V = 0 (odd): load", v, false, x + page + 0x10, ExcCode::TLBL, general_vector);
    CHECK_EQ(join(v.name, "V = 0 (odd): the even half loads"), load_in(v, x + 0x10), 0xE0E00010);

    tlb::write_indexed(9, pair(x | asid, even, ro, odd, rw));
    expect_fault("D = 0 (even): store", v, true, x + 0x14, ExcCode::Mod, general_vector);
    CheckScope scope(join(v.name, "D = 0 (even)"));
    CHECK_EQ("store suppressed", ram(even + 0x14), 0xE0E00014);
    CHECK_EQ("loads work", load_in(v, x + 0x14), 0xE0E00014);
    store_in(v, x + page + 0x14, 0x0D0D0014);
    CHECK_EQ("the odd half (D = 1) stores", ram(odd + 0x14), 0x0D0D0014);
    retire(9);
}

void invalid_and_dirty() {
    tlb::invalidate_all();
    map_user_rom();
    invalid_and_dirty_view({"KSEG2", false, 0x00}, map::kseg2 + 0x00EA0000);
    invalid_and_dirty_view({"user ASID 0x51", true, 0x51}, 0x00800000);
    tlb::invalidate_all();
}

// --- 12. a software refill handler -----------------------------------------------------

// Linux-style demand mapping: fp_sw_refill at EBase + 0x000 loads the
// missing pair from fp_page_table and tlbwr's it (with EXL set: for a user
// miss, KSU is still user), then erets to the access, which now
// translates. 17 pairs (34 pages) on scattered frames, more than the 15
// unwired entries hold, touched by user processes in two ASIDs and by
// the kernel in KSEG2. A miss in a delay slot restarts at its branch.
struct WalkArea {
    const char* name;
    uint32_t va;
    uint32_t frames;
};

constexpr unsigned walk_pages = 32;  // summed; page 32 (of 34) is only loaded

uint32_t walk_frame(const WalkArea& w, unsigned p) { return w.frames + ((p * 13) % 34) * page; }
uint32_t walk_tag(const WalkArea& w, unsigned p) { return (w.va >> 12) * 0x100 + p; }

void walk_setup(const WalkArea& w, uint32_t g) {
    for (unsigned pair_no = 0; pair_no < 17; ++pair_no) {
        const uint32_t slot = ((w.va >> 13) + pair_no) & 0xFF;
        fp_page_table[slot][0] = lo::pfn(walk_frame(w, 2 * pair_no)) | rw | g;
        fp_page_table[slot][1] = lo::pfn(walk_frame(w, 2 * pair_no + 1)) | rw | g;
    }
    for (unsigned p = 0; p < walk_pages + 2; ++p) {
        ram(walk_frame(w, p) + 0x10) = walk_tag(w, p);
        ram(walk_frame(w, p) + 0x14) = 0;
    }
}

uint32_t walk_sum(const WalkArea& w) {
    uint32_t sum = 0;
    for (unsigned p = 0; p < walk_pages; ++p) sum += walk_tag(w, p);
    return sum;
}

void walk_checks(const WalkArea& w, uint32_t sum, uint32_t refills) {
    unsigned stored = 0;
    for (unsigned p = 0; p < walk_pages; ++p) stored += ram(walk_frame(w, p) + 0x14) == walk_tag(w, p) ? 1 : 0;
    CheckScope scope(w.name);
    CHECK_EQ("loads through handler-written entries: the sum of 32 frames' tags", sum, walk_sum(w));
    CHECK_EQ("stores reached the 32 frames", stored, walk_pages);
    CHECK_RANGE("the handler ran for each of the 17 pairs (and 33 times at most)", refills, 17, 33);
}

void software_refill() {
    const uint32_t words = static_cast<uint32_t>(fp_sw_refill_end - fp_sw_refill);
    auto* vector = reinterpret_cast<volatile uint32_t*>(refill_vector);
    for (uint32_t i = 0; i < words; ++i) vector[i] = fp_sw_refill[i];
    sync_icache(refill_vector, words * 4);
    tlb::invalidate_all();
    map_user_rom();
    mtc0_ehb<cp0::wired>(1);  // keep the user ROM entry
    mtc0_ehb<cp0::pagemask>(tlb::mask::page_4k);  // the handler's tlbwr uses PageMask as it is

    const WalkArea user{"software refill: user ASID 0x61", 0x00600000, map::scratch_phys + 0xE0000};
    walk_setup(user, 0);
    fp_refills = 0;
    uint32_t sum = run_as(0x61, fp_user_walk, user.va, walk_pages);
    walk_checks(user, sum, fp_refills);
    // Another process, same table: none of 0x61's entries serve it.
    const WalkArea user2{"software refill: user ASID 0x62, same page table", user.va, user.frames};
    walk_setup(user2, 0);
    fp_refills = 0;
    sum = run_as(0x62, fp_user_walk, user2.va, walk_pages);
    walk_checks(user2, sum, fp_refills);

    const WalkArea kernel{"software refill: kernel KSEG2", map::kseg2 + 0x00F80000, map::scratch_phys + 0x110000};
    walk_setup(kernel, lo::G);
    fp_refills = 0;
    mtc0_ehb<cp0::entryhi>(0x63);
    sum = 0;
    for (unsigned p = 0; p < walk_pages; ++p) {
        const uint32_t v = fp_lw(kernel.va + p * page + 0x10);
        fp_sw(kernel.va + p * page + 0x14, v);
        sum += v;
    }
    const uint32_t page32 = fp_lw(kernel.va + walk_pages * page + 0x10);  // the 17th pair, as the user walk
    walk_checks(kernel, sum, fp_refills);
    CHECK_EQ("software refill: kernel KSEG2: page 32 loads", page32, walk_tag(kernel, walk_pages));

    mtc0_ehb<cp0::wired>(0);
    mtc0_ehb<cp0::entryhi>(0);
    tlb::invalidate_all();
    use_ram_vectors(ebase_value);  // the runtime's refill stub again
}

// --- 13. a refill handler's first instruction ------------------------------------------

// The handler's first instruction reads what the refill just set: an
// mfc0 of BadVAddr, Context or EntryHi, into k1 or k0. Each variant runs
// for a KSEG2 load whose pair the handler then maps; the load must read
// the frame and the first mfc0 must have seen the refill's state.
struct FirstInsn {
    const char* name;
    const uint32_t* stub;
    uint32_t (*expected)(uint32_t va, uint32_t asid, uint32_t pte_base);
};

void first_instruction(const FirstInsn& f, unsigned n) {
    constexpr uint32_t stub_words = 7;  // up to the jump into fp_first_common (and its slot)
    auto* vector = reinterpret_cast<volatile uint32_t*>(refill_vector);
    for (uint32_t i = 0; i < stub_words; ++i) vector[i] = f.stub[i];
    sync_icache(refill_vector, stub_words * 4);
    const uint32_t frame = map::scratch_phys + 0x140000 + n * 2 * page;
    const uint32_t va = map::kseg2 + 0x00D40000 + n * 2 * page + 0x1124;  // odd page of the pair
    const uint32_t asid = 0x35 + n, ptebase = 0x01800000;
    fp_first_lo[0] = lo::pfn(frame) | rw;
    fp_first_lo[1] = lo::pfn(frame + page) | rw;
    ram(frame + page + 0x124) = 0xF1A50000 + n;
    tlb::invalidate_all();
    mtc0_ehb<cp0::context>(ptebase);
    mtc0_ehb<cp0::entryhi>(asid);
    fp_first_value = 0;
    const uint32_t v = fp_lw(va);
    mtc0_ehb<cp0::entryhi>(0);
    CheckScope scope(f.name);
    CHECK_EQ("the load reads the frame the handler mapped", v, 0xF1A50000 + n);
    CHECK_EQ("the handler's first mfc0 saw the refill's state", fp_first_value, f.expected(va, asid, ptebase));
}

void refill_first_instruction() {
    const FirstInsn variants[] = {
        {"refill handler starting with mfc0 k1, BadVAddr", fp_first_badvaddr_k1,
         [](uint32_t va, uint32_t, uint32_t) { return va; }},
        {"refill handler starting with mfc0 k1, Context", fp_first_context_k1,
         [](uint32_t va, uint32_t, uint32_t base) { return base | ((va >> 13) << 4); }},
        {"refill handler starting with mfc0 k0, EntryHi", fp_first_entryhi_k0,
         [](uint32_t va, uint32_t asid, uint32_t) { return (va & ~0x1FFFu) | asid; }},
    };
    static_assert(sizeof(variants) / sizeof(variants[0]) == 3);
    unsigned n = 0;
    for (const FirstInsn& f : variants) first_instruction(f, n++);
    tlb::invalidate_all();
    use_ram_vectors(ebase_value);  // the runtime's refill stub again
}

}  // namespace

int main() {
    tlb::invalidate_all();
    use_ram_vectors(ebase_value);
    set_exception_hook(ExcCode::Sys, leave_user);
    refill_sequence();                                // 1
    every_gpr("every GPR, EntryHi ASID changing", fp_gpr_sweep_new_asid, false);  // 2
    every_gpr("every GPR, EntryHi ASID kept", fp_gpr_sweep_same_asid, true);
    page_straddle();                                  // 3
    asid_mid_sequence();                              // 4
    eret_into_interrupt();                            // 5
    user_round_trips();                               // 6
    refill_delivery();                                // 7
    random_replacement("tlbwr, Wired = 0", 0);        // 8
    random_replacement("tlbwr, Wired = 1", 1);
    random_replacement("tlbwr, Wired = 3", 3);
    random_replacement("tlbwr, Wired = 14 (two unwired entries)", 14);
    random_replacement("tlbwr, Wired = 15", 15);
    replaced_entries();                               // 9
    outside_ram();                                    // 10
    invalid_and_dirty();                              // 11
    software_refill();                                // 12
    refill_first_instruction();                       // 13
    set_exception_hook(ExcCode::Sys, nullptr);
    tlb::invalidate_all();
    use_rom_vectors();
    done();
}
