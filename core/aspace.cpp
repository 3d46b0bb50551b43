// Guest physical address spaces.
#include "aspace.hpp"

#include "hal/memory.hpp"

namespace tern {

const char* region_kind_name(RegionKind k) {
    switch (k) {
    case RegionKind::ram: return "ram";
    case RegionKind::rom: return "rom";
    case RegionKind::device: return "device";
    }
    return "?";
}

Status AddressSpace::add(const Region& r) {
    if (r.size == 0 || r.gpa + r.size < r.gpa) return Status::invalid;
    for (unsigned i = 0; i < count_; ++i) {
        const Region& o = regions_[i];
        if (r.gpa < o.gpa + o.size && o.gpa < r.gpa + r.size) return Status::invalid;
    }
    if (count_ == max_regions) return Status::no_memory;
    regions_[count_++] = r;
    return Status::ok;
}

const Region* AddressSpace::find(uint64_t gpa) const {
    for (unsigned i = 0; i < count_; ++i) {
        const Region& r = regions_[i];
        if (gpa >= r.gpa && gpa - r.gpa < r.size) return &r;
    }
    return nullptr;
}

bool AddressSpace::translate(uint64_t gpa, uint64_t len, uint64_t& host_phys) const {
    const Region* r = find(gpa);
    if (r == nullptr || r->kind == RegionKind::device || !range_within(gpa, len, r->gpa, r->size))
        return false;
    host_phys = r->host_phys + (gpa - r->gpa);
    return true;
}

void* AddressSpace::host_pointer(uint64_t gpa, uint64_t len) const {
    uint64_t phys = 0;
    return translate(gpa, len, phys) ? hal::phys_to_virt(phys) : nullptr;
}

}  // namespace tern
