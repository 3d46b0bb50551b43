// Host ASIDs for guest address spaces. Each (VCPU, guest mode, guest ASID)
// gets its own host ASID on first use, so a guest ASID switch or a
// kernel/user switch flushes nothing. When the 255 host ASIDs run out a
// new generation starts: the host TLB is flushed and every cached
// assignment becomes stale (checked by generation number, lazily).
// Pure logic: the flush is a hook, so host unit tests drive it.
#pragma once

#include <stdint.h>

namespace mips {

// One VCPU's assignments: [kernel view?][guest ASID]. A slot is current
// when both its generation and its epoch match; bumping the table's epoch
// forgets every assignment of the VCPU at once.
struct AsidTable {
    struct Slot {
        uint32_t generation;  // 0: never assigned
        uint16_t epoch;
        uint8_t asid;
    };
    Slot slots[2][256];
    uint16_t epoch;
};

class AsidAllocator {
public:
    static constexpr unsigned first_asid = 1;   // 0 is never given to a guest
    static constexpr unsigned last_asid = 255;

    using FlushHook = void (*)();
    explicit AsidAllocator(FlushHook flush) : flush_(flush) {}

    // The host ASID of (table's VCPU, kernel view or not, guest ASID),
    // assigning one if needed (which may start a new generation).
    uint8_t get(AsidTable& table, bool kernel, uint8_t guest_asid) {
        AsidTable::Slot& s = table.slots[kernel ? 1 : 0][guest_asid];
        if (s.generation == generation_ && s.epoch == table.epoch) return s.asid;
        if (next_ > last_asid) rollover();
        s.generation = generation_;
        s.epoch = table.epoch;
        s.asid = static_cast<uint8_t>(next_++);
        return s.asid;
    }

    // The assignment if current, else -1 (no host TLB entry can use it).
    int lookup(const AsidTable& table, bool kernel, uint8_t guest_asid) const {
        const AsidTable::Slot& s = table.slots[kernel ? 1 : 0][guest_asid];
        return s.generation == generation_ && s.epoch == table.epoch ? s.asid : -1;
    }

    // Forgets a VCPU's assignments in O(1). Its host TLB entries keep the
    // old ASIDs, which no one gets again in this generation: unreachable.
    static void forget(AsidTable& table) {
        if (++table.epoch == 0) {  // epoch wrapped: old slots could match again
            for (auto& mode : table.slots)
                for (auto& s : mode) s.generation = 0;
        }
    }

    uint32_t generation() const { return generation_; }
    unsigned assigned() const { return next_ - first_asid; }

private:
    void rollover() {
        ++generation_;
        if (generation_ == 0) generation_ = 1;  // 0 means "never"
        next_ = first_asid;
        flush_();
    }

    FlushHook flush_;
    uint32_t generation_ = 1;
    unsigned next_ = first_asid;
};

}  // namespace mips
