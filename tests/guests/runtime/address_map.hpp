// The guest's view of its address space: the MIPS kernel segments moved down
// by 0x80000000 (DESIGN.md "MIPS guest side: the VCPU address map").
#pragma once

#include <stdint.h>

// Where this guest's KSEG0 starts. Tern runs guests with the moved map
// (KSEG0 at 0); the value is a macro only so that one place knows it.
#ifndef GUEST_KSEG0
#define GUEST_KSEG0 0x00000000u
#endif

namespace guest::map {

inline constexpr uint32_t kseg0 = GUEST_KSEG0;        // real 0x80000000: cached, phys = VA - kseg0
inline constexpr uint32_t kseg1 = kseg0 + 0x20000000;  // real 0xA0000000: uncached
inline constexpr uint32_t kseg2 = kseg0 + 0x40000000;  // real 0xC0000000: mapped by the TLB
inline constexpr uint32_t kseg3 = kseg0 + 0x60000000;  // real 0xE0000000: mapped by the TLB

constexpr uint32_t cached(uint32_t phys) { return kseg0 + phys; }
constexpr uint32_t uncached(uint32_t phys) { return kseg1 + phys; }

// An architectural kernel address (what EBase holds: 0x80000000..0xBFFFFFFF)
// as the address this guest's code uses for it.
constexpr uint32_t from_arch(uint32_t real) { return real - 0x80000000u + kseg0; }

// Guest-physical layout every test guest's .dts describes.
inline constexpr uint32_t ram_phys = 0x00000000;
inline constexpr uint32_t ram_size = 4u << 20;
inline constexpr uint32_t rom_phys = 0x1FC00000;
inline constexpr uint32_t uart_phys = 0x1F000900;

// The CPU interrupt line (Cause.IPn) of the UART, as its .dts node names it.
#ifndef GUEST_UART_IP
#define GUEST_UART_IP 2
#endif
inline constexpr unsigned uart_ip = GUEST_UART_IP;

// The reset vector and the BEV=1 exception vectors (PRA 6.2.1, Table 6.5:
// base 0xBFC00200 with BEV=1, offsets 0x000 refill, 0x180 general,
// 0x200 interrupt with Cause.IV).
inline constexpr uint32_t reset_vector = uncached(rom_phys);
inline constexpr uint32_t bev_base = reset_vector + 0x200;
inline constexpr uint32_t vec_refill = 0x000;
inline constexpr uint32_t vec_general = 0x180;
inline constexpr uint32_t vec_interrupt = 0x200;

// RAM use (guest-physical): [0, 8 KiB) is kept free for BEV=0 vectors at
// EBase 0x80000000 or 0x80001000; the runtime's data and stack sit at the
// top (guest.ld); tests may use the scratch window freely.
inline constexpr uint32_t scratch_phys = 0x00100000;
inline constexpr uint32_t scratch_size = 0x00200000;

}  // namespace guest::map
