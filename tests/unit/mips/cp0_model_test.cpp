// The guest CP0 model: reset values, presence, the writable-bit mask of
// every register, side effects, interrupts, eret and the TLB instructions.
#include <stdint.h>

#include "arch/mips/cpu/cp0_model.hpp"
#include "catch.hpp"

using mips::Cp0Effects;
using mips::Cp0Model;
using mips::GuestTlb;
using tern::Status;

namespace {

uint32_t rd(const Cp0Model& cp0, unsigned reg, unsigned sel = 0) {
    uint32_t v = 0xdeadbeef;
    REQUIRE(cp0.read(reg, sel, v) == Status::ok);
    return v;
}

// Writes then reads back.
uint32_t wr(Cp0Model& cp0, unsigned reg, unsigned sel, uint32_t value) {
    (void)cp0.write(reg, sel, value);
    return rd(cp0, reg, sel);
}

struct FakeCount {
    uint32_t value = 0;
    static uint32_t read(void* ctx) { return static_cast<FakeCount*>(ctx)->value; }
    static void write(void* ctx, uint32_t v) { static_cast<FakeCount*>(ctx)->value = v; }
};

}  // namespace

TEST_CASE("reset values of a 24K-like CPU", "[mips][cp0]") {
    Cp0Model cp0(16, 3);
    CHECK(rd(cp0, 15, 0) == 0x00019300);              // PRId: MIPS, 24K
    CHECK(rd(cp0, 16, 0) == 0x80000482);              // M, AR=1, MT=1, K0=2
    CHECK(rd(cp0, 16, 1) == 0x9ea35188);
    CHECK(rd(cp0, 16, 2) == 0x80000000);
    CHECK(rd(cp0, 16, 3) == 0x00002000);              // ULRI
    CHECK(rd(cp0, 16, 7) == 0x00010000);              // AR
    CHECK(rd(cp0, 12, 0) == 0x00400004);              // BEV | ERL
    CHECK(rd(cp0, 12, 1) == 0xfc000000);              // IPTI = IPPCI = 7
    CHECK(rd(cp0, 12, 2) == 0);                       // SRSCtl: no shadow sets
    CHECK(rd(cp0, 12, 3) == 0);
    CHECK(rd(cp0, 13, 0) == 0);
    CHECK(rd(cp0, 15, 1) == 0x80000003);              // EBase with CPUNum
    CHECK(rd(cp0, 6, 0) == 0);                        // Wired
    CHECK(rd(cp0, 1, 0) == 15);                       // Random = size - 1
    CHECK(rd(cp0, 7, 0) == 0);                        // HWREna
    CHECK(rd(cp0, 0, 0) == 0);
    CHECK(rd(cp0, 10, 0) == 0);
    CHECK(rd(cp0, 9, 0) == 0);                        // Count without a hook
    CHECK(cp0.cpu_num() == 3);
    CHECK(cp0.tlb_entries() == 16);
    CHECK(cp0.kernel_mode());

    using mips::Config1Reg;
    const uint32_t c1 = cp0.config1();
    CHECK(Config1Reg::M::get(c1) == 1);
    CHECK(Config1Reg::MmuSize::get(c1) == 15);
    CHECK(Config1Reg::Is::get(c1) == 2);
    CHECK(Config1Reg::Il::get(c1) == 4);
    CHECK(Config1Reg::Ia::get(c1) == 3);
    CHECK(Config1Reg::Ds::get(c1) == 2);
    CHECK(Config1Reg::Dl::get(c1) == 4);
    CHECK(Config1Reg::Da::get(c1) == 3);
    CHECK(Config1Reg::Wr::get(c1) == 1);
    CHECK(Config1Reg::Fp::get(c1) == 0);
    CHECK(Config1Reg::Ep::get(c1) == 0);
    CHECK(Config1Reg::Ca::get(c1) == 0);
    CHECK(Config1Reg::Pc::get(c1) == 0);
    CHECK(Config1Reg::Md::get(c1) == 0);
    CHECK(Config1Reg::C2::get(c1) == 0);

    Cp0Model big(64, 0);
    CHECK(Config1Reg::MmuSize::get(big.config1()) == 63);
    CHECK(rd(big, 1, 0) == 63);
    Cp0Model dflt;
    CHECK(dflt.tlb_entries() == 16);
    CHECK(rd(dflt, 15, 1) == 0x80000000);
}

TEST_CASE("reset(entries, cpu) reconfigures and restores every register", "[mips][cp0]") {
    Cp0Model cp0;
    (void)cp0.write(12, 0, 0x10000001);
    (void)cp0.write(14, 0, 0x1234);
    (void)cp0.write(6, 0, 5);
    cp0.reset(32, 2);
    CHECK(rd(cp0, 12, 0) == 0x00400004);
    CHECK(rd(cp0, 14, 0) == 0);
    CHECK(rd(cp0, 6, 0) == 0);
    CHECK(rd(cp0, 1, 0) == 31);
    CHECK(rd(cp0, 15, 1) == 0x80000002);
    CHECK(mips::Config1Reg::MmuSize::get(cp0.config1()) == 31);
    CHECK(wr(cp0, 0, 0, 0xffffffff) == 31);
}

TEST_CASE("unimplemented registers read 0 and ignore writes, reported as absent",
          "[mips][cp0]") {
    Cp0Model cp0;
    const struct {
        unsigned reg, sel;
    } absent[] = {
        {5, 1},   // PageGrain: no small pages, no RI/XI
        {4, 1},   // ContextConfig
        {16, 4}, {16, 5}, {16, 6},
        {18, 1}, {19, 1},          // one watch pair only
        {23, 0}, {24, 0}, {31, 0}, // Debug, DEPC, DESAVE: no EJTAG
        {25, 0}, {25, 1},          // no performance counters
        {20, 0}, {21, 0}, {22, 0}, {9, 7}, {0, 1}, {13, 1}, {28, 2},
    };
    for (const auto& a : absent) {
        INFO("reg " << a.reg << " sel " << a.sel);
        uint32_t v = 0x55;
        CHECK(cp0.read(a.reg, a.sel, v) == Status::not_found);
        CHECK(v == 0);
        CHECK(cp0.write(a.reg, a.sel, 0xffffffff) == Cp0Effects::not_present);
        CHECK_FALSE(cp0.present(a.reg, a.sel));
    }
    const struct {
        unsigned reg, sel;
    } present[] = {
        {0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}, {4, 2}, {5, 0}, {6, 0}, {7, 0}, {8, 0},
        {9, 0}, {10, 0}, {11, 0}, {12, 0}, {12, 1}, {12, 2}, {12, 3}, {13, 0}, {14, 0},
        {15, 0}, {15, 1}, {16, 0}, {16, 1}, {16, 2}, {16, 3}, {16, 7}, {17, 0}, {18, 0},
        {19, 0}, {26, 0}, {27, 0}, {28, 0}, {28, 1}, {29, 0}, {29, 1}, {30, 0},
    };
    for (const auto& p : present) {
        INFO("reg " << p.reg << " sel " << p.sel);
        CHECK(cp0.present(p.reg, p.sel));
        CHECK_FALSE(has(cp0.write(p.reg, p.sel, 0), Cp0Effects::not_present));
    }
}

TEST_CASE("writable bits of the TLB registers", "[mips][cp0]") {
    Cp0Model cp0(16, 0);
    CHECK(wr(cp0, 0, 0, 0xffffffff) == 0x0000000f);   // Index: no way to set P
    CHECK(wr(cp0, 0, 0, 0x12345675) == 0x00000005);
    CHECK(wr(cp0, 1, 0, 0) == 15);                    // Random: read-only
    CHECK(wr(cp0, 2, 0, 0xffffffff) == 0x03ffffff);   // EntryLo0: PFN C D V G
    CHECK(wr(cp0, 3, 0, 0xffffffff) == 0x03ffffff);
    CHECK(wr(cp0, 2, 0, 0xfc000000) == 0);
    CHECK(wr(cp0, 4, 0, 0xffffffff) == 0xff800000);   // Context: PTEBase only
    CHECK(wr(cp0, 5, 0, 0xffffffff) == 0x1fffe000);   // PageMask: 256MB
    CHECK(wr(cp0, 5, 0, 0x00006000) == 0x00006000);
    CHECK(wr(cp0, 5, 0, 0x0000e000) == 0x00006000);   // illegal: rounded down
    CHECK(wr(cp0, 5, 0, 0x00001800) == 0);            // MaskX: no 1KB pages
    CHECK(wr(cp0, 6, 0, 0xffffffff) == 15);           // Wired
    CHECK(wr(cp0, 8, 0, 0x1234) == 0);                // BadVAddr: read-only
    CHECK(wr(cp0, 10, 0, 0xffffffff) == 0xffffe0ff);  // EntryHi: VPN2 | ASID

    Cp0Model odd(48, 0);
    CHECK(wr(odd, 0, 0, 0xffffffff) == 63);           // ceil(log2(48)) bits
    Cp0Model one(1, 0);
    CHECK(wr(one, 0, 0, 0xffffffff) == 0);
    CHECK(wr(one, 6, 0, 0xffffffff) == 0);
}

TEST_CASE("Wired writes reset Random to the top", "[mips][cp0]") {
    Cp0Model cp0(16, 0);
    GuestTlb tlb(16);
    for (int n = 0; n < 5; ++n) (void)cp0.tlbwr(tlb);
    const Cp0Effects e = cp0.write(6, 0, 4);
    CHECK(has(e, Cp0Effects::wired_changed));
    CHECK(rd(cp0, 6, 0) == 4);
    CHECK(rd(cp0, 1, 0) == 15);
    CHECK(cp0.tlbwr(tlb).index == 15);                 // the top first
    for (int n = 0; n < 200; ++n) {
        const unsigned random = rd(cp0, 1, 0);
        REQUIRE(random >= 4);
        REQUIRE(random <= 15);
        REQUIRE(cp0.tlbwr(tlb).index == random);       // Random is what tlbwr uses
    }
}

TEST_CASE("Status: CU0, BEV, IM, UM, ERL, EXL, IE writable; NMI/SR/TS clear only",
          "[mips][cp0]") {
    Cp0Model cp0;
    CHECK(wr(cp0, 12, 0, 0xffffffff) == 0x1040ff17);
    CHECK(wr(cp0, 12, 0, 0) == 0);
    // No supervisor mode: KSU = 01 reads back as kernel.
    CHECK(wr(cp0, 12, 0, 0x00000008) == 0);
    CHECK(wr(cp0, 12, 0, 0x00000010) == 0x10);
    // No FPU, DSP, reverse endian, reduced power, 64-bit segments.
    for (uint32_t bit : {1u << 29, 1u << 30, 1u << 31, 1u << 27, 1u << 26, 1u << 25, 1u << 24,
                         1u << 23, 1u << 7, 1u << 6, 1u << 5, 1u << 18, 1u << 17, 1u << 16}) {
        INFO("bit " << bit);
        CHECK(wr(cp0, 12, 0, bit) == 0);
    }
    // NMI, SR, TS: hardware sets them; software writes 0 to clear, 1 keeps.
    for (uint32_t bit : {1u << 19, 1u << 20, 1u << 21}) {
        cp0.set_status(bit | 0x4);
        CHECK(wr(cp0, 12, 0, bit) == bit);
        CHECK(wr(cp0, 12, 0, 0) == 0);
        CHECK(wr(cp0, 12, 0, bit) == 0);
    }
}

TEST_CASE("Status write effects", "[mips][cp0]") {
    Cp0Model cp0;
    cp0.set_status(0);
    CHECK(cp0.write(12, 0, 0) == Cp0Effects::none);
    Cp0Effects e = cp0.write(12, 0, 0x10);              // to user mode
    CHECK(has(e, Cp0Effects::status_changed));
    CHECK(has(e, Cp0Effects::mode_changed));
    CHECK_FALSE(has(e, Cp0Effects::irq_changed));
    CHECK_FALSE(cp0.kernel_mode());
    e = cp0.write(12, 0, 0x11);                          // IE
    CHECK(has(e, Cp0Effects::irq_changed));
    CHECK_FALSE(has(e, Cp0Effects::mode_changed));
    e = cp0.write(12, 0, 0x8011);                        // IM7
    CHECK(has(e, Cp0Effects::irq_changed));
    e = cp0.write(12, 0, 0x8013);                        // EXL: both
    CHECK(has(e, Cp0Effects::irq_changed));
    CHECK(has(e, Cp0Effects::mode_changed));
    CHECK(cp0.kernel_mode());
    e = cp0.write(12, 0, 0x00408013);                    // BEV
    CHECK(e == Cp0Effects::status_changed);
    e = cp0.write(12, 0, 0x10408013);                    // CU0
    CHECK(e == Cp0Effects::status_changed);
}

TEST_CASE("Cause: IP1..IP0, IV, DC writable; WP cleared by 0", "[mips][cp0]") {
    Cp0Model cp0;
    CHECK(wr(cp0, 13, 0, 0xffffffff) == 0x08800300);
    CHECK(wr(cp0, 13, 0, 0) == 0);
    Cp0Effects e = cp0.write(13, 0, 0x100);
    CHECK(has(e, Cp0Effects::cause_sw_irq_changed));
    CHECK(has(e, Cp0Effects::irq_changed));
    CHECK_FALSE(has(e, Cp0Effects::timer_changed));
    e = cp0.write(13, 0, 0x08000100);
    CHECK(e == Cp0Effects::timer_changed);               // DC: Count stops
    e = cp0.write(13, 0, 0x08800100);
    CHECK(e == Cp0Effects::none);                        // IV alone
    // Exception fields are not writable by mtc0.
    cp0.set_cause(0x80000000u | (1u << 28) | (10u << 2) | (1u << 22));
    CHECK(wr(cp0, 13, 0, 0xffffffff & ~(1u << 22)) == (0x88800300u | (1u << 28) | (10u << 2)));
    CHECK((rd(cp0, 13, 0) & (1u << 22)) == 0);           // WP cleared by writing 0
}

TEST_CASE("other registers' masks", "[mips][cp0]") {
    Cp0Model cp0(16, 5);
    CHECK(wr(cp0, 4, 2, 0xffffffff) == 0xffffffff);     // UserLocal
    CHECK(wr(cp0, 7, 0, 0xffffffff) == 0x2000000f);     // HWREna: 0-3 and ULR
    CHECK(wr(cp0, 14, 0, 0xfffffffe) == 0xfffffffe);    // EPC
    CHECK(wr(cp0, 30, 0, 0x80001234) == 0x80001234);    // ErrorEPC
    CHECK(wr(cp0, 15, 0, 0) == 0x00019300);             // PRId
    CHECK(wr(cp0, 15, 1, 0xffffffff) == 0xbffff005);    // EBase: 29:12; 31:30 = 10b
    CHECK(wr(cp0, 15, 1, 0) == 0x80000005);
    CHECK(wr(cp0, 15, 1, 0x00001000) == 0x80001005);
    CHECK(wr(cp0, 16, 0, 0) == 0x80000480);             // Config: K0 only
    CHECK(wr(cp0, 16, 0, 0xffffffff) == 0x80000487);
    CHECK(wr(cp0, 16, 1, 0) == cp0.config1());
    CHECK(wr(cp0, 16, 2, 0) == 0x80000000);
    CHECK(wr(cp0, 16, 3, 0) == 0x00002000);
    CHECK(wr(cp0, 16, 7, 0) == 0x00010000);
    CHECK(wr(cp0, 12, 1, 0xffffffff) == 0xfc000000);    // IntCtl: VS needs VInt
    CHECK(wr(cp0, 12, 2, 0xffffffff) == 0);             // SRSCtl
    CHECK(wr(cp0, 12, 3, 0xffffffff) == 0);             // SRSMap
    CHECK(wr(cp0, 17, 0, 0xffffffff) == 0);             // LLAddr: read-only
    cp0.set_lladdr(0x01234560);
    CHECK(rd(cp0, 17, 0) == 0x00123456);
    CHECK(wr(cp0, 18, 0, 0xffffffff) == 0xffffffff);    // WatchLo0
    CHECK(wr(cp0, 19, 0, 0xffffffff) == 0x40ff0ff8);    // WatchHi0: G ASID Mask, M=0
    CHECK(wr(cp0, 26, 0, 0xffffffff) == 0);             // ErrCtl: no parity
    CHECK(wr(cp0, 27, 0, 0xffffffff) == 0);             // CacheErr
    CHECK(wr(cp0, 28, 0, 0xa5a5a5a5) == 0xa5a5a5a5);    // TagLo
    CHECK(wr(cp0, 28, 1, 0x5a5a5a5a) == 0x5a5a5a5a);    // DataLo
    CHECK(wr(cp0, 29, 0, 0x12345678) == 0x12345678);    // TagHi
    CHECK(wr(cp0, 29, 1, 0x87654321) == 0x87654321);    // DataHi
}

TEST_CASE("write side effects", "[mips][cp0]") {
    Cp0Model cp0;
    CHECK(cp0.write(4, 2, 1) == Cp0Effects::userlocal_changed);
    CHECK(cp0.write(7, 0, 1) == Cp0Effects::hwrena_changed);
    CHECK(cp0.write(10, 0, 0x00400005) == Cp0Effects::asid_changed);
    CHECK(cp0.write(10, 0, 0x00800005) == Cp0Effects::none);       // same ASID
    CHECK(cp0.write(10, 0, 0x00800006) == Cp0Effects::asid_changed);
    CHECK(cp0.asid() == 6);
    CHECK(cp0.write(16, 0, 3) == Cp0Effects::k0_changed);
    CHECK(cp0.write(16, 0, 3) == Cp0Effects::none);
    CHECK(cp0.write(18, 0, 0) == Cp0Effects::watch_changed);
    CHECK(cp0.write(9, 0, 0) == Cp0Effects::timer_changed);
    CHECK(cp0.write(14, 0, 0) == Cp0Effects::none);
}

TEST_CASE("Count through the VCPU's hook", "[mips][cp0]") {
    Cp0Model cp0;
    FakeCount count;
    count.value = 1234;
    cp0.set_count_hook({FakeCount::read, FakeCount::write, &count});
    CHECK(rd(cp0, 9, 0) == 1234);
    CHECK(cp0.write(9, 0, 99) == Cp0Effects::timer_changed);
    CHECK(count.value == 99);
    CHECK(cp0.count() == 99);
}

TEST_CASE("Compare writes acknowledge the timer interrupt", "[mips][cp0]") {
    Cp0Model cp0;
    CHECK(cp0.set_timer_irq(true) == Cp0Effects::irq_changed);
    CHECK(cp0.set_timer_irq(true) == Cp0Effects::none);
    CHECK(rd(cp0, 13, 0) == 0x40008000);                 // TI and IP7
    const Cp0Effects e = cp0.write(11, 0, 0x1000);
    CHECK(has(e, Cp0Effects::timer_changed));
    CHECK(has(e, Cp0Effects::irq_changed));
    CHECK(rd(cp0, 11, 0) == 0x1000);
    CHECK(rd(cp0, 13, 0) == 0);
    CHECK_FALSE(cp0.timer_irq());
    CHECK(cp0.write(11, 0, 0x2000) == Cp0Effects::timer_changed);   // nothing pending
}

TEST_CASE("interrupt lines, pending and deliverable", "[mips][cp0]") {
    Cp0Model cp0;
    cp0.set_status(0x00000401);                           // IE, IM2
    CHECK(cp0.set_hw_irq(0, true) == Cp0Effects::irq_changed);
    CHECK(cp0.set_hw_irq(0, true) == Cp0Effects::none);
    CHECK(rd(cp0, 13, 0) == 0x00000400);                  // IP2
    CHECK(cp0.pending_irqs() == 0x04);
    CHECK(cp0.irq_deliverable());
    cp0.set_exl(true);
    CHECK_FALSE(cp0.irq_deliverable());
    cp0.set_exl(false);
    cp0.set_erl(true);
    CHECK_FALSE(cp0.irq_deliverable());
    cp0.set_erl(false);
    CHECK(cp0.set_ie(false) == (Cp0Effects::status_changed | Cp0Effects::irq_changed));
    CHECK_FALSE(cp0.irq_deliverable());
    CHECK(cp0.pending_irqs() == 0x04);                    // still pending, masked by IE
    (void)cp0.set_ie(true);
    (void)cp0.set_hw_irq(0, false);
    CHECK_FALSE(cp0.irq_deliverable());
    CHECK(cp0.set_hw_irq(6, true) == Cp0Effects::none);   // no such line

    // The timer and HW5 share IP7: acknowledging one leaves the other.
    (void)cp0.set_hw_irq(5, true);
    (void)cp0.set_timer_irq(true);
    CHECK(rd(cp0, 13, 0) == 0x40008000);
    (void)cp0.write(11, 0, 0);
    CHECK(rd(cp0, 13, 0) == 0x00008000);
    (void)cp0.set_hw_irq(5, false);
    CHECK(rd(cp0, 13, 0) == 0);

    // Software interrupts through mtc0.
    cp0.set_status(0x00000101);                           // IE, IM0
    (void)cp0.write(13, 0, 0x100);
    CHECK(cp0.irq_deliverable());
}

TEST_CASE("raw setters keep only bits the registers have", "[mips][cp0]") {
    Cp0Model cp0(16, 0);
    cp0.set_status(0xffffffff);
    CHECK(cp0.status() == 0x1078ff17);                    // + NMI, SR, TS
    cp0.set_index(0xffffffff);
    CHECK(cp0.index() == 0x8000000f);
    cp0.set_entryhi(0xffffffff);
    CHECK(cp0.entryhi() == 0xffffe0ff);
    cp0.set_entrylo0(0xffffffff);
    CHECK(cp0.entrylo0() == 0x03ffffff);
    cp0.set_entrylo1(0xffffffff);
    CHECK(cp0.entrylo1() == 0x03ffffff);
    cp0.set_pagemask(0xffffffff);
    CHECK(cp0.pagemask() == 0x1fffe000);
    cp0.set_context(0xffffffff);
    CHECK(cp0.context() == 0xfffffff0);
    // Cause: TI and IP7..IP2 become the interrupt inputs.
    cp0.set_cause(0xffffffff);
    CHECK(cp0.cause() == 0xf8c0ff7c);
    CHECK(cp0.timer_irq());
    cp0.set_cause(cp0.cause() & ~(mips::CauseReg::Ti::mask | mips::CauseReg::Ip::bits(0x80)));
    CHECK_FALSE(cp0.timer_irq());
    CHECK((cp0.cause() & 0x0000ff00u) == 0x00007f00u);
    cp0.set_cause(0x00008000);                            // IP7 without TI: HW5
    CHECK_FALSE(cp0.timer_irq());
    CHECK(cp0.cause() == 0x00008000);
}

TEST_CASE("exception delivery helpers", "[mips][cp0]") {
    Cp0Model cp0;
    cp0.set_cause_exccode(mips::ExcCode::TLBS);
    cp0.set_cause_bd(true);
    cp0.set_cause_ce(1);
    CHECK(cp0.cause() == (0x80000000u | (1u << 28) | (3u << 2)));
    cp0.set_cause_bd(false);
    CHECK(mips::CauseReg::Bd::get(cp0.cause()) == 0);
    cp0.set_epc(0x80001000);
    CHECK(cp0.epc() == 0x80001000);
    cp0.set_badvaddr(0x1234);
    CHECK(rd(cp0, 8, 0) == 0x1234);

    (void)cp0.write(4, 0, 0x80000000);                    // PTEBase
    (void)cp0.write(10, 0, 0x00000042);                   // ASID 0x42
    cp0.record_tlb_fault(0x7fff5abc);
    CHECK(cp0.badvaddr() == 0x7fff5abc);
    CHECK(cp0.context() == (0x80000000u | (0x7fff5abcu >> 13) << 4));
    CHECK(cp0.entryhi() == 0x7fff4042);
    CHECK(wr(cp0, 4, 0, 0) == ((0x7fff5abcu >> 13) << 4));   // BadVPN2 is read-only

    // Vectors: BEV, then EBase.
    CHECK(cp0.exception_base() == 0xbfc00200);
    cp0.set_status(0);
    CHECK(cp0.exception_base() == 0x80000000);
    (void)cp0.write(15, 1, 0x80123000);
    CHECK(cp0.exception_base() == 0x80123000);
}

TEST_CASE("eret: ERL first, then EXL", "[mips][cp0]") {
    Cp0Model cp0;
    cp0.set_epc(0x80001000);
    cp0.set_errorepc(0xbfc00000);
    cp0.set_status(0x00000007);                           // ERL and EXL
    Cp0Model::EretResult r = cp0.eret();
    CHECK(r.pc == 0xbfc00000);
    CHECK(cp0.status() == 0x00000003);
    CHECK(has(r.effects, Cp0Effects::mode_changed));
    r = cp0.eret();
    CHECK(r.pc == 0x80001000);
    CHECK(cp0.status() == 0x00000001);
    CHECK(has(r.effects, Cp0Effects::irq_changed));
    cp0.set_status(0x00000010);
    r = cp0.eret();                                       // neither: back to EPC
    CHECK(r.pc == 0x80001000);
    CHECK(r.effects == Cp0Effects::none);
}

TEST_CASE("tlbp, tlbr, tlbwi, tlbwr", "[mips][cp0]") {
    Cp0Model cp0(16, 0);
    GuestTlb tlb(16);
    // tlbwi at Index 5.
    (void)cp0.write(0, 0, 5);
    (void)cp0.write(10, 0, 0x00400007);
    (void)cp0.write(5, 0, 0x00006000);
    (void)cp0.write(2, 0, (0x100u << 6) | 0x7);          // V D G
    (void)cp0.write(3, 0, (0x104u << 6) | 0x3);          // V G
    const mips::TlbWrite w = cp0.tlbwi(tlb);
    CHECK(w.index == 5);
    CHECK(w.old_entry.entryhi == 0x80000000u + (5u << 13));   // the flushed entry
    CHECK(w.new_entry.entryhi == 0x00400007);
    CHECK(w.new_entry.pagemask == 0x00006000);
    CHECK(w.new_entry.global());
    CHECK(tlb.lookup(0x00404010, 99).phys == 0x00104010);

    // tlbp: hit clears P, miss sets it.
    (void)cp0.write(10, 0, 0x00402003);
    cp0.tlbp(tlb);
    CHECK(rd(cp0, 0, 0) == 5);
    (void)cp0.write(10, 0, 0x00800003);
    cp0.tlbp(tlb);
    CHECK(rd(cp0, 0, 0) == 0x80000005);
    CHECK(wr(cp0, 0, 0, 2) == 0x80000002);               // mtc0 leaves P alone
    (void)cp0.write(10, 0, 0x00400001);
    cp0.tlbp(tlb);
    CHECK(rd(cp0, 0, 0) == 5);

    // tlbr loads the four registers; G shows in both EntryLo.
    (void)cp0.write(10, 0, 0x00000009);
    (void)cp0.write(2, 0, 0);
    (void)cp0.write(3, 0, 0);
    (void)cp0.write(5, 0, 0);
    CHECK(cp0.tlbr(tlb) == Cp0Effects::asid_changed);
    CHECK(rd(cp0, 10, 0) == 0x00400007);
    CHECK(rd(cp0, 5, 0) == 0x00006000);
    CHECK(rd(cp0, 2, 0) == ((0x100u << 6) | 0x7));
    CHECK(rd(cp0, 3, 0) == ((0x104u << 6) | 0x3));
    CHECK(cp0.tlbr(tlb) == Cp0Effects::none);

    // Index beyond the TLB wraps (UNDEFINED on hardware).
    Cp0Model c48(48, 0);
    GuestTlb t48(48);
    (void)c48.write(0, 0, 50);
    (void)c48.write(10, 0, 0x00600000);
    CHECK(c48.tlbwi(t48).index == 2);

    // tlbwr: never below Wired.
    (void)cp0.write(6, 0, 8);
    for (int n = 0; n < 100; ++n) {
        (void)cp0.write(10, 0, 0x01000000u + (static_cast<uint32_t>(n) << 13));
        const mips::TlbWrite r = cp0.tlbwr(tlb);
        REQUIRE(r.index >= 8);
        REQUIRE(r.index <= 15);
        REQUIRE(tlb.read(r.index).entryhi == r.new_entry.entryhi);
    }
    CHECK(tlb.probe(0x00400007) == 5);                   // the wired entry survived
}

TEST_CASE("tlb_entry() is what tlbwi writes", "[mips][cp0]") {
    Cp0Model cp0;
    (void)cp0.write(10, 0, 0x12346042);
    (void)cp0.write(5, 0, 0x0001e000);
    (void)cp0.write(2, 0, 0x11);
    (void)cp0.write(3, 0, 0x22);
    const mips::TlbEntry e = cp0.tlb_entry();
    CHECK(e.entryhi == 0x12346042);
    CHECK(e.pagemask == 0x0001e000);
    CHECK(e.entrylo0 == 0x11);
    CHECK(e.entrylo1 == 0x22);
}
