// Load/store, COP0, CACHE, SYNCI and RDHWR decoding, instruction by
// instruction, and the little-endian partial-word semantics against a
// byte-by-byte model of the manual's description.
#include <stdint.h>
#include <string.h>

#include "arch/mips/cpu/decode.hpp"
#include "catch.hpp"
#include "encode.hpp"

using namespace enc;
using mips::Cop0Kind;
using mips::MemAccess;
using mips::MemClass;
using mips::MemKind;
using mips::Partial;

namespace {

MemAccess decoded(uint32_t insn) {
    MemAccess m{};
    REQUIRE(mips::decode_mem_access(insn, m));
    return m;
}

struct MemCase {
    const char* name;
    uint32_t (*make)(unsigned, int32_t, unsigned);
    MemKind kind;
    unsigned width;
    bool sign_extend;
    Partial partial;
    bool is_ll;
    bool is_sc;
};

const MemCase mem_cases[] = {
    {"lb", lb, MemKind::load, 1, true, Partial::none, false, false},
    {"lbu", lbu, MemKind::load, 1, false, Partial::none, false, false},
    {"lh", lh, MemKind::load, 2, true, Partial::none, false, false},
    {"lhu", lhu, MemKind::load, 2, false, Partial::none, false, false},
    {"lw", lw, MemKind::load, 4, false, Partial::none, false, false},
    {"lwl", lwl, MemKind::load, 4, false, Partial::left, false, false},
    {"lwr", lwr, MemKind::load, 4, false, Partial::right, false, false},
    {"ll", ll, MemKind::load, 4, false, Partial::none, true, false},
    {"sb", sb, MemKind::store, 1, false, Partial::none, false, false},
    {"sh", sh, MemKind::store, 2, false, Partial::none, false, false},
    {"sw", sw, MemKind::store, 4, false, Partial::none, false, false},
    {"swl", swl, MemKind::store, 4, false, Partial::left, false, false},
    {"swr", swr, MemKind::store, 4, false, Partial::right, false, false},
    {"sc", sc, MemKind::store, 4, false, Partial::none, false, true},
};

// The manual's little-endian partial-word rules, byte by byte.
// mem[] is the aligned word's four bytes, b = address & 3.
uint32_t ref_lwl(const uint8_t mem[4], unsigned b, uint32_t rt) {
    for (unsigned i = 0; i <= b; ++i) {        // reg byte 3 - i <- mem[b - i]
        const unsigned byte = 3 - i;
        rt = (rt & ~(0xffu << (8 * byte))) | uint32_t{mem[b - i]} << (8 * byte);
    }
    return rt;
}
uint32_t ref_lwr(const uint8_t mem[4], unsigned b, uint32_t rt) {
    for (unsigned i = 0; b + i <= 3; ++i) {    // reg byte i <- mem[b + i]
        rt = (rt & ~(0xffu << (8 * i))) | uint32_t{mem[b + i]} << (8 * i);
    }
    return rt;
}
void ref_swl(uint8_t mem[4], unsigned b, uint32_t rt) {
    for (unsigned i = 0; i <= b; ++i) mem[b - i] = static_cast<uint8_t>(rt >> (8 * (3 - i)));
}
void ref_swr(uint8_t mem[4], unsigned b, uint32_t rt) {
    for (unsigned i = 0; b + i <= 3; ++i) mem[b + i] = static_cast<uint8_t>(rt >> (8 * i));
}

// What a caller of load_result() passes: the span's bytes, lowest first.
uint32_t span_bytes(const uint8_t word[4], const mips::MemSpan& span) {
    uint32_t v = 0;
    for (unsigned i = 0; i < span.size; ++i) v |= uint32_t{word[(span.address & 3) + i]} << (8 * i);
    return v;
}

void apply_store(uint8_t word[4], const mips::StoreData& d) {
    for (unsigned i = 0; i < d.span.size; ++i)
        word[(d.span.address & 3) + i] = static_cast<uint8_t>(d.value >> (8 * i));
}

}  // namespace

TEST_CASE("every integer load and store decodes with its width, sign and registers",
          "[mips][decode]") {
    for (const MemCase& c : mem_cases) {
        INFO(c.name);
        for (int32_t offset : {0, 4, -4, 0x7fff, -0x8000, 3, -1}) {
            const MemAccess m = decoded(c.make(t3, offset, sp));
            CHECK(m.kind == c.kind);
            CHECK(m.width == c.width);
            CHECK(m.sign_extend == c.sign_extend);
            CHECK(m.partial == c.partial);
            CHECK(m.is_ll == c.is_ll);
            CHECK(m.is_sc == c.is_sc);
            CHECK(m.rt == t3);
            CHECK(m.base == sp);
            CHECK(m.offset == offset);
            CHECK(mips::classify_mem(c.make(t3, offset, sp)) == MemClass::integer);
        }
        const MemAccess z = decoded(c.make(zero, 0, zero));
        CHECK(z.rt == 0);
        CHECK(z.base == 0);
        const MemAccess r = decoded(c.make(ra, -2, k1));
        CHECK(r.rt == ra);
        CHECK(r.base == k1);
        CHECK(r.offset == -2);
    }
}

TEST_CASE("coprocessor loads/stores, pref, cache and MIPS64 forms are not integer accesses",
          "[mips][decode]") {
    MemAccess m{};
    struct {
        unsigned op;
        MemClass cls;
    } const others[] = {
        {0x31, MemClass::coprocessor},  // lwc1
        {0x32, MemClass::coprocessor},  // lwc2
        {0x35, MemClass::coprocessor},  // ldc1
        {0x36, MemClass::coprocessor},  // ldc2
        {0x39, MemClass::coprocessor},  // swc1
        {0x3a, MemClass::coprocessor},  // swc2
        {0x3d, MemClass::coprocessor},  // sdc1
        {0x3e, MemClass::coprocessor},  // sdc2
        {0x33, MemClass::prefetch},     // pref
        {0x2f, MemClass::cache},        // cache
        {0x27, MemClass::none},         // lwu (MIPS64)
        {0x34, MemClass::none},         // lld
        {0x37, MemClass::none},         // ld
        {0x3c, MemClass::none},         // scd
        {0x3f, MemClass::none},         // sd
        {0x2c, MemClass::none},         // sdl
        {0x2d, MemClass::none},         // sdr
        {0x1a, MemClass::none},         // ldl
        {0x09, MemClass::none},         // addiu
    };
    for (const auto& o : others) {
        INFO("opcode " << o.op);
        const uint32_t insn = mem(o.op, t0, 8, a0);
        CHECK_FALSE(mips::decode_mem_access(insn, m));
        CHECK(mips::classify_mem(insn) == o.cls);
    }
    // COP1X: lwxc1 (function 0) is an FP load, prefx a prefetch, madd.s neither.
    CHECK(mips::classify_mem(0x4c000000u | (a0 << 21) | (a1 << 16) | 0x00) == MemClass::coprocessor);
    CHECK(mips::classify_mem(0x4c000000u | (a0 << 21) | (a1 << 16) | 0x09) == MemClass::coprocessor);
    CHECK(mips::classify_mem(0x4c000000u | (a0 << 21) | (a1 << 16) | 0x0f) == MemClass::prefetch);
    CHECK(mips::classify_mem(0x4c000000u | (a0 << 21) | (a1 << 16) | 0x20) == MemClass::none);
    CHECK_FALSE(mips::decode_mem_access(0x4c000000u, m));
}

TEST_CASE("effective address: base + sign-extended offset, modulo 2^32", "[mips][decode]") {
    uint32_t gpr[32] = {};
    gpr[sp] = 0x80001000;
    CHECK(mips::mem_effective_address(decoded(lw(v0, 16, sp)), gpr) == 0x80001010);
    CHECK(mips::mem_effective_address(decoded(lw(v0, -16, sp)), gpr) == 0x80000ff0);
    CHECK(mips::mem_effective_address(decoded(lw(v0, -0x8000, sp)), gpr) == 0x7fff9000);
    gpr[t0] = 0xfffffffc;
    CHECK(mips::mem_effective_address(decoded(lw(v0, 8, t0)), gpr) == 0x00000004);
    CHECK(mips::mem_effective_address(decoded(sb(v0, 0x7fff, zero)), gpr) == 0x7fff);
    CHECK(mips::mem_effective_address(decoded(sb(v0, -1, zero)), gpr) == 0xffffffff);
}

TEST_CASE("alignment: natural for lh/lw/sh/sw/ll/sc, none for bytes and partial words",
          "[mips][decode]") {
    for (uint32_t a = 0x1000; a < 0x1004; ++a) {
        INFO("address " << a);
        CHECK(mips::mem_aligned(decoded(lb(v0, 0, a0)), a));
        CHECK(mips::mem_aligned(decoded(sb(v0, 0, a0)), a));
        CHECK(mips::mem_aligned(decoded(lh(v0, 0, a0)), a) == (a % 2 == 0));
        CHECK(mips::mem_aligned(decoded(lhu(v0, 0, a0)), a) == (a % 2 == 0));
        CHECK(mips::mem_aligned(decoded(sh(v0, 0, a0)), a) == (a % 2 == 0));
        CHECK(mips::mem_aligned(decoded(lw(v0, 0, a0)), a) == (a % 4 == 0));
        CHECK(mips::mem_aligned(decoded(sw(v0, 0, a0)), a) == (a % 4 == 0));
        CHECK(mips::mem_aligned(decoded(ll(v0, 0, a0)), a) == (a % 4 == 0));
        CHECK(mips::mem_aligned(decoded(sc(v0, 0, a0)), a) == (a % 4 == 0));
        CHECK(mips::mem_aligned(decoded(lwl(v0, 0, a0)), a));
        CHECK(mips::mem_aligned(decoded(lwr(v0, 0, a0)), a));
        CHECK(mips::mem_aligned(decoded(swl(v0, 0, a0)), a));
        CHECK(mips::mem_aligned(decoded(swr(v0, 0, a0)), a));
    }
}

TEST_CASE("load results: sign and zero extension", "[mips][decode]") {
    const uint32_t old = 0xdeadbeef;
    // Garbage above the access width must not leak into the result.
    CHECK(mips::load_result(decoded(lb(v0, 0, a0)), 0x0000007f, old, 0) == 0x0000007f);
    CHECK(mips::load_result(decoded(lb(v0, 0, a0)), 0x00000080, old, 0) == 0xffffff80);
    CHECK(mips::load_result(decoded(lb(v0, 0, a0)), 0xabcdef80, old, 1) == 0xffffff80);
    CHECK(mips::load_result(decoded(lb(v0, 0, a0)), 0x000000ff, old, 2) == 0xffffffff);
    CHECK(mips::load_result(decoded(lbu(v0, 0, a0)), 0x00000080, old, 0) == 0x00000080);
    CHECK(mips::load_result(decoded(lbu(v0, 0, a0)), 0xffffffff, old, 3) == 0x000000ff);
    CHECK(mips::load_result(decoded(lh(v0, 0, a0)), 0x00007fff, old, 0) == 0x00007fff);
    CHECK(mips::load_result(decoded(lh(v0, 0, a0)), 0x00008000, old, 2) == 0xffff8000);
    CHECK(mips::load_result(decoded(lh(v0, 0, a0)), 0x1234ffff, old, 0) == 0xffffffff);
    CHECK(mips::load_result(decoded(lhu(v0, 0, a0)), 0x00008000, old, 0) == 0x00008000);
    CHECK(mips::load_result(decoded(lhu(v0, 0, a0)), 0xffffffff, old, 2) == 0x0000ffff);
    CHECK(mips::load_result(decoded(lw(v0, 0, a0)), 0x80000001, old, 0) == 0x80000001);
    CHECK(mips::load_result(decoded(ll(v0, 0, a0)), 0x12345678, old, 0) == 0x12345678);
}

TEST_CASE("spans: width bytes, or the part of the word a partial access touches",
          "[mips][decode]") {
    using mips::mem_span;
    CHECK(mem_span(decoded(lb(v0, 0, a0)), 0x1003).address == 0x1003);
    CHECK(mem_span(decoded(lb(v0, 0, a0)), 0x1003).size == 1);
    CHECK(mem_span(decoded(sh(v0, 0, a0)), 0x1002).size == 2);
    CHECK(mem_span(decoded(lw(v0, 0, a0)), 0x1000).size == 4);
    for (unsigned b = 0; b < 4; ++b) {
        INFO("byte " << b);
        // lwl/swl: from the start of the word up to the address.
        CHECK(mem_span(decoded(lwl(v0, 0, a0)), 0x1000 + b).address == 0x1000);
        CHECK(mem_span(decoded(lwl(v0, 0, a0)), 0x1000 + b).size == b + 1);
        CHECK(mem_span(decoded(swl(v0, 0, a0)), 0x1000 + b).size == b + 1);
        // lwr/swr: from the address to the end of the word.
        CHECK(mem_span(decoded(lwr(v0, 0, a0)), 0x1000 + b).address == 0x1000 + b);
        CHECK(mem_span(decoded(lwr(v0, 0, a0)), 0x1000 + b).size == 4 - b);
        CHECK(mem_span(decoded(swr(v0, 0, a0)), 0x1000 + b).size == 4 - b);
    }
}

TEST_CASE("lwl and lwr merge like the manual says, at every byte offset", "[mips][decode]") {
    const uint8_t word[4] = {0x11, 0x22, 0x33, 0x44};   // LE word 0x44332211
    const uint32_t old = 0xaabbccdd;
    const MemAccess l = decoded(lwl(v0, 0, a0));
    const MemAccess r = decoded(lwr(v0, 0, a0));
    // Hand-computed values (little-endian).
    const uint32_t lwl_expect[4] = {0x11bbccdd, 0x2211ccdd, 0x332211dd, 0x44332211};
    const uint32_t lwr_expect[4] = {0x44332211, 0xaa443322, 0xaabb4433, 0xaabbcc44};
    for (unsigned b = 0; b < 4; ++b) {
        INFO("byte " << b);
        const uint32_t addr = 0x2000 + b;
        CHECK(mips::load_result(l, span_bytes(word, mips::mem_span(l, addr)), old, addr) ==
              lwl_expect[b]);
        CHECK(mips::load_result(r, span_bytes(word, mips::mem_span(r, addr)), old, addr) ==
              lwr_expect[b]);
        CHECK(ref_lwl(word, b, old) == lwl_expect[b]);
        CHECK(ref_lwr(word, b, old) == lwr_expect[b]);
        // A caller that read the whole aligned word shifts it down.
        const uint32_t w = 0x44332211;
        CHECK(mips::load_result(r, w >> (8 * (mips::mem_span(r, addr).address & 3)), old, addr) ==
              lwr_expect[b]);
        CHECK(mips::load_result(l, w, old, addr) == lwl_expect[b]);
    }
}

TEST_CASE("lwl/lwr/swl/swr agree with the byte model for many values", "[mips][decode]") {
    const MemAccess l = decoded(lwl(v0, 0, a0)), r = decoded(lwr(v0, 0, a0));
    const MemAccess sl = decoded(swl(v0, 0, a0)), sr = decoded(swr(v0, 0, a0));
    uint32_t x = 0x12345678;
    for (int n = 0; n < 2000; ++n) {
        x = x * 1664525u + 1013904223u;
        const uint32_t rt = x ^ (x >> 7) * 2654435761u;
        uint8_t word[4];
        for (unsigned i = 0; i < 4; ++i) word[i] = static_cast<uint8_t>(x >> (5 + 6 * i));
        for (unsigned b = 0; b < 4; ++b) {
            const uint32_t addr = 0x40000000u + 4 * static_cast<uint32_t>(n) + b;
            INFO("n " << n << " byte " << b);
            REQUIRE(mips::load_result(l, span_bytes(word, mips::mem_span(l, addr)), rt, addr) ==
                    ref_lwl(word, b, rt));
            REQUIRE(mips::load_result(r, span_bytes(word, mips::mem_span(r, addr)), rt, addr) ==
                    ref_lwr(word, b, rt));
            uint8_t got[4], want[4];
            memcpy(got, word, 4);
            memcpy(want, word, 4);
            apply_store(got, mips::store_data(sl, rt, addr));
            ref_swl(want, b, rt);
            REQUIRE(memcmp(got, want, 4) == 0);
            memcpy(got, word, 4);
            memcpy(want, word, 4);
            apply_store(got, mips::store_data(sr, rt, addr));
            ref_swr(want, b, rt);
            REQUIRE(memcmp(got, want, 4) == 0);
        }
    }
}

TEST_CASE("swl and swr write the right bytes at every offset", "[mips][decode]") {
    const uint32_t rt = 0x44332211;
    const MemAccess sl = decoded(swl(v0, 0, a0)), sr = decoded(swr(v0, 0, a0));
    // swl at byte b writes rt's top b+1 bytes into bytes 0..b.
    const uint32_t swl_value[4] = {0x44, 0x4433, 0x443322, 0x44332211};
    // swr at byte b writes rt's low 4-b bytes into bytes b..3.
    const uint32_t swr_value[4] = {0x44332211, 0x332211, 0x2211, 0x11};
    for (unsigned b = 0; b < 4; ++b) {
        INFO("byte " << b);
        const mips::StoreData l = mips::store_data(sl, rt, 0x3000 + b);
        CHECK(l.span.address == 0x3000);
        CHECK(l.span.size == b + 1);
        CHECK(l.value == swl_value[b]);
        const mips::StoreData r = mips::store_data(sr, rt, 0x3000 + b);
        CHECK(r.span.address == 0x3000 + b);
        CHECK(r.span.size == 4 - b);
        CHECK(r.value == swr_value[b]);
    }
}

TEST_CASE("unaligned word idioms: lwr 0 / lwl 3 and swr 0 / swl 3", "[mips][decode]") {
    const uint8_t bytes[12] = {0x10, 0x21, 0x32, 0x43, 0x54, 0x65, 0x76, 0x87, 0x98, 0xa9, 0xba, 0xcb};
    const MemAccess l = decoded(lwl(v0, 3, a0)), r = decoded(lwr(v0, 0, a0));
    const MemAccess sl = decoded(swl(v0, 3, a0)), sr = decoded(swr(v0, 0, a0));
    for (unsigned start = 0; start < 4; ++start) {
        INFO("start " << start);
        uint32_t expect = 0;
        for (unsigned i = 0; i < 4; ++i) expect |= uint32_t{bytes[start + i]} << (8 * i);
        auto read_span = [&](const mips::MemSpan& s) {
            uint32_t v = 0;
            for (unsigned i = 0; i < s.size; ++i) v |= uint32_t{bytes[s.address + i]} << (8 * i);
            return v;
        };
        uint32_t rt = 0xffffffff;
        const uint32_t ra_ = start, la = start + 3;
        rt = mips::load_result(r, read_span(mips::mem_span(r, ra_)), rt, ra_);
        rt = mips::load_result(l, read_span(mips::mem_span(l, la)), rt, la);
        CHECK(rt == expect);

        uint8_t out[12] = {};
        auto write = [&](const mips::StoreData& d) {
            for (unsigned i = 0; i < d.span.size; ++i)
                out[d.span.address + i] = static_cast<uint8_t>(d.value >> (8 * i));
        };
        write(mips::store_data(sr, 0xcafef00d, start));
        write(mips::store_data(sl, 0xcafef00d, start + 3));
        uint32_t stored = 0;
        for (unsigned i = 0; i < 4; ++i) stored |= uint32_t{out[start + i]} << (8 * i);
        CHECK(stored == 0xcafef00d);
        for (unsigned i = 0; i < 12; ++i) {
            if (i < start || i >= start + 4) CHECK(out[i] == 0);
        }
    }
}

TEST_CASE("stores: the low width bytes of rt", "[mips][decode]") {
    const mips::StoreData b = mips::store_data(decoded(sb(v0, 0, a0)), 0x12345678, 0x1003);
    CHECK(b.span.address == 0x1003);
    CHECK(b.span.size == 1);
    CHECK(b.value == 0x78);
    const mips::StoreData h = mips::store_data(decoded(sh(v0, 0, a0)), 0x12345678, 0x1002);
    CHECK(h.span.size == 2);
    CHECK(h.value == 0x5678);
    const mips::StoreData w = mips::store_data(decoded(sw(v0, 0, a0)), 0x12345678, 0x1000);
    CHECK(w.span.size == 4);
    CHECK(w.value == 0x12345678);
    const mips::StoreData c = mips::store_data(decoded(sc(v0, 0, a0)), 0x87654321, 0x1000);
    CHECK(c.span.size == 4);
    CHECK(c.value == 0x87654321);
}

TEST_CASE("COP0 operations", "[mips][decode]") {
    using mips::decode_cop0;
    for (unsigned sel = 0; sel < 8; ++sel) {
        const mips::Cop0Op f = decode_cop0(mfc0(t1, 12, sel));
        CHECK(f.kind == Cop0Kind::mfc0);
        CHECK(f.rt == t1);
        CHECK(f.rd == 12);
        CHECK(f.sel == sel);
        const mips::Cop0Op t = decode_cop0(mtc0(s3, 31, sel));
        CHECK(t.kind == Cop0Kind::mtc0);
        CHECK(t.rt == s3);
        CHECK(t.rd == 31);
        CHECK(t.sel == sel);
    }
    CHECK(decode_cop0(tlbr).kind == Cop0Kind::tlbr);
    CHECK(decode_cop0(tlbwi).kind == Cop0Kind::tlbwi);
    CHECK(decode_cop0(tlbwr).kind == Cop0Kind::tlbwr);
    CHECK(decode_cop0(tlbp).kind == Cop0Kind::tlbp);
    CHECK(decode_cop0(eret).kind == Cop0Kind::eret);
    CHECK(decode_cop0(deret).kind == Cop0Kind::deret);
    CHECK(decode_cop0(wait).kind == Cop0Kind::wait);
    CHECK(decode_cop0(wait | (0x1234u << 6)).kind == Cop0Kind::wait);   // implementation code
    CHECK(decode_cop0(0x42000018u).kind == Cop0Kind::eret);

    const mips::Cop0Op d = decode_cop0(di(v0));
    CHECK(d.kind == Cop0Kind::di);
    CHECK(d.rt == v0);
    const mips::Cop0Op e = decode_cop0(ei(zero));
    CHECK(e.kind == Cop0Kind::ei);
    CHECK(e.rt == 0);
    CHECK(decode_cop0(0x41606000u).kind == Cop0Kind::di);   // di with rt = 0
    CHECK(decode_cop0(0x41626020u).kind == Cop0Kind::ei);   // ei v0

    const mips::Cop0Op rp = decode_cop0(rdpgpr(sp, sp));
    CHECK(rp.kind == Cop0Kind::rdpgpr);
    CHECK(rp.rd == sp);
    CHECK(rp.rt == sp);
    const mips::Cop0Op wp = decode_cop0(wrpgpr(gp, a0));
    CHECK(wp.kind == Cop0Kind::wrpgpr);
    CHECK(wp.rd == gp);
    CHECK(wp.rt == a0);

    // Reserved COP0 encodings.
    CHECK(decode_cop0(0x40220000u).kind == Cop0Kind::invalid);   // dmfc0 (MIPS64)
    CHECK(decode_cop0(0x40a20000u).kind == Cop0Kind::invalid);   // dmtc0
    CHECK(decode_cop0(0x41000001u).kind == Cop0Kind::invalid);   // bc0f (MIPS I)
    CHECK(decode_cop0(co(0x03)).kind == Cop0Kind::invalid);
    CHECK(decode_cop0(co(0x10)).kind == Cop0Kind::invalid);
    CHECK(decode_cop0(co(0x3f)).kind == Cop0Kind::invalid);
    CHECK(decode_cop0(0x41600000u).kind == Cop0Kind::invalid);   // dmt/dvpe (MT ASE)
    CHECK(decode_cop0(0x41606001u).kind == Cop0Kind::invalid);
    CHECK(decode_cop0(0x41606800u).kind == Cop0Kind::invalid);   // rd 13
    CHECK(decode_cop0(0x41606004u).kind == Cop0Kind::invalid);   // sel bits

    // Not COP0 at all.
    CHECK(decode_cop0(lw(v0, 0, sp)).kind == Cop0Kind::not_cop0);
    CHECK(decode_cop0(0x44020800u).kind == Cop0Kind::not_cop0);  // mfc1
}

TEST_CASE("CACHE, SYNCI, SYNC and RDHWR", "[mips][decode]") {
    const mips::CacheOp c = mips::decode_cache(cache(0x15, -32, a0));   // Hit_WB_Inv D
    CHECK(c.valid);
    CHECK(c.op == 0x15);
    CHECK(c.cache == 1);
    CHECK(c.operation == 5);
    CHECK(c.base == a0);
    CHECK(c.offset == -32);
    const mips::CacheOp i = mips::decode_cache(cache(0x00, 0x1000, t0));  // Index_Inv I
    CHECK(i.valid);
    CHECK(i.cache == 0);
    CHECK(i.operation == 0);
    CHECK(i.offset == 0x1000);
    CHECK_FALSE(mips::decode_cache(pref(0x15, 0, a0)).valid);

    const mips::SynciOp s = mips::decode_synci(synci(64, a1));
    CHECK(s.valid);
    CHECK(s.base == a1);
    CHECK(s.offset == 64);
    CHECK_FALSE(mips::decode_synci(bltz(a1, 4)).valid);

    CHECK(mips::is_sync(sync_insn()));
    CHECK(mips::is_sync(sync_insn(0x10)));
    CHECK(mips::is_sync(sync_insn() | (t0 << 11)));      // must-be-zero rd ignored
    CHECK_FALSE(mips::is_sync(0x0000000e));
    CHECK_FALSE(mips::is_sync(0));

    for (unsigned hw : {0u, 1u, 2u, 3u, 29u, 31u}) {
        const mips::RdhwrOp r = mips::decode_rdhwr(rdhwr(v1, hw));
        CHECK(r.valid);
        CHECK(r.rt == v1);
        CHECK(r.rd == hw);
    }
    CHECK(mips::decode_rdhwr(0x7c03e83bu).rd == 29);   // rdhwr v1, $29 (TLS)
    CHECK_FALSE(mips::decode_rdhwr(0x7c00003au).valid);
    CHECK_FALSE(mips::decode_rdhwr(0x0000003bu).valid);
}
