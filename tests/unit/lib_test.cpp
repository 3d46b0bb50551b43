// The small freestanding toolbox: core/lib/std.hpp, bitfield.hpp, status.cpp.
#include <string>

#include "catch.hpp"
#include "lib/bitfield.hpp"
#include "lib/std.hpp"

TEST_CASE("Status values have names", "[lib]") {
    using tern::Status;
    CHECK(std::string(tern::status_name(Status::ok)) == "ok");
    CHECK(std::string(tern::status_name(Status::no_memory)) == "out of memory");
    CHECK(std::string(tern::status_name(Status::invalid)) == "invalid");
    CHECK(std::string(tern::status_name(Status::not_found)) == "not found");
    CHECK(std::string(tern::status_name(Status::busy)) == "busy");
    CHECK(std::string(tern::status_name(Status::unsupported)) == "unsupported");
    CHECK(std::string(tern::status_name(Status::out_of_range)) == "out of range");
    CHECK(std::string(tern::status_name(static_cast<Status>(99))) == "?");
}

TEST_CASE("alignment helpers", "[lib]") {
    STATIC_REQUIRE(tern::is_pow2(1));
    STATIC_REQUIRE(tern::is_pow2(4096));
    STATIC_REQUIRE(tern::is_pow2(uint64_t{1} << 63));
    STATIC_REQUIRE_FALSE(tern::is_pow2(0));
    STATIC_REQUIRE_FALSE(tern::is_pow2(12));
    STATIC_REQUIRE(tern::align_down(0x1234, 0x1000) == 0x1000);
    STATIC_REQUIRE(tern::align_up(0x1234, 0x1000) == 0x2000);
    STATIC_REQUIRE(tern::align_up(0x2000, 0x1000) == 0x2000);
    STATIC_REQUIRE(tern::align_down(0x2000, 0x1000) == 0x2000);
    STATIC_REQUIRE(tern::min(3, 4) == 3);
    STATIC_REQUIRE(tern::max(3, 4) == 4);
    constexpr int table[7] = {};
    STATIC_REQUIRE(tern::array_size(table) == 7);
}

TEST_CASE("range_within never overflows", "[lib]") {
    using tern::range_within;
    CHECK(range_within(0x1000, 0x100, 0x1000, 0x1000));
    CHECK(range_within(0x1f00, 0x100, 0x1000, 0x1000));   // ends exactly at the end
    CHECK_FALSE(range_within(0x1f01, 0x100, 0x1000, 0x1000));
    CHECK_FALSE(range_within(0xfff, 0x10, 0x1000, 0x1000));
    CHECK(range_within(0x1000, 0, 0x1000, 0x1000));
    CHECK(range_within(0x2000, 0, 0x1000, 0x1000));       // empty range at the end
    CHECK_FALSE(range_within(0x1000, 0x2000, 0x1000, 0x1000));
    // base + size wraps around 2^64: must not look like it fits.
    CHECK_FALSE(range_within(UINT64_MAX - 0x10, 0x100, 0, UINT64_MAX));
    CHECK(range_within(0, UINT64_MAX, 0, UINT64_MAX));
}

TEST_CASE("Bitfield reads and writes one field", "[lib]") {
    using Ksu = tern::Bitfield<3, 2>;
    using Top = tern::Bitfield<31, 1>;
    using All = tern::Bitfield<0, 32>;
    STATIC_REQUIRE(Ksu::mask == 0x18);
    STATIC_REQUIRE(Top::mask == 0x80000000u);
    STATIC_REQUIRE(All::mask == 0xffffffffu);
    STATIC_REQUIRE(Ksu::get(0x10) == 2);
    STATIC_REQUIRE(Ksu::bits(2) == 0x10);
    STATIC_REQUIRE(Ksu::bits(7) == 0x18);               // excess bits dropped
    STATIC_REQUIRE(Ksu::set(0xffffffffu, 0) == 0xffffffe7u);
    STATIC_REQUIRE(Ksu::set(0x1, 3) == 0x19);
    STATIC_REQUIRE(Ksu::clear(0xff) == 0xe7);
    STATIC_REQUIRE(Top::test(0x80000000u));
    STATIC_REQUIRE_FALSE(Top::test(0x7fffffffu));
    using Wide = tern::Bitfield<32, 16, uint64_t>;
    STATIC_REQUIRE(Wide::get(0x0000abcd00000000ull) == 0xabcd);
}

TEST_CASE("sign_extend", "[lib]") {
    STATIC_REQUIRE(tern::sign_extend(0x7fff, 16) == 32767);
    STATIC_REQUIRE(tern::sign_extend(0x8000, 16) == -32768);
    STATIC_REQUIRE(tern::sign_extend(0xffff, 16) == -1);
    STATIC_REQUIRE(tern::sign_extend(0x80, 8) == -128);
    STATIC_REQUIRE(tern::sign_extend(0x7f, 8) == 127);
    STATIC_REQUIRE(tern::sign_extend(0x80000000u, 32) == INT32_MIN);
    STATIC_REQUIRE(tern::sign_extend(1, 1) == -1);
}
