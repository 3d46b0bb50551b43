// A guest's physical address space: RAM and ROM regions backed by host
// pages, and device regions handled by emulators.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "lib/std.hpp"

namespace tern {

struct Device;

enum class RegionKind : uint8_t { ram, rom, device };
const char* region_kind_name(RegionKind k);

struct Region {
    RegionKind kind;
    uint64_t gpa;          // guest-physical base
    uint64_t size;
    uint64_t host_phys;    // RAM/ROM: host-physical base (contiguous)
    Device* device;        // device regions
    char name[24];
};

class AddressSpace {
public:
    static constexpr unsigned max_regions = 16;

    // Adds a region; Status::invalid if it overlaps another or wraps,
    // Status::no_memory when the table is full.
    Status add(const Region& r);
    void clear() { count_ = 0; }

    // The region containing `gpa`, or nullptr.
    [[nodiscard]] const Region* find(uint64_t gpa) const;
    // Host-physical address of [gpa, gpa+len) if it lies inside one RAM/ROM
    // region; false for devices, holes and ranges crossing regions.
    [[nodiscard]] bool translate(uint64_t gpa, uint64_t len, uint64_t& host_phys) const;
    // Hypervisor pointer to guest memory, or nullptr (as translate).
    [[nodiscard]] void* host_pointer(uint64_t gpa, uint64_t len) const;

    unsigned count() const { return count_; }
    const Region& region(unsigned i) const { return regions_[i]; }

private:
    Region regions_[max_regions] = {};
    unsigned count_ = 0;
};

}  // namespace tern
