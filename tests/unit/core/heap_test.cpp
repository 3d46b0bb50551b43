// The hypervisor heap (core/mem/heap.cpp): first fit with boundary tags,
// coalescing, accounting and integrity checks, on buffers the tests own.
#include <stdint.h>
#include <string.h>

#include <algorithm>
#include <map>
#include <random>
#include <vector>

#include "catch.hpp"
#include "hal_host.hpp"
#include "mem/heap.hpp"

using tern::Heap;
using tern::HeapStats;
using tern::Status;

namespace {

constexpr size_t header = 16;  // a block's boundary tag; payloads follow it

// An aligned buffer, optionally starting `skew` bytes past alignment.
struct Arena {
    std::vector<uint64_t> words;
    uint8_t* base;
    size_t size;
    Arena(size_t bytes, size_t skew = 0) : words((bytes + skew) / 8 + 2) {
        base = reinterpret_cast<uint8_t*>(words.data()) + skew;
        size = bytes;
    }
};

bool aligned16(const void* p) { return reinterpret_cast<uintptr_t>(p) % 16 == 0; }

}  // namespace

TEST_CASE("heap: init checks the region", "[heap]") {
    Arena a(4096);
    Heap h;
    CHECK(h.init(a.base, 63) == Status::invalid);  // less than four alignment units
    CHECK(h.init(a.base, 64) == Status::ok);
    CHECK(h.stats().total == 64);
    CHECK(h.init(a.base, size_t{1} << 32) == Status::invalid);  // sizes are 32-bit
    Heap unused;
    CHECK(unused.alloc(16) == nullptr);  // never initialized
    CHECK(unused.stats().failures == 1);
    CHECK_FALSE(unused.contains(a.base));

    // An unaligned region is trimmed to alignment at both ends.
    Arena skewed(4096, 3);
    Heap s;
    REQUIRE(s.init(skewed.base, 4096) == Status::ok);
    CHECK(s.stats().total == 4096 - 16);
    void* p = s.alloc(1);
    CHECK(aligned16(p));
    CHECK(static_cast<uint8_t*>(p) - skewed.base == 13 + 16);  // first aligned address + header
}

TEST_CASE("heap: allocations are aligned and disjoint and accounted", "[heap]") {
    for (size_t skew : {0, 1, 8, 15}) {
        Arena a(64 * 1024, skew);
        Heap h;
        REQUIRE(h.init(a.base, a.size) == Status::ok);
        HeapStats s0 = h.stats();
        CHECK(s0.used == 0);
        CHECK(s0.free_blocks == 1);
        CHECK(s0.largest_free == s0.total - header);

        std::vector<std::pair<uint8_t*, size_t>> blocks;
        size_t expect_used = 0;
        for (size_t size : {1, 15, 16, 17, 100, 1000, 33, 4}) {
            auto* p = static_cast<uint8_t*>(h.alloc(size));
            REQUIRE(p != nullptr);
            CHECK(aligned16(p));
            CHECK(h.contains(p));
            memset(p, static_cast<int>(blocks.size() + 1), size);
            blocks.push_back({p, size});
            expect_used += (size + 15) / 16 * 16 + header;
        }
        size_t overwritten = 0;
        for (size_t i = 0; i < blocks.size(); ++i)
            for (size_t j = 0; j < blocks[i].second; ++j)
                if (blocks[i].first[j] != static_cast<uint8_t>(i + 1)) ++overwritten;
        CHECK(overwritten == 0);
        HeapStats s = h.stats();
        CHECK(s.used == expect_used);
        CHECK(s.peak == expect_used);
        CHECK(s.allocations == blocks.size());
        CHECK(s.frees == 0);
        CHECK(s.free_blocks == 1);
        CHECK(s.largest_free == s.total - expect_used - header);
        CHECK(h.check());
        size_t freed = (1000 + 15) / 16 * 16 + header;
        h.free(blocks[5].first);
        s = h.stats();
        CHECK(s.used == expect_used - freed);
        CHECK(s.peak == expect_used);  // the peak stays
        CHECK(s.frees == 1);
        CHECK(s.free_blocks == 2);
    }
}

TEST_CASE("heap: freeing merges with both neighbours", "[heap]") {
    Arena a(8192);
    Heap h;
    REQUIRE(h.init(a.base, a.size) == Status::ok);
    const size_t total = h.stats().total;
    void* p[4];
    for (void*& q : p) q = h.alloc(200);
    REQUIRE(h.stats().free_blocks == 1);  // the tail

    h.free(p[0]);
    h.free(p[2]);
    CHECK(h.stats().free_blocks == 3);  // p0, p2, tail
    h.free(p[1]);                       // merges with p0 before and p2 after
    CHECK(h.stats().free_blocks == 2);
    CHECK(h.stats().largest_free == total - 4 * 224 - header);  // the tail is still the largest
    CHECK(h.check());
    // The merged hole holds one allocation as large as the three blocks.
    void* big = h.alloc(3 * 224 - header);
    CHECK(big == p[0]);
    CHECK(h.stats().free_blocks == 1);
    h.free(big);
    h.free(p[3]);  // merges with the hole before and the tail after
    HeapStats s = h.stats();
    CHECK(s.free_blocks == 1);
    CHECK(s.used == 0);
    CHECK(s.largest_free == total - header);
    CHECK(h.alloc(total - header) == p[0]);  // the whole heap again
    CHECK(h.check());
}

TEST_CASE("heap: first fit that splits only what leaves a usable block", "[heap]") {
    Arena a(8192);
    Heap h;
    REQUIRE(h.init(a.base, a.size) == Status::ok);
    void* x = h.alloc(48);  // 64-byte block
    void* y = h.alloc(48);
    void* z = h.alloc(48);
    h.free(y);
    // The first hole that fits is y's, even though the tail is bigger.
    void* small = h.alloc(16);  // 32 of 64 bytes: the rest (32) is split off
    CHECK(small == y);
    CHECK(h.stats().free_blocks == 2);
    void* tiny = h.alloc(1);  // fits the 32-byte rest exactly
    CHECK(tiny == static_cast<uint8_t*>(y) + 32);
    CHECK(h.stats().free_blocks == 1);
    h.free(small);
    h.free(tiny);
    size_t used = h.stats().used;
    void* again = h.alloc(33);  // 48 + header: the 64-byte hole exactly
    CHECK(again == y);
    CHECK(h.stats().used == used + 64);
    h.free(again);
    // 32 + header = 48 of the 64-byte hole: a 16-byte rest cannot hold a
    // block, so the whole hole is handed out.
    void* fits_loosely = h.alloc(32);
    CHECK(fits_loosely == y);
    CHECK(h.stats().used == used + 64);  // the whole block is in use
    CHECK(h.stats().free_blocks == 1);
    h.free(fits_loosely);
    h.free(x);
    h.free(z);
    CHECK(h.stats().used == 0);
    CHECK(h.stats().free_blocks == 1);
    CHECK(h.check());
}

TEST_CASE("heap: exhaustion returns nullptr and counts failures", "[heap]") {
    Arena a(4096);
    Heap h;
    REQUIRE(h.init(a.base, a.size) == Status::ok);
    const size_t total = h.stats().total;
    std::vector<void*> got;
    while (void* p = h.alloc(100)) got.push_back(p);
    CHECK(got.size() == total / 128);  // 112 + 16 per block
    HeapStats s = h.stats();
    CHECK(s.failures == 1);
    CHECK(s.allocations == got.size());
    CHECK(h.alloc(total + 1) == nullptr);   // more than the heap
    CHECK(h.alloc(0) == nullptr);           // nothing to allocate
    CHECK(h.alloc(~size_t{0}) == nullptr);  // no overflow in the size arithmetic
    CHECK(h.stats().failures == 4);
    CHECK(h.stats().used == got.size() * 128);
    h.free(got[3]);
    CHECK(h.alloc(100) == got[3]);  // room again
    CHECK(h.alloc(200) == nullptr);  // but not for more
    CHECK(h.check());
}

TEST_CASE("heap: alloc_zeroed and contains", "[heap]") {
    Arena a(4096);
    memset(a.base, 0xa5, a.size);
    Heap h;
    REQUIRE(h.init(a.base, a.size) == Status::ok);
    auto* p = static_cast<uint8_t*>(h.alloc_zeroed(300));
    REQUIRE(p != nullptr);
    CHECK(std::all_of(p, p + 300, [](uint8_t b) { return b == 0; }));
    CHECK(h.contains(p));
    CHECK(h.contains(a.base + a.size - 1));
    CHECK_FALSE(h.contains(a.base + a.size));
    CHECK_FALSE(h.contains(a.base - 1));
    CHECK(h.alloc_zeroed(1 << 20) == nullptr);
}

TEST_CASE("heap: check() finds corrupted headers", "[heap]") {
    Arena a(4096);
    Heap h;
    REQUIRE(h.init(a.base, a.size) == Status::ok);
    auto* p = static_cast<uint8_t*>(h.alloc(64));
    auto* q = static_cast<uint8_t*>(h.alloc(64));
    REQUIRE(h.check());
    uint8_t saved[header];
    memcpy(saved, q - header, header);
    q[-8] ^= 0x40;  // magic
    CHECK_FALSE(h.check());
    memcpy(q - header, saved, header);
    CHECK(h.check());
    q[-12] ^= 0x10;  // prev_size
    CHECK_FALSE(h.check());
    memcpy(q - header, saved, header);
    // An overrun of p's payload into q's header is what this catches in practice.
    memset(p, 0, 64 + 4);
    CHECK_FALSE(h.check());
    memcpy(q - header, saved, header);
    CHECK(h.check());
}

TEST_CASE("heap: bad frees are hypervisor bugs: panic", "[heap]") {
    host::reset();
    Arena a(4096);
    Heap h;
    REQUIRE(h.init(a.base, a.size) == Status::ok);
    auto* p = static_cast<uint8_t*>(h.alloc(64));
    h.free(nullptr);  // ignored
    CHECK(h.stats().frees == 0);
    int outside = 0;
    CHECK_THROWS_AS(h.free(&outside), host::Halted);
    CHECK_THROWS_AS(h.free(p + 16), host::Halted);  // inside a block, no header there
    h.free(p);
    CHECK_THROWS_AS(h.free(p), host::Halted);  // double free
    CHECK(host::console_output().find("heap: bad free") != std::string::npos);
    CHECK(h.stats().frees == 1);
    CHECK(h.check());
}

TEST_CASE("heap: random allocation patterns keep data and coalesce fully", "[heap]") {
    Arena a(256 * 1024);
    Heap h;
    REQUIRE(h.init(a.base, a.size) == Status::ok);
    const size_t total = h.stats().total;
    std::mt19937 rng(7);
    std::map<uint8_t*, std::pair<size_t, uint8_t>> live;  // pointer -> size, fill byte
    size_t failures = 0, corrupt = 0, misaligned = 0, bad_checks = 0;
    for (int step = 0; step < 20'000; ++step) {
        if (live.empty() || rng() % 3 != 0) {
            size_t size = 1 + rng() % (rng() % 8 == 0 ? 8000 : 200);
            auto* p = static_cast<uint8_t*>(h.alloc(size));
            if (p == nullptr) {
                ++failures;
                continue;
            }
            if (!aligned16(p)) ++misaligned;
            auto fill = static_cast<uint8_t>(rng());
            memset(p, fill, size);
            live[p] = {size, fill};
        } else {
            auto it = live.begin();
            std::advance(it, rng() % live.size());
            auto [size, fill] = it->second;
            for (size_t i = 0; i < size; ++i)
                if (it->first[i] != fill) {
                    ++corrupt;
                    break;
                }
            h.free(it->first);
            live.erase(it);
        }
        if (step % 500 == 0 && !h.check()) ++bad_checks;
    }
    CHECK(corrupt == 0);
    CHECK(misaligned == 0);
    CHECK(bad_checks == 0);
    CHECK(h.stats().failures == failures);
    for (auto& [p, info] : live) h.free(p);
    HeapStats s = h.stats();
    CHECK(s.used == 0);
    CHECK(s.free_blocks == 1);
    CHECK(s.largest_free == total - header);
    CHECK(s.allocations == s.frees);
    CHECK(h.check());
}

namespace {
struct Counted {
    static int alive;
    int value;
    explicit Counted(int v) : value(v) { ++alive; }
    ~Counted() { --alive; }
};
int Counted::alive = 0;
}  // namespace

TEST_CASE("heap: heap_new and heap_delete construct on the hypervisor heap", "[heap]") {
    static Arena a(4096);
    REQUIRE(tern::heap().init(a.base, a.size) == Status::ok);
    Counted* c = tern::heap_new<Counted>(42);
    REQUIRE(c != nullptr);
    CHECK(c->value == 42);
    CHECK(Counted::alive == 1);
    CHECK(tern::heap().contains(c));
    tern::heap_delete(c);
    CHECK(Counted::alive == 0);
    CHECK(tern::heap().stats().used == 0);
    tern::heap_delete<Counted>(nullptr);
    struct Huge {
        char bytes[8192];
    };
    CHECK(tern::heap_new<Huge>() == nullptr);
    CHECK(tern::heap().stats().failures == 1);
}
