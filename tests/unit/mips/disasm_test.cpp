// The report disassembler: common instructions, aliases, unknown words,
// and that it never writes past the buffer.
#include <stdint.h>
#include <string.h>

#include <string>

#include "arch/mips/cpu/disasm.hpp"
#include "catch.hpp"
#include "encode.hpp"

using namespace enc;

namespace {

std::string dis(uint32_t insn, uint32_t pc = 0x80001000) {
    char buf[64];
    const size_t n = mips::disassemble(insn, pc, buf, sizeof buf);
    REQUIRE(n == strlen(buf));
    return buf;
}

}  // namespace

TEST_CASE("loads, stores and immediates", "[mips][disasm]") {
    CHECK(dis(lw(v0, 16, sp)) == "lw v0, 16(sp)");
    CHECK(dis(sb(a0, -1, t9)) == "sb a0, -1(t9)");
    CHECK(dis(lhu(zero, 0, zero)) == "lhu zero, 0(zero)");
    CHECK(dis(lwl(t0, 3, a1)) == "lwl t0, 3(a1)");
    CHECK(dis(swr(t0, 0, a1)) == "swr t0, 0(a1)");
    CHECK(dis(ll(v1, 0, a0)) == "ll v1, 0(a0)");
    CHECK(dis(sc(v1, 0, a0)) == "sc v1, 0(a0)");
    CHECK(dis(mem(0x31, 4, 8, sp)) == "lwc1 $f4, 8(sp)");
    CHECK(dis(mem(0x3d, 2, -8, sp)) == "sdc1 $f2, -8(sp)");
    CHECK(dis(cache(0x15, 0, a0)) == "cache 0x15, 0(a0)");
    CHECK(dis(pref(0, 32, a0)) == "pref 0x0, 32(a0)");
    CHECK(dis(0x27bdffe0) == "addiu sp, sp, -32");
    CHECK(dis(0x24020005) == "li v0, 5");
    CHECK(dis(0x3c028000) == "lui v0, 0x8000");
    CHECK(dis(0x3442ffff) == "ori v0, v0, 0xffff");
    CHECK(dis(0x2c820010) == "sltiu v0, a0, 16");
}

TEST_CASE("register forms and aliases", "[mips][disasm]") {
    CHECK(dis(0x00000000) == "nop");
    CHECK(dis(0x00000040) == "ssnop");
    CHECK(dis(0x000000c0) == "ehb");
    CHECK(dis(0x00801021) == "move v0, a0");               // addu v0, a0, zero
    CHECK(dis(0x00851021) == "addu v0, a0, a1");
    CHECK(dis(0x00042080) == "sll a0, a0, 2");
    CHECK(dis(0x00222042) == "rotr a0, v0, 1");
    CHECK(dis(0x00000010 | (v0 << 11)) == "mfhi v0");
    CHECK(dis(0x0000000c) == "syscall");
    CHECK(dis(0x0000000f) == "sync");
    CHECK(dis(0x00a6001a) == "div zero, a1, a2");
    CHECK(dis(0x70a61002) == "mul v0, a1, a2");
    CHECK(dis(0x70a01020) == "clz v0, a1");
    CHECK(dis(0x7c8310c0 | 0x0000) == "ext v1, a0, 3, 3");
    CHECK(dis(0x7c021c20) == "seb v1, v0");
    CHECK(dis(rdhwr(v1, 29)) == "rdhwr v1, $29");
}

TEST_CASE("branches and jumps show absolute targets", "[mips][disasm]") {
    CHECK(dis(beq(zero, zero, -1)) == "b 0x80001000");
    CHECK(dis(beq(a0, zero, 3)) == "beqz a0, 0x80001010");
    CHECK(dis(bne(a0, zero, 3)) == "bnez a0, 0x80001010");
    CHECK(dis(beq(a0, a1, 3)) == "beq a0, a1, 0x80001010");
    CHECK(dis(bnel(a0, a1, -2)) == "bnel a0, a1, 0x80000ffc");
    CHECK(dis(blez(a0, 1)) == "blez a0, 0x80001008");
    CHECK(dis(bgezal(zero, 4)) == "bal 0x80001014");
    CHECK(dis(bltzall(t0, 4)) == "bltzall t0, 0x80001014");
    CHECK(dis(j(0x00400000)) == "j 0x80400000");
    CHECK(dis(jal(0x00000100), 0x00400000) == "jal 0x00000100");
    CHECK(dis(jr(ra)) == "jr ra");
    CHECK(dis(jr_hb(ra)) == "jr.hb ra");
    CHECK(dis(jalr(ra, t9)) == "jalr t9");
    CHECK(dis(jalr(s0, t9)) == "jalr s0, t9");
    CHECK(dis(jalr_hb(zero, v0)) == "jalr.hb zero, v0");
    CHECK(dis(bc(1, true, false, 0, 4)) == "bc1t 0x80001014");
    CHECK(dis(bc(1, false, true, 7, 4)) == "bc1fl $fcc7, 0x80001014");
}

TEST_CASE("COP0", "[mips][disasm]") {
    CHECK(dis(mfc0(v0, 12)) == "mfc0 v0, $12");
    CHECK(dis(mtc0(k0, 15, 1)) == "mtc0 k0, $15, 1");
    CHECK(dis(eret) == "eret");
    CHECK(dis(wait) == "wait");
    CHECK(dis(tlbwr) == "tlbwr");
    CHECK(dis(tlbp) == "tlbp");
    CHECK(dis(di(zero)) == "di");
    CHECK(dis(ei(v0)) == "ei v0");
    CHECK(dis(rdpgpr(sp, sp)) == "rdpgpr sp, sp");
    CHECK(dis(0x44020800) == "mfc1 v0, $f1");
}

TEST_CASE("unknown words print as .word", "[mips][disasm]") {
    CHECK(dis(0xffffffff) == ".word 0xffffffff");
    CHECK(dis(0x7000003e) == ".word 0x7000003e");
    CHECK(dis(co(0x3e)) == ".word 0x4200003e");
    CHECK(dis(0x41600000) == ".word 0x41600000");
    CHECK(dis(0x74000100) == ".word 0x74000100");    // jalx
}

TEST_CASE("the buffer is never overrun", "[mips][disasm]") {
    char buf[80];
    CHECK(mips::disassemble(lw(v0, 16, sp), 0, buf, 0) == 0);
    memset(buf, 'x', sizeof buf);
    CHECK(mips::disassemble(lw(v0, 16, sp), 0, buf, 1) == 0);
    CHECK(buf[0] == 0);
    CHECK(buf[1] == 'x');
    memset(buf, 'x', sizeof buf);
    CHECK(mips::disassemble(lw(v0, 16, sp), 0, buf, 6) == 5);
    CHECK(std::string(buf) == "lw v0");
    CHECK(buf[6] == 'x');
    uint32_t x = 1;
    for (int n = 0; n < 100000; ++n) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        for (size_t size : {size_t{1}, size_t{7}, size_t{40}}) {
            memset(buf, 'x', sizeof buf);
            const size_t len = mips::disassemble(x, 0x80000000u, buf, size);
            REQUIRE(len < size);
            REQUIRE(buf[len] == 0);
            REQUIRE(buf[size] == 'x');
        }
    }
}
