// HAL: how the hypervisor reaches physical memory.
#pragma once

#include <stdint.h>

namespace hal {

// The hypervisor's (cached) virtual address of physical RAM at `phys`, or
// nullptr when that RAM is not directly reachable.
[[nodiscard]] void* phys_to_virt(uint64_t phys);

// The physical address of hypervisor memory at `virt` (image, heap, pages).
[[nodiscard]] uint64_t virt_to_phys(const void* virt);

}  // namespace hal
