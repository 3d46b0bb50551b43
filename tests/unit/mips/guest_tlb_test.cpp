// The guest TLB: probe with ASIDs and global entries, every page size,
// even/odd halves, V/D/C, the tlbwr index range, overwrites and ranges.
#include <stdint.h>

#include <set>

#include "arch/mips/cpu/guest_tlb.hpp"
#include "catch.hpp"

using mips::GuestTlb;
using mips::TlbEntry;
using mips::TlbLookup;

namespace {

constexpr uint32_t V = 1u << 1, D = 1u << 2, G = 1u << 0;
constexpr uint32_t cacheable = 3u << 3, uncached = 2u << 3;

constexpr uint32_t lo(uint32_t phys, uint32_t flags) { return ((phys >> 12) << 6) | flags; }
constexpr uint32_t hi(uint32_t va, uint8_t asid) { return (va & 0xffffe000u) | asid; }

// PageMask register values of the legal sizes, 4KB to 256MB.
struct Size {
    uint32_t pagemask;
    uint32_t bytes;
};
constexpr Size sizes[] = {
    {0x00000000, 4u << 10},  {0x00006000, 16u << 10}, {0x0001e000, 64u << 10},
    {0x0007e000, 256u << 10}, {0x001fe000, 1u << 20},  {0x007fe000, 4u << 20},
    {0x01ffe000, 16u << 20}, {0x07ffe000, 64u << 20}, {0x1fffe000, 256u << 20},
};

void write(GuestTlb& tlb, unsigned i, const TlbEntry& e) {
    REQUIRE(tlb.write(i, e) == tern::Status::ok);
}

}  // namespace

TEST_CASE("size is clamped to 1..64, 16 by default", "[mips][tlb]") {
    CHECK(GuestTlb().size() == 16);
    CHECK(GuestTlb(1).size() == 1);
    CHECK(GuestTlb(0).size() == 1);
    CHECK(GuestTlb(48).size() == 48);
    CHECK(GuestTlb(64).size() == 64);
    CHECK(GuestTlb(65).size() == 64);
}

TEST_CASE("flushed entries are unique KSEG0 pairs that map nothing", "[mips][tlb]") {
    GuestTlb tlb(16);
    for (unsigned i = 0; i < 16; ++i) {
        const TlbEntry e = tlb.read(i);
        CHECK(e.entryhi == 0x80000000u + (i << 13));
        CHECK(e.entrylo0 == 0);
        CHECK(e.entrylo1 == 0);
        CHECK(tlb.probe(e.entryhi) == static_cast<int>(i));
    }
    CHECK(tlb.probe(hi(0x00400000, 0)) == -1);
    CHECK_FALSE(tlb.lookup(0x00400000, 0).found);
    CHECK(tlb.lookup(0x00400000, 0).index == -1);
}

TEST_CASE("probe matches VPN2 and ASID, or any ASID for a global entry", "[mips][tlb]") {
    GuestTlb tlb;
    write(tlb, 3, {hi(0x00400000, 5), 0, lo(0x01000000, V | D | cacheable), lo(0x01001000, V)});
    write(tlb, 4, {hi(0x7fff0000, 9), 0, lo(0x02000000, V | G), lo(0x02001000, V | G)});
    // G only when both halves have it.
    write(tlb, 5, {hi(0x10000000, 9), 0, lo(0x03000000, V | G), lo(0x03001000, V)});

    CHECK(tlb.probe(hi(0x00400000, 5)) == 3);
    CHECK(tlb.probe(hi(0x00401000, 5)) == 3);     // same pair: VPN2 ignores bit 12
    CHECK(tlb.probe(hi(0x00400000, 6)) == -1);    // other ASID
    CHECK(tlb.probe(hi(0x00402000, 5)) == -1);    // next pair
    CHECK(tlb.probe(hi(0x7fff0000, 0)) == 4);     // global: any ASID
    CHECK(tlb.probe(hi(0x7fff0000, 255)) == 4);
    CHECK(tlb.probe(hi(0x10000000, 9)) == 5);
    CHECK(tlb.probe(hi(0x10000000, 8)) == -1);    // not global after all
    // EntryHi bits 12:8 and the VA offset never take part.
    CHECK(tlb.probe(0x00400000u | 0x1f00u | 5u) == 3);

    CHECK(tlb.read(4).global());
    CHECK((tlb.read(4).entrylo0 & G) != 0);
    CHECK((tlb.read(4).entrylo1 & G) != 0);
    CHECK_FALSE(tlb.read(5).global());
    CHECK((tlb.read(5).entrylo0 & G) == 0);       // tlbr shows the entry's single G
    CHECK((tlb.read(5).entrylo1 & G) == 0);
}

TEST_CASE("the lowest matching index wins", "[mips][tlb]") {
    GuestTlb tlb;
    write(tlb, 9, {hi(0x00400000, 1), 0, lo(0x1000, V), lo(0x2000, V)});
    write(tlb, 2, {hi(0x00400000, 1), 0, lo(0x3000, V), lo(0x4000, V)});
    CHECK(tlb.probe(hi(0x00400000, 1)) == 2);
    CHECK(tlb.lookup(0x00400000, 1).phys == 0x3000);
}

TEST_CASE("lookup picks the even or odd half and reports V, D, C", "[mips][tlb]") {
    GuestTlb tlb;
    write(tlb, 0, {hi(0x00400000, 7), 0, lo(0x01234000, V | D | cacheable), lo(0x05678000, uncached)});
    TlbLookup even = tlb.lookup(0x00400abc, 7);
    CHECK(even.found);
    CHECK(even.index == 0);
    CHECK(even.valid);
    CHECK(even.dirty);
    CHECK(even.cache == 3);
    CHECK_FALSE(even.global);
    CHECK(even.page_size == 0x1000);
    CHECK(even.page_va == 0x00400000);
    CHECK(even.page_phys == 0x01234000);
    CHECK(even.phys == 0x01234abc);
    TlbLookup odd = tlb.lookup(0x00401ffc, 7);
    CHECK(odd.found);
    CHECK_FALSE(odd.valid);                      // TLB invalid
    CHECK_FALSE(odd.dirty);
    CHECK(odd.cache == 2);
    CHECK(odd.page_va == 0x00401000);
    CHECK(odd.phys == 0x05678ffc);
    CHECK_FALSE(tlb.lookup(0x00400abc, 6).found);   // refill: other ASID
    CHECK_FALSE(tlb.lookup(0x00402000, 7).found);
}

TEST_CASE("every page size from 4KB to 256MB", "[mips][tlb]") {
    for (const Size& s : sizes) {
        INFO("pagemask " << s.pagemask);
        CHECK(mips::tlb_page_size(s.pagemask) == s.bytes);
        CHECK(mips::legal_pagemask(s.pagemask) == s.pagemask);
        GuestTlb tlb;
        // A pair-aligned VA, PFNs aligned to the page size.
        const uint32_t pair = 2 * s.bytes;
        const uint32_t va = (0x40000000u / pair) * pair;
        const uint32_t pa_even = s.bytes >= 0x10000000u ? 0 : 4 * s.bytes;
        const uint32_t pa_odd = s.bytes >= 0x10000000u ? s.bytes : 6 * s.bytes;
        write(tlb, 1, {hi(va, 3), s.pagemask, lo(pa_even, V | D), lo(pa_odd, V)});
        const TlbEntry e = tlb.read(1);
        CHECK(e.pagemask == s.pagemask);
        for (uint32_t off : {0u, 4u, s.bytes / 2, s.bytes - 4}) {
            TlbLookup a = tlb.lookup(va + off, 3);
            CHECK(a.found);
            CHECK(a.page_size == s.bytes);
            CHECK(a.dirty);
            CHECK(a.phys == pa_even + off);
            CHECK(a.page_va == va);
            TlbLookup b = tlb.lookup(va + s.bytes + off, 3);
            CHECK(b.found);
            CHECK_FALSE(b.dirty);
            CHECK(b.phys == pa_odd + off);
            CHECK(b.page_phys == pa_odd);
        }
        CHECK(tlb.probe(hi(va + pair - 0x2000, 3)) == 1);
        CHECK_FALSE(tlb.lookup(va + pair, 3).found);
        if (va >= pair) CHECK_FALSE(tlb.lookup(va - 1, 3).found);
        const mips::TlbRange r = mips::tlb_range(e);
        CHECK(r.base == va);
        CHECK(r.size == pair);
        CHECK(r.last() == va + pair - 1);
        CHECK(r.asid == 3);
        CHECK_FALSE(r.global);
        CHECK(r.any_valid);
    }
}

TEST_CASE("large pages ignore VPN2 and PFN bits inside the page", "[mips][tlb]") {
    GuestTlb tlb;
    // 16KB pages; VPN2 bits 14:13 and PFN bits 13:12 set in what is written.
    write(tlb, 0, {0x00406000u | 1, 0x00006000, lo(0x00103000, V), lo(0x00207000, V)});
    const TlbEntry e = tlb.read(0);
    CHECK(e.entryhi == (0x00400000u | 1));
    CHECK(e.entrylo0 == lo(0x00100000, V));
    CHECK(e.entrylo1 == lo(0x00204000, V));
    CHECK(tlb.lookup(0x00401234, 1).phys == 0x00101234);
    CHECK(tlb.lookup(0x00405678, 1).phys == 0x00205678);
    CHECK(tlb.probe(0x00404000u | 1) == 0);
}

TEST_CASE("illegal page masks round down to the largest legal one inside", "[mips][tlb]") {
    using mips::legal_pagemask;
    CHECK(legal_pagemask(0x00002000) == 0x00000000);   // 8KB -> 4KB
    CHECK(legal_pagemask(0x0000e000) == 0x00006000);   // 0x7 -> 16KB
    CHECK(legal_pagemask(0x0000a000) == 0x00000000);   // 0x5 -> 4KB
    CHECK(legal_pagemask(0x0001c000) == 0x00000000);   // 0xe: bit 0 clear
    CHECK(legal_pagemask(0x003fe000) == 0x001fe000);   // 0x1ff -> 1MB
    CHECK(legal_pagemask(0xffffffff) == 0x1fffe000);   // everything -> 256MB
    CHECK(legal_pagemask(0x00001fff) == 0x00000000);   // bits outside Mask
    GuestTlb tlb;
    write(tlb, 0, {hi(0x00400000, 0), 0x0000e000, lo(0, V), lo(0x4000, V)});
    CHECK(tlb.read(0).pagemask == 0x00006000);
    CHECK(tlb.lookup(0x00404000, 0).phys == 0x4000);
}

TEST_CASE("EntryLo keeps PFN, C, D, V, G; EntryHi keeps VPN2 and ASID", "[mips][tlb]") {
    GuestTlb tlb;
    write(tlb, 0, {0xffffffff, 0, 0xffffffff, 0xffffffff});
    const TlbEntry e = tlb.read(0);
    CHECK(e.entryhi == 0xffffe0ff);
    CHECK(e.entrylo0 == 0x03ffffff);
    CHECK(e.entrylo1 == 0x03ffffff);
    CHECK(e.asid() == 0xff);
    TlbLookup l = tlb.lookup(0xfffff000, 0);
    CHECK(l.found);
    CHECK(l.global);
    CHECK(l.phys == 0xfffff000);
    CHECK(l.cache == 7);
}

TEST_CASE("overwrites: the old entry is readable first, then replaced", "[mips][tlb]") {
    GuestTlb tlb;
    write(tlb, 6, {hi(0x00400000, 1), 0x0001e000, lo(0x100000, V), lo(0x110000, V)});
    const TlbEntry old = tlb.read(6);
    const mips::TlbRange r = mips::tlb_range(old);
    CHECK(r.base == 0x00400000);
    CHECK(r.size == 0x20000);
    write(tlb, 6, {hi(0x00800000, 2), 0, lo(0x200000, V), 0});
    CHECK(tlb.probe(hi(0x00400000, 1)) == -1);
    CHECK_FALSE(tlb.lookup(0x00410000, 1).found);
    CHECK(tlb.lookup(0x00800000, 2).phys == 0x200000);
    const mips::TlbRange n = mips::tlb_range(tlb.read(6));
    CHECK(n.size == 0x2000);
    CHECK(n.any_valid);
    CHECK_FALSE(mips::tlb_range(mips::TlbEntry{hi(0x1000, 0), 0, 0, 0}).any_valid);
    // 256MB pages at the top: the range ends at 0xffffffff without overflow.
    const mips::TlbRange top = mips::tlb_range(TlbEntry{0xe0000000, 0x1fffe000, G, G});
    CHECK(top.base == 0xe0000000);
    CHECK(top.size == 0x20000000);
    CHECK(top.last() == 0xffffffff);
    CHECK(top.global);
}

TEST_CASE("out-of-range indices change nothing", "[mips][tlb]") {
    GuestTlb tlb(8);
    CHECK(tlb.write(8, {hi(0x1000, 0), 0, V, V}) == tern::Status::out_of_range);
    CHECK(tlb.write(63, {hi(0x1000, 0), 0, V, V}) == tern::Status::out_of_range);
    CHECK(tlb.read(8).entryhi == 0);
    CHECK(tlb.probe(hi(0x1000, 0)) == -1);
}

TEST_CASE("reset flushes every entry and Random", "[mips][tlb]") {
    GuestTlb tlb;
    write(tlb, 0, {hi(0x00400000, 1), 0, lo(0x1000, V), 0});
    (void)tlb.random_index(0);
    tlb.reset();
    CHECK(tlb.probe(hi(0x00400000, 1)) == -1);
    CHECK(tlb.peek_random(0) == 15);
}

TEST_CASE("tlbwr indices stay in [wired, size-1] and spread out", "[mips][tlb]") {
    for (unsigned size : {1u, 2u, 16u, 48u, 64u}) {
        GuestTlb tlb(size);
        for (unsigned wired : {0u, 1u, size / 2, size - 1, size, size + 5}) {
            INFO("size " << size << " wired " << wired);
            tlb.reset_random();
            CHECK(tlb.peek_random(wired) == size - 1);   // upper bound after reset
            std::set<unsigned> seen;
            unsigned previous = ~0u;
            for (int n = 0; n < 2000; ++n) {
                const unsigned peek = tlb.peek_random(wired);
                const unsigned i = tlb.random_index(wired);
                REQUIRE(i == peek);
                if (wired >= size) {
                    REQUIRE(i == size - 1);
                } else {
                    REQUIRE(i >= wired);
                    REQUIRE(i < size);
                    if (size - wired > 1) REQUIRE(i != previous);   // never twice in a row
                }
                seen.insert(i);
                previous = i;
            }
            if (wired < size) CHECK(seen.size() == size - wired);   // every slot gets used
        }
    }
}

TEST_CASE("Random follows a Wired raised after the last tlbwr", "[mips][tlb]") {
    GuestTlb tlb(16);
    for (int n = 0; n < 100; ++n) (void)tlb.random_index(0);
    for (int n = 0; n < 100; ++n) {
        const unsigned i = tlb.random_index(12);
        REQUIRE(i >= 12);
        REQUIRE(i <= 15);
    }
}

// The bookkeeping the assembly refill fast path reads (cpu/refill.S,
// cpu/cop0_fast.S): large_entries() and the keys array's end, plus the
// tlbwr index it computes the same way.

namespace {

constexpr uint32_t pagemask_16m = 0x01ffe000;

// Entries whose stored (legalized) PageMask is not 4 KiB, counted the slow way.
unsigned count_large(const GuestTlb& tlb) {
    unsigned n = 0;
    for (unsigned i = 0; i < tlb.size(); ++i) {
        if (tlb.read(i).pagemask != 0) ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("large_entries follows 4K -> 16M -> 4K replacement at one index", "[mips][tlb][fastpath]") {
    GuestTlb tlb;
    CHECK(tlb.large_entries() == 0);
    write(tlb, 3, {hi(0x00400000, 1), 0, lo(0x1000, V), lo(0x2000, V)});
    CHECK(tlb.large_entries() == 0);
    write(tlb, 3, {hi(0x02000000, 1), pagemask_16m, lo(0x04000000, V), lo(0x05000000, V)});
    CHECK(tlb.large_entries() == 1);
    // Large replacing large: still one.
    write(tlb, 3, {hi(0x04000000, 1), pagemask_16m, lo(0x06000000, V), lo(0x07000000, V)});
    CHECK(tlb.large_entries() == 1);
    write(tlb, 3, {hi(0x00400000, 1), 0, lo(0x1000, V), lo(0x2000, V)});
    CHECK(tlb.large_entries() == 0);
    // 4K replacing 4K must not go below zero (the count is unsigned).
    write(tlb, 3, {hi(0x00800000, 1), 0, lo(0x3000, V), 0});
    CHECK(tlb.large_entries() == 0);

    // Several indices, first and last included.
    write(tlb, 0, {hi(0x10000000, 1), 0x00006000, lo(0, V), lo(0x4000, V)});
    write(tlb, 15, {hi(0x20000000, 1), 0x1fffe000, lo(0, V), lo(0x10000000, V)});
    write(tlb, 7, {hi(0x02000000, 1), pagemask_16m, lo(0x04000000, V), 0});
    CHECK(tlb.large_entries() == 3);
    CHECK(tlb.large_entries() == count_large(tlb));
    write(tlb, 0, {hi(0x10000000, 1), 0, lo(0, V), 0});
    CHECK(tlb.large_entries() == 2);
}

TEST_CASE("large_entries counts the legalized page mask", "[mips][tlb][fastpath]") {
    GuestTlb tlb;
    // 0x1 and 0x5 round down to 4KB: not large.
    write(tlb, 1, {hi(0x00400000, 0), 0x00002000, lo(0, V), lo(0x1000, V)});
    write(tlb, 2, {hi(0x00800000, 0), 0x0000a000, lo(0, V), lo(0x1000, V)});
    CHECK(tlb.read(1).pagemask == 0);
    CHECK(tlb.read(2).pagemask == 0);
    CHECK(tlb.large_entries() == 0);
    // 0x7 rounds down to 16KB: large.
    write(tlb, 4, {hi(0x01000000, 0), 0x0000e000, lo(0, V), lo(0x4000, V)});
    CHECK(tlb.large_entries() == 1);
    // Bits outside Mask only: 4KB again.
    write(tlb, 4, {hi(0x01000000, 0), 0x00001fff, lo(0, V), lo(0x1000, V)});
    CHECK(tlb.large_entries() == 0);
}

TEST_CASE("large_entries: reset clears it, rejected writes leave it", "[mips][tlb][fastpath]") {
    GuestTlb tlb(8);
    write(tlb, 0, {hi(0x02000000, 0), pagemask_16m, lo(0, V), 0});
    write(tlb, 7, {hi(0x04000000, 0), pagemask_16m, lo(0, V), 0});
    CHECK(tlb.large_entries() == 2);
    for (unsigned i : {8u, 9u, 15u, 16u, 63u, 64u, 1000u}) {
        INFO("index " << i);
        CHECK(tlb.write(i, {hi(0x06000000, 0), pagemask_16m, lo(0, V), 0}) ==
              tern::Status::out_of_range);
        CHECK(tlb.large_entries() == 2);
    }
    tlb.reset();
    CHECK(tlb.large_entries() == 0);
    CHECK(count_large(tlb) == 0);
    // After reset the flushed entries are 4KB: overwriting them with 4KB
    // keeps zero, a large one counts from zero again.
    write(tlb, 7, {hi(0x00400000, 0), 0, lo(0, V), 0});
    CHECK(tlb.large_entries() == 0);
    write(tlb, 0, {hi(0x02000000, 0), pagemask_16m, lo(0, V), 0});
    CHECK(tlb.large_entries() == 1);
    // Still rejected beyond size() after a reset; the 16MB write at 8 would
    // have been the second large entry.
    CHECK(tlb.write(8, {hi(0x04000000, 0), pagemask_16m, lo(0, V), 0}) ==
          tern::Status::out_of_range);
    CHECK(tlb.large_entries() == 1);
    tlb.reset();
    CHECK(tlb.large_entries() == 0);
}

TEST_CASE("large_entries matches a recount over random writes", "[mips][tlb][fastpath]") {
    for (unsigned size : {1u, 7u, 16u, 64u}) {
        GuestTlb tlb(size);
        uint32_t x = 0x12345678u + size;
        auto next = [&x] {
            x = x * 1664525u + 1013904223u;
            return x >> 8;
        };
        for (int n = 0; n < 5000; ++n) {
            // Indices up to size + 3: some writes are rejected.
            const unsigned index = next() % (size + 4);
            // Legal, illegal and 4KB masks alike.
            const uint32_t pagemask = (next() % 3 == 0) ? 0 : (next() << 13) & 0x1fffe000u;
            const tern::Status s = tlb.write(index, {hi(next() << 13, 0), pagemask, V, V});
            REQUIRE(s == (index < size ? tern::Status::ok : tern::Status::out_of_range));
            INFO("size " << size << " step " << n);
            REQUIRE(tlb.large_entries() == count_large(tlb));
            if (n == 2500) {
                tlb.reset();
                REQUIRE(tlb.large_entries() == 0);
            }
        }
    }
}

TEST_CASE("keys_end is past size() keys rounded up to 8", "[mips][tlb][fastpath]") {
    // GTLB_KEYS (arch/fast_path.hpp): the keys start 1024 bytes into the
    // object, after the 64 16-byte entries.
    struct Case {
        unsigned entries;
        unsigned keys;   // round_up(size, 8)
    };
    for (const Case c : {Case{1, 8}, Case{7, 8}, Case{8, 8}, Case{9, 16}, Case{16, 16},
                         Case{48, 48}, Case{64, 64}, Case{0, 8}, Case{65, 64}}) {
        INFO("entries " << c.entries);
        GuestTlb tlb(c.entries);
        const uintptr_t end = reinterpret_cast<uintptr_t>(tlb.keys_end());
        const uintptr_t base = reinterpret_cast<uintptr_t>(&tlb);
        CHECK(end - base == 1024 + 4 * c.keys);
        CHECK(end - base <= 1024 + 4 * GuestTlb::max_entries);
        // Neither writes nor reset move it.
        write(tlb, 0, {hi(0x02000000, 0), pagemask_16m, lo(0, V), 0});
        tlb.reset();
        CHECK(reinterpret_cast<uintptr_t>(tlb.keys_end()) == end);
    }
}

TEST_CASE("tlbwr on 16 entries: range, no repeats, peek agrees, full coverage", "[mips][tlb][fastpath]") {
    for (unsigned wired : {0u, 1u, 3u, 14u}) {
        INFO("wired " << wired);
        GuestTlb tlb(16);
        const unsigned span = 16 - wired;
        unsigned counts[16] = {};
        unsigned previous = ~0u;
        for (int n = 0; n < 10000; ++n) {
            const unsigned peek = tlb.peek_random(wired);
            REQUIRE(tlb.peek_random(wired) == peek);   // peeking changes nothing
            const unsigned i = tlb.random_index(wired);
            REQUIRE(i == peek);
            REQUIRE(i >= wired);
            REQUIRE(i <= 15);
            REQUIRE(i != previous);
            ++counts[i];
            previous = i;
        }
        for (unsigned i = wired; i < 16; ++i) {
            INFO("index " << i << " count " << counts[i]);
            CHECK(counts[i] > 0);
            // Roughly even: at least half the fair share.
            CHECK(counts[i] >= 10000 / span / 2);
        }
        if (wired == 14) {
            // Two slots and no repeats: they alternate, starting at 15.
            CHECK(counts[14] == 5000);
            CHECK(counts[15] == 5000);
        }
    }
}

TEST_CASE("lookup finds 4K and 16M entries after overwrites", "[mips][tlb][fastpath]") {
    GuestTlb tlb;
    // Index 2: 4K, then 16M (EntryHi with bits inside the pair set), then
    // 4K elsewhere; index 9: a 4K entry throughout.
    write(tlb, 9, {hi(0x00600000, 4), 0, lo(0x00300000, V), lo(0x00301000, V | D)});
    write(tlb, 2, {hi(0x00400000, 4), 0, lo(0x00100000, V), lo(0x00101000, V)});
    CHECK(tlb.lookup(0x00400123, 4).phys == 0x00100123);

    write(tlb, 2, {hi(0x02ab2000, 4), pagemask_16m, lo(0x04000000, V), lo(0x06000000, V | D)});
    CHECK_FALSE(tlb.lookup(0x00400123, 4).found);
    TlbLookup big = tlb.lookup(0x02abcdef, 4);
    CHECK(big.found);
    CHECK(big.index == 2);
    CHECK(big.page_size == 16u << 20);
    CHECK(big.phys == 0x04abcdef);
    TlbLookup odd = tlb.lookup(0x03fffffc, 4);
    CHECK(odd.found);
    CHECK(odd.dirty);
    CHECK(odd.phys == 0x06fffffc);
    CHECK(tlb.lookup(0x02000000, 4).phys == 0x04000000);
    CHECK_FALSE(tlb.lookup(0x04000000, 4).found);
    CHECK_FALSE(tlb.lookup(0x01fffffc, 4).found);
    CHECK_FALSE(tlb.lookup(0x02abcdef, 5).found);
    TlbLookup small = tlb.lookup(0x00601abc, 4);
    CHECK(small.found);
    CHECK(small.index == 9);
    CHECK(small.page_size == 0x1000);
    CHECK(small.phys == 0x00301abc);

    write(tlb, 2, {hi(0x00402000, 4), 0, lo(0x00200000, V), 0});
    CHECK_FALSE(tlb.lookup(0x02abcdef, 4).found);
    CHECK_FALSE(tlb.lookup(0x03fffffc, 4).found);
    CHECK(tlb.lookup(0x00402abc, 4).phys == 0x00200abc);
    CHECK(tlb.lookup(0x00402abc, 4).page_size == 0x1000);
    CHECK(tlb.lookup(0x00601abc, 4).phys == 0x00301abc);
    CHECK(tlb.large_entries() == 0);
}
