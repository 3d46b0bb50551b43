// Guest physical address spaces (core/aspace.cpp): adding regions,
// overlaps, lookups and translations at their boundaries.
#include <stdint.h>
#include <string.h>

#include <vector>

#include "aspace.hpp"
#include "catch.hpp"
#include "hal_host.hpp"

using tern::AddressSpace;
using tern::Region;
using tern::RegionKind;
using tern::Status;

namespace {

Region region(RegionKind kind, uint64_t gpa, uint64_t size, uint64_t host_phys = 0) {
    Region r{kind, gpa, size, host_phys, nullptr, {}};
    strcpy(r.name, "r");
    return r;
}

constexpr uint64_t u64_max = ~uint64_t{0};

}  // namespace

TEST_CASE("aspace: regions may touch but not overlap", "[aspace]") {
    AddressSpace as;
    CHECK(as.add(region(RegionKind::ram, 0x1000, 0x1000)) == Status::ok);
    CHECK(as.add(region(RegionKind::ram, 0x2000, 0x1000)) == Status::ok);  // right after
    CHECK(as.add(region(RegionKind::rom, 0x0, 0x1000)) == Status::ok);     // right before
    CHECK(as.add(region(RegionKind::ram, 0x2fff, 0x2)) == Status::invalid);  // last byte
    CHECK(as.add(region(RegionKind::ram, 0xfff, 0x2)) == Status::invalid);   // first byte
    CHECK(as.add(region(RegionKind::device, 0x0, 0x10000)) == Status::invalid);  // covers all
    CHECK(as.add(region(RegionKind::device, 0x1800, 0x10)) == Status::invalid);  // inside one
    CHECK(as.add(region(RegionKind::ram, 0x5000, 0)) == Status::invalid);  // empty
    CHECK(as.add(region(RegionKind::ram, u64_max - 0xfff, 0x1000)) == Status::invalid);  // wraps to 0
    CHECK(as.add(region(RegionKind::ram, u64_max - 0x1fff, 0x1000)) == Status::ok);  // ends just before
    CHECK(as.count() == 4);
    as.clear();
    CHECK(as.count() == 0);
    CHECK(as.add(region(RegionKind::ram, 0x1800, 0x10)) == Status::ok);
}

TEST_CASE("aspace: the table holds max_regions", "[aspace]") {
    AddressSpace as;
    for (unsigned i = 0; i < AddressSpace::max_regions; ++i)
        REQUIRE(as.add(region(RegionKind::ram, i * 0x1000, 0x1000)) == Status::ok);
    CHECK(as.add(region(RegionKind::ram, 0x100000, 0x1000)) == Status::no_memory);
    CHECK(as.add(region(RegionKind::ram, 0x0, 0x1000)) == Status::invalid);  // overlap is checked first
    CHECK(as.count() == AddressSpace::max_regions);
    CHECK(as.region(AddressSpace::max_regions - 1).gpa == (AddressSpace::max_regions - 1) * 0x1000);
}

TEST_CASE("aspace: find returns the region holding an address", "[aspace]") {
    AddressSpace as;
    REQUIRE(as.add(region(RegionKind::ram, 0x10000, 0x4000, 0x800000)) == Status::ok);
    REQUIRE(as.add(region(RegionKind::device, 0x1f000900, 0x40)) == Status::ok);
    CHECK(as.find(0xffff) == nullptr);
    CHECK(as.find(0x10000) == &as.region(0));
    CHECK(as.find(0x13fff) == &as.region(0));
    CHECK(as.find(0x14000) == nullptr);
    CHECK(as.find(0x1f000900)->kind == RegionKind::device);
    CHECK(as.find(0x1f00093f) == &as.region(1));
    CHECK(as.find(0x1f000940) == nullptr);
    CHECK(as.find(u64_max) == nullptr);
}

TEST_CASE("aspace: translate covers RAM and ROM ranges inside one region", "[aspace]") {
    AddressSpace as;
    REQUIRE(as.add(region(RegionKind::ram, 0x10000, 0x4000, 0x800000)) == Status::ok);
    REQUIRE(as.add(region(RegionKind::rom, 0x14000, 0x1000, 0x900000)) == Status::ok);
    REQUIRE(as.add(region(RegionKind::device, 0x20000, 0x100)) == Status::ok);
    uint64_t phys = 1;
    CHECK(as.translate(0x10000, 0x4000, phys));  // the whole region
    CHECK(phys == 0x800000);
    CHECK(as.translate(0x13ffc, 4, phys));       // its last word
    CHECK(phys == 0x803ffc);
    CHECK(as.translate(0x14800, 0x10, phys));    // ROM
    CHECK(phys == 0x900800);
    phys = 7;
    CHECK_FALSE(as.translate(0x13ffc, 8, phys));  // runs into the next region
    CHECK_FALSE(as.translate(0x10000, 0x4001, phys));
    CHECK_FALSE(as.translate(0xfffc, 8, phys));   // starts in a hole
    CHECK_FALSE(as.translate(0x20000, 4, phys));  // a device
    CHECK_FALSE(as.translate(0x10000, u64_max, phys));  // no wrap-around tricks
    CHECK_FALSE(as.translate(0x13fff, u64_max, phys));
    CHECK(phys == 7);  // untouched on failure
    CHECK(as.translate(0x11000, 0, phys));  // an empty range at a valid address
}

TEST_CASE("aspace: host_pointer reaches guest memory through the HAL", "[aspace]") {
    host::reset();
    std::vector<uint8_t> ram(0x4000), rom(0x1000);
    host::ram_map(0x800000, ram.data(), ram.size());
    host::ram_map(0x900000, rom.data(), rom.size());
    AddressSpace as;
    REQUIRE(as.add(region(RegionKind::ram, 0x10000, 0x4000, 0x800000)) == Status::ok);
    REQUIRE(as.add(region(RegionKind::rom, 0x14000, 0x1000, 0x900000)) == Status::ok);
    REQUIRE(as.add(region(RegionKind::device, 0x20000, 0x100)) == Status::ok);
    REQUIRE(as.add(region(RegionKind::ram, 0x30000, 0x1000, 0xa00000)) == Status::ok);  // not mapped
    CHECK(as.host_pointer(0x10000, 16) == ram.data());
    CHECK(as.host_pointer(0x13ff0, 16) == ram.data() + 0x3ff0);
    CHECK(as.host_pointer(0x14fff, 1) == rom.data() + 0xfff);
    CHECK(as.host_pointer(0x13ff0, 17) == nullptr);
    CHECK(as.host_pointer(0x20000, 1) == nullptr);
    CHECK(as.host_pointer(0x30000, 1) == nullptr);  // the HAL cannot reach it
    CHECK(tern::region_kind_name(RegionKind::ram) == std::string("ram"));
    CHECK(tern::region_kind_name(RegionKind::rom) == std::string("rom"));
    CHECK(tern::region_kind_name(RegionKind::device) == std::string("device"));
}
