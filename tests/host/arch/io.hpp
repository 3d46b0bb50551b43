// Host mirror of <arch/io.hpp> for the unit tests: an IoRegion whose
// register accesses go to device models the test maps on a fake bus
// (tests/host/host_io.hpp), each access recorded. Same interface as the
// arch headers, so drivers compile unchanged against it.
#pragma once

#include <stdint.h>

namespace host {
// The fake bus behind every IoRegion (tests/host/host_io.cpp).
uint8_t io_read8(uint64_t phys);
void io_write8(uint64_t phys, uint8_t value);
}  // namespace host

namespace arch {

// A device's byte registers, 1 << reg_shift bytes apart.
class IoRegion {
public:
    constexpr IoRegion() = default;
    constexpr IoRegion(uint64_t phys_base, unsigned reg_shift)
        : base_(phys_base), shift_(reg_shift), valid_(true) {}

    uint8_t read8(unsigned reg) const { return host::io_read8(address(reg)); }
    void write8(unsigned reg, uint8_t v) const { host::io_write8(address(reg), v); }
    bool valid() const { return valid_; }

private:
    uint64_t address(unsigned reg) const { return base_ + (uint64_t{reg} << shift_); }

    uint64_t base_ = 0;
    unsigned shift_ = 0;
    bool valid_ = false;
};

// Every address is reachable on the fake bus.
constexpr bool io_phys_reachable(uint64_t) { return true; }

}  // namespace arch
