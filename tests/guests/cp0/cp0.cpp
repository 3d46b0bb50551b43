// cp0: the CP0 registers of the virtual CPU (a MIPS32r2 24K without FPU,
// 16 TLB entries) as the guest kernel sees them: reset values, writable
// bits, and the side effects of writes. Section numbers: MIPS32 PRA
// (Volume III, MD00090), chapter 9.
#include "guest.hpp"

using namespace guest;

namespace {

// Writes `ones` then 0 to R, comparing the read-back with `ones_expected`
// and 0 under `mask`; restores the register. Names: "<name> <- ones/zeros".
template <Cp0Reg R>
void check_writable(const char* ones_name, const char* zeros_name, uint32_t ones,
                    uint32_t ones_expected, uint32_t mask = ~0u) {
    const uint32_t saved = mfc0<R>();
    mtc0_ehb<R>(ones);
    const uint32_t after_ones = mfc0<R>();
    mtc0_ehb<R>(0);
    const uint32_t after_zeros = mfc0<R>();
    mtc0_ehb<R>(saved);
    CHECK_MASKED(ones_name, after_ones, mask, ones_expected & mask);
    CHECK_MASKED(zeros_name, after_zeros, mask, 0);
}

#define WRITABLE(reg, name, ones, expected, ...) \
    check_writable<cp0::reg>(name " <- ones", name " <- zeros", ones, expected, ##__VA_ARGS__)

void reset_values() {
    CheckScope scope("reset");
    // 9.30: reset sets BEV and ERL; the VCPU starts in kernel mode with
    // interrupts off. start.S read Status before changing it.
    CHECK_EQ("Status = BEV | ERL", reset_status, 0x00400004);
    // 9.31: none of BD, CE, DC, IV, WP, IP1..0 is set by a reset (DC = 0:
    // Count runs). TI/IP7 may be set already if Count met Compare.
    CHECK_MASKED("Cause has no exception state", reset_cause, 0xB8C00300, 0);
    // 9.37: Company ID 1 (MIPS Technologies), processor ID 0x93 (24K).
    CHECK_EQ("PRId (24K)", mfc0<cp0::prid>(), 0x00019300);
    // 9.40: M=1, little-endian, MIPS32 (AT=0) Release 2 (AR=1), standard
    // TLB (MT=1), K0=2 (uncached) at reset.
    CHECK_EQ("Config0", mfc0<cp0::config0>(), 0x80000482);
    const uint32_t c1 = mfc0<cp0::config1>();
    CHECK_EQ("Config1.M (Config2 present)", config1::M::get(c1), 1);
    CHECK_EQ("Config1.MMUSize-1 (16 TLB entries)", config1::MMUSize::get(c1), 15);
    CHECK_EQ("Config1.FP (no FPU)", config1::FP::get(c1), 0);
    CHECK_EQ("Config2.M (Config3 present)", config2::M::get(mfc0<cp0::config2>()), 1);
    const uint32_t c3 = mfc0<cp0::config3>();
    CHECK_EQ("Config3.ULRI (UserLocal)", config3::ULRI::get(c3), 1);
    CHECK_EQ("Config3.M (no Config4)", config3::M::get(c3), 0);
    // 9.38: EBase 0x80000000 at reset, CPUNum 0 for the first VCPU.
    CHECK_EQ("EBase", mfc0<cp0::ebase>(), 0x80000000);
    // 9.32: the timer interrupt is on IP7 (IPTI = 7); no vector spacing.
    const uint32_t ic = mfc0<cp0::intctl>();
    CHECK_EQ("IntCtl.IPTI", intctl::IPTI::get(ic), 7);
    CHECK_EQ("IntCtl.VS", intctl::VS::get(ic), 0);
    // 9.7, 9.9: Wired and HWREna are 0 after reset.
    CHECK_EQ("Wired", mfc0<cp0::wired>(), 0);
    CHECK_EQ("HWREna", mfc0<cp0::hwrena>(), 0);
    // 9.5: Random lies in [Wired, entries - 1].
    uint32_t lo = 0xFFFFFFFF, hi = 0;
    for (int i = 0; i < 32; ++i) {
        const uint32_t r = mfc0<cp0::random>();
        lo = r < lo ? r : lo;
        hi = r > hi ? r : hi;
    }
    CHECK_RANGE("Random (lowest of 32 reads)", lo, 0, 15);
    CHECK_RANGE("Random (highest of 32 reads)", hi, 0, 15);
    // 9.15: Count counts.
    const uint32_t c0 = read_count();
    delay_counts(1000);
    CHECK("Count is running", read_count() != c0);
}

void writable_bits() {
    CheckScope scope("writable");
    // 9.30: without FPU, DSP or CorExtend, the writable Status bits are
    // CU0, BEV, IM7..0, KSU, ERL, EXL, IE; CU1/CU2/CU3, FR and MX read 0.
    // TS, SR and NMI may only be written with 0. RP, RE and supervisor
    // mode (KSU bit 3; KSU is then just the UM bit) are optional and not
    // checked. EXL|ERL keep interrupts off while IE and IM are set.
    constexpr uint32_t status_write_zero_only =
        status::TS::mask | status::SR::mask | status::NMI::mask;
    constexpr uint32_t status_optional = (1u << 27) | (1u << 25) | (1u << 3);  // RP, RE, R
    WRITABLE(status, "Status", ~status_write_zero_only, 0x1040FF1F, ~status_optional);
    // 9.31: IV and IP1..0 are writable; WP must only be cleared and DC
    // would stop Count, so neither is written. TI, IP7..2 follow hardware.
    constexpr uint32_t cause_hw = cause::TI::mask | 0x0000FC00;
    WRITABLE(cause, "Cause", ~(cause::WP::mask | cause::DC::mask), 0x00800300, ~cause_hw);
    // 9.10: VPN2 (31:13) and ASID (7:0); 4 KiB minimum pages.
    WRITABLE(entryhi, "EntryHi", 0xFFFFFFFF, 0xFFFFE0FF);
    // 9.6: PFN covers a 32-bit physical address (bits 25:6), then C, D, V, G.
    WRITABLE(entrylo0, "EntryLo0", 0xFFFFFFFF, 0x03FFFFFF);
    WRITABLE(entrylo1, "EntryLo1", 0xFFFFFFFF, 0x03FFFFFF);
    // 9.12: Mask (28:13): all ones is a 256 MiB page.
    WRITABLE(pagemask, "PageMask", 0xFFFFFFFF, 0x1FFFE000);
    // 9.13: Wired has as many bits as needed for 16 entries; values past
    // the TLB are UNDEFINED, so the largest legal one is written.
    WRITABLE(wired, "Wired", 15, 15);
    // 9.8: PTEBase (31:23) is writable, BadVPN2 (22:4) read-only.
    WRITABLE(context, "Context.PTEBase", 0xFFFFFFFF, 0xFF800000, 0xFF80000F);
    // 9.38: ExceptionBase (29:12) is writable, bits 31:30 read 10b, CPUNum
    // is read-only. BEV is 1 here, as a write of EBase requires.
    WRITABLE(ebase, "EBase", 0xFFFFFFFF, 0xBFFFF000, 0x3FFFFFFF);
    CHECK_EQ("EBase bits 31:30 after writing 0", (mfc0<cp0::ebase>() & 0xC0000000), 0x80000000);
    // 9.4 (Release 2): UserLocal is a plain 32-bit register.
    WRITABLE(userlocal, "UserLocal", 0xFFFFFFFF, 0xFFFFFFFF);
    // 9.17, 9.36, 9.45: all bits.
    WRITABLE(compare, "Compare", 0xFFFFFFFF, 0xFFFFFFFF);
    WRITABLE(epc, "EPC", 0xFFFFFFFF, 0xFFFFFFFF);
    WRITABLE(errorepc, "ErrorEPC", 0xFFFFFFFF, 0xFFFFFFFF);
    // 9.3: Index has 4 bits for 16 entries; P (31) is set only by TLBP.
    // Indexes past the TLB are UNDEFINED (QEMU ignores such writes).
    WRITABLE(index, "Index", 15, 15, 0x7FFFFFFF);
    // 9.9: bits 3:0 (CPUNum, SYNCI_Step, CC, CCRes) and 29 (ULR).
    WRITABLE(hwrena, "HWREna", 0xFFFFFFFF, 0x2000000F);

    // Read-only registers ignore writes.
    const uint32_t prid = mfc0<cp0::prid>();
    mtc0_ehb<cp0::prid>(~prid);
    CHECK_EQ("PRId is read-only", mfc0<cp0::prid>(), prid);
    const uint32_t c1 = mfc0<cp0::config1>();
    mtc0_ehb<cp0::config1>(~c1);
    CHECK_EQ("Config1 is read-only", mfc0<cp0::config1>(), c1);
    const uint32_t bva = mfc0<cp0::badvaddr>();
    mtc0_ehb<cp0::badvaddr>(~bva);
    CHECK_EQ("BadVAddr is read-only", mfc0<cp0::badvaddr>(), bva);
    // 9.40: K0 (2:0) is writable: the KSEG0 cacheability.
    const uint32_t c0 = mfc0<cp0::config0>();
    mtc0_ehb<cp0::config0>((c0 & ~7u) | 3);
    CHECK_EQ("Config0.K0 <- 3", config0::K0::get(mfc0<cp0::config0>()), 3);
    mtc0_ehb<cp0::config0>(c0);
    CHECK_EQ("Config0 restored", mfc0<cp0::config0>(), c0);
}

void side_effects() {
    CheckScope scope("side effect");
    // 9.15: software may write Count; it keeps counting from there.
    mtc0_ehb<cp0::count>(0x10000000);
    CHECK_RANGE("Count counts on from a written value", read_count(), 0x10000000, 0x10000000 + 0x01000000);

    // 9.17: Count == Compare sets Cause.TI (and IP7, IntCtl.IPTI); writing
    // Compare clears it. Interrupts are off: this polls.
    set_compare(read_count() + 200000);  // far enough ahead of any trap latency
    const uint32_t start = read_count();
    while ((mfc0<cp0::cause>() & cause::TI::mask) == 0 && counts_since(start) < 0x08000000) {
    }
    const uint32_t pending = mfc0<cp0::cause>();
    CHECK_EQ("Count reaching Compare sets Cause.TI", cause::TI::get(pending), 1);
    CHECK_EQ("... and Cause.IP7", cause::IP::get(pending) >> 7, 1);
    set_compare(read_count() - 1);  // the next match is 2^32 counts away
    const uint32_t cleared = mfc0<cp0::cause>();
    CHECK_EQ("writing Compare clears Cause.TI", cause::TI::get(cleared), 0);
    CHECK_EQ("... and Cause.IP7", cause::IP::get(cleared) >> 7, 0);

    // 9.5, 9.13: a write to Wired sets Random to the upper bound (15).
    mtc0_ehb<cp0::wired>(6);
    CHECK_EQ("writing Wired sets Random to 15", mfc0<cp0::random>(), 15);
    uint32_t lo = 0xFFFFFFFF;
    for (int i = 0; i < 32; ++i) {
        const uint32_t r = mfc0<cp0::random>();
        lo = r < lo ? r : lo;
    }
    CHECK_RANGE("Random stays in [Wired, 15]", lo, 6, 15);
    mtc0_ehb<cp0::wired>(15);
    CHECK_EQ("Wired = 15 leaves Random at 15", mfc0<cp0::random>(), 15);
    mtc0_ehb<cp0::wired>(0);
}

}  // namespace

int main() {
    reset_values();
    writable_bits();
    side_effects();
    done();
}
