// CP0 access for test guests: typed register names, mfc0/mtc0 templates and
// the fields the tests look at (MIPS32 PRA, chapter 9 "CP0 Registers").
#pragma once

#include <stdint.h>

namespace guest {

struct Cp0Reg {
    unsigned reg;
    unsigned sel;
};

namespace cp0 {
inline constexpr Cp0Reg index{0, 0};
inline constexpr Cp0Reg random{1, 0};
inline constexpr Cp0Reg entrylo0{2, 0};
inline constexpr Cp0Reg entrylo1{3, 0};
inline constexpr Cp0Reg context{4, 0};
inline constexpr Cp0Reg userlocal{4, 2};
inline constexpr Cp0Reg pagemask{5, 0};
inline constexpr Cp0Reg wired{6, 0};
inline constexpr Cp0Reg hwrena{7, 0};
inline constexpr Cp0Reg badvaddr{8, 0};
inline constexpr Cp0Reg count{9, 0};
inline constexpr Cp0Reg entryhi{10, 0};
inline constexpr Cp0Reg compare{11, 0};
inline constexpr Cp0Reg status{12, 0};
inline constexpr Cp0Reg intctl{12, 1};
inline constexpr Cp0Reg srsctl{12, 2};
inline constexpr Cp0Reg cause{13, 0};
inline constexpr Cp0Reg epc{14, 0};
inline constexpr Cp0Reg prid{15, 0};
inline constexpr Cp0Reg ebase{15, 1};
inline constexpr Cp0Reg config0{16, 0};
inline constexpr Cp0Reg config1{16, 1};
inline constexpr Cp0Reg config2{16, 2};
inline constexpr Cp0Reg config3{16, 3};
inline constexpr Cp0Reg errorepc{30, 0};
}  // namespace cp0

template <Cp0Reg R>
inline uint32_t mfc0() {
    uint32_t v;
    asm volatile("mfc0 %0, $%1, %2" : "=r"(v) : "i"(R.reg), "i"(R.sel) : "memory");
    return v;
}

template <Cp0Reg R>
inline void mtc0(uint32_t v) {
    asm volatile("mtc0 %z0, $%1, %2" : : "Jr"(v), "i"(R.reg), "i"(R.sel) : "memory");
}

// Execution hazard barrier: later instructions see earlier CP0 writes (PRA 2.8).
inline void ehb() { asm volatile("ehb" ::: "memory"); }

// Writes a CP0 register and makes the write visible to what follows.
template <Cp0Reg R>
inline void mtc0_ehb(uint32_t v) {
    mtc0<R>(v);
    ehb();
}

// A register field: Field<shift, width>::get(v), ::bits(x), ::mask.
template <unsigned Shift, unsigned Width>
struct Field {
    static constexpr uint32_t mask =
        (Width == 32 ? ~0u : ((1u << Width) - 1)) << Shift;
    static constexpr uint32_t get(uint32_t v) { return (v & mask) >> Shift; }
    static constexpr uint32_t bits(uint32_t x) { return (x << Shift) & mask; }
};

// Status (PRA 9.30).
namespace status {
using IE = Field<0, 1>;
using EXL = Field<1, 1>;
using ERL = Field<2, 1>;
using KSU = Field<3, 2>;  // 00 kernel, 01 supervisor, 10 user
using IM = Field<8, 8>;
using NMI = Field<19, 1>;
using SR = Field<20, 1>;
using TS = Field<21, 1>;
using BEV = Field<22, 1>;
using CU0 = Field<28, 1>;
using CU1 = Field<29, 1>;
inline constexpr uint32_t ksu_user = 2;
}  // namespace status

// Cause (PRA 9.31).
namespace cause {
using ExcCode = Field<2, 5>;
using IP = Field<8, 8>;     // IP1..0 software (writable), IP7..2 hardware
using WP = Field<22, 1>;
using IV = Field<23, 1>;
using PCI = Field<26, 1>;
using DC = Field<27, 1>;
using CE = Field<28, 2>;
using TI = Field<30, 1>;
using BD = Field<31, 1>;
}  // namespace cause

// Cause.ExcCode values (PRA Table 9.31 "Cause Register ExcCode Field").
enum class ExcCode : uint32_t {
    Int = 0,
    Mod = 1,
    TLBL = 2,
    TLBS = 3,
    AdEL = 4,
    AdES = 5,
    IBE = 6,
    DBE = 7,
    Sys = 8,
    Bp = 9,
    RI = 10,
    CpU = 11,
    Ov = 12,
    Tr = 13,
};
inline constexpr unsigned exc_code_count = 32;

// IntCtl (PRA 9.32), EBase (9.38), Config registers (9.40-9.43).
namespace intctl {
using VS = Field<5, 5>;
using IPPCI = Field<26, 3>;
using IPTI = Field<29, 3>;
}  // namespace intctl
namespace ebase {
using CPUNum = Field<0, 10>;
using ExceptionBase = Field<12, 18>;
using Fixed = Field<30, 2>;  // reads 10b
}  // namespace ebase
namespace config0 {
using K0 = Field<0, 3>;
using MT = Field<7, 3>;
using AR = Field<10, 3>;
using AT = Field<13, 2>;
using BE = Field<15, 1>;
using M = Field<31, 1>;
}  // namespace config0
namespace config1 {
using FP = Field<0, 1>;
using DA = Field<7, 3>;
using DL = Field<10, 3>;
using IA = Field<16, 3>;
using IL = Field<19, 3>;
using MMUSize = Field<25, 6>;  // number of TLB entries - 1
using M = Field<31, 1>;
}  // namespace config1
namespace config2 {
using M = Field<31, 1>;
}  // namespace config2
namespace config3 {
using VInt = Field<5, 1>;
using VEIC = Field<6, 1>;
using ULRI = Field<13, 1>;
using M = Field<31, 1>;
}  // namespace config3

// HWREna bits: one per RDHWR register that user mode may read (PRA 9.9).
namespace hwrena {
inline constexpr uint32_t cpunum = 1u << 0;
inline constexpr uint32_t synci_step = 1u << 1;
inline constexpr uint32_t cc = 1u << 2;
inline constexpr uint32_t ccres = 1u << 3;
inline constexpr uint32_t ulr = 1u << 29;
}  // namespace hwrena

}  // namespace guest
