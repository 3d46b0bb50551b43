// HAL: caches and memory ordering.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace hal {

// Writes back dirty data-cache lines covering [addr, addr+size).
void dcache_clean_range(uintptr_t addr, size_t size);

// Makes instructions written at [addr, addr+size) visible to instruction
// fetch (data write-back plus instruction-cache invalidate).
void icache_sync_range(uintptr_t addr, size_t size);

// Orders all earlier memory accesses before all later ones.
void memory_barrier();

}  // namespace hal
