// mmio: device loads and stores of every width through the emulated
// UART's scratch register (SCR, +0x38 with reg-shift 3). The hypervisor
// decodes each trapping access (width, signedness, data register, delay
// slot) and hands it to the device emulator.
//
// The 16550 registers are 8 bits wide. For a wider access to one this
// suite expects what a byte-wide device on a wider bus gives (and what
// Tern's ns16550 emulator implements): a store writes the low byte, a load
// returns the register zero-extended to the access width -- so lh of 0xEF
// is 0x000000EF, not sign-extended, while lb of 0xEF is 0xFFFFFFEF.
#include "guest.hpp"

using namespace guest;

extern "C" void mmio_gpr_roundtrip(uint32_t scr, uint8_t* result);
extern "C" uint32_t mmio_store_in_taken_slot(uint32_t addr, uint32_t v);
extern "C" uint32_t mmio_load_in_not_taken_slot(uint32_t addr);
extern "C" uint64_t mmio_load_in_jr_slot(uint32_t addr);
extern "C" uint64_t mmio_store_in_jal_slot(uint32_t addr, uint32_t v);
extern "C" uint32_t mmio_load_in_likely_slot(uint32_t addr, uint32_t taken);

namespace {

const uint32_t scr = uart::address(uart::Reg::SCR);

void byte_accesses() {
    CheckScope scope("byte");
    mmio::sb(scr, 0xA5);
    CHECK_EQ("sb 0xa5, lbu", mmio::lbu(scr), 0x000000A5);
    CHECK_EQ("sb 0xa5, lb sign-extends", mmio::lb(scr), 0xFFFFFFA5);
    mmio::sb(scr, 0x5A);
    CHECK_EQ("sb 0x5a, lb", mmio::lb(scr), 0x0000005A);
    mmio::sb(scr, 0x12345680);  // only the low byte is stored
    CHECK_EQ("sb stores the low byte of rt", mmio::lbu(scr), 0x80);
    mmio::sb(scr, 0);
    CHECK_EQ("sb $zero", mmio::lbu(scr), 0);
}

void wide_accesses() {
    CheckScope scope("wide");
    mmio::sh(scr, 0xBEEF);
    CHECK_EQ("sh 0xbeef, lbu", mmio::lbu(scr), 0xEF);
    CHECK_EQ("sh 0xbeef, lhu", mmio::lhu(scr), 0x000000EF);
    CHECK_EQ("sh 0xbeef, lh", mmio::lh(scr), 0x000000EF);
    CHECK_EQ("sh 0xbeef, lb", mmio::lb(scr), 0xFFFFFFEF);
    mmio::sw(scr, 0x12345678);
    CHECK_EQ("sw 0x12345678, lw", mmio::lw(scr), 0x00000078);
    CHECK_EQ("sw 0x12345678, lbu", mmio::lbu(scr), 0x78);
    mmio::sw(scr, 0xFFFFFF99);
    CHECK_EQ("sw 0xffffff99, lw", mmio::lw(scr), 0x00000099);
    CHECK_EQ("sw 0xffffff99, lb", mmio::lb(scr), 0xFFFFFF99);
    mmio::sw(scr, 0);
    CHECK_EQ("sw $zero, lw", mmio::lw(scr), 0);
}

void every_gpr() {
    CheckScope scope("data register");
    uint8_t result[32];
    for (uint8_t& r : result) {
        r = 0xEE;
    }
    mmio_gpr_roundtrip(scr, result);
    static const char* const names[32] = {
        "zero", "at", "v0", "v1", "a0", "a1", "a2", "a3", "t0", "t1", "t2",
        "t3",   "t4", "t5", "t6", "t7", "s0", "s1", "s2", "s3", "s4", "s5",
        "s6",   "s7", "t8", "t9", "k0", "k1", "gp", "sp", "fp", "ra"};
    for (unsigned n = 1; n < 32; ++n) {
        if (n == 26 || n == 27 || n == 29) {
            continue;
        }
        CHECK_EQ(names[n], result[n], 0);
    }
}

void delay_slots() {
    CheckScope scope("delay slot");
    mmio::sb(scr, 0);
    CHECK_EQ("sb in the slot of a taken beq: branch taken", mmio_store_in_taken_slot(scr, 0x3C), 1);
    CHECK_EQ("... store done", mmio::lbu(scr), 0x3C);
    mmio::sb(scr, 0x4D);
    CHECK_EQ("lbu in the slot of a bne not taken", mmio_load_in_not_taken_slot(scr), 0x4D);
    mmio::sb(scr, 0x11);
    const uint64_t jr = mmio_load_in_jr_slot(scr);
    CHECK_EQ("lbu t0 in the slot of jr t0: jumped to the old t0", static_cast<uint32_t>(jr >> 32), 1);
    CHECK_EQ("... t0 loaded", static_cast<uint32_t>(jr), 0x11);
    const uint64_t jal = mmio_store_in_jal_slot(scr, 0x22);
    CHECK_EQ("sw in the slot of jal: ra = jal + 8", static_cast<uint32_t>(jal),
             static_cast<uint32_t>(jal >> 32) + 8);
    CHECK_EQ("... store done", mmio::lbu(scr), 0x22);
    mmio::sb(scr, 0x33);
    CHECK_EQ("lbu in the slot of a taken beql", mmio_load_in_likely_slot(scr, 1), 0x33);
    CHECK_EQ("lbu in the slot of a beql not taken: nullified", mmio_load_in_likely_slot(scr, 0),
             0x5a5a5a5a);
}

}  // namespace

int main() {
    byte_accesses();
    wide_accesses();
    every_gpr();
    delay_slots();
    done();
}
