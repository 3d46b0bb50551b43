// Page allocator: contiguous runs of 4 KiB physical pages for guest RAM,
// stacks and other large allocations. A bitmap, first fit.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "lib/std.hpp"

namespace tern {

class PageAllocator {
public:
    static constexpr uint64_t page_size = 4096;
    static constexpr size_t max_pages = 131072;  // 512 MiB

    // Manages the pages of [base, base+size) (rounded inwards to pages).
    Status init(uint64_t base, uint64_t size);
    // Marks [base, base+size) as in use (firmware data, the initrd).
    void reserve(uint64_t base, uint64_t size);

    // Physical address of `count` contiguous free pages aligned to
    // `align_pages` pages (a power of two), or Status::no_memory.
    Status alloc(size_t count, uint64_t& phys, size_t align_pages = 1);
    // Frees what alloc returned. Freeing pages not in use is a bug: panic.
    void free(uint64_t phys, size_t count);

    size_t total_pages() const { return pages_; }
    size_t free_pages() const { return free_; }
    uint64_t base() const { return base_; }

private:
    bool test(size_t i) const { return (bitmap_[i / 32] >> (i % 32)) & 1; }
    void set(size_t i) { bitmap_[i / 32] |= 1u << (i % 32); }
    void clear(size_t i) { bitmap_[i / 32] &= ~(1u << (i % 32)); }

    uint64_t base_ = 0;
    size_t pages_ = 0;
    size_t free_ = 0;
    uint32_t bitmap_[max_pages / 32] = {};  // 1 = in use
};

PageAllocator& page_allocator();

}  // namespace tern
