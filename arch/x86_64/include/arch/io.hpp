// Register windows of host devices: x86 I/O ports, where the PC keeps its
// UARTs and interrupt controllers.
#pragma once

#include <stdint.h>

#include "arch/port_io.hpp"

namespace arch {

// A device's byte registers at I/O ports `1 << reg_shift` apart. On x86 a
// device tree "reg" of an ISA device is an I/O port number (see the PC
// board's pc.dts), so `phys_base` is a port here.
class IoRegion {
public:
    constexpr IoRegion() = default;
    constexpr IoRegion(uint64_t phys_base, unsigned reg_shift)
        : port_(static_cast<uint16_t>(phys_base)), shift_(reg_shift) {}

    uint8_t read8(unsigned reg) const { return x86::inb(port(reg)); }
    void write8(unsigned reg, uint8_t v) const { x86::outb(port(reg), v); }
    bool valid() const { return port_ != 0; }

private:
    uint16_t port(unsigned reg) const { return static_cast<uint16_t>(port_ + (reg << shift_)); }

    uint16_t port_ = 0;
    unsigned shift_ = 0;
};

// Whether the host can reach a device at this "physical address": on x86,
// whether it is an I/O port.
constexpr bool io_phys_reachable(uint64_t phys) { return phys <= 0xffff; }

// The early console: COM1, which the BIOS (SeaBIOS under QEMU) has set up.
inline constexpr uint64_t early_console_base = 0x3f8;

}  // namespace arch
