// AArch64 system register encodings and fields (Arm ARM DDI 0487, D13).
// Pure data: one place knows the encodings; sysreg_access.hpp reads and
// writes them.
#pragma once

#include <stdint.h>

#include "lib/bitfield.hpp"

namespace arm {

template <unsigned Shift, unsigned Width>
using Field = tern::Bitfield<Shift, Width, uint64_t>;

// (op0, op1, CRn, CRm, op2): the generic S<op0>_<op1>_C<n>_C<m>_<op2> name.
struct SysReg {
    uint8_t op0, op1, crn, crm, op2;
};

namespace sysreg {
inline constexpr SysReg midr_el1{3, 0, 0, 0, 0}, mpidr_el1{3, 0, 0, 0, 5},
    id_aa64mmfr0_el1{3, 0, 0, 7, 0}, sctlr_el1{3, 0, 1, 0, 0}, cpacr_el1{3, 0, 1, 0, 2},
    ttbr0_el1{3, 0, 2, 0, 0}, tcr_el1{3, 0, 2, 0, 2}, spsr_el1{3, 0, 4, 0, 0},
    elr_el1{3, 0, 4, 0, 1}, current_el{3, 0, 4, 2, 2}, esr_el1{3, 0, 5, 2, 0},
    far_el1{3, 0, 6, 0, 0}, mair_el1{3, 0, 10, 2, 0}, vbar_el1{3, 0, 12, 0, 0},
    ctr_el0{3, 3, 0, 0, 1}, daif{3, 3, 4, 2, 1}, cntfrq_el0{3, 3, 14, 0, 0},
    cntvct_el0{3, 3, 14, 0, 2}, cntv_ctl_el0{3, 3, 14, 3, 1}, cntv_cval_el0{3, 3, 14, 3, 2};
}  // namespace sysreg

// MIDR_EL1: who made the core and which one it is.
struct MidrReg {
    using Revision = Field<0, 4>;       // the "p" of rNpM
    using PartNum = Field<4, 12>;
    using Architecture = Field<16, 4>;
    using Variant = Field<20, 4>;       // the "r" of rNpM
    using Implementer = Field<24, 8>;
    static constexpr uint64_t implementer_arm = 0x41;
};

// CurrentEL.
struct CurrentElReg {
    using El = Field<2, 2>;
};

// DAIF: the PSTATE exception masks.
struct DaifReg {
    using F = Field<6, 1>;
    using I = Field<7, 1>;
    using A = Field<8, 1>;
    using D = Field<9, 1>;
};

// SCTLR_EL1.
struct SctlrReg {
    using M = Field<0, 1>;    // stage 1 MMU enable
    using A = Field<1, 1>;    // alignment check
    using C = Field<2, 1>;    // data cache enable
    using Sa = Field<3, 1>;   // SP alignment check at EL1
    using I = Field<12, 1>;   // instruction cache enable
    using Ee = Field<25, 1>;  // big-endian at EL1
    // Bits that are RES1 in ARMv8.0 (11, 20, 22, 23, 28, 29); later
    // extensions give them meanings whose "1" is the legacy behaviour.
    static constexpr uint64_t res1 = 0x30d00800;
};

// CPACR_EL1.
struct CpacrReg {
    using Fpen = Field<20, 2>;  // 0b11: FP/SIMD not trapped at EL0/EL1
};

// TCR_EL1 (only the TTBR0 half is used: EPD1 turns the TTBR1 walk off).
struct TcrReg {
    using T0sz = Field<0, 6>;    // VA size 64 - T0SZ
    using Irgn0 = Field<8, 2>;   // table walk inner cacheability
    using Orgn0 = Field<10, 2>;  // table walk outer cacheability
    using Sh0 = Field<12, 2>;    // table walk shareability
    using Tg0 = Field<14, 2>;    // granule: 0 = 4 KiB
    using Epd1 = Field<23, 1>;
    using Ips = Field<32, 3>;    // intermediate physical address size
    static constexpr uint64_t cache_wb_wa = 1, inner_shareable = 3, granule_4k = 0;
};

// ID_AA64MMFR0_EL1.
struct Mmfr0Reg {
    using PaRange = Field<0, 4>;  // same encoding as TCR_EL1.IPS
};

// MAIR_EL1: eight 8-bit memory attribute encodings.
struct MairReg {
    static constexpr uint64_t device_ngnrne = 0x00;
    static constexpr uint64_t normal_wb = 0xff;  // inner/outer write-back, R/W-allocate
    static constexpr uint64_t attr(unsigned index, uint64_t encoding) {
        return encoding << (index * 8);
    }
};

// A VMSAv8-64 block descriptor at level 1 (4 KiB granule: 1 GiB blocks).
struct BlockDesc {
    using Valid = Field<0, 1>;
    using Table = Field<1, 1>;      // 0 at levels 1-2: a block, not a table
    using AttrIndx = Field<2, 3>;   // MAIR_EL1 attribute index
    using Ap = Field<6, 2>;         // 0: EL1 read/write, EL0 none
    using Sh = Field<8, 2>;
    using Af = Field<10, 1>;        // access flag (no fault on first use)
    using OutputAddr = Field<30, 18>;
    using Pxn = Field<53, 1>;
    using Uxn = Field<54, 1>;
    static constexpr unsigned block_shift = 30;
};

// CTR_EL0: cache line sizes for maintenance by address.
struct CtrReg {
    using IminLine = Field<0, 4>;   // log2(words) of the smallest I-cache line
    using DminLine = Field<16, 4>;  // log2(words) of the smallest D-cache line
};

// ESR_EL1: why a synchronous exception or SError was taken.
struct EsrReg {
    using Iss = Field<0, 25>;
    using Il = Field<25, 1>;   // 32-bit instruction
    using Ec = Field<26, 6>;   // exception class
};

// CNTV_CTL_EL0: the EL1 virtual timer.
struct CntvCtlReg {
    using Enable = Field<0, 1>;
    using Imask = Field<1, 1>;
    using Istatus = Field<2, 1>;
};

// The name and a description of an ESR exception class, for reports.
const char* exception_class_name(uint32_t ec);
const char* exception_class_description(uint32_t ec);

}  // namespace arm
