// The page allocator (core/mem/page_alloc.cpp): a bitmap of 4 KiB pages,
// first fit with physical alignment, reservations, and a reference model.
#include <stdint.h>

#include <memory>
#include <random>
#include <vector>

#include "catch.hpp"
#include "hal_host.hpp"
#include "mem/page_alloc.hpp"

using tern::PageAllocator;
using tern::Status;

namespace {

constexpr uint64_t page = PageAllocator::page_size;

std::unique_ptr<PageAllocator> make(uint64_t base, uint64_t size) {
    auto p = std::make_unique<PageAllocator>();
    REQUIRE(p->init(base, size) == Status::ok);
    return p;
}

uint64_t alloc_or_zero(PageAllocator& p, size_t count, size_t align = 1) {
    uint64_t phys = 0;
    return p.alloc(count, phys, align) == Status::ok ? phys : 0;
}

}  // namespace

TEST_CASE("pages: init rounds the region inwards to whole pages", "[pages]") {
    auto p = std::make_unique<PageAllocator>();
    CHECK(p->init(0x1001, 0x10000) == Status::ok);  // [0x2000, 0x11000)
    CHECK(p->base() == 0x2000);
    CHECK(p->total_pages() == 15);
    CHECK(p->free_pages() == 15);
    CHECK(p->init(0x1000, page - 1) == Status::invalid);
    CHECK(p->init(0x1800, page) == Status::invalid);  // no whole page inside
    CHECK(p->init(0, 0) == Status::invalid);
    // More than the bitmap covers: clamped to max_pages.
    CHECK(p->init(0, (PageAllocator::max_pages + 100) * page) == Status::ok);
    CHECK(p->total_pages() == PageAllocator::max_pages);
    uint64_t last = 0;
    CHECK(p->alloc(PageAllocator::max_pages, last) == Status::ok);
    CHECK(p->free_pages() == 0);
}

TEST_CASE("pages: alloc and free", "[pages]") {
    auto p = make(0x100000, 64 * page);
    CHECK(alloc_or_zero(*p, 1) == 0x100000);
    CHECK(alloc_or_zero(*p, 3) == 0x101000);
    CHECK(alloc_or_zero(*p, 1) == 0x104000);
    CHECK(p->free_pages() == 59);
    p->free(0x101000, 3);
    CHECK(p->free_pages() == 62);
    CHECK(alloc_or_zero(*p, 2) == 0x101000);  // first fit: the hole
    CHECK(alloc_or_zero(*p, 2) == 0x105000);  // 1 page left in the hole: too small
    CHECK(alloc_or_zero(*p, 1) == 0x103000);
    uint64_t phys = 0;
    CHECK(p->alloc(0, phys) == Status::no_memory);
    CHECK(p->alloc(1, phys, 0) == Status::no_memory);  // alignment 0
    CHECK(p->alloc(1, phys, 3) == Status::no_memory);  // not a power of two
    CHECK(p->free_pages() == 57);
}

TEST_CASE("pages: alignment is of the physical address", "[pages]") {
    // The base is 4 KiB aligned only, so aligned runs do not start at index 0.
    auto p = make(0x3000, 256 * page);
    CHECK(alloc_or_zero(*p, 1) == 0x3000);
    CHECK(alloc_or_zero(*p, 2, 4) == 0x4000);    // 16 KiB aligned
    CHECK(alloc_or_zero(*p, 1, 16) == 0x10000);  // 64 KiB aligned
    CHECK(alloc_or_zero(*p, 8, 8) == 0x8000);    // 32 KiB aligned: [0x8000, 0x10000) is free
    CHECK(alloc_or_zero(*p, 4, 4) == 0x14000);   // 0x10000 is taken
    CHECK(alloc_or_zero(*p, 1) == 0x6000);       // first fit fills the gaps
    // An alignment larger than the managed range finds nothing.
    uint64_t phys = 0;
    CHECK(p->alloc(1, phys, 1024) == Status::no_memory);
}

TEST_CASE("pages: an aligned search skips past a used page", "[pages]") {
    const uint64_t base = 0x400000;  // aligned to 1024 pages: index alignment = address alignment
    auto p = make(base, 64 * page);
    p->reserve(base + 5 * page, page);  // page 5 in use
    // 4 pages aligned to 4: [0,4) is free; the next window [4,8) holds page
    // 5, so the one after must start at 8, not at 5 or 6.
    CHECK(alloc_or_zero(*p, 4, 4) == base);
    CHECK(alloc_or_zero(*p, 4, 4) == base + 8 * page);
    p->reserve(base + 13 * page, page);
    CHECK(alloc_or_zero(*p, 3, 4) == base + 16 * page);  // [12,15) holds 13
    CHECK(alloc_or_zero(*p, 1) == base + 4 * page);      // unaligned gaps stay usable
}

TEST_CASE("pages: reserve rounds outwards and counts each page once", "[pages]") {
    auto p = make(0x10000, 16 * page);
    p->reserve(0x11800, 0x1000);  // straddles pages 1 and 2
    CHECK(p->free_pages() == 14);
    p->reserve(0x11000, 0x2000);  // the same pages again
    CHECK(p->free_pages() == 14);
    p->reserve(0x0, 0x10000);     // entirely below the range
    p->reserve(0x20000, 0x10000); // entirely above
    p->reserve(0x11000, 0);       // empty
    CHECK(p->free_pages() == 14);
    p->reserve(0xf000, 0x2000);   // overlaps the start: page 0 only
    CHECK(p->free_pages() == 13);
    p->reserve(0x1f000, 0x5000);  // overlaps the end: page 15 only
    CHECK(p->free_pages() == 12);
    CHECK(alloc_or_zero(*p, 2) == 0x13000);  // skips the reserved pages
    // Reserved pages can be freed like allocated ones (firmware data given back).
    p->free(0x11000, 2);
    CHECK(p->free_pages() == 12);
    auto empty = std::make_unique<PageAllocator>();
    empty->reserve(0, 0x10000);  // before init: ignored
    CHECK(empty->free_pages() == 0);
}

TEST_CASE("pages: exhaustion and fragmentation", "[pages]") {
    const uint64_t base = 0x200000;
    auto p = make(base, 32 * page);
    std::vector<uint64_t> pages;
    for (int i = 0; i < 32; ++i) pages.push_back(alloc_or_zero(*p, 1));
    CHECK(pages.front() == base);
    CHECK(pages.back() == base + 31 * page);
    uint64_t phys = 0;
    CHECK(p->alloc(1, phys) == Status::no_memory);
    for (size_t i = 0; i < pages.size(); i += 2) p->free(pages[i], 1);
    CHECK(p->free_pages() == 16);
    CHECK(p->alloc(2, phys) == Status::no_memory);  // half free, nothing contiguous
    CHECK(p->alloc(17, phys) == Status::no_memory);  // more than free
    CHECK(alloc_or_zero(*p, 1) == base);
    CHECK(alloc_or_zero(*p, 1) == base + 2 * page);
}

TEST_CASE("pages: bad frees are hypervisor bugs: panic", "[pages]") {
    host::reset();
    auto p = make(0x10000, 16 * page);
    uint64_t phys = alloc_or_zero(*p, 2);
    CHECK_THROWS_AS(p->free(0x0, 1), host::Halted);            // below the range
    CHECK_THROWS_AS(p->free(0x10800, 1), host::Halted);        // not page aligned
    CHECK_THROWS_AS(p->free(0x10000 + 15 * page, 2), host::Halted);  // past the end
    CHECK_THROWS_AS(p->free(phys + 2 * page, 1), host::Halted);      // never allocated
    CHECK(host::console_output().find("pages: double free") != std::string::npos);
    CHECK(host::console_output().find("pages: bad free") != std::string::npos);
    p->free(phys, 2);
    CHECK(p->free_pages() == 16);
}

TEST_CASE("pages: random operations match a first-fit reference model", "[pages]") {
    const uint64_t base = 0x7000;  // not aligned beyond 4 KiB
    const size_t n = 512;
    auto p = make(base, n * page);
    std::vector<bool> used(n);
    std::vector<std::pair<uint64_t, size_t>> live;
    std::mt19937 rng(11);
    size_t mismatches = 0, allocs = 0, refusals = 0;
    for (int step = 0; step < 5'000; ++step) {
        if (live.empty() || rng() % 5 < 3) {
            size_t count = 1 + rng() % (rng() % 4 == 0 ? 64 : 6);
            size_t align = size_t{1} << (rng() % 5);
            // The model: the lowest index whose address is aligned and whose
            // `count` pages are free.
            int64_t expect = -1;
            for (size_t i = 0; i + count <= n && expect < 0; ++i) {
                if ((base + i * page) % (align * page) != 0) continue;
                bool free_run = true;
                for (size_t j = 0; j < count && free_run; ++j) free_run = !used[i + j];
                if (free_run) expect = static_cast<int64_t>(i);
            }
            uint64_t phys = 0;
            Status s = p->alloc(count, phys, align);
            if (expect < 0) {
                if (s != Status::no_memory) ++mismatches;
                ++refusals;
                continue;
            }
            if (s != Status::ok || phys != base + static_cast<uint64_t>(expect) * page) {
                ++mismatches;
                continue;
            }
            for (size_t j = 0; j < count; ++j) used[static_cast<size_t>(expect) + j] = true;
            live.push_back({phys, count});
            ++allocs;
        } else {
            size_t k = rng() % live.size();
            p->free(live[k].first, live[k].second);
            for (size_t j = 0; j < live[k].second; ++j) used[(live[k].first - base) / page + j] = false;
            live.erase(live.begin() + static_cast<long>(k));
        }
        size_t free_model = 0;
        for (bool u : used) free_model += !u;
        if (free_model != p->free_pages()) ++mismatches;
    }
    CHECK(mismatches == 0);
    CHECK(allocs > 1000);
    CHECK(refusals > 10);  // the pressure did reach exhaustion
}
