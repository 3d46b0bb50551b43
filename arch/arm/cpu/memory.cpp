// HAL memory on AArch64: RAM is mapped 1:1 (cpu/mmu.cpp), so a physical
// address is its own virtual address inside the RAM window.
#include "arch/mmu.hpp"
#include "hal/memory.hpp"

namespace hal {

void* phys_to_virt(uint64_t phys) {
    if (phys < arm::ram_window_base || phys >= arm::ram_window_end) return nullptr;
    return reinterpret_cast<void*>(static_cast<uintptr_t>(phys));
}

uint64_t virt_to_phys(const void* virt) { return reinterpret_cast<uintptr_t>(virt); }

}  // namespace hal
