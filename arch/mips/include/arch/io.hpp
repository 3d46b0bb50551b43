// Register windows of host devices: MMIO through uncached KSEG1.
#pragma once

#include <stdint.h>

namespace arch {

// Physical addresses below 512 MiB are reached uncached through KSEG1.
constexpr uintptr_t phys_to_uncached(uint64_t phys) {
    return static_cast<uintptr_t>(0xA0000000u | (phys & 0x1FFFFFFFu));
}

// A device's byte registers, `stride` bytes apart.
class IoRegion {
public:
    constexpr IoRegion() = default;
    constexpr IoRegion(uint64_t phys_base, unsigned reg_shift)
        : base_(phys_to_uncached(phys_base)), shift_(reg_shift) {}

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

// The early console: the Malta's ISA UART at port 0x3F8, usable before the
// device tree is read (QEMU's boot code has set up the ISA window).
inline constexpr uint64_t early_console_base = 0x180003F8;

// Whether the host can reach a device at this physical address.
constexpr bool io_phys_reachable(uint64_t phys) { return phys < 0x20000000u; }

}  // namespace arch
