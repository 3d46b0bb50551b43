// The hypervisor heap: variable-size objects (threads, guests, device
// state) from one fixed region, first fit with coalescing, with accounting.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "lib/new.hpp"
#include "lib/std.hpp"

namespace tern {

struct HeapStats {
    size_t total = 0;         // bytes usable for objects and headers
    size_t used = 0;          // bytes in allocated blocks (headers included)
    size_t peak = 0;          // highest `used` seen
    size_t allocations = 0;   // successful allocations so far
    size_t frees = 0;
    size_t failures = 0;      // allocations that found no room
    size_t free_blocks = 0;
    size_t largest_free = 0;  // largest allocation that would succeed now
};

class Heap {
public:
    static constexpr size_t alignment = 16;   // of every returned pointer

    // Takes over [base, base+size). Returns Status::invalid if too small.
    Status init(void* base, size_t size);

    // nullptr when there is no room (counted in failures); never panics.
    [[nodiscard]] void* alloc(size_t size);
    [[nodiscard]] void* alloc_zeroed(size_t size);
    // Frees a pointer alloc returned; nullptr is ignored. A pointer the heap
    // did not hand out, or a double free, is a hypervisor bug: panic.
    void free(void* p);

    [[nodiscard]] HeapStats stats() const;
    bool contains(const void* p) const;
    // Walks every block checking headers; false on corruption.
    [[nodiscard]] bool check() const;

private:
    struct Block;
    Block* first_ = nullptr;
    uint8_t* end_ = nullptr;
    HeapStats stats_;

    Block* next_block(Block* b) const;
    Block* prev_block(Block* b) const;
};

// The hypervisor's heap (set up by kernel_main from CONFIG_HEAP_SIZE_KB).
Heap& heap();

// Allocates and constructs a T on the hypervisor heap; nullptr if full.
template <typename T, typename... Args>
T* heap_new(Args&&... args) {
    void* p = heap().alloc(sizeof(T));
    return p != nullptr ? new (p) T(forward<Args>(args)...) : nullptr;
}

template <typename T>
void heap_delete(T* obj) {
    if (obj == nullptr) return;
    obj->~T();
    heap().free(obj);
}

}  // namespace tern
