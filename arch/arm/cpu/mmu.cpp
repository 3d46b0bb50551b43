// The stub's stage 1 translation: an identity map with 1 GiB blocks.
#include "arch/mmu.hpp"

#include <stdint.h>

#include "arch/io.hpp"
#include "arch/sysreg_access.hpp"

namespace arm {
namespace {

// 4 KiB granule and a 39-bit VA space: the walk starts at level 1, whose
// 512 entries each map 1 GiB.
constexpr unsigned va_bits = 39;
constexpr unsigned level1_entries = 512;
constexpr uint64_t block_size = uint64_t{1} << BlockDesc::block_shift;
static_assert(arch::device_window_end % block_size == 0 && ram_window_base % block_size == 0 &&
              ram_window_end % block_size == 0);

// MAIR_EL1 slots.
constexpr unsigned attr_device = 0, attr_normal = 1;

alignas(4096) uint64_t level1_table[level1_entries];

uint64_t block(uint64_t phys, unsigned attr, bool executable) {
    uint64_t d = BlockDesc::Valid::bits(1) | BlockDesc::AttrIndx::bits(attr) |
                 BlockDesc::Af::bits(1) | BlockDesc::OutputAddr::bits(phys >> BlockDesc::block_shift);
    // Normal memory is inner shareable (coherent with other cores later);
    // device memory ignores SH. Nothing runs at EL0; devices never execute
    // (speculative instruction fetch from device memory is not allowed).
    if (attr == attr_normal) d |= BlockDesc::Sh::bits(TcrReg::inner_shareable);
    d |= BlockDesc::Uxn::bits(1);
    if (!executable) d |= BlockDesc::Pxn::bits(1);
    return d;
}

}  // namespace

void mmu_enable() {
    for (uint64_t pa = 0; pa < arch::device_window_end; pa += block_size)
        level1_table[pa / block_size] = block(pa, attr_device, false);
    for (uint64_t pa = ram_window_base; pa < ram_window_end; pa += block_size)
        level1_table[pa / block_size] = block(pa, attr_normal, true);

    uint64_t pa_range = Mmfr0Reg::PaRange::get(read_sysreg<sysreg::id_aa64mmfr0_el1>());
    if (pa_range > 5) pa_range = 5;  // 48 bits: the most a 4 KiB granule maps
    write_sysreg<sysreg::mair_el1>(MairReg::attr(attr_device, MairReg::device_ngnrne) |
                                   MairReg::attr(attr_normal, MairReg::normal_wb));
    write_sysreg<sysreg::tcr_el1>(
        TcrReg::T0sz::bits(64 - va_bits) | TcrReg::Irgn0::bits(TcrReg::cache_wb_wa) |
        TcrReg::Orgn0::bits(TcrReg::cache_wb_wa) | TcrReg::Sh0::bits(TcrReg::inner_shareable) |
        TcrReg::Tg0::bits(TcrReg::granule_4k) | TcrReg::Epd1::bits(1) |
        TcrReg::Ips::bits(pa_range));
    write_sysreg<sysreg::ttbr0_el1>(reinterpret_cast<uintptr_t>(level1_table));
    // The table was written with the MMU and caches off, i.e. straight to
    // memory, where the walker reads it; no stale TLB entry may survive.
    asm volatile("dsb ish; tlbi vmalle1; dsb nsh" ::: "memory");
    isb();
    write_sysreg<sysreg::sctlr_el1>(SctlrReg::res1 | SctlrReg::M::bits(1) | SctlrReg::C::bits(1) |
                                    SctlrReg::Sa::bits(1) | SctlrReg::I::bits(1));
    isb();
}

}  // namespace arm
