// Board device tree parsing (core/config/board.cpp) with the host libfdt:
// the real Malta tree, unusual but valid trees, and broken ones.
#include <libfdt.h>
#include <string.h>

#include <string>

#include "catch.hpp"
#include "config/board.hpp"
#include "dtb.hpp"

using tern::BoardInfo;
using tern::Status;

namespace {

struct Parsed {
    Status status;
    BoardInfo board;
    std::string error;
};

Parsed parse_blob(const void* blob) {
    Parsed p{Status::ok, {}, {}};
    const char* error = nullptr;
    p.status = tern::parse_board(blob, p.board, &error);
    REQUIRE(error != nullptr);  // always set, "" on success
    p.error = error;
    return p;
}

Parsed parse(const std::string& fixture) { return parse_blob(test::load_dtb(fixture).data()); }

}  // namespace

TEST_CASE("the Malta board tree describes QEMU's Malta", "[board]") {
    Parsed p = parse("malta");
    REQUIRE(p.status == Status::ok);
    CHECK(p.error.empty());
    const BoardInfo& b = p.board;
    CHECK(std::string(b.model) == "MIPS Malta");
    CHECK(std::string(b.cpu_compatible) == "mti,mips24Kf");
    CHECK(b.ram_base == 0);
    CHECK(b.ram_size == 256ull << 20);
    CHECK(b.timer_hz == 160000000);

    REQUIRE(b.has_console);
    CHECK(std::string(b.console_path) == "/isa/serial@3f8");
    CHECK(std::string(b.console_compatible) == "ns16550a");
    REQUIRE(b.console.compatible != nullptr);
    CHECK(std::string(b.console.compatible) == "ns16550a");
    // Port 0x3f8 through the ISA bus "ranges" (0 -> 0x18000000).
    CHECK(b.console.phys_base == 0x180003f8);
    CHECK(b.console.reg_shift == 0);
    CHECK(b.console.clock_hz == 1843200);
    CHECK(b.console.irq == 4);
}

TEST_CASE("the console binding points into the BoardInfo, not the blob", "[board]") {
    test::Dtb dtb = test::load_dtb("malta");
    BoardInfo board;
    const char* error = nullptr;
    REQUIRE(tern::parse_board(dtb.data(), board, &error) == Status::ok);
    CHECK(board.console.compatible == board.console_compatible);
    memset(dtb.data(), 0, dtb.size());  // the blob may go away after boot
    CHECK(std::string(board.model) == "MIPS Malta");
    CHECK(std::string(board.console.compatible) == "ns16550a");
}

TEST_CASE("parse_board resets every field of its output", "[board]") {
    test::Dtb dtb = test::load_dtb("minimal");
    BoardInfo board;
    board.has_console = true;
    board.timer_hz = 99;
    board.console.irq = 3;
    strcpy(board.console_path, "/stale");
    const char* error = nullptr;
    REQUIRE(tern::parse_board(dtb.data(), board, &error) == Status::ok);
    CHECK_FALSE(board.has_console);
    CHECK(board.timer_hz == 0);
    CHECK(board.console.irq == 0);
    CHECK(std::string(board.console_path).empty());
}

TEST_CASE("a minimal tree: memory only", "[board]") {
    Parsed p = parse("minimal");
    REQUIRE(p.status == Status::ok);
    CHECK(std::string(p.board.model) == "unknown board");
    CHECK(p.board.ram_base == 0x80000000);
    CHECK(p.board.ram_size == 64ull << 20);
    CHECK_FALSE(p.board.has_console);  // no /chosen: keep the early console
    CHECK(p.board.timer_hz == 0);
    CHECK(std::string(p.board.cpu_compatible).empty());
}

TEST_CASE("stdout-path options, reg-shift and nested ranges", "[board]") {
    Parsed p = parse("stdout_path_options");
    REQUIRE(p.status == Status::ok);
    const BoardInfo& b = p.board;
    CHECK(std::string(b.model) == "options board");
    CHECK(std::string(b.cpu_compatible) == "vendor,core-x");
    CHECK(b.timer_hz == 0);  // /cpus without timebase-frequency
    REQUIRE(b.has_console);
    CHECK(std::string(b.console_path) == "/soc/apb/uart@100");  // options dropped
    CHECK(std::string(b.console.compatible) == "snps,dw-apb-uart");  // first string
    // apb maps 0x0-0xfff to 0x10000000; soc's empty "ranges" is identity.
    CHECK(b.console.phys_base == 0x10000100);
    CHECK(b.console.reg_shift == 2);
    CHECK(b.console.clock_hz == 24000000);
    CHECK(b.console.irq == -1);  // no "interrupts"
}

TEST_CASE("stdout-path may name an alias", "[board]") {
    Parsed p = parse("aliased_console");
    REQUIRE(p.status == Status::ok);
    REQUIRE(p.board.has_console);
    CHECK(std::string(p.board.console_path) == "serial0");
    CHECK(std::string(p.board.console.compatible) == "arm,pl011");
    CHECK(p.board.console.phys_base == 0x9000000);
    CHECK(p.board.console.irq == 33);
    CHECK(p.board.console.clock_hz == 0);
    CHECK(p.board.ram_base == 0x40000000);
    CHECK(p.board.ram_size == 256ull << 20);
}

TEST_CASE("two-cell addresses and sizes, RAM and devices above 4 GiB", "[board]") {
    Parsed p = parse("wide_cells");
    REQUIRE(p.status == Status::ok);
    CHECK(p.board.ram_base == 0x100000000ull);
    CHECK(p.board.ram_size == 0x80000000ull);
    CHECK(p.board.timer_hz == 62500000);
    REQUIRE(p.board.has_console);
    CHECK(p.board.console.phys_base == 0x1000003000ull);
    CHECK(p.board.console.irq == 7);  // the first cell of "interrupts"
}

TEST_CASE("broken trees are rejected with a reason", "[board][errors]") {
    struct Case {
        const char* fixture;
        const char* error;
    };
    const Case cases[] = {
        {"no_memory", "no memory node (device_type = \"memory\")"},
        {"memory_no_reg", "memory node has no usable reg"},
        {"memory_zero_size", "memory node has no usable reg"},
        {"bad_stdout_path", "/chosen/stdout-path names a missing node"},
        {"console_no_compatible", "console node has no compatible"},
        {"console_no_reg", "console node has no usable reg"},
        {"console_unmapped_bus", "console node has no usable reg"},
        {"console_outside_ranges", "console node has no usable reg"},
    };
    for (const Case& c : cases) {
        INFO("fixture " << c.fixture);
        Parsed p = parse(c.fixture);
        CHECK(p.status == Status::invalid);
        CHECK(p.error == c.error);
    }
}

TEST_CASE("the console path is kept for the report even when it is missing", "[board][errors]") {
    Parsed p = parse("bad_stdout_path");
    REQUIRE(p.status == Status::invalid);
    CHECK(std::string(p.board.console_path) == "/isa/serial@2f8");
}

TEST_CASE("what is not a device tree is rejected", "[board][errors]") {
    SECTION("a null pointer") {
        Parsed p = parse_blob(nullptr);
        CHECK(p.status == Status::invalid);
        CHECK(p.error == "not a valid flattened device tree");
    }
    SECTION("garbage bytes") {
        alignas(8) const unsigned char garbage[64] = {0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4};
        Parsed p = parse_blob(garbage);
        CHECK(p.status == Status::invalid);
        CHECK(p.error == "not a valid flattened device tree");
    }
    SECTION("zeroes") {
        alignas(8) const unsigned char zeroes[128] = {};
        CHECK(parse_blob(zeroes).status == Status::invalid);
    }
    SECTION("a real blob with a damaged magic number") {
        test::Dtb dtb = test::load_dtb("malta");
        static_cast<unsigned char*>(dtb.data())[0] ^= 0xff;
        Parsed p = parse_blob(dtb.data());
        CHECK(p.status == Status::invalid);
        CHECK(p.error == "not a valid flattened device tree");
    }
    SECTION("a real blob claiming an unknown version") {
        test::Dtb dtb = test::load_dtb("malta");
        fdt_set_version(dtb.data(), 1);
        fdt_set_last_comp_version(dtb.data(), 1);
        CHECK(parse_blob(dtb.data()).status == Status::invalid);
    }
    SECTION("a real blob whose structure block runs past its end") {
        test::Dtb dtb = test::load_dtb("malta");
        fdt_set_off_dt_struct(dtb.data(), static_cast<uint32_t>(dtb.size()) + 64);
        CHECK(parse_blob(dtb.data()).status == Status::invalid);
    }
}
