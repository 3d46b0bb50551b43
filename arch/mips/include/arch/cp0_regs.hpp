// MIPS32r2 CP0 register numbers and fields (MIPS32 PRA, MD00090, ch. 9).
// Pure data: shared by the host unit tests, the trap-and-emulate engine and
// the hypervisor's own CP0 accessors.
#pragma once

#include <stdint.h>

#include "lib/bitfield.hpp"

namespace mips {

using tern::Bitfield;

// (register, select) pairs.
struct Cp0Reg {
    uint8_t reg;
    uint8_t sel;
};

namespace cp0 {
inline constexpr Cp0Reg index{0, 0}, random{1, 0}, entrylo0{2, 0}, entrylo1{3, 0},
    context{4, 0}, userlocal{4, 2}, pagemask{5, 0}, pagegrain{5, 1}, wired{6, 0},
    hwrena{7, 0}, badvaddr{8, 0}, count{9, 0}, entryhi{10, 0}, compare{11, 0},
    status{12, 0}, intctl{12, 1}, srsctl{12, 2}, srsmap{12, 3}, cause{13, 0},
    epc{14, 0}, prid{15, 0}, ebase{15, 1}, config0{16, 0}, config1{16, 1},
    config2{16, 2}, config3{16, 3}, lladdr{17, 0}, watchlo0{18, 0}, watchhi0{19, 0},
    debug{23, 0}, depc{24, 0}, perfctl0{25, 0}, errctl{26, 0}, cacheerr{27, 0},
    taglo{28, 0}, datalo{28, 1}, taghi{29, 0}, datahi{29, 1}, errorepc{30, 0},
    desave{31, 0};
inline constexpr Cp0Reg config7{16, 7}, perfcnt0{25, 1};
}  // namespace cp0

// Status (12, 0).
struct StatusReg {
    using Ie = Bitfield<0, 1>;    // interrupt enable
    using Exl = Bitfield<1, 1>;   // exception level
    using Erl = Bitfield<2, 1>;   // error level
    using Ksu = Bitfield<3, 2>;   // 0 kernel, 1 supervisor, 2 user
    using Um = Bitfield<4, 1>;    // user mode (KSU bit 1)
    using Ux = Bitfield<5, 1>;    // 64-bit only: reads 0 on MIPS32
    using Sx = Bitfield<6, 1>;
    using Kx = Bitfield<7, 1>;
    using Im = Bitfield<8, 8>;    // interrupt mask IM7..IM0
    using Impl = Bitfield<16, 2>;
    using Nmi = Bitfield<19, 1>;
    using Sr = Bitfield<20, 1>;   // soft reset
    using Ts = Bitfield<21, 1>;   // TLB shutdown
    using Bev = Bitfield<22, 1>;  // bootstrap exception vectors
    using Px = Bitfield<23, 1>;   // 64-bit only
    using Mx = Bitfield<24, 1>;   // MDMX/DSP ASE enable
    using Re = Bitfield<25, 1>;   // reverse endian in user mode
    using Fr = Bitfield<26, 1>;
    using Rp = Bitfield<27, 1>;
    using Cu0 = Bitfield<28, 1>;
    using Cu1 = Bitfield<29, 1>;
    using Cu2 = Bitfield<30, 1>;
    using Cu3 = Bitfield<31, 1>;
    static constexpr uint32_t ksu_kernel = 0, ksu_supervisor = 1, ksu_user = 2;
};

// Cause (13, 0).
struct CauseReg {
    using ExcCode = Bitfield<2, 5>;
    using Ip = Bitfield<8, 8>;    // pending interrupts IP7..IP0
    using Ips = Bitfield<8, 2>;   // software interrupts IP1..IP0 (writable)
    using Iph = Bitfield<10, 6>;  // hardware interrupts IP7..IP2 (HW5..HW0)
    using Wp = Bitfield<22, 1>;
    using Iv = Bitfield<23, 1>;   // interrupts use the special 0x200 vector
    using Pci = Bitfield<26, 1>;
    using Dc = Bitfield<27, 1>;   // disable Count
    using Ce = Bitfield<28, 2>;   // coprocessor unit of a CpU exception
    using Ti = Bitfield<30, 1>;   // timer interrupt pending
    using Bd = Bitfield<31, 1>;   // exception in a branch delay slot
};

// Exception codes (Cause.ExcCode).
enum class ExcCode : uint32_t {
    Int = 0, Mod = 1, TLBL = 2, TLBS = 3, AdEL = 4, AdES = 5, IBE = 6, DBE = 7,
    Sys = 8, Bp = 9, RI = 10, CpU = 11, Ov = 12, Tr = 13, FPE = 15,
    C2E = 18, MDMX = 22, WATCH = 23, MCheck = 24, Thread = 25, DSPDis = 26,
    CacheErr = 30,
};

// The mnemonic and a description of an exception code, for reports.
const char* exc_code_name(uint32_t code);
const char* exc_code_description(uint32_t code);

// PRId (15, 0).
struct PridReg {
    using Revision = Bitfield<0, 8>;
    using Patch = Bitfield<0, 2>;
    using Minor = Bitfield<2, 3>;
    using Major = Bitfield<5, 3>;
    using Imp = Bitfield<8, 8>;    // processor ID
    using Company = Bitfield<16, 8>;
    using Options = Bitfield<24, 8>;
    static constexpr uint32_t company_mips = 0x01;
};

// EBase (15, 1): exception base, bits 29:12 writable; 31:30 read as 10b.
struct EbaseReg {
    using CpuNum = Bitfield<0, 10>;
    using Base = Bitfield<12, 18>;
};

// IntCtl (12, 1).
struct IntCtlReg {
    using Vs = Bitfield<5, 5>;
    using Ipfdc = Bitfield<23, 3>;
    using Ippci = Bitfield<26, 3>;
    using Ipti = Bitfield<29, 3>;  // IP line of the timer interrupt
};

// Config0 (16, 0).
struct Config0Reg {
    using K0 = Bitfield<0, 3>;     // KSEG0 cacheability
    using Mt = Bitfield<7, 3>;     // MMU type: 1 = standard TLB
    using Ar = Bitfield<10, 3>;    // architecture revision: 1 = release 2
    using At = Bitfield<13, 2>;
    using Be = Bitfield<15, 1>;
    using M = Bitfield<31, 1>;     // Config1 present
    static constexpr uint32_t mt_tlb = 1, ar_release2 = 1;
    static constexpr uint32_t k0_uncached = 2, k0_cacheable = 3;
};

// Config1 (16, 1).
struct Config1Reg {
    using Fp = Bitfield<0, 1>;
    using Ep = Bitfield<1, 1>;
    using Ca = Bitfield<2, 1>;
    using Wr = Bitfield<3, 1>;
    using Pc = Bitfield<4, 1>;
    using Md = Bitfield<5, 1>;
    using C2 = Bitfield<6, 1>;
    using Da = Bitfield<7, 3>;
    using Dl = Bitfield<10, 3>;
    using Ds = Bitfield<13, 3>;
    using Ia = Bitfield<16, 3>;
    using Il = Bitfield<19, 3>;
    using Is = Bitfield<22, 3>;
    using MmuSize = Bitfield<25, 6>;  // TLB entries - 1
    using M = Bitfield<31, 1>;
};

// EntryHi (10, 0).
struct EntryHiReg {
    using Asid = Bitfield<0, 8>;
    using Vpn2 = Bitfield<13, 19>;
};

// EntryLo0/1 (2, 0 and 3, 0).
struct EntryLoReg {
    using G = Bitfield<0, 1>;
    using V = Bitfield<1, 1>;
    using D = Bitfield<2, 1>;
    using C = Bitfield<3, 3>;
    using Pfn = Bitfield<6, 20>;
};

// Index (0, 0): the TLB entry tlbr/tlbwi use; tlbp sets P on a miss.
struct IndexReg {
    using Index = Bitfield<0, 6>;  // up to 64 entries
    using P = Bitfield<31, 1>;     // probe failure
};

// Random (1, 0) and Wired (6, 0): TLB indices like Index.
struct RandomReg {
    using Random = Bitfield<0, 6>;
};
struct WiredReg {
    using Wired = Bitfield<0, 6>;
};

// Context (4, 0): a pointer into a PTE array for the refill handler.
struct ContextReg {
    using BadVpn2 = Bitfield<4, 19>;  // VA 31:13 of the last TLB fault
    using PteBase = Bitfield<23, 9>;
};

// PageMask (5, 0): MIPS32 Mask is bits 28:13 (bit 13 is VA bit 13).
// Legal values are 2^(2k) - 1 for page sizes 4K << 2k, 4KB to 256MB.
struct PageMaskReg {
    using Mask = Bitfield<13, 16>;
    using MaskX = Bitfield<11, 2>;  // 1KB pages: not implemented, reads 0
};

// HWREna (7, 0): which rdhwr registers user mode may read.
struct HwrEnaReg {
    using CpuNum = Bitfield<0, 1>;
    using SynciStep = Bitfield<1, 1>;
    using Cc = Bitfield<2, 1>;
    using CcRes = Bitfield<3, 1>;
    using Ulr = Bitfield<29, 1>;     // UserLocal (needs Config3.ULRI)
    using Impl = Bitfield<30, 2>;
};

// Hardware registers rdhwr reads (rd field).
enum class Hwr : uint32_t {
    CpuNum = 0, SynciStep = 1, Cc = 2, CcRes = 3, Ulr = 29,
};

// SRSCtl (12, 2): shadow register sets.
struct SrsCtlReg {
    using Css = Bitfield<0, 4>;
    using Pss = Bitfield<6, 4>;
    using Ess = Bitfield<12, 4>;
    using Eicss = Bitfield<18, 4>;
    using Hss = Bitfield<26, 4>;    // highest shadow set: 0 = none
};

// Config2 (16, 2): L2/L3 cache geometry; all zero = no L2.
struct Config2Reg {
    using Sa = Bitfield<0, 4>;
    using Sl = Bitfield<4, 4>;
    using Ss = Bitfield<8, 4>;
    using M = Bitfield<31, 1>;      // Config3 present
};

// Config3 (16, 3): optional architecture features.
struct Config3Reg {
    using Tl = Bitfield<0, 1>;      // trace logic
    using Sm = Bitfield<1, 1>;      // SmartMIPS
    using Mt = Bitfield<2, 1>;      // MT ASE
    using Cdmm = Bitfield<3, 1>;
    using Sp = Bitfield<4, 1>;      // 1KB pages
    using VInt = Bitfield<5, 1>;    // vectored interrupts
    using Veic = Bitfield<6, 1>;    // external interrupt controller mode
    using Lpa = Bitfield<7, 1>;
    using Dspp = Bitfield<10, 1>;   // DSP ASE
    using Ctxtc = Bitfield<11, 1>;
    using Rxi = Bitfield<12, 1>;
    using Ulri = Bitfield<13, 1>;   // UserLocal implemented
    using M = Bitfield<31, 1>;      // Config4 present
};

// Config7 (16, 7), 24K family: implementation-specific.
struct Config7Reg {
    using Ar = Bitfield<16, 1>;     // data cache virtual aliases removed
};

// WatchLo0 (18, 0) and WatchHi0 (19, 0).
struct WatchLoReg {
    using W = Bitfield<0, 1>;
    using R = Bitfield<1, 1>;
    using I = Bitfield<2, 1>;
    using VAddr = Bitfield<3, 29>;
};
struct WatchHiReg {
    using Wrs = Bitfield<0, 3>;     // which condition matched: write 1 to clear
    using Mask = Bitfield<3, 9>;
    using Asid = Bitfield<16, 8>;
    using G = Bitfield<30, 1>;
    using M = Bitfield<31, 1>;      // another watch pair follows
};

}  // namespace mips
