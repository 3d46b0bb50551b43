// Register windows of host devices: MMIO, mapped 1:1 as device memory.
#pragma once

#include <stdint.h>

namespace arch {

// cpu/mmu.cpp maps the first GiB of the physical address space, where QEMU
// virt puts its devices, 1:1 as Device-nGnRnE memory.
inline constexpr uint64_t device_window_end = 0x40000000;

// A device's byte registers, `1 << reg_shift` bytes apart.
class IoRegion {
public:
    constexpr IoRegion() = default;
    constexpr IoRegion(uint64_t phys_base, unsigned reg_shift)
        : base_(static_cast<uintptr_t>(phys_base)), shift_(reg_shift) {}

    uint8_t read8(unsigned reg) const {
        return *reinterpret_cast<volatile uint8_t*>(base_ + (reg << shift_));
    }
    void write8(unsigned reg, uint8_t v) const {
        *reinterpret_cast<volatile uint8_t*>(base_ + (reg << shift_)) = v;
    }
    bool valid() const { return base_ != 0; }

private:
    uintptr_t base_ = 0;
    unsigned shift_ = 0;
};

// Whether the host can reach a device at this physical address.
constexpr bool io_phys_reachable(uint64_t phys) { return phys < device_window_end; }

}  // namespace arch
