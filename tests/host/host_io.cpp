// The fake I/O bus behind the host IoRegion.
#include "host_io.hpp"

#include "arch/io.hpp"

namespace host {
namespace {

struct Mapping {
    uint64_t base;
    uint64_t size;
    IoDevice* device;
};

std::vector<Mapping> mappings;
std::vector<IoAccess> log;

const Mapping* find(uint64_t phys) {
    for (auto it = mappings.rbegin(); it != mappings.rend(); ++it)
        if (phys >= it->base && phys - it->base < it->size) return &*it;
    return nullptr;
}

}  // namespace

void io_map(uint64_t base, uint64_t size, IoDevice& device) {
    mappings.push_back({base, size, &device});
}

void io_reset() {
    mappings.clear();
    log.clear();
}

const std::vector<IoAccess>& io_log() { return log; }
void io_clear_log() { log.clear(); }

uint8_t io_read8(uint64_t phys) {
    const Mapping* m = find(phys);
    if (m == nullptr) throw UnmappedIo{phys, false};
    uint8_t v = m->device->read(phys - m->base);
    log.push_back({phys, v, false});
    return v;
}

void io_write8(uint64_t phys, uint8_t value) {
    const Mapping* m = find(phys);
    if (m == nullptr) throw UnmappedIo{phys, true};
    log.push_back({phys, value, true});
    m->device->write(phys - m->base, value);
}

}  // namespace host
