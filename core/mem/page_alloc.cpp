// Bitmap page allocator.
#include "mem/page_alloc.hpp"

#include "console.hpp"

namespace tern {

Status PageAllocator::init(uint64_t base, uint64_t size) {
    uint64_t start = align_up(base, page_size);
    uint64_t end = align_down(base + size, page_size);
    if (end <= start) return Status::invalid;
    base_ = start;
    pages_ = static_cast<size_t>(min<uint64_t>((end - start) / page_size, max_pages));
    free_ = pages_;
    for (auto& word : bitmap_) word = 0;
    return Status::ok;
}

void PageAllocator::reserve(uint64_t base, uint64_t size) {
    if (size == 0 || pages_ == 0) return;
    uint64_t start = align_down(base, page_size), end = align_up(base + size, page_size);
    uint64_t lo = max(start, base_), hi = min(end, base_ + pages_ * page_size);
    for (uint64_t a = lo; a < hi; a += page_size) {
        size_t i = static_cast<size_t>((a - base_) / page_size);
        if (!test(i)) {
            set(i);
            --free_;
        }
    }
}

Status PageAllocator::alloc(size_t count, uint64_t& phys, size_t align_pages) {
    if (count == 0 || count > free_ || !is_pow2(align_pages)) return Status::no_memory;
    // Alignment is of the physical address, not of the bitmap index.
    uint64_t align_bytes = align_pages * page_size;
    size_t first = static_cast<size_t>((align_up(base_, align_bytes) - base_) / page_size);
    for (size_t i = first; i + count <= pages_; i += align_pages) {
        size_t run = 0;
        while (run < count && !test(i + run)) ++run;
        if (run < count) {
            // Skip past the used page, staying on the alignment grid.
            size_t skip = (run + align_pages) / align_pages * align_pages;
            i += skip - align_pages;
            continue;
        }
        for (size_t j = 0; j < count; ++j) set(i + j);
        free_ -= count;
        phys = base_ + i * page_size;
        return Status::ok;
    }
    return Status::no_memory;
}

void PageAllocator::free(uint64_t phys, size_t count) {
    if (phys < base_ || (phys - base_) % page_size != 0 ||
        (phys - base_) / page_size + count > pages_)
        panic("pages: bad free of 0x%llx (+%zu)", static_cast<unsigned long long>(phys), count);
    size_t first = static_cast<size_t>((phys - base_) / page_size);
    for (size_t j = 0; j < count; ++j) {
        if (!test(first + j))
            panic("pages: double free at 0x%llx", static_cast<unsigned long long>(phys));
        clear(first + j);
    }
    free_ += count;
}

namespace {
PageAllocator pages;
}
PageAllocator& page_allocator() { return pages; }

}  // namespace tern
