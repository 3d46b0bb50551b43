// HAL memory on x86-64: start.S maps the first 4 GiB 1:1, so a physical
// address below 4 GiB is its own virtual address.
#include "hal/memory.hpp"

namespace hal {
namespace {

constexpr uint64_t mapped_end = uint64_t{4} << 30;

}  // namespace

void* phys_to_virt(uint64_t phys) {
    if (phys >= mapped_end) return nullptr;
    return reinterpret_cast<void*>(static_cast<uintptr_t>(phys));
}

uint64_t virt_to_phys(const void* virt) { return reinterpret_cast<uintptr_t>(virt); }

}  // namespace hal
