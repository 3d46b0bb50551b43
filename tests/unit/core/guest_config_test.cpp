// Guest device trees (core/config/guest_config.cpp, docs/guest-bindings.md):
// the fixtures in fixtures/ are compiled by dtc at build time.
#include <string.h>

#include <string>
#include <vector>

#include "catch.hpp"
#include "config/guest_config.hpp"
#include "dtb.hpp"

using tern::GuestConfig;
using tern::RegionKind;
using tern::Status;

namespace {

struct Parsed {
    Status status;
    std::string error;
    GuestConfig cfg;
};

Parsed parse(const test::Dtb& dtb) {
    Parsed p{Status::ok, "", {}};
    char error[160] = "untouched";
    p.status = tern::parse_guest_config(dtb.data(), dtb.size(), p.cfg, error, sizeof(error));
    if (p.status != Status::ok) p.error = error;
    return p;
}

Parsed parse(const std::string& fixture) { return parse(test::load_dtb(fixture)); }

std::string error_of(const std::string& fixture) {
    Parsed p = parse(fixture);
    return p.status == Status::invalid ? p.error : std::string("status ") + tern::status_name(p.status);
}

}  // namespace

TEST_CASE("guest config: a complete guest", "[guest][config]") {
    Parsed p = parse("guest_valid");
    REQUIRE(p.status == Status::ok);
    const GuestConfig& c = p.cfg;
    CHECK(std::string(c.name) == "hello-1_x");
    CHECK(c.vcpus == 2);
    CHECK(c.has_start_pc);
    CHECK(c.start_pc == 0xbfc00000);
    REQUIRE(c.region_count == 3);
    CHECK(std::string(c.regions[0].name) == "ram@0");
    CHECK(c.regions[0].kind == RegionKind::ram);
    CHECK(c.regions[0].gpa == 0);
    CHECK(c.regions[0].size == 0x400000);
    CHECK(std::string(c.regions[0].image) == "");
    CHECK(std::string(c.regions[1].name) == "rom@1fc00000");
    CHECK(c.regions[1].kind == RegionKind::rom);
    CHECK(c.regions[1].gpa == 0x1fc00000);
    CHECK(c.regions[1].size == 0x100000);
    CHECK(std::string(c.regions[1].image) == "hello.elf");
    CHECK(c.regions[1].image_offset == 0);
    CHECK(std::string(c.regions[2].image) == "boot.bin");
    CHECK(c.regions[2].image_offset == 0x100);
    REQUIRE(c.device_count == 2);
    CHECK(std::string(c.devices[0].name) == "serial@1f000900");
    CHECK(std::string(c.devices[0].compatible) == "ns16550a");
    CHECK(c.devices[0].base == 0x1f000900);
    CHECK(c.devices[0].size == 0x40);
    CHECK(c.devices[0].reg_shift == 3);
    CHECK(c.devices[0].irq == 2);
    CHECK(std::string(c.devices[1].compatible) == "ns16550");  // the first of the list
    CHECK(c.devices[1].reg_shift == 0);
    CHECK(c.devices[1].irq == -1);  // no interrupts property
}

TEST_CASE("guest config: the defaults of a minimal guest", "[guest][config]") {
    Parsed p = parse("guest_minimal");
    REQUIRE(p.status == Status::ok);
    CHECK(std::string(p.cfg.name) == "m");
    CHECK(p.cfg.vcpus == 1);
    CHECK_FALSE(p.cfg.has_start_pc);
    CHECK(p.cfg.region_count == 1);
    CHECK(p.cfg.device_count == 0);
}

TEST_CASE("guest config: two-cell addresses and sizes", "[guest][config]") {
    Parsed p = parse("guest_two_cells");
    REQUIRE(p.status == Status::ok);
    CHECK(p.cfg.regions[0].gpa == 0x100000000);
    CHECK(p.cfg.regions[0].size == 0x200000);
    CHECK(p.cfg.devices[0].base == 0x200000000);
    CHECK(p.cfg.devices[0].size == 0x100);
    CHECK(p.cfg.devices[0].irq == 31);  // the highest line
}

TEST_CASE("guest config: the root node", "[guest][config]") {
    CHECK(error_of("guest_bad_compatible") == "root is not compatible with \"tern,guest\"");
    const std::string bad_model = "\"model\" must name the guest: 1-15 characters of [a-z0-9_-]";
    CHECK(error_of("guest_no_model") == bad_model);
    CHECK(error_of("guest_bad_name") == bad_model);
    CHECK(error_of("guest_long_name") == bad_model);
    CHECK(error_of("guest_vcpus_zero") == "\"vcpus\" must be 1 to 4");
    CHECK(error_of("guest_vcpus_five") == "\"vcpus\" must be 1 to 4");
    CHECK(error_of("guest_vcpus_two_cells") == "\"vcpus\" must be one cell");
}

TEST_CASE("guest config: memory regions", "[guest][config]") {
    CHECK(error_of("guest_no_memory") == "no /memory node");
    CHECK(error_of("guest_memory_no_regions") == "/memory has no regions");
    CHECK(error_of("guest_memory_bad_type") == "memory/flash@0: device_type must be \"ram\" or \"rom\"");
    CHECK(error_of("guest_memory_unaligned") ==
          "memory/ram@800: reg must be one page-aligned (base, size) pair");
    CHECK(error_of("guest_memory_size_zero") ==
          "memory/ram@0: reg must be one page-aligned (base, size) pair");
    CHECK(error_of("guest_memory_wrong_cells") ==
          "memory/ram@0: reg must be one page-aligned (base, size) pair");
    CHECK(error_of("guest_too_many_regions") == "too many memory regions (at most 8)");
    CHECK(error_of("guest_bad_image_offset") ==
          "memory/rom@0: \"image-offset\" must be one cell inside the region");
}

TEST_CASE("guest config: overlapping regions and unknown emulators parse; creation refuses them",
          "[guest][config]") {
    // The parser checks each node; the address space checks overlaps and
    // the emulator registry compatibles (see guest_test.cpp).
    Parsed overlap = parse("guest_overlap");
    REQUIRE(overlap.status == Status::ok);
    CHECK(overlap.cfg.regions[0].gpa + overlap.cfg.regions[0].size > overlap.cfg.regions[1].gpa);
    CHECK(parse("guest_devices_overlap").status == Status::ok);
    CHECK(parse("guest_unknown_device").status == Status::ok);
}

TEST_CASE("guest config: devices", "[guest][config]") {
    CHECK(error_of("guest_device_no_compatible") == "devices/serial@10000: no usable \"compatible\"");
    CHECK(error_of("guest_device_bad_reg") == "devices/serial@10000: reg must be one (base, size) pair");
    CHECK(error_of("guest_bad_interrupts") ==
          "devices/serial@10000: \"interrupts\" must be one cell, 0-31");
    CHECK(error_of("guest_bad_reg_shift") == "devices/serial@10000: \"reg-shift\" must be 0-3");
}

TEST_CASE("guest config: blobs that are not device trees", "[guest][config]") {
    GuestConfig cfg;
    char error[160];
    CHECK(tern::parse_guest_config(nullptr, 100, cfg, error, sizeof(error)) == Status::invalid);
    CHECK(std::string(error) == "not a valid device tree blob");
    std::vector<uint64_t> garbage(64, 0x0123456789abcdefull);
    CHECK(tern::parse_guest_config(garbage.data(), 512, cfg, error, sizeof(error)) == Status::invalid);
    CHECK(std::string(error) == "not a valid device tree blob");
    test::Dtb valid = test::load_dtb("guest_valid");
    CHECK(tern::parse_guest_config(valid.data(), 20, cfg, error, sizeof(error)) == Status::invalid);
    // A blob cut short of its own totalsize.
    CHECK(tern::parse_guest_config(valid.data(), valid.size() - 1, cfg, error, sizeof(error)) ==
          Status::invalid);
    CHECK(std::string(error) == "not a valid device tree blob");
    CHECK(tern::parse_guest_config(valid.data(), valid.size(), cfg, error, sizeof(error)) == Status::ok);
}

TEST_CASE("guest config: a short error buffer gets a cut and terminated message", "[guest][config]") {
    test::Dtb dtb = test::load_dtb("guest_bad_interrupts");
    GuestConfig cfg;
    char buf[16 + 8];
    memset(buf, '#', sizeof(buf));
    CHECK(tern::parse_guest_config(dtb.data(), dtb.size(), cfg, buf, 16) == Status::invalid);
    CHECK(std::string(buf) == "devices/serial@");  // 15 characters and the NUL
    for (size_t i = 16; i < sizeof(buf); ++i) CHECK(buf[i] == '#');
}

TEST_CASE("guest config: guest names", "[guest][config]") {
    CHECK(tern::valid_guest_name("a"));
    CHECK(tern::valid_guest_name("hello-1_x"));
    CHECK(tern::valid_guest_name("abcdefghijklmno"));  // 15
    CHECK_FALSE(tern::valid_guest_name("abcdefghijklmnop"));  // 16
    CHECK_FALSE(tern::valid_guest_name(""));
    CHECK_FALSE(tern::valid_guest_name("Hello"));
    CHECK_FALSE(tern::valid_guest_name("a b"));
    CHECK_FALSE(tern::valid_guest_name("a/b"));
    CHECK_FALSE(tern::valid_guest_name("a.b"));
    CHECK_FALSE(tern::valid_guest_name("caf\xc3\xa9"));
}
