// HAL memory on MIPS: the hypervisor reaches the low 512 MiB of physical
// memory through KSEG0 (cached, unmapped).
#include "hal/memory.hpp"

namespace hal {

void* phys_to_virt(uint64_t phys) {
    if (phys >= 0x20000000u) return nullptr;
    return reinterpret_cast<void*>(static_cast<uintptr_t>(0x80000000u | phys));
}

uint64_t virt_to_phys(const void* virt) {
    return reinterpret_cast<uintptr_t>(virt) & 0x1FFFFFFFu;
}

}  // namespace hal
