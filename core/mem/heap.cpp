// First-fit heap with boundary tags: each block records its own and its
// predecessor's size, so free() merges with both neighbours in O(1).
#include "mem/heap.hpp"

#include <string.h>

#include "console.hpp"

namespace tern {

struct Heap::Block {
    uint32_t size;       // whole block, header included, multiple of alignment
    uint32_t prev_size;  // 0 for the first block
    uint32_t magic;
    uint32_t is_free;

    static constexpr uint32_t magic_value = 0x7e4b10cu;
    uint8_t* payload() { return reinterpret_cast<uint8_t*>(this) + sizeof(Block); }
};


static_assert(sizeof(uint32_t) * 4 == Heap::alignment, "the header keeps payloads aligned");

Status Heap::init(void* base, size_t size) {
    auto start = align_up(reinterpret_cast<uintptr_t>(base), alignment);
    auto end = align_down(reinterpret_cast<uintptr_t>(base) + size, alignment);
    if (end <= start || end - start < 4 * alignment || end - start > 0xfffffff0u)
        return Status::invalid;
    first_ = reinterpret_cast<Block*>(start);
    end_ = reinterpret_cast<uint8_t*>(end);
    *first_ = Block{static_cast<uint32_t>(end - start), 0, Block::magic_value, 1};
    stats_ = HeapStats{};
    stats_.total = end - start;
    return Status::ok;
}

Heap::Block* Heap::next_block(Block* b) const {
    auto* n = reinterpret_cast<uint8_t*>(b) + b->size;
    return n < end_ ? reinterpret_cast<Block*>(n) : nullptr;
}

Heap::Block* Heap::prev_block(Block* b) const {
    return b->prev_size == 0 ? nullptr
                             : reinterpret_cast<Block*>(reinterpret_cast<uint8_t*>(b) - b->prev_size);
}

void* Heap::alloc(size_t size) {
    if (first_ == nullptr || size == 0 || size > stats_.total) {
        ++stats_.failures;
        return nullptr;
    }
    auto need = static_cast<uint32_t>(align_up(size, alignment) + sizeof(Block));
    for (Block* b = first_; b != nullptr; b = next_block(b)) {
        if (!b->is_free || b->size < need) continue;
        // Split when the rest can hold a header and a minimal payload.
        if (b->size - need >= 2 * sizeof(Block)) {
            auto* rest = reinterpret_cast<Block*>(reinterpret_cast<uint8_t*>(b) + need);
            *rest = Block{b->size - need, need, Block::magic_value, 1};
            if (Block* after = next_block(rest)) after->prev_size = rest->size;
            b->size = need;
        }
        b->is_free = 0;
        stats_.used += b->size;
        stats_.peak = max(stats_.peak, stats_.used);
        ++stats_.allocations;
        return b->payload();
    }
    ++stats_.failures;
    return nullptr;
}

void* Heap::alloc_zeroed(size_t size) {
    void* p = alloc(size);
    if (p != nullptr) memset(p, 0, size);
    return p;
}

bool Heap::contains(const void* p) const {
    auto* q = static_cast<const uint8_t*>(p);
    return first_ != nullptr && q >= reinterpret_cast<const uint8_t*>(first_) && q < end_;
}

void Heap::free(void* p) {
    if (p == nullptr) return;
    auto* b = reinterpret_cast<Block*>(static_cast<uint8_t*>(p) - sizeof(Block));
    if (!contains(p) || b->magic != Block::magic_value || b->is_free)
        panic("heap: bad free of %p", p);
    b->is_free = 1;
    stats_.used -= b->size;
    ++stats_.frees;
    if (Block* n = next_block(b); n != nullptr && n->is_free) {
        b->size += n->size;
        n->magic = 0;
    }
    if (Block* prev = prev_block(b); prev != nullptr && prev->is_free) {
        prev->size += b->size;
        b->magic = 0;
        b = prev;
    }
    if (Block* n = next_block(b)) n->prev_size = b->size;
}

HeapStats Heap::stats() const {
    HeapStats s = stats_;
    s.free_blocks = 0;
    s.largest_free = 0;
    for (Block* b = first_; b != nullptr; b = next_block(b)) {
        if (!b->is_free) continue;
        ++s.free_blocks;
        s.largest_free = max<size_t>(s.largest_free, b->size - sizeof(Block));
    }
    return s;
}

bool Heap::check() const {
    uint32_t prev = 0;
    for (Block* b = first_; b != nullptr; b = next_block(b)) {
        if (b->magic != Block::magic_value || b->prev_size != prev || b->size < sizeof(Block) ||
            b->size % alignment != 0)
            return false;
        prev = b->size;
    }
    return true;
}

}  // namespace tern

namespace tern {
namespace {
Heap hypervisor_heap;
}
Heap& heap() { return hypervisor_heap; }
}  // namespace tern
