// The MIPS host ASID allocator (arch/mips/cpu/asid_allocator.hpp, header
// only): one host ASID per (VCPU table, guest mode, guest ASID), stable
// within a generation; running out starts a generation (flush hook) that
// invalidates every assignment; forget() drops one table's in O(1).
#include <stdint.h>

#include <memory>
#include <set>

#include "arch/mips/cpu/asid_allocator.hpp"
#include "catch.hpp"

using mips::AsidAllocator;
using mips::AsidTable;

namespace {

unsigned flushes;
void count_flush() { ++flushes; }

std::unique_ptr<AsidTable> table() { return std::make_unique<AsidTable>(AsidTable{}); }

constexpr unsigned usable = AsidAllocator::last_asid - AsidAllocator::first_asid + 1;  // 255

}  // namespace

TEST_CASE("asid: each table and mode and guest ASID gets its own host ASID", "[asid][mips]") {
    flushes = 0;
    AsidAllocator alloc(count_flush);
    auto a = table(), b = table();
    CHECK(alloc.lookup(*a, false, 7) == -1);  // nothing assigned yet
    uint8_t user7 = alloc.get(*a, false, 7);
    uint8_t kernel7 = alloc.get(*a, true, 7);
    uint8_t user8 = alloc.get(*a, false, 8);
    uint8_t other7 = alloc.get(*b, false, 7);
    CHECK(user7 == AsidAllocator::first_asid);  // handed out in order from 1
    CHECK(kernel7 == 2);
    CHECK(user8 == 3);
    CHECK(other7 == 4);
    CHECK(alloc.assigned() == 4);
    CHECK(alloc.lookup(*a, false, 7) == user7);
    CHECK(alloc.lookup(*a, true, 7) == kernel7);
    CHECK(alloc.lookup(*b, true, 7) == -1);
    CHECK(flushes == 0);
}

TEST_CASE("asid: assignments are stable", "[asid][mips]") {
    flushes = 0;
    AsidAllocator alloc(count_flush);
    auto a = table();
    uint8_t first = alloc.get(*a, false, 0);
    int changed = 0;
    for (int i = 0; i < 1000; ++i) changed += alloc.get(*a, false, 0) != first;
    CHECK(changed == 0);
    for (unsigned g = 1; g < 100; ++g) (void)alloc.get(*a, false, static_cast<uint8_t>(g));
    CHECK(alloc.get(*a, false, 0) == first);
    CHECK(alloc.assigned() == 100);
    CHECK(alloc.generation() == 1);
}

TEST_CASE("asid: host ASID 0 is never handed out and none is given twice", "[asid][mips]") {
    flushes = 0;
    AsidAllocator alloc(count_flush);
    auto a = table(), b = table();
    std::set<int> seen;
    unsigned n = 0;
    for (unsigned g = 0; g < 128 && n < usable; ++g, ++n) seen.insert(alloc.get(*a, false, static_cast<uint8_t>(g)));
    for (unsigned g = 0; g < 256 && n < usable; ++g, ++n) seen.insert(alloc.get(*b, true, static_cast<uint8_t>(g)));
    CHECK(n == usable);
    CHECK(seen.size() == usable);
    CHECK(seen.count(0) == 0);
    CHECK(*seen.rbegin() == 255);
    CHECK(flushes == 0);  // exactly the usable ASIDs: no rollover yet
}

TEST_CASE("asid: running out starts a generation that invalidates every assignment",
          "[asid][mips]") {
    flushes = 0;
    AsidAllocator alloc(count_flush);
    auto a = table(), b = table();
    for (unsigned g = 0; g < usable; ++g) (void)alloc.get(*a, false, static_cast<uint8_t>(g));
    REQUIRE(alloc.lookup(*a, false, 254) == 255);
    CHECK(flushes == 0);
    CHECK(alloc.generation() == 1);
    uint8_t b_before = alloc.get(*b, true, 1);  // the 256th: rollover
    CHECK(flushes == 1);
    CHECK(alloc.generation() == 2);
    CHECK(b_before == AsidAllocator::first_asid);
    CHECK(alloc.assigned() == 1);
    // Every assignment of the old generation is stale, in every table.
    unsigned stale = 0;
    for (unsigned g = 0; g < usable; ++g) stale += alloc.lookup(*a, false, static_cast<uint8_t>(g)) == -1;
    CHECK(stale == usable);
    // ... and gets a fresh ASID when used again.
    CHECK(alloc.get(*a, false, 254) == 2);
    CHECK(alloc.get(*b, true, 1) == 1);  // the new one is stable
    CHECK(flushes == 1);
    // Another full round: a second flush.
    for (unsigned i = 0; i < usable - 1; ++i) (void)alloc.get(*b, false, static_cast<uint8_t>(i));
    CHECK(flushes == 2);
    CHECK(alloc.generation() == 3);
}

TEST_CASE("asid: forget drops one table's assignments only", "[asid][mips]") {
    flushes = 0;
    AsidAllocator alloc(count_flush);
    auto a = table(), b = table();
    uint8_t a1 = alloc.get(*a, false, 1);
    uint8_t ak = alloc.get(*a, true, 1);
    uint8_t b1 = alloc.get(*b, false, 1);
    AsidAllocator::forget(*a);
    CHECK(alloc.lookup(*a, false, 1) == -1);
    CHECK(alloc.lookup(*a, true, 1) == -1);
    CHECK(alloc.lookup(*b, false, 1) == b1);
    // Old host ASIDs are not reused within the generation: the next is new.
    uint8_t again = alloc.get(*a, false, 1);
    CHECK(again != a1);
    CHECK(again != ak);
    CHECK(again != b1);
    CHECK(again == 4);
    CHECK(alloc.get(*a, false, 1) == again);
    CHECK(flushes == 0);
}

TEST_CASE("asid: forget survives its epoch counter wrapping", "[asid][mips]") {
    flushes = 0;
    AsidAllocator alloc(count_flush);
    auto a = table();
    uint8_t old = alloc.get(*a, false, 9);
    REQUIRE(old == 1);
    // 65536 forgets bring the 16-bit epoch back to the value the slot was
    // assigned under; the slot must still count as forgotten.
    for (unsigned i = 0; i < 65536; ++i) AsidAllocator::forget(*a);
    CHECK(a->epoch == 0);
    CHECK(alloc.lookup(*a, false, 9) == -1);
    CHECK(alloc.get(*a, false, 9) == 2);
}
